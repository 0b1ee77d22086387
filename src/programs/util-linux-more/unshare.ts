// unshare (util-linux 2.38): runs a program with some namespaces unshared from its parent.
// The simulated kernel has no unshare(2): asking for any namespace fails as on a kernel built
// without namespace support (EINVAL; EPERM for a user without privileges); without one the
// program runs as asked, with --fork, --root, --wd, --setuid and --setgid.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { errx, NumError, shortName, u64, utilLinuxVersion } from './common';
import { NS_TYPES, runCommand } from './namespaces';

const HELP = `
Usage:
 unshare [options] [<program> [<argument>...]]

Run a program with some namespaces unshared from the parent.

Options:
 -m, --mount[=<file>]      a new mount namespace
 -u, --uts[=<file>]        a new UTS namespace (host and domain names)
 -i, --ipc[=<file>]        a new System V IPC namespace
 -n, --net[=<file>]        a new network namespace
 -p, --pid[=<file>]        a new PID namespace
 -U, --user[=<file>]       a new user namespace
 -C, --cgroup[=<file>]     a new cgroup namespace
 -T, --time[=<file>]       a new time namespace

 -f, --fork                run the program in a child process
 --map-user=<uid>|<name>   map the current user to this one (implies --user)
 --map-group=<gid>|<name>  map the current group to this one (implies --user)
 -r, --map-root-user       map the current user to root (implies --user)
 -c, --map-current-user    map the current user to itself (implies --user)
 --kill-child[=<signame>]  signal the child when unshare dies (implies --fork)
 --mount-proc[=<dir>]      mount proc there first (implies --mount)
 --propagation slave|shared|private|unchanged
                           mount propagation in the new mount namespace
 --setgroups allow|deny    allow setgroups(2) in the user namespace
 --keep-caps               keep the capabilities in the user namespace
 -R, --root=<dir>          run with this root directory
 -w, --wd=<dir>            run in this working directory
 -S, --setuid <uid>        run as this user id
 -G, --setgid <gid>        run as this group id
 --monotonic <offset>      monotonic clock offset in the time namespace
 --boottime <offset>       boot time clock offset in the time namespace

 -h, --help                display this help
 -V, --version             display version

For more details see unshare(1).
`;

const IMPLY_USER = new Set(['map-user', 'map-group', 'r', 'c', 'map-users', 'map-groups', 'map-auto']);

export default defineProgram({
  name: 'unshare',
  installPath: '/usr/bin/unshare',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'f', short: 'f', long: 'fork' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
    // the short forms take no argument; only --net=<file> and the like name a file
    ...NS_TYPES.flatMap((t) => [{ key: t.opt, short: t.opt }, { key: t.opt, long: t.long, arg: 'optional' as const }]),
    { key: 'kill-child', long: 'kill-child', arg: 'optional' },
    { key: 'mount-proc', long: 'mount-proc', arg: 'optional' },
    { key: 'map-user', long: 'map-user', arg: 'required' },
    { key: 'map-users', long: 'map-users', arg: 'required' },
    { key: 'map-group', long: 'map-group', arg: 'required' },
    { key: 'map-groups', long: 'map-groups', arg: 'required' },
    { key: 'r', short: 'r', long: 'map-root-user' },
    { key: 'c', short: 'c', long: 'map-current-user' },
    { key: 'map-auto', long: 'map-auto' },
    { key: 'propagation', long: 'propagation', arg: 'required' },
    { key: 'setgroups', long: 'setgroups', arg: 'required' },
    { key: 'keep-caps', long: 'keep-caps' },
    { key: 'S', short: 'S', long: 'setuid', arg: 'required' },
    { key: 'G', short: 'G', long: 'setgid', arg: 'required' },
    { key: 'R', short: 'R', long: 'root', arg: 'required' },
    { key: 'w', short: 'w', long: 'wd', arg: 'required' },
    { key: 'monotonic', long: 'monotonic', arg: 'required' },
    { key: 'boottime', long: 'boottime', arg: 'required' },
  ],
  async main(ctx, args) {
    const sys = ctx.sys;
    let flags = 0;
    let fork = false;
    let uid: number | undefined;
    let gid: number | undefined;
    let root: string | undefined;
    let wd: string | undefined;
    let timeOffsets = false;
    try {
      for (const { key, value } of args.order) {
        if (NS_TYPES.some((t) => t.opt === key) || IMPLY_USER.has(key) || key === 'mount-proc') {
          flags++;
          continue;
        }
        switch (key) {
          case 'f': fork = true; break;
          case 'kill-child': fork = true; break;
          case 'setgroups':
            if (value !== 'allow' && value !== 'deny') return await errx(ctx, `unsupported --setgroups argument '${value!}'`);
            break;
          case 'propagation':
            if (!['slave', 'shared', 'private', 'unchanged'].includes(value!)) return await errx(ctx, `unsupported propagation mode: ${value!}`);
            break;
          case 'S': uid = u64(value!, 'failed to parse uid'); break;
          case 'G': gid = u64(value!, 'failed to parse gid'); break;
          case 'R': root = value; break;
          case 'w': wd = value; break;
          case 'monotonic': u64(value!, 'failed to parse monotonic offset'); timeOffsets = true; break;
          case 'boottime': u64(value!, 'failed to parse boottime offset'); timeOffsets = true; break;
          case 'h': return await ctx.print(HELP).then(() => 0);
          case 'V': return await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        }
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
    if (timeOffsets && !args.order.some((o) => o.key === 'T')) return errx(ctx, 'options --monotonic and --boottime require unsharing of a time namespace (-t)');
    if (flags) return errx(ctx, `unshare failed: ${strerror(sys.geteuid() === 0 ? 'EINVAL' : 'EPERM')}`);
    const finish = async (c: Ctx): Promise<number> => {
      let dir = wd;
      if (root !== undefined) {
        try {
          await c.sys.chroot(root);
        } catch (e) {
          if (!isSysError(e)) throw e;
          return errx(c, `cannot change root directory to '${root}': ${strerror(e.errno)}`);
        }
        dir ??= '/';
      }
      if (dir !== undefined) {
        try {
          await c.sys.chdir(dir);
        } catch (e) {
          if (!isSysError(e)) throw e;
          return errx(c, `cannot chdir to '${dir}': ${strerror(e.errno)}`);
        }
      }
      try {
        if (gid !== undefined) c.sys.setgid(gid, gid);
        if (uid !== undefined) c.sys.setuid(uid, uid);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return errx(c, `${uid !== undefined && gid === undefined ? 'setuid' : 'setgid'} failed: ${strerror(e.errno)}`);
      }
      return runCommand(c, args.operands);
    };
    if (!fork) return finish(ctx);
    await ctx.flush();
    const child = await sys.fork(async (csys) => {
      const c = new Ctx(csys);
      try {
        return await finish(c);
      } finally {
        await c.flush();
      }
    });
    const res = await sys.wait(child);
    if (!res) return 1;
    if (res.status.kind === 'exited') return res.status.code;
    if (res.status.kind === 'signaled') return 128 + res.status.signal;
    return 1;
  },
});
