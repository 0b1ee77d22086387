// groupmems (shadow 4.13): lists or edits the members of a group. Without -g the group is
// the caller's own, which must be named as the caller is; only root may name another (-g).
// A change (not -l) passes PAM first: on Photon pam_rootok lets root through and nobody else.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { addMember, fail, lockAndRead, parseArgs } from './common';
import { commitAll, Locks, readAll, type SgEnt } from './db';
import { processRoot } from './root';

const USAGE = `Usage: groupmems [options] [action]

Options:
  -g, --group groupname         work on groupname rather than your own group
                                (root only)
  -R, --root CHROOT_DIR         chroot into this directory first

Actions:
  -a, --add username            make username a member of the group
  -d, --delete username         take username out of the group's members
  -h, --help                    show this help and exit
  -p, --purge                   remove every member of the group
  -l, --list                    print the members of the group
`;

const R = 'required' as const;

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

export default defineProgram({
  name: 'groupmems',
  installPath: '/usr/sbin/groupmems',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, [
      { key: 'a', short: 'a', long: 'add', arg: R }, { key: 'd', short: 'd', long: 'delete', arg: R },
      { key: 'g', short: 'g', long: 'group', arg: R }, { key: 'h', short: 'h', long: 'help' },
      { key: 'l', short: 'l', long: 'list' }, { key: 'p', short: 'p', long: 'purge' },
      { key: 'R', short: 'R', long: 'root', arg: R },
    ], () => USAGE, 1);
    if (typeof a === 'number') return a;
    let add: string | undefined;
    let del: string | undefined;
    let group: string | undefined;
    let list = false;
    let purge = false;
    let actions = 0;
    // options act as getopt hands them over: -h at once, the rest counted
    for (const { key, value } of a.order) {
      if (key === 'h') return usage(ctx, 0);
      if (key === 'a') add = value;
      else if (key === 'd') del = value;
      else if (key === 'g') group = value;
      else if (key === 'l') list = true;
      else if (key === 'p') purge = true;
      if ('adlp'.includes(key)) actions++;
    }
    if (actions > 1 || a.operands.length) return usage(ctx, 1);
    const sys = ctx.sys;
    const peek = await readAll(sys);
    if (add !== undefined && !peek.passwd.get(add)) {
      await fail(ctx, `user '${add}' does not exist`);
      return 8;
    }
    const uid = sys.getuid();
    let name = group;
    if (name === undefined) {
      const user = peek.passwd.entries().find((u) => u.uid === uid);
      const grp = peek.group.entries().find((g) => g.gid === sys.getgid());
      name = user && grp && user.name === grp.name ? user.name : undefined;
      if (!list && name === undefined) {
        await fail(ctx, 'your groupname does not match your username');
        return 5;
      }
    } else if (!list && uid !== 0) {
      await fail(ctx, 'only root can use the -g/--group option');
      return 3;
    }
    if (!list && uid !== 0) {
      await fail(ctx, 'PAM: Authentication failure');
      return 1;
    }
    const locks = new Locks(ctx);
    try {
      const dbs = list ? peek : await lockAndRead(ctx, locks, ['/etc/group', ...(peek.gshadow.present ? ['/etc/gshadow'] : [])]);
      if (!dbs) return 2;
      const shadowed = dbs.gshadow.present;
      if (dbs.group.unreadable || (shadowed && dbs.gshadow.unreadable)) {
        await fail(ctx, `cannot open ${dbs.group.unreadable ? '/etc/group' : '/etc/gshadow'}`);
        return 2;
      }
      const g = name === undefined ? undefined : dbs.group.get(name);
      if (!g) {
        await fail(ctx, `group '${name ?? ''}' does not exist in /etc/group`);
        return 9;
      }
      if (list) {
        // each name is followed by a blank, and two blanks part one from the next
        if (g.members.length) await ctx.print(`${g.members.join('  ')} \n`);
        return 0;
      }
      if (add === undefined && del === undefined && !purge) return 0;
      let members = g.members;
      if (add !== undefined) {
        if (members.includes(add)) {
          await fail(ctx, `user '${add}' is already a member of '${g.name}'`);
          return 7;
        }
        members = [...members, add];
      } else if (del !== undefined) {
        if (!members.includes(del)) {
          await fail(ctx, `user '${del}' is not a member of '${g.name}'`);
          return 6;
        }
        members = members.filter((m) => m !== del);
      } else members = [];
      let passwd = g.passwd;
      if (shadowed) {
        const sg = dbs.gshadow.get(g.name);
        let next: SgEnt;
        if (!sg) {
          // a group without a gshadow line gets one, and its password moves there
          next = { name: g.name, passwd: g.passwd, admins: [], members: [...members] };
          passwd = 'x';
        } else if (add !== undefined) next = { ...sg, members: addMember(sg.members, add) };
        else if (del !== undefined) next = { ...sg, members: sg.members.filter((m) => m !== del), admins: sg.admins.filter((m) => m !== del) };
        else next = { ...sg, members: [], admins: [] };
        dbs.gshadow.put(next);
      }
      dbs.group.put({ ...g, passwd, members });
      await commitAll(sys, { group: dbs.group, gshadow: shadowed ? dbs.gshadow : undefined });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
