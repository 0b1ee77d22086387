// pwck (shadow 4.13): checks /etc/passwd and /etc/shadow (or the files named) line by line.
// Each problem is printed on stdout; for a bad line it asks whether to delete it (-r answers
// "No" itself, otherwise a reply starting with y on stdin means yes); -q keeps only the errors,
// -s sorts the files by UID instead of checking. Status 2 when anything was found.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { fail, has, parseArgs } from './common';
import { exists, isNis, type Line, parsePw, parseSp, type PwRec, readLines, sortById, sortLike, type SpRec, writeLines, yesOrNo } from './check-files';
import { Locks, today } from './db';
import { LoginDefs, validName } from './defs';
import { processRoot } from './root';

const E_USAGE = 1;
const E_BADENTRY = 2;
const E_CANTOPEN = 3;
const E_CANTLOCK = 4;

const usageText = (prog: string): string => `Usage: ${prog} [options] [passwd [shadow]]

Options:
  -b, --badname                 accept names the usual rules reject
  -h, --help                    show this help and exit
  -q, --quiet                   only report errors, not warnings
  -r, --read-only               report problems, change nothing
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --sort                    reorder the entries by UID

`;

interface State {
  ctx: Ctx;
  readOnly: boolean;
  quiet: boolean;
  badNames: boolean;
  errors: number;
  changed: boolean;
  /** Which files to write back. */
  pwChanged: boolean;
  spChanged: boolean;
}

/** Prints `lines`, asks, and reports whether to delete. */
async function ask(st: State, ...lines: string[]): Promise<boolean> {
  await st.ctx.print(lines.join(''));
  st.errors++;
  return yesOrNo(st.ctx, st.readOnly);
}

