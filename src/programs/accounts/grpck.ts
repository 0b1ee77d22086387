// grpck (shadow 4.13): checks /etc/group and /etc/gshadow (or the files named) as pwck does
// the user files: bad and duplicate lines, bad names, members that are no user, groups
// missing from gshadow; members listed in one file only are warned about (-S silences those,
// and they do not count as errors). -r answers every question "No"; -s sorts by GID.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { fail, has, parseArgs } from './common';
import { exists, type GrRec, isNis, type Line, parseGr, parseSg, readLines, type SgRec, sortById, sortLike, writeLines, yesOrNo } from './check-files';
import { Locks } from './db';
import { validName } from './defs';
import { processRoot } from './root';

const E_USAGE = 1;
const E_BAD_ENTRY = 2;
const E_CANT_OPEN = 3;
const E_CANT_LOCK = 4;

const usageText = (prog: string): string => `Usage: ${prog} [options] [group [gshadow]]

Options:
  -h, --help                    show this help and exit
  -r, --read-only               report problems, change nothing
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --sort                    reorder the entries by GID
  -S, --silence-warnings        leave out the member-list warnings

`;

interface State {
  ctx: Ctx;
  acc: Accounts;
  readOnly: boolean;
  silence: boolean;
  errors: number;
  grChanged: boolean;
  sgChanged: boolean;
}

async function ask(st: State, ...lines: string[]): Promise<boolean> {
  await st.ctx.print(lines.join(''));
  st.errors++;
  return yesOrNo(st.ctx, st.readOnly);
}

/** check_members: each name must be a user; returns the list without those deleted. */
async function checkMembers(st: State, group: string, members: string[], info: string, prompt: string): Promise<string[] | undefined> {
  const kept: string[] = [];
  let changed = false;
  for (const m of members) {
    if (st.acc.userByName(m)) {
      kept.push(m);
      continue;
    }
    st.errors++;
    await st.ctx.print(`${info} ${group}: no ${prompt === 'administrative member' ? 'administrative user' : 'user'} ${m}\ndelete ${prompt} '${m}'? `);
    if (await yesOrNo(st.ctx, st.readOnly)) changed = true;
    else kept.push(m);
  }
  return changed ? kept : undefined;
}

async function compareMembers(st: State, group: string, members: string[], other: string[], file: string, otherFile: string): Promise<void> {
  if (st.silence) return;
  for (const m of members) if (!other.includes(m)) await st.ctx.print(`'${m}' is a member of the '${group}' group in ${file} but not in ${otherFile}\n`);
}

const grLine = (e: GrRec): string => [e.name, e.passwd, e.gid, e.members.join(',')].join(':');
const sgLine = (e: SgRec): string => [e.name, e.passwd, e.admins.join(','), e.members.join(',')].join(':');

