// umount (util-linux 2.38): detaches mounts through umount2(2) (lazily with -l, what is below
// first with -R); a mount in use is busy, as / always is. The messages are libmount's.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxHelp } from './common';
import { matchFsType, matchOptions } from './mount-match';
import { mountPath } from './mount-path';
import { SysError } from '../../shared/errno';

const VERSION = 'umount from util-linux 2.38 (libmount 2.38.0: btrfs, verity, namespaces, assert, debug)';
// what umount -a leaves alone unless -t says otherwise
const DEFAULT_TYPES = 'noproc,nodevfs,nodevpts,nosysfs,norpc_pipefs,nonfsd,noselinuxfs';

export default defineProgram({
  name: 'umount',
  installPath: '/usr/bin/umount',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'A', short: 'A', long: 'all-targets' }, { key: 'c', short: 'c', long: 'no-canonicalize' },
        { key: 'd', short: 'd', long: 'detach-loop' }, { key: 'f', short: 'f', long: 'force' }, { key: 'i', short: 'i', long: 'internal-only' },
        { key: 'n', short: 'n', long: 'no-mtab' }, { key: 'l', short: 'l', long: 'lazy' }, { key: 'O', short: 'O', long: 'test-opts', arg: 'required' },
        { key: 'R', short: 'R', long: 'recursive' }, { key: 'r', short: 'r', long: 'read-only' }, { key: 't', short: 't', long: 'types', arg: 'required' },
        { key: 'v', short: 'v', long: 'verbose' }, { key: 'q', short: 'q', long: 'quiet' }, { key: 'N', short: 'N', long: 'namespace', arg: 'required' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`umount: ${e.message}\nTry 'umount --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('h')) {
      await ctx.print(utilLinuxHelp('umount', ['umount [-hV]', 'umount -a [options]', 'umount [options] <source> | <directory>'], 'Unmount filesystems.', [
        ' -a, --all               unmount all filesystems',
        ' -A, --all-targets       unmount all mountpoints of the given device',
        ' -f, --force             force unmount (in case of an unreachable NFS system)',
        ' -l, --lazy              detach the filesystem now, clean up things later',
        ' -R, --recursive         recursively unmount a target with all its children',
        ' -r, --read-only         in case unmounting fails, try to remount read-only',
        ' -t, --types <list>      limit the set of filesystem types',
        ' -v, --verbose           say what is being done',
        ' -q, --quiet             suppress \'not mounted\' error messages',
      ]).replace('(1).', '(8).'));
      return 0;
    }
    if (p.flags.has('V')) return ctx.print(`${VERSION}\n`).then(() => 0);
    const mounts = ctx.sys.mounts();
    const root = ctx.sys.geteuid() === 0;
    /** umount2(2) of one mount; its messages use the mount table's path (`shown` where not mounted). */
    const detach = async (target: string, shown: string, source?: string, say = true): Promise<number> => {
      try {
        await ctx.sys.umount(target, p.flags.has('l'));
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.errno === 'EBUSY') await ctx.err.write(`umount: ${target}: target is busy.\n`);
        else if (e.errno === 'EINVAL') await ctx.err.write(`umount: ${shown}: not mounted.\n`);
        else await ctx.err.write(`umount: ${target}: ${e.message.replace(/^[^:]*: /, '')}\n`);
        return 32;
      }
      if (say && p.flags.has('v')) await ctx.err.write(`umount: ${target}${source ? ` (${source})` : ''} unmounted\n`);
      return 0;
    };
    if (p.flags.has('a')) {
      if (p.operands.length) {
        await ctx.err.write("umount: unexpected number of arguments\nTry 'umount --help' for more information.\n");
        return 1;
      }
      // each mount, the last mounted first, that -t's types and -O's options choose; a user
      // who is not root gets past libmount to umount2(2), which refuses every one of them
      const types = p.values.get('t')?.at(-1) ?? DEFAULT_TYPES;
      const opts = p.values.get('O')?.at(-1);
      let status = 0;
      for (const m of [...mounts].reverse()) {
        if (!matchFsType(m.type, types) || (opts !== undefined && !matchOptions(m.options, opts))) {
          if (p.flags.has('v')) await ctx.print(`${m.target.padEnd(25)}: ignored\n`);
          continue;
        }
        if (!root) {
          await ctx.err.write(`umount: ${m.target}: must be superuser to unmount.\n`);
          status |= 32;
          continue;
        }
        const rc = await detach(m.target, m.target, m.source, false);
        if (rc === 0 && p.flags.has('v')) await ctx.print(`${m.target.padEnd(25)}: successfully unmounted\n`);
        status |= rc;
      }
      return status;
    }
    if (p.operands.length === 0) {
      await ctx.err.write("umount: bad usage\nTry 'umount --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const arg of p.operands) {
      const path = arg.length > 1 ? arg.replace(/\/+$/, '') : arg;
      let abs: string;
      let exists = true;
      try {
        abs = await mountPath(ctx.sys, path);
      } catch {
        exists = false;
        abs = path.startsWith('/') ? path : `${ctx.sys.getcwd().replace(/\/$/, '')}/${path}`;
      }
      // a mountpoint, or else a mounted source (the last one mounted)
      const now = ctx.sys.mounts();
      const hit = now.filter((m) => m.target === abs).at(-1) ?? now.filter((m) => m.source === arg).at(-1);
      if (hit) {
        if (!root) {
          await ctx.err.write(`umount: ${hit.target}: must be superuser to unmount.\n`);
          status = 32;
          continue;
        }
        // -R: what is mounted below it first, the last mounted first
        const below = p.flags.has('R') ? now.filter((m) => m.target.startsWith(`${hit.target.replace(/\/$/, '')}/`)).reverse() : [];
        for (const m of below) status = Math.max(status, await detach(m.target, m.target, m.source));
        status = Math.max(status, await detach(hit.target, hit.target === abs ? arg : hit.target, hit.source));
      } else if (p.flags.has('R')) {
        await ctx.err.write(`umount: ${arg}: not found\n`);
        status = 1;
      } else if (!root) {
        await ctx.err.write(exists ? `umount: ${arg}: not mounted.\n` : `umount: ${arg}: No such file or directory\n`);
        status = status || 1;
      } else if (!exists) {
        await ctx.err.write(`umount: ${arg}: no mount point specified.\n`);
        status = 32;
      } else {
        if (!p.flags.has('q')) await ctx.err.write(`umount: ${arg}: not mounted.\n`);
        status = 32;
      }
    }
    return status;
  },
});
