// groupmod and gpasswd (shadow 4.13).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { addMember, fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Locks, readAll } from './db';
import { processRoot, rootAndPrefix } from './root';
import { validName } from './defs';
import { hashPassword, Prompter } from './auth';

const MOD_USAGE = `Usage: groupmod [options] GROUP

Options:
  -a, --append                  with -U, keep the current members
  -g, --gid GID                 change the group ID to GID
  -h, --help                    show this help and exit
  -n, --new-name NEW_GROUP      rename the group
  -o, --non-unique              allow a GID that is already in use
  -p, --password PASSWORD       new already-encrypted password
  -R, --root CHROOT_DIR         chroot into this directory first
  -P, --prefix PREFIX_DIR       directory holding the etc files to change
  -U, --users USERS             comma-separated list of members

`;

const GP_USAGE = `Usage: gpasswd [option] GROUP

Options:
  -a, --add USER                add USER to GROUP
  -d, --delete USER             remove USER from GROUP
  -h, --help                    show this help and exit
  -Q, --root CHROOT_DIR         chroot into this directory first
  -r, --remove-password         remove the GROUP's password
  -R, --restrict                let only members use GROUP
  -M, --members USER,...        set the members of GROUP
  -A, --administrators ADMIN,...
                                set the administrators of GROUP
Except for the -A and -M options, the options cannot be combined.
`;

const R = 'required' as const;

async function usage(ctx: Ctx, text: string, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(text);
  return status;
}

