// useradd (shadow 4.13) with Photon's configuration: USERGROUPS_ENAB no, so a new user's
// primary group is GROUP=100 (users) from /etc/default/useradd unless -U or -g; aging from
// login.defs (PASS_MAX_DAYS 90); -m copies /etc/skel into a home made with mode 0777 & ~UMASK.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { addMember, executable, fail, findGroup, has, lockAndRead, opt, parseArgs, progName } from './common';
import type { Parsed } from '../lib/getopt';
import { commitAll, Locks, readAll, today, type AccountDbs } from './db';
import { defItem, LoginDefs, parseDay, validName } from './defs';
import { prefixed, rootAndPrefix } from './root';
import { getDefaults, parseLong, setDefaults, showDefaults } from './useradd-defaults';
import { copySkel } from './home';
import { idRange, newId } from './ids';

const USAGE = `Usage: useradd [options] LOGIN
       useradd -D
       useradd -D [options]

Options:
      --badname                 accept a user name the usual rules reject
  -b, --base-dir BASE_DIR       directory in which the home directory is made
  -c, --comment COMMENT         GECOS field (full name and so on)
  -d, --home-dir HOME_DIR       home directory of the new account
  -D, --defaults                show or change the useradd defaults
  -e, --expiredate EXPIRE_DATE  date on which the account expires
  -f, --inactive INACTIVE       days after password expiry until the account is disabled
  -F, --add-subids-for-system   give a system account subordinate ids too
  -g, --gid GROUP               primary group, by name or number
  -G, --groups GROUPS           comma-separated supplementary groups
  -h, --help                    show this help and exit
  -k, --skel SKEL_DIR           skeleton directory to copy (with -m)
  -K, --key KEY=VALUE           override a login.defs setting
  -l, --no-log-init             leave the lastlog and faillog databases alone
  -m, --create-home             create the home directory
  -M, --no-create-home          do not create the home directory
  -N, --no-user-group           do not create a group named after the user
  -o, --non-unique              allow a UID that is already in use
  -p, --password PASSWORD       already-encrypted password
  -r, --system                  create a system account
  -R, --root CHROOT_DIR         chroot into this directory first
  -P, --prefix PREFIX_DIR       directory holding the etc files to change
  -s, --shell SHELL             login shell
  -u, --uid UID                 numeric user ID
  -U, --user-group              create a group named after the user

`;

const OPTIONS = [
  { key: 'badname', long: 'badname' },
  { key: 'b', short: 'b', long: 'base-dir', arg: 'required' as const },
  { key: 'c', short: 'c', long: 'comment', arg: 'required' as const },
  { key: 'd', short: 'd', long: 'home-dir', arg: 'required' as const },
  { key: 'D', short: 'D', long: 'defaults' },
  { key: 'e', short: 'e', long: 'expiredate', arg: 'required' as const },
  { key: 'f', short: 'f', long: 'inactive', arg: 'required' as const },
  { key: 'F', short: 'F', long: 'add-subids-for-system' },
  { key: 'g', short: 'g', long: 'gid', arg: 'required' as const },
  { key: 'G', short: 'G', long: 'groups', arg: 'required' as const },
  { key: 'h', short: 'h', long: 'help' },
  { key: 'k', short: 'k', long: 'skel', arg: 'required' as const },
  { key: 'K', short: 'K', long: 'key', arg: 'required' as const },
  { key: 'l', short: 'l', long: 'no-log-init' },
  { key: 'm', short: 'm', long: 'create-home' },
  { key: 'M', short: 'M', long: 'no-create-home' },
  { key: 'N', short: 'N', long: 'no-user-group' },
  { key: 'o', short: 'o', long: 'non-unique' },
  { key: 'p', short: 'p', long: 'password', arg: 'required' as const },
  { key: 'r', short: 'r', long: 'system' },
  { key: 'R', short: 'R', long: 'root', arg: 'required' as const },
  { key: 'P', short: 'P', long: 'prefix', arg: 'required' as const },
  { key: 's', short: 's', long: 'shell', arg: 'required' as const },
  { key: 'u', short: 'u', long: 'uid', arg: 'required' as const },
  { key: 'U', short: 'U', long: 'user-group' },
];

