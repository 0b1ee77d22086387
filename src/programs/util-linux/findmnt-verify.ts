// findmnt --verify (util-linux 2.38, verify.c), for the checks a machine without block-device
// probing can make: each fstab entry's target must exist, a device source must exist and be a
// block device, a tag (UUID=, LABEL=...) must resolve; pseudo and network filesystems are not
// checked. Entries with something to say are listed under their target; the counts go to
// stderr, or "Success, ..." to stdout when there is nothing at all.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { parseTab, splitOptions } from './fstab';

const PSEUDO_OR_NET = new Set(['proc', 'sysfs', 'devtmpfs', 'tmpfs', 'devpts', 'cgroup', 'cgroup2', 'nsfs', 'ramfs', 'rootfs', 'overlay',
  'mqueue', 'debugfs', 'tracefs', 'securityfs', 'configfs', 'bpf', 'pstore', 'hugetlbfs', 'autofs', 'fusectl', 'binfmt_misc',
  'efivarfs', 'selinuxfs', 'nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'ncpfs', 'afs', 'ceph', 'glusterfs', 'fuse.sshfs', 'swap']);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export async function verifyTab(ctx: Ctx, file: string, verbose: boolean): Promise<number> {
  const sys = ctx.sys;
  let text: string;
  try {
    text = new TextDecoder().decode(await sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`findmnt: can't read ${file}: ${strerror(e.errno)}\n`);
    return 1;
  }
  let errors = 0;
  let warnings = 0;
  const tab = parseTab(text);
  const parseErrors = tab.errors.length;
  for (const n of tab.errors) await ctx.err.write(`findmnt: ${file}: parse error at line ${n} -- ignored\n`);
  const entries = tab.entries.map((e) => ({ source: e.source, target: e.target, type: e.type, opts: e.options }));
  const errno = async (path: string): Promise<{ err?: string; mode?: number }> => {
    try {
      return { mode: (await sys.stat(path)).mode };
    } catch (e) {
      if (!isSysError(e)) throw e;
      return { err: strerror(e.errno) };
    }
  };
  for (const e of entries) {
    const lines: string[] = [];
    const say = (kind: 'E' | 'W' | ' ', msg: string): void => {
      if (kind === 'E') errors++;
      if (kind === 'W') warnings++;
      if (kind !== ' ' || verbose) lines.push(`   [${kind}] ${msg}`);
    };
    if (e.type !== 'swap') {
      const t = await errno(e.target);
      if (t.err) say('E', `unreachable on boot required target: ${t.err}`);
      else say(' ', 'target exists');
    }
    const parts = splitOptions(e.opts);
    if (parts.vfs) say(' ', `VFS options: ${parts.vfs}`);
    if (parts.fs) say(' ', `FS options: ${parts.fs}`);
    if (parts.user) say(' ', `userspace options: ${parts.user}`);
    if (PSEUDO_OR_NET.has(e.type)) {
      say(' ', `do not check ${e.type} source (pseudo/net)`);
      say(' ', `do not check ${e.type} FS type (pseudo/net)`);
    } else if (/^(UUID|LABEL|PARTUUID|PARTLABEL|ID)=/.test(e.source)) {
      // nothing here carries such a tag that could be found
      say('E', `unreachable on boot required source: ${e.source}`);
    } else {
      const s = await errno(e.source);
      if (s.err) {
        say('W', `unreachable source: ${e.source}: ${s.err}`);
        say('W', `cannot detect on-disk filesystem type (${s.err})`);
      } else if (((s.mode ?? 0) & 0o170000) !== 0o060000) {
        say('W', `source ${e.source} is not a block device`);
        say('W', 'cannot detect on-disk filesystem type (Invalid argument)');
      } else say(' ', `source ${e.source} exists`);
    }
    if (lines.length) await ctx.print(`${e.target}\n${lines.join('\n')}\n`);
  }
  if (!parseErrors && !errors && !warnings) {
    await ctx.print('Success, no errors or warnings detected\n');
    return 0;
  }
  await ctx.err.write(`\n${plural(parseErrors, 'parse error', 'parse errors')}, ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}\n`);
  return 1;
}