export const groupmod = defineProgram({
  name: 'groupmod',
  installPath: '/usr/sbin/groupmod',
  pkg: 'shadow',
  async main(ctx) {
    const prefix = await rootAndPrefix(ctx);
    if (typeof prefix === 'number') return prefix;
    const a = await parseArgs(ctx, [
      { key: 'a', short: 'a', long: 'append' }, { key: 'g', short: 'g', long: 'gid', arg: R },
      { key: 'h', short: 'h', long: 'help' }, { key: 'n', short: 'n', long: 'new-name', arg: R },
      { key: 'o', short: 'o', long: 'non-unique' }, { key: 'p', short: 'p', long: 'password', arg: R },
      { key: 'R', short: 'R', long: 'root', arg: R }, { key: 'P', short: 'P', long: 'prefix', arg: R },
      { key: 'U', short: 'U', long: 'users', arg: R },
    ], () => MOD_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, MOD_USAGE, 0);
    const gidOpt = opt(a, 'g');
    if (gidOpt !== undefined && !/^\d+$/.test(gidOpt)) {
      await fail(ctx, `invalid group ID '${gidOpt}'`);
      return 3;
    }
    if (has(a, 'o') && !has(a, 'g')) return usage(ctx, MOD_USAGE, 2);
    if (a.operands.length !== 1) return usage(ctx, MOD_USAGE, 2);
    const name = a.operands[0]!;
    const sys = ctx.sys;
    const peek = await readAll(sys, prefix);
    const grp = peek.group.get(name);
    if (!grp) {
      await fail(ctx, `group '${name}' does not exist`);
      return 6;
    }
    const newName = opt(a, 'n') ?? name;
    const newGid = gidOpt === undefined ? grp.gid : Number(gidOpt);
    if (newName !== name) {
      if (!validName(newName)) {
        await fail(ctx, `invalid group name '${newName}'`);
        return 3;
      }
      if (peek.group.get(newName)) {
        await fail(ctx, `group '${newName}' already exists`);
        return 9;
      }
    }
    if (newGid !== grp.gid && !has(a, 'o') && peek.group.entries().some((g) => g.gid === newGid)) {
      await fail(ctx, `GID '${newGid}' already exists`);
      return 4;
    }
    const users = has(a, 'U') ? (opt(a, 'U') ?? '').split(',').filter(Boolean) : undefined;
    for (const u of users ?? []) {
      if (!peek.passwd.get(u)) {
        await fail(ctx, `user '${u}' does not exist in /etc/passwd`);
        return 6;
      }
    }
    const locks = new Locks(ctx, prefix);
    try {
      if (!(await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']))) return 10;
      const dbs = await lockAndRead(ctx, locks, newGid !== grp.gid ? ['/etc/passwd'] : []);
      if (!dbs) return 10;
      const g = dbs.group.get(name)!;
      const members = users === undefined ? g.members : has(a, 'a') ? users.reduce(addMember, g.members) : users;
      dbs.group.rename(name, { ...g, name: newName, gid: newGid, members, passwd: has(a, 'p') ? opt(a, 'p')! : g.passwd });
      const sg = dbs.gshadow.get(name);
      if (sg) dbs.gshadow.rename(name, { ...sg, name: newName, members: users === undefined ? sg.members : has(a, 'a') ? users.reduce(addMember, sg.members) : users, passwd: has(a, 'p') ? opt(a, 'p')! : sg.passwd });
      if (newGid !== grp.gid) for (const u of dbs.passwd.entries()) if (u.gid === grp.gid) dbs.passwd.put({ ...u, gid: newGid });
      await commitAll(sys, { group: dbs.group, gshadow: dbs.gshadow, passwd: newGid !== grp.gid ? dbs.passwd : undefined });
    } finally {
      await locks.release();
    }
    return 0;
  },
});

export const gpasswd = defineProgram({
  name: 'gpasswd',
  installPath: '/usr/bin/gpasswd',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const rooted = await processRoot(ctx, '-Q');
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, [
      { key: 'a', short: 'a', long: 'add', arg: R }, { key: 'A', short: 'A', long: 'administrators', arg: R },
      { key: 'd', short: 'd', long: 'delete', arg: R }, { key: 'g', short: 'g' }, { key: 'h', short: 'h', long: 'help' },
      { key: 'M', short: 'M', long: 'members', arg: R }, { key: 'Q', short: 'Q', long: 'root', arg: R },
      { key: 'r', short: 'r', long: 'remove-password' }, { key: 'R', short: 'R', long: 'restrict' },
    ], () => GP_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, GP_USAGE, 0);
    const sys = ctx.sys;
    const peek = await readAll(sys);
    for (const k of ['a', 'A', 'M']) {
      const v = opt(a, k);
      if (v === undefined) continue;
      let ok = true;
      for (const u of v.split(',').filter(Boolean)) {
        if (!peek.passwd.get(u)) {
          await fail(ctx, `user '${u}' does not exist`);
          ok = false;
          if (k === 'a') return 3;
        }
      }
      if (!ok) return 3;
    }
    const exclusive = ['a', 'd', 'r', 'R'].filter((k) => has(a, k)).length + (has(a, 'A') || has(a, 'M') ? 1 : 0);
    if (exclusive > 1 || a.operands.length !== 1) return usage(ctx, GP_USAGE, 2);
    const group = a.operands[0]!;
    const grp = peek.group.get(group);
    if (!grp) {
      await fail(ctx, `group '${group}' does not exist in /etc/group`);
      return 3;
    }
    const me = peek.passwd.entries().find((u) => u.uid === sys.getuid());
    const isAdmin = !!me && (peek.gshadow.get(group)?.admins.includes(me.name) ?? false);
    if (sys.getuid() !== 0 && (!isAdmin || has(a, 'A') || has(a, 'M'))) {
      await fail(ctx, 'Permission denied.');
      return 1;
    }
    let password: string | undefined;
    if (exclusive === 0) {
      if (!sys.isatty(0)) {
        await fail(ctx, 'Not a tty');
        return 1;
      }
      await ctx.print(`Changing the password for group ${group}\n`);
      const p = new Prompter(ctx);
      const one = await p.secret('New Password: ');
      const two = one === undefined ? undefined : await p.secret('Re-enter new password: ');
      if (one === undefined || two === undefined) return 1;
      if (one !== two) {
        await ctx.print("They don't match; try again\n");
        await fail(ctx, 'Try again later');
        return 1;
      }
      password = hashPassword(ctx, one);
    }
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/group', '/etc/gshadow']);
      if (!dbs) return 1;
      const g = dbs.group.get(group)!;
      const sg = dbs.gshadow.get(group) ?? { name: group, passwd: '!', admins: [], members: [...g.members] };
      const user = opt(a, 'a') ?? opt(a, 'd');
      if (has(a, 'a')) {
        dbs.group.put({ ...g, members: addMember(g.members, user!) });
        dbs.gshadow.put({ ...sg, members: addMember(sg.members, user!) });
        await ctx.print(`Adding user ${user} to group ${group}\n`);
      } else if (has(a, 'd')) {
        await ctx.print(`Removing user ${user} from group ${group}\n`);
        // the real gpasswd's line is out before the refusal below
        await ctx.out.flush();
        if (!g.members.includes(user!) && !sg.members.includes(user!)) {
          await fail(ctx, `user '${user}' is not a member of '${group}'`);
          return 3;
        }
        dbs.group.put({ ...g, members: g.members.filter((m) => m !== user) });
        dbs.gshadow.put({ ...sg, members: sg.members.filter((m) => m !== user) });
      } else if (has(a, 'r')) {
        dbs.group.put({ ...g, passwd: 'x' });
        dbs.gshadow.put({ ...sg, passwd: '' });
      } else if (has(a, 'R')) {
        dbs.group.put({ ...g, passwd: 'x' });
        dbs.gshadow.put({ ...sg, passwd: '!' });
      } else if (has(a, 'A') || has(a, 'M')) {
        const members = has(a, 'M') ? (opt(a, 'M') ?? '').split(',').filter(Boolean) : g.members;
        if (has(a, 'M')) dbs.group.put({ ...g, members });
        dbs.gshadow.put({ ...sg, admins: has(a, 'A') ? (opt(a, 'A') ?? '').split(',').filter(Boolean) : sg.admins, members: has(a, 'M') ? members : sg.members });
      } else if (password !== undefined) {
        dbs.group.put({ ...g, passwd: 'x' });
        dbs.gshadow.put({ ...sg, passwd: password });
      }
      await commitAll(sys, { group: dbs.group, gshadow: dbs.gshadow });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
