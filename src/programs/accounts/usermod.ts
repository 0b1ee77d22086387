// usermod (shadow 4.13): changes a user's passwd, shadow and group entries; -d -m moves the
// home directory, -u re-owns the files in it, -l renames the user everywhere.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { addMember, executable, fail, findGroup, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Locks, readAll } from './db';
import { parseDay, validName } from './defs';
import { prefixed, rootAndPrefix } from './root';
import { chownTree } from './home';

const USAGE = `Usage: usermod [options] LOGIN

Options:
  -a, --append                  with -G, add the user to the GROUPS and keep
                                the groups the user is already in
  -b, --badname                 accept a name the usual rules reject
  -c, --comment COMMENT         new GECOS field
  -d, --home HOME_DIR           new home directory
  -e, --expiredate EXPIRE_DATE  date on which the account expires
  -f, --inactive INACTIVE       days after password expiry until the account is disabled
  -g, --gid GROUP               new primary group
  -G, --groups GROUPS           new list of supplementary groups
  -h, --help                    show this help and exit
  -l, --login NEW_LOGIN         new login name
  -L, --lock                    lock the password
  -m, --move-home               move the home directory's contents (with -d)
  -o, --non-unique              allow a UID that is already in use
  -p, --password PASSWORD       new already-encrypted password
  -P, --prefix PREFIX_DIR       directory holding the etc files to change
  -r, --remove                  with -G, take the user out of the GROUPS only
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --shell SHELL             new login shell
  -u, --uid UID                 new UID
  -U, --unlock                  unlock the password
  -v, --add-subuids FIRST-LAST  add a range of subordinate uids
  -V, --del-subuids FIRST-LAST  remove a range of subordinate uids
  -w, --add-subgids FIRST-LAST  add a range of subordinate gids
  -W, --del-subgids FIRST-LAST  remove a range of subordinate gids

`;

const R = 'required' as const;
const OPTIONS = [
  { key: 'a', short: 'a', long: 'append' }, { key: 'b', short: 'b', long: 'badname' },
  { key: 'c', short: 'c', long: 'comment', arg: R }, { key: 'd', short: 'd', long: 'home', arg: R },
  { key: 'e', short: 'e', long: 'expiredate', arg: R }, { key: 'f', short: 'f', long: 'inactive', arg: R },
  { key: 'g', short: 'g', long: 'gid', arg: R }, { key: 'G', short: 'G', long: 'groups', arg: R },
  { key: 'h', short: 'h', long: 'help' }, { key: 'l', short: 'l', long: 'login', arg: R },
  { key: 'L', short: 'L', long: 'lock' }, { key: 'm', short: 'm', long: 'move-home' },
  { key: 'o', short: 'o', long: 'non-unique' }, { key: 'p', short: 'p', long: 'password', arg: R },
  { key: 'P', short: 'P', long: 'prefix', arg: R }, { key: 'r', short: 'r', long: 'remove' },
  { key: 'R', short: 'R', long: 'root', arg: R }, { key: 's', short: 's', long: 'shell', arg: R },
  { key: 'u', short: 'u', long: 'uid', arg: R }, { key: 'U', short: 'U', long: 'unlock' },
  { key: 'v', short: 'v', long: 'add-subuids', arg: R }, { key: 'V', short: 'V', long: 'del-subuids', arg: R },
  { key: 'w', short: 'w', long: 'add-subgids', arg: R }, { key: 'W', short: 'W', long: 'del-subgids', arg: R },
];

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

async function bad(ctx: Ctx, msg: string, status: number): Promise<number> {
  await fail(ctx, msg);
  return status;
}