const E_USAGE = 2;
const E_BAD_ARG = 3;
const E_NOTFOUND = 6;

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

/** VALID() of useradd: no ':' and no newline. */
const valid = (s: string): boolean => !/[:\n]/.test(s);

export default defineProgram({
  name: 'useradd',
  installPath: '/usr/sbin/useradd',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const sys = ctx.sys;
    const peek = await readAll(sys, prefix);
    const d = await getDefaults(ctx, peek, prefix);
    const args = await parseArgs(ctx, OPTIONS, () => USAGE);
    if (typeof args === 'number') return args;
    const defs = await LoginDefs.load(sys, prefix);
    let comment = '';
    let homeOpt: string | undefined;
    let expire: number | undefined;
    let gid: number | undefined;
    const extra: string[] = [];
    let shell: string | undefined;
    let uid: number | undefined;
    let flagD = false;
    let anyflag = false;
    // process_flags: each option is checked as getopt returns it
    for (const { key, value } of args.order) {
      const v = value ?? '';
      switch (key) {
        case 'b':
          if (!valid(v) || !v.startsWith('/')) return fail(ctx, `invalid base directory '${v}'`).then(() => E_BAD_ARG);
          d.home = v;
          break;
        case 'c':
          if (!valid(v)) return fail(ctx, `invalid comment '${v}'`).then(() => E_BAD_ARG);
          comment = v;
          break;
        case 'd':
          if (!valid(v) || !v.startsWith('/')) return fail(ctx, `invalid home directory '${v}'`).then(() => E_BAD_ARG);
          homeOpt = v;
          break;
        case 'D':
          if (anyflag) return usage(ctx, E_USAGE);
          flagD = true;
          break;
        case 'e': {
          const day = v === '' ? -1 : parseDay(v);
          if (day === undefined || day < -1) return fail(ctx, `invalid date '${v}'`).then(() => E_BAD_ARG);
          expire = day;
          if (flagD) d.expire = v;
          break;
        }
        case 'f': {
          const n = parseLong(v);
          if (n === undefined || n < -1) return fail(ctx, `invalid numeric argument '${v}'`).then(() => E_BAD_ARG);
          d.inactive = n;
          break;
        }
        case 'g': {
          const g = findGroup(peek, v);
          if (!g) return fail(ctx, `group '${v}' does not exist`).then(() => E_NOTFOUND);
          if (flagD) d.group = g.gid;
          else gid = g.gid;
          break;
        }
        case 'G':
          for (const name of v.split(',').filter(Boolean)) {
            const g = findGroup(peek, name);
            if (!g) return fail(ctx, `group '${name}' does not exist`).then(() => E_NOTFOUND);
            if (!extra.includes(g.name)) extra.push(g.name);
          }
          break;
        case 'h':
          return usage(ctx, 0);
        case 'k':
          d.skel = v;
          break;
        case 'K': {
          const eq = v.indexOf('=');
          if (eq < 0) return fail(ctx, '-K requires KEY=VALUE').then(() => E_BAD_ARG);
          const item = defItem(v.slice(0, eq));
          if (item !== true) return ctx.err.write(item).then(() => E_BAD_ARG);
          defs.set(v.slice(0, eq), v.slice(eq + 1));
          break;
        }
        case 'p':
          if (!valid(v)) return fail(ctx, `invalid field '${v}'`).then(() => E_BAD_ARG);
          break;
        case 's':
          if (!valid(v) || (v !== '' && !v.startsWith('/') && !v.startsWith('*'))) return fail(ctx, `invalid shell '${v}'`).then(() => E_BAD_ARG);
          if (v !== '' && !v.startsWith('*') && v !== '/sbin/nologin' && !(await executable(ctx, v))) await fail(ctx, `Warning: missing or non-executable shell '${v}'`);
          shell = v;
          d.shell = v;
          break;
        case 'u':
          if (!/^\d+$/.test(v) || Number(v) >= 4294967295) return fail(ctx, `invalid user ID '${v}'`).then(() => E_BAD_ARG);
          uid = Number(v);
          break;
      }
      anyflag = true;
    }
    const flagU = has(args, 'U') || (!has(args, 'g') && !has(args, 'N') && defs.bool('USERGROUPS_ENAB'));
    if (has(args, 'o') && !has(args, 'u')) return fail(ctx, '-o flag is only allowed with the -u flag').then(() => usage(ctx, E_USAGE));
    if (has(args, 'k') && !has(args, 'm')) return fail(ctx, '-k flag is only allowed with the -m flag').then(() => usage(ctx, E_USAGE));
    if (flagU && has(args, 'g')) return fail(ctx, 'options -U and -g conflict').then(() => usage(ctx, E_USAGE));
    if (flagU && has(args, 'N')) return fail(ctx, 'options -U and -N conflict').then(() => usage(ctx, E_USAGE));
    if (has(args, 'm') && has(args, 'M')) return fail(ctx, 'options -m and -M conflict').then(() => usage(ctx, E_USAGE));
    if (flagD) {
      if (args.operands.length || ['u', 'G', 'd', 'c', 'm'].some((k) => has(args, k))) return usage(ctx, E_USAGE);
      if (['g', 'b', 'f', 'e', 's'].some((k) => has(args, k))) return setDefaults(ctx, d, prefix);
      await ctx.print(showDefaults(d));
      return 0;
    }
    if (args.operands.length !== 1) return usage(ctx, E_USAGE);
    const name = args.operands[0]!;
    if (!has(args, 'badname') && !validName(name)) return fail(ctx, `invalid user name '${name}': use --badname to ignore`).then(() => E_BAD_ARG);
    const home = homeOpt ?? `${d.home}/${name}`;
    if (peek.passwd.get(name)) return fail(ctx, `user '${name}' already exists`).then(() => 9);
    if (flagU && peek.group.get(name)) return fail(ctx, `group ${name} exists - if you want to add this user to that group, use -g.`).then(() => 9);
    const locks = new Locks(ctx, prefix);
    if (!(await lockAndRead(ctx, locks, ['/etc/passwd']))) return 1;
    const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
    if (!dbs) return 10;
    const create = has(args, 'm') || (!has(args, 'r') && defs.bool('CREATE_HOME'));
    try {
      return await addUser(ctx, dbs, locks, {
        name, args, defs, gid: gid ?? d.group, extra, comment, shell: shell ?? d.shell,
        expire: expire ?? parseDay(d.expire) ?? -1, inactive: d.inactive, home, prefixedHome: prefixed(prefix, home),
        flagU, skel: d.skel, uid, createHome: create && !has(args, 'M'),
      });
    } finally {
      await locks.release();
    }
  },
});