async function checkPasswd(st: State, pw: Line<PwRec>[], sp: Line<SpRec>[] | undefined, pwName: string, spName: string): Promise<Line<PwRec>[]> {
  const { ctx } = st;
  const sys = ctx.sys;
  const acc = await Accounts.load(sys);
  const defs = await LoginDefs.load(sys);
  const sysMin = defs.num('SYS_UID_MIN', 101);
  const sysMax = defs.num('SYS_UID_MAX', 999);
  const nonexistent = defs.str('NONEXISTENT', '');
  const deleted = new Set<Line<PwRec>>();
  const added: Line<SpRec>[] = [];
  for (const l of pw) {
    await ctx.tick();
    if (isNis(l)) continue;
    const e = l.entry;
    if (!e) {
      if (await ask(st, 'invalid password file entry\n', `delete line '${l.line}'? `)) deleted.add(l);
      continue;
    }
    let dropped = false;
    for (const o of pw) {
      if (o === l || !o.entry || deleted.has(o) || o.entry.name !== e.name) continue;
      if (await ask(st, 'duplicate password entry\n', `delete line '${l.line}'? `)) {
        deleted.add(l);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (!st.badNames && !validName(e.name)) {
      await ctx.print(`invalid user name '${e.name}': use --badname to ignore\n`);
      st.errors++;
    }
    if (e.uid === 0xffffffff) {
      await ctx.print(`invalid user ID '${e.uid}'\n`);
      st.errors++;
    }
    if (!st.quiet && !acc.groupById(e.gid)) {
      await ctx.print(`user '${e.name}': no group ${e.gid}\n`);
      st.errors++;
    }
    const system = e.uid >= sysMin && e.uid <= sysMax;
    if (!system && e.home !== '' && !st.quiet && !(await exists(sys, e.home)) && e.home !== nonexistent) {
      await ctx.print(`user '${e.name}': directory '${e.home}' does not exist\n`);
      st.errors++;
    }
    if (!st.quiet && e.shell !== '' && !(await exists(sys, e.shell))) {
      await ctx.print(`user '${e.name}': program '${e.shell}' does not exist\n`);
      st.errors++;
    }
    if (!sp) continue;
    const match = [...sp, ...added].find((s) => s.entry?.name === e.name);
    if (!match) {
      if (await ask(st, `no matching password file entry in ${spName}\n`, `add user '${e.name}' in ${spName}? `)) {
        const last = today(sys) || '';
        const n = (k: string): string => { const v = defs.num(k, -1); return v < 0 ? '' : String(v); };
        const fields = [e.name, e.passwd, String(last), n('PASS_MIN_DAYS'), n('PASS_MAX_DAYS'), n('PASS_WARN_AGE'), '', '', ''];
        added.push({ line: fields.join(':'), entry: { name: e.name, fields, lastchg: Number(last) }, changed: true });
        l.line = [e.name, 'x', e.uid, e.gid, e.gecos, e.home, e.shell].join(':');
        l.entry = { ...e, passwd: 'x' };
        st.changed = st.pwChanged = st.spChanged = true;
      }
    } else if (!st.quiet && e.passwd !== 'x') {
      await ctx.print(`user ${e.name} has an entry in ${spName}, but its password field in ${pwName} is not set to 'x'\n`);
      st.errors++;
    }
  }
  if (deleted.size) st.changed = st.pwChanged = true;
  if (sp) sp.push(...added);
  return pw.filter((l) => !deleted.has(l));
}

async function checkShadow(st: State, sp: Line<SpRec>[], pw: Line<PwRec>[], pwName: string): Promise<Line<SpRec>[]> {
  const { ctx } = st;
  const now = today(ctx.sys);
  const deleted = new Set<Line<SpRec>>();
  for (const l of sp) {
    await ctx.tick();
    if (l.changed || isNis(l)) continue;
    const e = l.entry;
    if (!e) {
      if (await ask(st, 'invalid shadow password file entry\n', `delete line '${l.line}'? `)) deleted.add(l);
      continue;
    }
    let dropped = false;
    for (const o of sp) {
      if (o === l || !o.entry || deleted.has(o) || o.entry.name !== e.name) continue;
      if (await ask(st, 'duplicate shadow password entry\n', `delete line '${l.line}'? `)) {
        deleted.add(l);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (!pw.some((p) => p.entry?.name === e.name)) {
      if (await ask(st, `no matching password file entry in ${pwName}\n`, `delete line '${l.line}'? `)) {
        deleted.add(l);
        continue;
      }
    }
    if (!st.quiet && e.lastchg > now) {
      await ctx.print(`user ${e.name}: last password change in the future\n`);
      st.errors++;
    }
  }
  if (deleted.size) st.changed = st.spChanged = true;
  return sp.filter((l) => !deleted.has(l));
}

export default defineProgram({
  name: 'pwck',
  installPath: '/usr/sbin/pwck',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    const a = await parseArgs(ctx, [
      { key: 'b', short: 'b', long: 'badname' }, { key: 'e', short: 'e' }, { key: 'h', short: 'h', long: 'help' },
      { key: 'q', short: 'q', long: 'quiet' }, { key: 'r', short: 'r', long: 'read-only' },
      { key: 'R', short: 'R', long: 'root', arg: 'required' }, { key: 's', short: 's', long: 'sort' },
    ], () => usageText(prog), E_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) {
      await ctx.print(usageText(prog));
      return 0;
    }
    const st: State = { ctx, readOnly: has(a, 'r'), quiet: has(a, 'q') || has(a, 'e'), badNames: has(a, 'b'), errors: 0, changed: false, pwChanged: false, spChanged: false };
    const sort = has(a, 's');
    if (sort && st.readOnly) {
      await fail(ctx, '-s and -r are incompatible');
      return E_USAGE;
    }
    if (a.operands.length > 2) {
      await ctx.err.write(usageText(prog));
      return E_USAGE;
    }
    const sys = ctx.sys;
    const pwName = a.operands[0] ?? '/etc/passwd';
    const spName = a.operands[1] ?? '/etc/shadow';
    const isShadow = a.operands.length === 2 || (a.operands.length === 0 && (await exists(sys, spName)));
    const locks = new Locks(ctx);
    try {
      if (!st.readOnly) {
        for (const name of isShadow ? [pwName, spName] : [pwName]) {
          if (!(await locks.lock(name))) {
            await fail(ctx, `cannot lock ${name}; try again later.`);
            return E_CANTLOCK;
          }
        }
      }
      let pw = await readLines(sys, pwName, parsePw);
      if (!pw) {
        await fail(ctx, `cannot open ${pwName}`);
        return E_CANTOPEN;
      }
      let sp = isShadow ? await readLines(sys, spName, parseSp) : undefined;
      if (isShadow && !sp) {
        await fail(ctx, `cannot open ${spName}`);
        return E_CANTOPEN;
      }
      if (sort) {
        pw = sortById(pw, (e) => e.uid);
        if (sp) sp = sortLike(sp, pw);
        st.changed = st.pwChanged = st.spChanged = true;
      } else {
        pw = await checkPasswd(st, pw, sp, pwName, spName);
        if (sp) sp = await checkShadow(st, sp, pw, pwName);
      }
      if (st.pwChanged) await writeLines(sys, pwName, pw);
      if (sp && st.spChanged) await writeLines(sys, spName, sp);
    } finally {
      await locks.release();
    }
    if (st.errors) await ctx.print(`${prog}: ${st.changed ? 'the files have been updated' : 'no changes'}\n`);
    return st.errors ? E_BADENTRY : 0;
  },
});