async function checkGroup(st: State, gr: Line<GrRec>[], sg: Line<SgRec>[] | undefined, grName: string, sgName: string): Promise<Line<GrRec>[]> {
  const { ctx } = st;
  const deleted = new Set<Line<GrRec>>();
  for (const l of gr) {
    await ctx.tick();
    if (isNis(l)) continue;
    const e = l.entry;
    if (!e) {
      if (await ask(st, 'invalid group file entry\n', `delete line '${l.line}'? `)) deleted.add(l);
      continue;
    }
    let dropped = false;
    for (const o of gr) {
      if (o === l || !o.entry || deleted.has(o) || o.entry.name !== e.name) continue;
      if (await ask(st, 'duplicate group entry\n', `delete line '${l.line}'? `)) {
        deleted.add(l);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    if (!validName(e.name)) {
      st.errors++;
      await ctx.print(`invalid group name '${e.name}'\n`);
    }
    if (e.gid === 0xffffffff) {
      await ctx.print(`invalid group ID '${e.gid}'\n`);
      st.errors++;
    }
    const members = e.members.length === 1 && e.members[0] === '' ? [] : e.members;
    const kept = await checkMembers(st, e.name, members, 'group', 'member');
    if (kept) {
      e.members = kept;
      l.line = grLine(e);
      st.grChanged = true;
    }
    if (!sg) continue;
    const match = sg.find((s) => s.entry?.name === e.name);
    if (!match) {
      if (await ask(st, `no matching group file entry in ${sgName}\n`, `add group '${e.name}' in ${sgName}? `)) {
        const entry: SgRec = { name: e.name, passwd: e.passwd, admins: [], members: [...e.members] };
        sg.push({ line: sgLine(entry), entry, changed: true });
        e.passwd = 'x';
        l.line = grLine(e);
        st.grChanged = st.sgChanged = true;
      }
    } else {
      await compareMembers(st, e.name, e.members, match.entry!.members, grName, sgName);
      if (e.passwd !== 'x') {
        await ctx.print(`group ${e.name} has an entry in ${sgName}, but its password field in ${grName} is not set to 'x'\n`);
        st.errors++;
      }
    }
  }
  if (deleted.size) st.grChanged = true;
  return gr.filter((l) => !deleted.has(l));
}

async function checkGshadow(st: State, sg: Line<SgRec>[], gr: Line<GrRec>[], grName: string, sgName: string): Promise<Line<SgRec>[]> {
  const { ctx } = st;
  const deleted = new Set<Line<SgRec>>();
  for (const l of sg) {
    await ctx.tick();
    const e = l.entry;
    if (!e) {
      if (await ask(st, 'invalid shadow group file entry\n', `delete line '${l.line}'? `)) deleted.add(l);
      continue;
    }
    let dropped = false;
    for (const o of sg) {
      if (o === l || !o.entry || deleted.has(o) || o.entry.name !== e.name) continue;
      if (await ask(st, 'duplicate shadow group entry\n', `delete line '${l.line}'? `)) {
        deleted.add(l);
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    const g = gr.find((x) => x.entry?.name === e.name)?.entry;
    if (!g) {
      if (await ask(st, `no matching group file entry in ${grName}\n`, `delete line '${l.line}'? `)) {
        deleted.add(l);
        continue;
      }
    } else await compareMembers(st, e.name, e.members, g.members, sgName, grName);
    const admins = await checkMembers(st, e.name, e.admins, 'shadow group', 'administrative member');
    const members = await checkMembers(st, e.name, e.members, 'shadow group', 'member');
    if (admins || members) {
      e.admins = admins ?? e.admins;
      e.members = members ?? e.members;
      l.line = sgLine(e);
      st.sgChanged = true;
    }
  }
  if (deleted.size) st.sgChanged = true;
  return sg.filter((l) => !deleted.has(l));
}

export default defineProgram({
  name: 'grpck',
  installPath: '/usr/sbin/grpck',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    const a = await parseArgs(ctx, [
      { key: 'h', short: 'h', long: 'help' }, { key: 'q', short: 'q', long: 'quiet' },
      { key: 'r', short: 'r', long: 'read-only' }, { key: 'R', short: 'R', long: 'root', arg: 'required' },
      { key: 's', short: 's', long: 'sort' }, { key: 'S', short: 'S', long: 'silence-warnings' },
    ], () => usageText(prog), E_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) {
      await ctx.print(usageText(prog));
      return 0;
    }
    const sys = ctx.sys;
    const st: State = { ctx, acc: await Accounts.load(sys), readOnly: has(a, 'r'), silence: has(a, 'S'), errors: 0, grChanged: false, sgChanged: false };
    const sort = has(a, 's');
    if (sort && st.readOnly) {
      await fail(ctx, '-s and -r are incompatible');
      return E_USAGE;
    }
    if (a.operands.length > 2) {
      await ctx.err.write(usageText(prog));
      return E_USAGE;
    }
    const grName = a.operands[0] ?? '/etc/group';
    const sgName = a.operands[1] ?? '/etc/gshadow';
    const isShadow = a.operands.length === 2 || (a.operands.length === 0 && (await exists(sys, sgName)));
    const locks = new Locks(ctx);
    try {
      if (!st.readOnly) {
        for (const name of isShadow ? [grName, sgName] : [grName]) {
          if (!(await locks.lock(name))) {
            await fail(ctx, `cannot lock ${name}; try again later.`);
            return E_CANT_LOCK;
          }
        }
      }
      let gr = await readLines(sys, grName, parseGr);
      if (!gr) {
        await fail(ctx, `cannot open ${grName}`);
        return E_CANT_OPEN;
      }
      let sg = isShadow ? await readLines(sys, sgName, parseSg) : undefined;
      if (isShadow && !sg) {
        await fail(ctx, `cannot open ${sgName}`);
        return E_CANT_OPEN;
      }
      if (sort) {
        gr = sortById(gr, (e) => e.gid);
        if (sg) sg = sortLike(sg, gr);
        st.grChanged = st.sgChanged = true;
      } else {
        gr = await checkGroup(st, gr, sg, grName, sgName);
        if (sg) sg = await checkGshadow(st, sg, gr, grName, sgName);
      }
      if (st.grChanged) await writeLines(sys, grName, gr);
      if (sg && st.sgChanged) await writeLines(sys, sgName, sg);
    } finally {
      await locks.release();
    }
    if (st.errors) await ctx.print(`${prog}: ${st.grChanged || st.sgChanged ? 'the files have been updated' : 'no changes'}\n`);
    return st.errors ? E_BAD_ENTRY : 0;
  },
});
