// findmnt --verify (util-linux 2.38, verify.c), for the checks a machine without block-device
// probing can make: each fstab entry's target must exist, a device source must exist and be a
// block device, a tag (UUID=, LABEL=...) must resolve; pseudo and network filesystems are not
// checked. Entries with something to say are listed under their target; the counts go to
// stderr, or "Success, ..." to stdout when there is nothing at all.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';

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
  let parseErrors = 0;
  let errors = 0;
  let warnings = 0;
  const entries: { source: string; target: string; type: string; opts: string }[] = [];
  const rows = text.split('\n');
  if (rows[rows.length - 1] === '') rows.pop();
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split(/\s+/);
    if (f.length < 2) {
      parseErrors++;
      await ctx.err.write(`findmnt: ${file}: parse error at line ${i + 1} -- ignored\n`);
      continue;
    }
    entries.push({ source: f[0]!, target: f[1]!, type: f[2] ?? 'auto', opts: f[3] ?? 'defaults' });
  }
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
    const vfs = new Set(['defaults', 'rw', 'ro', 'auto', 'noauto', 'user', 'nouser', 'users', 'owner', 'group', 'exec', 'noexec', 'suid', 'nosuid',
      'dev', 'nodev', 'sync', 'async', 'atime', 'noatime', 'relatime', 'norelatime', 'strictatime', 'diratime', 'nodiratime', 'nofail',
      'lazytime', 'nolazytime', 'mand', 'nomand', 'dirsync', 'silent', 'loud', 'remount', 'bind', 'rbind', '_netdev', 'x-systemd.automount']);
    const fsOpts = e.opts.split(',').filter((o) => o && !vfs.has(o.replace(/=.*/, '')) && !o.startsWith('x-'));
    if (fsOpts.length) say(' ', `FS options: ${fsOpts.join(',')}`);
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
