// groupadd and groupdel (shadow 4.13).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Locks, readAll } from './db';
import { rootAndPrefix } from './root';
import { defItem, LoginDefs, validName } from './defs';
import { idRange, newId } from './ids';

const ADD_USAGE = `Usage: groupadd [options] GROUP

Options:
  -f, --force                   succeed if the group already exists, and drop
                                -g if that GID is taken
  -g, --gid GID                 numeric ID of the new group
  -h, --help                    show this help and exit
  -K, --key KEY=VALUE           override a login.defs setting
  -o, --non-unique              allow a GID that is already in use
  -p, --password PASSWORD       already-encrypted group password
  -r, --system                  create a system group
  -R, --root CHROOT_DIR         chroot into this directory first
  -P, --prefix PREFIX_DI        directory prefix
  -U, --users USERS             comma-separated members of the new group

`;

const DEL_USAGE = `Usage: groupdel [options] GROUP

Options:
  -h, --help                    show this help and exit
  -R, --root CHROOT_DIR         chroot into this directory first
  -P, --prefix PREFIX_DIR       directory holding the etc files to change
  -f, --force                   remove the group even if it is some user's
                                primary group

`;

const R = 'required' as const;

async function usage(ctx: Ctx, text: string, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(text);
  return status;
}

export const groupadd = defineProgram({
  name: 'groupadd',
  installPath: '/usr/sbin/groupadd',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const a = await parseArgs(ctx, [
      { key: 'f', short: 'f', long: 'force' }, { key: 'g', short: 'g', long: 'gid', arg: R },
      { key: 'h', short: 'h', long: 'help' }, { key: 'K', short: 'K', long: 'key', arg: R },
      { key: 'o', short: 'o', long: 'non-unique' }, { key: 'p', short: 'p', long: 'password', arg: R },
      { key: 'r', short: 'r', long: 'system' }, { key: 'R', short: 'R', long: 'root', arg: R },
      { key: 'P', short: 'P', long: 'prefix', arg: R }, { key: 'U', short: 'U', long: 'users', arg: R },
    ], () => ADD_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, ADD_USAGE, 0);
    const gidOpt = opt(a, 'g');
    if (gidOpt !== undefined && !/^\d+$/.test(gidOpt)) {
      await fail(ctx, `invalid group ID '${gidOpt}'`);
      return 3;
    }
    // putdef_str: -K KEY=VALUE overrides login.defs for this run (an unknown KEY is refused)
    const overrides: [string, string][] = [];
    for (const kv of a.values.get('K') ?? []) {
      if (!kv.includes('=')) {
        await fail(ctx, '-K requires KEY=VALUE');
        return 3;
      }
      const key = kv.slice(0, kv.indexOf('='));
      const item = defItem(key);
      if (item !== true) {
        await ctx.err.write(item);
        return 3;
      }
      overrides.push([key, kv.slice(kv.indexOf('=') + 1)]);
    }
    if (has(a, 'o') && !has(a, 'g')) {
      await fail(ctx, '-o flag is only allowed with the -g flag');
      return usage(ctx, ADD_USAGE, 2);
    }
    if (a.operands.length !== 1) return usage(ctx, ADD_USAGE, 2);
    const name = a.operands[0]!;
    if (!validName(name)) {
      await fail(ctx, `'${name}' is not a valid group name`);
      return 3;
    }
    const sys = ctx.sys;
    const peek = await readAll(sys, prefix);
    if (peek.group.get(name)) {
      if (has(a, 'f')) return 0;
      await fail(ctx, `group '${name}' already exists`);
      return 9;
    }
    let gid = gidOpt === undefined ? undefined : Number(gidOpt);
    if (gid !== undefined && !has(a, 'o') && peek.group.entries().some((g) => g.gid === gid)) {
      if (!has(a, 'f')) {
        await fail(ctx, `GID '${gid}' already exists`);
        return 4;
      }
      gid = undefined;
    }
    const members = (opt(a, 'U') ?? '').split(',').filter(Boolean);
    for (const m of members) {
      if (!peek.passwd.get(m)) {
        // shadow prints this one without its name, and fails as a group update would
        await ctx.err.write(`Invalid member username ${m}\n`);
        return 10;
      }
    }
    const locks = new Locks(ctx, prefix);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 10;
      if (gid === undefined) {
        const defs = await LoginDefs.load(sys, prefix);
        for (const [k, v] of overrides) defs.set(k, v);
        const sysg = has(a, 'r');
        const range = idRange(defs, 'GID', sysg);
        if (typeof range === 'string') {
          await fail(ctx, range);
          return 4;
        }
        gid = newId(dbs.group.entries().map((g) => g.gid), range.min, range.max, sysg);
        if (gid === undefined) {
          await fail(ctx, "Can't get unique GID (no more available GIDs)");
          return 4;
        }
      }
      dbs.group.put({ name, passwd: 'x', gid, members });
      // -U fills /etc/group only: shadow 4.13 leaves the gshadow member list empty
      dbs.gshadow.put({ name, passwd: opt(a, 'p') ?? '!', admins: [], members: [] });
      await commitAll(sys, { group: dbs.group, gshadow: dbs.gshadow });
    } finally {
      await locks.release();
    }
    return 0;
  },
});

export const groupdel = defineProgram({
  name: 'groupdel',
  installPath: '/usr/sbin/groupdel',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const a = await parseArgs(ctx, [
      { key: 'h', short: 'h', long: 'help' }, { key: 'R', short: 'R', long: 'root', arg: R },
      { key: 'P', short: 'P', long: 'prefix', arg: R }, { key: 'f', short: 'f', long: 'force' },
    ], () => DEL_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, DEL_USAGE, 0);
    if (a.operands.length !== 1) return usage(ctx, DEL_USAGE, 2);
    const name = a.operands[0]!;
    const sys = ctx.sys;
    const peek = await readAll(sys, prefix);
    const grp = peek.group.get(name);
    if (!grp) {
      await fail(ctx, `group '${name}' does not exist`);
      return 6;
    }
    const primary = peek.passwd.entries().find((u) => u.gid === grp.gid);
    if (primary && !has(a, 'f')) {
      await fail(ctx, `cannot remove the primary group of user '${primary.name}'`);
      return 8;
    }
    const locks = new Locks(ctx, prefix);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 10;
      dbs.group.remove(name);
      dbs.gshadow.remove(name);
      await commitAll(sys, { group: dbs.group, gshadow: dbs.gshadow });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
