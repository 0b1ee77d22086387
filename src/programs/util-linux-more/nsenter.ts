// nsenter (util-linux 2.38): runs a program in the namespaces of another process. The
// simulated kernel keeps no /proc/<pid>/ns files, so asking for a namespace fails as it does
// on a kernel without namespace support; -a finds none to enter, and -r, -w, -S and -G work.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { errx, NumError, shortName, tryHelp, u64, utilLinuxVersion, warnx } from './common';
import { NS_TYPES, runCommand } from './namespaces';

const HELP = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program in the namespaces of another process.

Options:
 -a, --all              enter all the namespaces of the target process
 -t, --target <pid>     the process whose namespaces to enter
 -m, --mount[=<file>]   its mount namespace
 -u, --uts[=<file>]     its UTS namespace (host and domain names)
 -i, --ipc[=<file>]     its System V IPC namespace
 -n, --net[=<file>]     its network namespace
 -p, --pid[=<file>]     its PID namespace
 -C, --cgroup[=<file>]  its cgroup namespace
 -U, --user[=<file>]    its user namespace
 -T, --time[=<file>]    its time namespace
 -S, --setuid <uid>     run as this user id
 -G, --setgid <gid>     run as this group id
     --preserve-credentials do not change ids in a user namespace
 -r, --root[=<dir>]     use this root directory (default: the target's)
 -w, --wd[=<dir>]       use this working directory (default: the target's)
 -W, --wdns <dir>       this working directory inside the namespaces
 -F, --no-fork          do not fork before running the program

 -h, --help             display this help
 -V, --version          display version

For more details see nsenter(1).
`;

export default defineProgram({
  name: 'nsenter',
  installPath: '/usr/bin/nsenter',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 't', short: 't', long: 'target', arg: 'required' },
    ...NS_TYPES.map((t) => ({ key: t.opt, short: t.opt, long: t.long, arg: 'optional' as const })),
    { key: 'S', short: 'S', long: 'setuid', arg: 'required' },
    { key: 'G', short: 'G', long: 'setgid', arg: 'required' },
    { key: 'preserve', long: 'preserve-credentials' },
    { key: 'r', short: 'r', long: 'root', arg: 'optional' },
    { key: 'w', short: 'w', long: 'wd', arg: 'optional' },
    { key: 'W', short: 'W', long: 'wdns', arg: 'required' },
    { key: 'F', short: 'F', long: 'no-fork' },
    { key: 'Z', short: 'Z', long: 'follow-context' },
  ],
  async main(ctx, args) {
    const sys = ctx.sys;
    let all = false;
    let target = 0;
    const wanted = new Set<string>();
    /** namespaces given as files: opened, but setns(2) will refuse them */
    const files: string[] = [];
    let uid: number | undefined;
    let gid: number | undefined;
    let root: string | undefined;
    let wd: string | undefined;
    let doRoot = false;
    let doWd = false;
    let wdns: string | undefined;
    const open = async (path: string): Promise<boolean> => {
      try {
        sys.close(await sys.open(path, { read: true }));
        return true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `cannot open ${path}: ${strerror(e.errno)}`);
        return false;
      }
    };
    const targetPath = async (what: string, given: string | undefined): Promise<string | undefined> => {
      if (given !== undefined) return given;
      if (!target) {
        await warnx(ctx, `neither filename nor target pid supplied for ${what}`);
        return undefined;
      }
      return `/proc/${target}/${what}`;
    };
    let seenW = '';
    try {
      for (const { key, value } of args.order) {
        if (key === 'W' || key === 'w') {
          if (seenW && seenW !== key) return await errx(ctx, 'mutually exclusive arguments: --wdns --wd');
          seenW = key;
        }
        const ns = NS_TYPES.find((t) => t.opt === key);
        if (ns) {
          if (value === undefined) wanted.add(ns.name);
          else {
            if (!(await open(value))) return 1;
            files.push(ns.name);
          }
          continue;
        }
        switch (key) {
          case 'a': all = true; break;
          case 't': target = u64(value!, 'failed to parse pid'); break;
          case 'S': uid = u64(value!, 'failed to parse uid'); break;
          case 'G': gid = u64(value!, 'failed to parse gid'); break;
          case 'r':
            if (value === undefined) doRoot = true;
            else if (!(await open(value))) return 1;
            else root = value;
            break;
          case 'w':
            if (value === undefined) doWd = true;
            else if (!(await open(value))) return 1;
            else wd = value;
            break;
          case 'W': wdns = value; break;
          case 'h': return await ctx.print(HELP).then(() => 0);
          case 'V': return await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        }
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
    if (all && !target) return errx(ctx, 'no target PID specified for --all');
    // -a enters only the namespaces this kernel has: /proc/self/ns lists none
    for (const t of NS_TYPES) {
      if (!wanted.has(t.name)) continue;
      const path = await targetPath(`ns/${t.name}`, undefined);
      if (path === undefined || !(await open(path))) return 1;
      files.push(t.name);
    }
    if (doRoot) {
      const path = await targetPath('root', undefined);
      if (path === undefined || !(await open(path))) return 1;
      root = path;
    }
    if (doWd) {
      const path = await targetPath('cwd', undefined);
      if (path === undefined || !(await open(path))) return 1;
      wd = path;
    }
    const first = NS_TYPES.find((t) => files.includes(t.name) && t.name !== 'user') ?? NS_TYPES.find((t) => files.includes(t.name));
    if (first) return errx(ctx, `reassociate to namespace 'ns/${first.name}' failed: Invalid argument`);
    try {
      const cwd = wd !== undefined ? await sys.realpath(wd) : root !== undefined && wdns === undefined ? sys.getcwd() : undefined;
      if (root !== undefined) {
        await sys.chroot(await sys.realpath(root));
        await sys.chdir('/');
      }
      if (wdns !== undefined) await sys.chdir(wdns);
      else if (cwd !== undefined) await sys.chdir(cwd);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return errx(ctx, `${root !== undefined ? 'chroot failed' : 'cannot open current working directory'}: ${strerror(e.errno)}`);
    }
    try {
      if (gid !== undefined) {
        sys.setgroups([]);
        sys.setgid(gid, gid);
      }
      if (uid !== undefined) sys.setuid(uid, uid);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return errx(ctx, `${uid !== undefined && gid === undefined ? 'setuid' : 'setgid'} failed: ${strerror(e.errno)}`);
    }
    void tryHelp;
    return runCommand(ctx, args.operands);
  },
});
