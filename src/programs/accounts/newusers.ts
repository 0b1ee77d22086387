// newusers (shadow 4.13, built with PAM as Photon's is): creates or updates users from lines
// of name:password:uid:gid:gecos:home:shell (a file or standard input). An empty uid takes the
// next free one; a uid field naming a user takes that user's; the gid field names a group
// (made when missing, with a free gid, the uid preferred), or is a number (a group named after
// the user is made when no group has it), or is empty (a group named after the user). Homes
// given are made (one level, not filled from skel). Any bad line cancels every change; the
// passwords are then set one user at a time, as PAM does after the files are written.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { hashPassword, passwordQuality } from './auth';
import { fail, has, lockAndRead, parseArgs } from './common';
import { commitAll, Locks, today, type AccountDbs } from './db';
import { LoginDefs, validName } from './defs';
import { newId } from './ids';
import { processRoot } from './root';

const usageText = (prog: string): string => `Usage: ${prog} [options]

Options:
  -b, --badname                 accept names the usual rules reject
  -h, --help                    show this help and exit
  -r, --system                  make system accounts
  -R, --root CHROOT_DIR         chroot into this directory first

`;

/** get_uid: a whole decimal number that fits a uid. */
function numericId(s: string): number | undefined {
  if (!/^\s*[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s.trim());
  return n >= 0 && n <= 0xffffffff ? n : undefined;
}

const isDigit = (s: string): boolean => /^[0-9]/.test(s);

interface Run {
  ctx: Ctx;
  dbs: AccountDbs;
  defs: LoginDefs;
  system: boolean;
  badNames: boolean;
}

function ranges(r: Run, kind: 'UID' | 'GID'): [number, number] {
  return r.system
    ? [r.defs.num(`SYS_${kind}_MIN`, 101), r.defs.num(`SYS_${kind}_MAX`, r.defs.num(`${kind}_MIN`, 1000) - 1)]
    : [r.defs.num(`${kind}_MIN`, 1000), r.defs.num(`${kind}_MAX`, 60000)];
}

/** get_user_id: the uid of the third field, or undefined after its message. */
async function userId(r: Run, field: string): Promise<number | undefined> {
  if (isDigit(field)) {
    const n = numericId(field);
    if (n === undefined || n === 0xffffffff) {
      await fail(r.ctx, `invalid user ID '${field}'`);
      return undefined;
    }
    return n;
  }
  if (field !== '') {
    const pw = r.dbs.passwd.get(field);
    if (!pw) await fail(r.ctx, `user '${field}' does not exist`);
    return pw?.uid;
  }
  const [min, max] = ranges(r, 'UID');
  const id = newId(r.dbs.passwd.entries().map((p) => p.uid), min, max, r.system);
  if (id === undefined) await fail(r.ctx, 'Can\'t get unique UID (no more available UIDs)');
  return id;
}

/** add_group: the gid for the fourth field, making the group when needed. */
async function groupId(r: Run, name: string, field: string, uid: number): Promise<number | undefined> {
  const { dbs } = r;
  const named = dbs.group.get(field);
  if (named) return named.gid;
  let gid: number | undefined;
  if (isDigit(field)) {
    gid = numericId(field);
    if (gid === undefined) {
      await fail(r.ctx, `invalid group ID '${field}'`);
      return undefined;
    }
    if (dbs.group.entries().some((g) => g.gid === gid)) return gid;
    if (gid === 0xffffffff) {
      await fail(r.ctx, `invalid group ID '${field}'`);
      return undefined;
    }
  } else {
    const [min, max] = ranges(r, 'GID');
    gid = newId(dbs.group.entries().map((g) => g.gid), min, max, r.system, uid);
    if (gid === undefined) {
      await fail(r.ctx, 'Can\'t get unique GID (no more available GIDs)');
      return undefined;
    }
  }
  const groupName = field !== '' && !isDigit(field) ? field : name;
  if (!validName(groupName)) {
    await fail(r.ctx, `invalid group name '${groupName}'`);
    return undefined;
  }
  if (dbs.gshadow.present && dbs.gshadow.get(groupName)) {
    await fail(r.ctx, `group '${groupName}' is a shadow group, but does not exist in /etc/group`);
    return undefined;
  }
  if (dbs.gshadow.present) dbs.gshadow.put({ name: groupName, passwd: '*', admins: [], members: [] });
  dbs.group.put({ name: groupName, passwd: dbs.gshadow.present ? 'x' : '*', gid, members: [] });
  return gid;
}

async function main(ctx: Ctx): Promise<number> {
  const rooted = await processRoot(ctx);
  if (rooted !== undefined) return rooted;
  const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const a = await parseArgs(ctx, [
    { key: 'b', short: 'b', long: 'badname' }, { key: 'h', short: 'h', long: 'help' },
    { key: 'r', short: 'r', long: 'system' }, { key: 'R', long: 'root', arg: 'required' },
  ], () => usageText(prog), 1);
  if (typeof a === 'number') return a;
  if (has(a, 'h')) {
    await ctx.print(usageText(prog));
    return 0;
  }
  if (a.operands.length > 1) {
    await ctx.err.write(usageText(prog));
    return 1;
  }
  const sys = ctx.sys;
  let input: string;
  if (a.operands.length) {
    try {
      input = new TextDecoder().decode(await sys.readFile(a.operands[0]!));
    } catch (e) {
      if (!isSysError(e)) throw e;
      // the message names argv[1], whatever it is: after getopt's reordering, the first option if any
      const first = ctx.argv.slice(1).find((x) => x.startsWith('-') && x !== '-') ?? a.operands[0];
      await ctx.err.write(`${prog}: ${first}: ${strerror(e.errno as Errno)}\n`);
      return 1;
    }
  } else input = await ctx.readAll(0);
  const r: Run = { ctx, dbs: undefined as unknown as AccountDbs, defs: await LoginDefs.load(sys), system: has(a, 'r'), badNames: has(a, 'b') };
  const locks = new Locks(ctx);
  const passwords: { line: number; name: string; password: string }[] = [];
  try {
    const paths = ['/etc/passwd', '/etc/shadow', '/etc/group', '/etc/gshadow'];
    const present: string[] = [];
    for (const p of paths) {
      try {
        await sys.access(p, 0);
        present.push(p);
      } catch {
        if (p === '/etc/passwd' || p === '/etc/group') present.push(p);
      }
    }
    const dbs = await lockAndRead(ctx, locks, present);
    if (!dbs) return 1;
    r.dbs = dbs;
    const lines = input.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let errors = 0;
    const umask = r.defs.num('UMASK', 0o022);
    for (let i = 0; i < lines.length; i++) {
      await ctx.tick();
      const n = i + 1;
      const fields = lines[i]!.split(':');
      if (fields.length !== 7) {
        await fail(ctx, `line ${n}: invalid line`);
        errors++;
        continue;
      }
      const [name, password, uidField, gidField, gecos, home, shell] = fields as [string, string, string, string, string, string, string];
      let pw = dbs.passwd.get(name);
      if (!pw) {
        const uid = await userId(r, uidField);
        if (uid === undefined) {
          await fail(ctx, `line ${n}: can't create user`);
          errors++;
          continue;
        }
        const gid = await groupId(r, name, gidField, uid);
        if (gid === undefined) {
          await fail(ctx, `line ${n}: can't create group`);
          errors++;
          continue;
        }
        if (!r.badNames && !validName(name)) {
          await fail(ctx, `invalid user name '${name}': use --badname to ignore`);
          await fail(ctx, `line ${n}: can't create user`);
          errors++;
          continue;
        }
        dbs.passwd.put({ name, passwd: 'x', uid, gid, gecos: '', home: '', shell: '' });
        pw = dbs.passwd.get(name)!;
      }
      passwords.push({ line: n, name, password });
      if (dbs.shadow.present && !dbs.shadow.get(name) && pw.passwd === 'x') {
        const num = (k: string, def: number): string => { const v = r.defs.num(k, def); return v < 0 ? '' : String(v); };
        dbs.shadow.put({ name, hash: '!', lastchg: String(today(sys) || ''), min: num('PASS_MIN_DAYS', 0), max: num('PASS_MAX_DAYS', 10000), warn: num('PASS_WARN_AGE', -1), inactive: '', expire: '', flag: '' });
      }
      const next = { ...pw, gecos: gecos || pw.gecos, home: home || pw.home, shell: shell || pw.shell };
      if (home !== '') {
        let missing = false;
        try {
          await sys.access(home, 0);
        } catch {
          missing = true;
        }
        if (missing) {
          if (!home.startsWith('/')) {
            await fail(ctx, `line ${n}: homedir must be an absolute path`);
            errors++;
            continue;
          }
          try {
            await sys.mkdir(home, r.defs.num('HOME_MODE', 0o777 & ~umask) & 0o7777);
            try {
              await sys.chown(home, next.uid, next.gid);
            } catch (e) {
              if (!isSysError(e)) throw e;
              await fail(ctx, `line ${n}: chown ${home} failed: ${strerror(e.errno as Errno)}`);
            }
          } catch (e) {
            if (!isSysError(e)) throw e;
            await fail(ctx, `line ${n}: mkdir ${home} failed: ${strerror(e.errno as Errno)}`);
          }
        }
      }
      dbs.passwd.put(next);
    }
    if (errors) {
      await fail(ctx, 'error detected, changes ignored');
      return 1;
    }
    await commitAll(sys, dbs);
  } finally {
    await locks.release();
  }
  // the passwords, as pam_chauthtok sets them once the files are written
  if (passwords.length) {
    const pwLocks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, pwLocks, ['/etc/passwd', '/etc/shadow']);
      if (!dbs) return 1;
      const day = String(today(sys));
      for (const p of passwords) {
        const bad = passwordQuality(p.password, undefined, p.name);
        if (bad) await ctx.err.write(`BAD PASSWORD: ${bad}\n`);
        const s = dbs.shadow.get(p.name);
        if (s) dbs.shadow.put({ ...s, hash: hashPassword(ctx, p.password), lastchg: day });
      }
      await commitAll(sys, { shadow: dbs.shadow });
    } finally {
      await pwLocks.release();
    }
  }
  return 0;
}

export default defineProgram({
  name: 'newusers',
  installPath: '/usr/sbin/newusers',
  pkg: 'shadow',
  main,
});