export default defineProgram({
  name: 'usermod',
  installPath: '/usr/sbin/usermod',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const a = await parseArgs(ctx, OPTIONS, () => USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, 0);
    if (a.operands.length !== 1) return usage(ctx, 2);
    const sys = ctx.sys;
    const name = a.operands[0]!;
    const peek = await readAll(sys, prefix);
    const pw = peek.passwd.get(name);
    // option values are checked in the order getopt returns them
    for (const { key, value } of a.order) {
      const v = value ?? '';
      if ((key === 'c') && /[:\n]/.test(v)) return bad(ctx, `invalid field '${v}'`, 3);
      if (key === 'd' && /[:\n]/.test(v)) return bad(ctx, `invalid field '${v}'`, 3);
      if (key === 'd' && !v.startsWith('/')) return bad(ctx, 'homedir must be an absolute path', 3);
      if (key === 'e' && parseDay(v) === undefined) return bad(ctx, `invalid date '${v}'`, 3);
      if (key === 'f' && (!/^-?\d+$/.test(v) || Number(v) < -1)) return bad(ctx, `invalid numeric argument '${v}'`, 3);
      if (key === 'g' && !findGroup(peek, v)) return bad(ctx, `group '${v}' does not exist`, 6);
      if (key === 'G') for (const g of v.split(',').filter(Boolean)) if (!findGroup(peek, g)) return bad(ctx, `group '${g}' does not exist`, 6);
      if (key === 'l' && !has(a, 'b') && !validName(v)) return bad(ctx, `invalid user name '${v}': use --badname to ignore`, 3);
      if (key === 's' && (/[:\n]/.test(v) || (v !== '' && !v.startsWith('/') && !v.startsWith('*')))) return bad(ctx, `invalid shell '${v}'`, 3);
      if (key === 's' && v !== '' && !v.startsWith('*') && v !== '/sbin/nologin' && !(await executable(ctx, v))) await fail(ctx, `Warning: missing or non-executable shell '${v}'`);
      if (key === 'u' && !/^\d+$/.test(v)) return bad(ctx, `invalid user ID '${v}'`, 3);
    }
    if (!pw) return bad(ctx, `user '${name}' does not exist`, 6);
    if (a.order.length === 0) return bad(ctx, 'no options', 2).then(() => usage(ctx, 2));
    const flagErr = async (m: string): Promise<number> => bad(ctx, m, 2).then(() => usage(ctx, 2));
    if (has(a, 'a') && !has(a, 'G')) return flagErr('-a flag is only allowed with the -G flag');
    if (has(a, 'r') && !has(a, 'G')) return flagErr('-r flag is only allowed with the -G flag');
    if (has(a, 'r') && has(a, 'a')) return flagErr('-r and -a are mutually exclusive flags');
    if ((has(a, 'L') && (has(a, 'p') || has(a, 'U'))) || (has(a, 'p') && has(a, 'U'))) return flagErr('the -L, -p, and -U flags are exclusive');
    if (has(a, 'o') && !has(a, 'u')) return flagErr('-o flag is only allowed with the -u flag');
    if (has(a, 'm') && !has(a, 'd')) return flagErr('-m flag is only allowed with the -d flag');
    const sp = peek.shadow.get(name);
    const newName = opt(a, 'l') ?? name;
    const newUid = opt(a, 'u') !== undefined ? Number(opt(a, 'u')) : pw.uid;
    const newGid = opt(a, 'g') !== undefined ? findGroup(peek, opt(a, 'g')!)!.gid : pw.gid;
    const newHome = opt(a, 'd') ?? pw.home;
    const newShell = opt(a, 's') ?? pw.shell;
    const newComment = opt(a, 'c') ?? pw.gecos;
    const expireVal = opt(a, 'e') !== undefined ? parseDay(opt(a, 'e')!)! : undefined;
    const inactiveVal = opt(a, 'f');
    const changed = has(a, 'U') || has(a, 'p') || has(a, 'L') || has(a, 'G') || newUid !== pw.uid || newGid !== pw.gid || newShell !== pw.shell
      || newName !== name || newHome !== pw.home || newComment !== pw.gecos
      || (expireVal !== undefined && String(expireVal < 0 ? '' : expireVal) !== (sp?.expire ?? ''))
      || (inactiveVal !== undefined && (Number(inactiveVal) < 0 ? '' : inactiveVal) !== (sp?.inactive ?? ''));
    if (!changed) {
      await ctx.print(`${ctx.name.slice(ctx.name.lastIndexOf('/') + 1)}: no changes\n`);
      return 0;
    }
    if (newName !== name && peek.passwd.get(newName)) return bad(ctx, `user '${newName}' already exists`, 9);
    if (newUid !== pw.uid && !has(a, 'o') && peek.passwd.entries().some((u) => u.uid === newUid)) return bad(ctx, `UID '${newUid}' already exists`, 4);
    if (!prefix && (newName !== name || newUid !== pw.uid || (has(a, 'm') && newHome !== pw.home))) {
      const busy = sys.processes().find((p) => p.uid === pw.uid && p.state !== 'Z');
      if (busy) return bad(ctx, `user ${name} is currently used by process ${busy.pid}`, 8);
    }
    const locks = new Locks(ctx, prefix);
    try {
      if (!(await lockAndRead(ctx, locks, ['/etc/passwd', '/etc/shadow']))) return 1;
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 10;
      if (has(a, 'U')) {
        const cur = dbs.shadow.get(name)?.hash ?? '';
        if (cur.startsWith('!') && cur.length === 1) {
          await ctx.err.write(`usermod: unlocking the user's password would result in a passwordless account.\nYou should set a password with usermod -p to unlock this user's password.\n`);
        }
      }
      const s = dbs.shadow.get(name);
      if (s) {
        let hash = s.hash;
        if (has(a, 'p')) hash = opt(a, 'p')!;
        if (has(a, 'L') && !hash.startsWith('!')) hash = `!${hash}`;
        if (has(a, 'U') && hash.startsWith('!') && hash.length > 1) hash = hash.slice(1);
        const next = { ...s, name: newName, hash,
          expire: expireVal === undefined ? s.expire : expireVal < 0 ? '' : String(expireVal),
          inactive: inactiveVal === undefined ? s.inactive : Number(inactiveVal) < 0 ? '' : inactiveVal };
        dbs.shadow.rename(name, next);
      }
      dbs.passwd.rename(name, { name: newName, passwd: has(a, 'p') && !s ? opt(a, 'p')! : pw.passwd, uid: newUid, gid: newGid, gecos: newComment, home: newHome, shell: newShell });
      const wanted = has(a, 'G') ? new Set((opt(a, 'G') ?? '').split(',').filter(Boolean).map((g) => findGroup(dbs, g)!.name)) : undefined;
      for (const g of dbs.group.entries()) {
        let members = g.members.map((m) => (m === name ? newName : m));
        if (wanted) {
          const member = members.includes(newName);
          if (wanted.has(g.name) && !has(a, 'r')) members = addMember(members, newName);
          else if ((has(a, 'r') && wanted.has(g.name)) || (!has(a, 'a') && !has(a, 'r') && member && !wanted.has(g.name))) members = members.filter((m) => m !== newName);
        }
        if (members.join(',') !== g.members.join(',')) dbs.group.put({ ...g, members });
      }
      for (const g of dbs.gshadow.entries()) {
        let members = g.members.map((m) => (m === name ? newName : m));
        const admins = g.admins.map((m) => (m === name ? newName : m));
        if (wanted) {
          if (wanted.has(g.name) && !has(a, 'r')) members = addMember(members, newName);
          else if ((has(a, 'r') && wanted.has(g.name)) || (!has(a, 'a') && !has(a, 'r') && !wanted.has(g.name))) members = members.filter((m) => m !== newName);
        }
        if (members.join(',') !== g.members.join(',') || admins.join(',') !== g.admins.join(',')) dbs.gshadow.put({ ...g, members, admins });
      }
      await commitAll(sys, dbs);
    } finally {
      await locks.release();
    }
    const oldHome = prefixed(prefix, pw.home);
    const home = prefixed(prefix, newHome);
    if (has(a, 'm') && newHome !== pw.home) {
      try {
        await sys.stat(home);
        return bad(ctx, `directory ${home} exists`, 12);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      try {
        await sys.rename(oldHome, home);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno === 'ENOENT') return bad(ctx, `The previous home directory (${oldHome}) does not exist or is inaccessible. Move cannot be completed.`, 0);
        return bad(ctx, `cannot rename directory ${oldHome} to ${home}`, 12);
      }
    }
    if (newUid !== pw.uid || newGid !== pw.gid) {
      try {
        await chownTree(ctx, home, pw.uid, newUid, newGid !== pw.gid ? newGid : undefined);
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    return 0;
  },
});