interface Plan {
  name: string;
  args: Parsed;
  defs: LoginDefs;
  gid: number;
  extra: string[];
  comment: string;
  shell: string;
  expire: number;
  inactive: number;
  home: string;
  prefixedHome: string;
  flagU: boolean;
  skel: string;
  uid: number | undefined;
  createHome: boolean;
}

async function addUser(ctx: Ctx, dbs: AccountDbs, locks: Locks, p: Plan): Promise<number> {
  const sys = ctx.sys;
  const system = has(p.args, 'r');
  const defs = p.defs;
  let uid: number;
  const usedUids = new Set(dbs.passwd.entries().map((u) => u.uid));
  if (p.uid !== undefined) {
    uid = p.uid;
    if (!has(p.args, 'o') && usedUids.has(uid)) return fail(ctx, `UID ${uid} is not unique`).then(() => 4);
    // check_uid_range: a chosen UID outside the account kind's range is only a warning
    if (system) {
      const max = defs.num('SYS_UID_MAX', defs.num('UID_MIN', 1000) - 1);
      if (uid > max) await ctx.err.write(`${progName(ctx)} warning: ${p.name}'s uid ${uid} is greater than SYS_UID_MAX ${max}\n`);
    } else {
      const min = defs.num('UID_MIN', 1000);
      const max = defs.num('UID_MAX', 6000);
      if (min <= max && (uid < min || uid > max)) await ctx.err.write(`${progName(ctx)} warning: ${p.name}'s uid ${uid} outside of the UID_MIN ${min} and UID_MAX ${max} range.\n`);
    }
  } else {
    const range = idRange(defs, 'UID', system);
    if (typeof range === 'string') await fail(ctx, range);
    const found = typeof range === 'string' ? undefined : newId(usedUids, range.min, range.max, system);
    if (found === undefined) return fail(ctx, "can't create user").then(() => 4);
    uid = found;
  }
  const shadowPath = prefixed(locks.prefix, '/etc/shadow');
  if (!(await locks.lock(shadowPath))) {
    await fail(ctx, `cannot lock ${shadowPath}; try again later.`);
    return 1;
  }
  let gid = p.gid;
  if (p.flagU) {
    const usedGids = new Set(dbs.group.entries().map((g) => g.gid));
    const range = idRange(defs, 'GID', system);
    if (typeof range === 'string') await fail(ctx, range);
    const found = typeof range === 'string' ? undefined : newId(usedGids, range.min, range.max, system, uid);
    if (found === undefined) return fail(ctx, "can't create group").then(() => 4);
    gid = found;
    dbs.group.put({ name: p.name, passwd: 'x', gid, members: [] });
    dbs.gshadow.put({ name: p.name, passwd: '!', admins: [], members: [] });
  }
  for (const g of p.extra) {
    const gr = dbs.group.get(g);
    if (gr) dbs.group.put({ ...gr, members: addMember(gr.members, p.name) });
    const sg = dbs.gshadow.get(g);
    if (sg) dbs.gshadow.put({ ...sg, members: addMember(sg.members, p.name) });
  }
  const day = today(sys);
  dbs.passwd.put({ name: p.name, passwd: 'x', uid, gid, gecos: p.comment, home: p.home, shell: p.shell });
  dbs.shadow.put({
    name: p.name, hash: opt(p.args, 'p') ?? '!', lastchg: String(day),
    min: system ? '' : String(defs.num('PASS_MIN_DAYS', 0)),
    max: system ? '' : String(defs.num('PASS_MAX_DAYS', 99999)),
    warn: system ? '' : String(defs.num('PASS_WARN_AGE', 7)),
    inactive: p.inactive >= 0 ? String(p.inactive) : '', expire: p.expire >= 0 ? String(p.expire) : '', flag: '',
  });
  await commitAll(sys, { passwd: dbs.passwd, shadow: dbs.shadow, group: dbs.group, gshadow: dbs.gshadow });
  if (p.createHome) {
    let exists = false;
    try {
      await sys.stat(p.prefixedHome);
      exists = true;
    } catch {
      exists = false;
    }
    if (exists) {
      await fail(ctx, `warning: the home directory ${p.home} already exists.`);
      await fail(ctx, 'Not copying any file from skel directory into it.');
    } else {
      const umask = defs.num('UMASK', 0o22);
      const mode = defs.num('HOME_MODE', 0o777 & ~umask) & 0o7777;
      try {
        await makeHome(ctx, p.prefixedHome, mode, uid, gid);
      } catch (e) {
        if (!(e instanceof HomeError)) throw e;
        await fail(ctx, `cannot create directory ${e.path}`);
        return 12;
      }
      await copySkel(ctx, p.skel, p.prefixedHome, uid, gid);
    }
  }
  return 0;
}

class HomeError extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

/** create_home: missing parents are made root-owned 0755, the home itself with `mode`. */
async function makeHome(ctx: Ctx, home: string, mode: number, uid: number, gid: number): Promise<void> {
  const parts = home.split('/').filter(Boolean);
  let path = '';
  for (let i = 0; i < parts.length; i++) {
    path += `/${parts[i]}`;
    const last = i === parts.length - 1;
    try {
      await ctx.sys.stat(path);
      if (!last) continue;
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'ENOENT') throw e;
      try {
        await ctx.sys.mkdir(path, last ? 0o700 : 0o755);
      } catch (err) {
        if (!isSysError(err)) throw err;
        throw new HomeError(path);
      }
    }
    if (last) {
      await ctx.sys.chown(path, uid, gid);
      await ctx.sys.chmod(path, mode);
    }
  }
}
