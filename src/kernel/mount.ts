// mount(2) and umount2(2) (loaded on first use): tmpfs and proc mounted anywhere (stacked over
// an earlier mount too), bind mounts, and remounts that change a mount's flags (ro makes every
// write fail with EROFS) or a tmpfs's size. Filesystems on block devices cannot be mounted:
// their sources fail as a kernel without the device's data would fail them.
import { partitionOf } from '../shared/block-devices';
import { SysError } from '../shared/errno';
import type { Kernel } from './kernel';
import type { Process } from './process';
import type { FileSystemInfo } from './vfs/filesystems';
import type { Inode } from './vfs/inode';
import { MEM_TOTAL_KB } from './memory';

const PAGE = 4096;
const TOTAL_PAGES = MEM_TOTAL_KB / 4;

/** The per-mount flags (MS_*) in the order /proc/mounts shows them after rw/ro. */
const SHOWN = ['sync', 'dirsync', 'nosuid', 'nodev', 'noexec', 'noatime', 'nodiratime'] as const;

interface Tmpfs {
  blocks: number;
  inodes: number;
  mode: number;
  uid: number;
  gid: number;
}

/** A mount's options as /proc/mounts writes them: rw or ro, the flags, then the filesystem's own. */
function optionText(flags: ReadonlySet<string>, own: string): string {
  const out = [flags.has('ro') ? 'ro' : 'rw'];
  for (const f of SHOWN) if (flags.has(f)) out.push(f);
  if (!flags.has('noatime') && !flags.has('strictatime')) out.push('relatime');
  return [...out, ...(own ? [own] : [])].join(',');
}

/** memparse: a number with an optional k/m/g/t/p/e suffix, or (for sizes) a percentage of RAM pages. */
function amount(text: string, unit: number): number | undefined {
  const pct = /^(\d+)%$/.exec(text);
  if (pct) return Math.ceil((TOTAL_PAGES * Number(pct[1])) / 100) * (unit === 1 ? 1 : PAGE);
  const m = /^(0x[0-9a-f]+|\d+)([kmgtpe]?)$/i.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 1024 ** ' kmgtpe'.indexOf((m[2] || ' ').toLowerCase());
}

/** Parses tmpfs's options onto `t` (a remount changes only what it names); EINVAL for one it does not know. */
function tmpfsOptions(data: string, t: Tmpfs, remount: boolean): void {
  for (const opt of data.split(',').filter(Boolean)) {
    const eq = opt.indexOf('=');
    const key = eq < 0 ? opt : opt.slice(0, eq);
    const value = eq < 0 ? undefined : opt.slice(eq + 1);
    let n: number | undefined;
    switch (key) {
      case 'size':
        n = value === undefined ? undefined : amount(value, PAGE);
        if (n === undefined) throw new SysError('EINVAL', 'mount');
        t.blocks = Math.ceil(n / PAGE);
        break;
      case 'nr_blocks':
        n = value === undefined ? undefined : amount(value, 1);
        if (n === undefined) throw new SysError('EINVAL', 'mount');
        t.blocks = n;
        break;
      case 'nr_inodes':
        n = value === undefined ? undefined : amount(value, 1);
        if (n === undefined) throw new SysError('EINVAL', 'mount');
        t.inodes = n;
        break;
      case 'mode':
      case 'uid':
      case 'gid':
        if (value === undefined || !(key === 'mode' ? /^[0-7]+$/ : /^\d+$/).test(value)) throw new SysError('EINVAL', 'mount');
        // a remount keeps the root directory's owner and mode
        if (!remount) t[key] = key === 'mode' ? parseInt(value, 8) & 0o7777 : Number(value);
        break;
      case 'huge':
        if (!['never', 'always', 'within_size', 'advise', 'deny', 'force'].includes(value ?? '')) throw new SysError('EINVAL', 'mount');
        break;
      case 'inode32':
      case 'inode64':
        break;
      default:
        throw new SysError('EINVAL', 'mount');
    }
  }
}

function tmpfsText(t: Tmpfs): string {
  const out: string[] = [];
  if (t.blocks !== Math.floor(TOTAL_PAGES / 2)) out.push(`size=${t.blocks * 4}k`);
  if (t.inodes !== Math.floor(TOTAL_PAGES / 2)) out.push(`nr_inodes=${t.inodes}`);
  if (t.mode !== 0o1777) out.push(`mode=${t.mode.toString(8).padStart(3, '0')}`);
  if (t.uid) out.push(`uid=${t.uid}`);
  if (t.gid) out.push(`gid=${t.gid}`);
  return out.join(',');
}

/** The flags of a mount, read back from its options. */
function flagsOf(info: FileSystemInfo): Set<string> {
  const set = new Set(info.options.split(',').filter((o) => o === 'ro' || (SHOWN as readonly string[]).includes(o)));
  if (!info.options.split(',').includes('relatime') && !set.has('noatime')) set.add('strictatime');
  return set;
}

/** The options that belong to the filesystem itself (after the flags). */
function ownText(info: FileSystemInfo): string {
  return info.options.split(',').filter((o) => !['ro', 'rw', 'relatime', ...SHOWN].includes(o)).join(',');
}

function tmpfsOf(info: FileSystemInfo, root: Inode): Tmpfs {
  const t: Tmpfs = { blocks: Math.floor(TOTAL_PAGES / 2), inodes: Math.floor(TOTAL_PAGES / 2), mode: root.perm, uid: root.uid, gid: root.gid };
  t.blocks = Math.floor(info.capacity / PAGE);
  t.inodes = info.inodesTotal;
  return t;
}

/** The entry a path names, without crossing what is mounted over it (and its directory). */
function entryOf(k: Kernel, proc: Process, path: string): Inode | undefined {
  const { dir, name } = k.vfs.resolveParent(proc.cred, proc.cwd, path, 'mount');
  const ino = dir.entries?.get(name);
  return ino === undefined ? undefined : k.vfs.inodes.get(ino);
}

function namespaceOf(k: Kernel, proc: Process): number | undefined {
  const ns = proc.cred.root?.ino;
  return ns === undefined || ns === k.vfs.rootIno ? undefined : ns;
}

/** The mount a path names: the filesystem whose root it reaches, or the bind mount over its entry. */
function mountAt(k: Kernel, proc: Process, path: string): FileSystemInfo | undefined {
  const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'mount');
  let entry: Inode | undefined;
  try {
    entry = entryOf(k, proc, path);
  } catch {
    entry = undefined;
  }
  const bind = entry && k.vfs.filesystems.find((f) => !f.unmounted && f.bindAt === entry!.ino);
  if (bind) return bind;
  if (node.parent === node.ino && node.ino !== k.vfs.rootIno) return k.vfs.fsOf(node);
  if (node.ino === k.vfs.rootIno && !proc.cred.root) return k.vfs.fsOf(node);
  return undefined;
}

export function mount(k: Kernel, proc: Process, source: string, target: string, type: string, flagList: readonly string[], data: string): void {
  if (proc.cred.euid !== 0) throw new SysError('EPERM', 'mount');
  const flags = new Set(flagList);
  const vfs = k.vfs;
  const propagation = (['shared', 'private', 'slave', 'unbindable'] as const).find((f) => flags.has(f));
  if (propagation) {
    // MS_SHARED, MS_PRIVATE...: the mount's propagation type (with MS_REC, of those below it too)
    const info = mountAt(k, proc, target);
    if (!info) throw new SysError('EINVAL', 'mount');
    const below = flags.has('rec') ? k.visibleFilesystems(proc).filter((f) => f.target.startsWith(info.target === '/' ? '/' : `${info.target}/`)) : [];
    for (const f of [info, ...below]) {
      if (propagation === 'shared') delete f.propagation;
      // a slave of nothing: only a shared mount has a master to follow
      else if (propagation !== 'slave' || f.propagation === undefined) f.propagation = propagation;
    }
    return;
  }
  if (flags.has('move')) {
    // MS_MOVE of a bind mount: it leaves its mountpoint for the target
    const info = mountAt(k, proc, source);
    if (!info || info.bindOf === undefined) throw new SysError('EINVAL', 'mount');
    const from = entryOf(k, proc, source)!;
    const to = entryOf(k, proc, target);
    if (!to || vfs.isMountpoint(to)) throw new SysError('EBUSY', 'mount');
    const shown = vfs.resolve(proc.cred, proc.cwd, source, { follow: true }, 'mount');
    vfs.unbind(from);
    vfs.bind(shown, to);
    info.bindAt = to.ino;
    info.target = target.startsWith('/') ? target.replace(/\/+$/, '') || '/' : `${vfs.pathOf(proc.cwd, proc.cred.root).replace(/\/$/, '')}/${target}`;
    return;
  }
  if (flags.has('remount')) {
    const info = mountAt(k, proc, target);
    if (!info) throw new SysError('EINVAL', 'mount');
    const mountFlags = new Set([...flags].filter((f) => f === 'ro' || f === 'strictatime' || (SHOWN as readonly string[]).includes(f)));
    // MS_BIND with MS_REMOUNT changes the mount's flags only, not the filesystem's options
    let own = ownText(info);
    if (!flags.has('bind') && info.type === 'tmpfs' && info.bindOf === undefined) {
      const root = vfs.covering(vfs.resolve(proc.cred, proc.cwd, target, { follow: true }, 'mount'));
      const t = tmpfsOf(info, root);
      tmpfsOptions(data, t, true);
      if (t.blocks * PAGE < info.baseline + info.stored) throw new SysError('EBUSY', 'mount');
      info.capacity = t.blocks * PAGE;
      info.inodesTotal = t.inodes;
      own = tmpfsText(t);
    }
    info.options = optionText(mountFlags, own);
    if (info.bindOf === undefined) info.readonly = mountFlags.has('ro');
    else if (!flags.has('bind')) {
      // without MS_BIND the filesystem itself turns read-only or writable, wherever it shows
      const base = vfs.filesystems[info.bindOf]!;
      base.readonly = mountFlags.has('ro');
      base.options = base.options.replace(/^r[ow](?=,|$)/, base.readonly ? 'ro' : 'rw');
    }
    return;
  }
  const node = vfs.resolve(proc.cred, proc.cwd, target, { follow: true }, 'mount');
  // the table shows the path asked for (libmount's canonical one), relative ones from the cwd
  const where = target.startsWith('/') ? target.replace(/\/+$/, '') || '/' : `${vfs.pathOf(proc.cwd, proc.cred.root).replace(/\/$/, '')}/${target}`;
  if (flags.has('bind')) {
    const src = vfs.resolve(proc.cred, proc.cwd, source, { follow: true }, 'mount');
    if ((src.type === 'dir') !== (node.type === 'dir')) throw new SysError('ENOTDIR', 'mount');
    const entry = entryOf(k, proc, target);
    if (!entry || vfs.isMountpoint(entry)) throw new SysError('EBUSY', 'mount');

    const under = vfs.fsOf(src);
    // the new mount takes the flags of the mount the source is reached through (a read-only bind stays read-only)
    const srcPath = source.startsWith('/') ? source : `${vfs.pathOf(proc.cwd, proc.cred.root).replace(/\/$/, '')}/${source}`;
    const through = k.visibleFilesystems(proc).filter((f) => f.target === '/' || srcPath === f.target || srcPath.startsWith(`${f.target}/`)).at(-1);
    const options = through && through.bindOf === under.id ? through.options : under.options;
    vfs.bind(src, entry);
    const info = vfs.addFilesystem(under.type, under.source, where, 0, { options, persistent: false });
    if (namespaceOf(k, proc) !== undefined) info.namespace = namespaceOf(k, proc);
    info.bindOf = under.id;
    info.bindAt = entry.ino;
    // the source's path inside its filesystem: below that filesystem's mountpoint
    const abs = vfs.pathOf(src, proc.cred.root);
    const top = under.target === '/' ? '' : under.target;
    info.bindRoot = abs === under.target ? '/' : abs.startsWith(`${top}/`) ? abs.slice(top.length) : abs;
    return;
  }
  if (type === 'tmpfs' || type === 'proc') {
    if (node.type !== 'dir') throw new SysError('ENOTDIR', 'mount');
    // what is mounted over a bind mount would land on its source here: refused
    const entry = entryOf(k, proc, target);
    if (entry && vfs.isBindMountpoint(entry)) throw new SysError('EBUSY', 'mount');
    if (type === 'proc') {
      k.mountProc(node, { target: where, ...(proc.cred.root ? { namespace: proc.cred.root } : {}) });
      const info = vfs.fsOf(vfs.covering(node));
      info.source = source;
      info.options = optionText(flags, '');
      info.readonly = flags.has('ro');
      return;
    }
    const t: Tmpfs = { blocks: Math.floor(TOTAL_PAGES / 2), inodes: Math.floor(TOTAL_PAGES / 2), mode: 0o1777, uid: 0, gid: 0 };
    tmpfsOptions(data, t, false);
    const info = vfs.addFilesystem('tmpfs', source, where, t.blocks * PAGE, { options: optionText(flags, tmpfsText(t)), inodesTotal: t.inodes, persistent: false });
    if (namespaceOf(k, proc) !== undefined) info.namespace = namespaceOf(k, proc);
    info.readonly = flags.has('ro');
    const root = vfs.mountNew(info, t.mode, node);
    root.uid = t.uid;
    root.gid = t.gid;
    return;
  }
  // a filesystem kept on a block device: its source must be one
  const dev = vfs.resolve(proc.cred, proc.cwd, source, { follow: true }, 'mount');
  if (dev.type !== 'blockdev') throw new SysError('ENOTBLK', 'mount');
  throw new SysError('EINVAL', 'mount');
}

/** Whether anything holds the filesystem `fs`: a working or root directory, an open file, a mount inside it. */
function busy(k: Kernel, fs: number, root: Inode): boolean {
  for (const p of k.procs.values()) {
    if (p.cwd.fs === fs || p.cred.root?.fs === fs) return true;
    for (const f of p.fds.values()) if (f.target.kind === 'inode' && f.target.node.fs === fs) return true;
  }
  for (const n of k.vfs.inodes.values()) if (n.fs === fs && n !== root && k.vfs.isMountpoint(n)) return true;
  return false;
}

export function umount(k: Kernel, proc: Process, target: string, lazy: boolean): void {
  if (proc.cred.euid !== 0) throw new SysError('EPERM', 'umount');
  const vfs = k.vfs;
  const node = vfs.resolve(proc.cred, proc.cwd, target, { follow: true }, 'umount');
  const entry = entryOf(k, proc, target);
  const bind = entry && vfs.filesystems.find((f) => !f.unmounted && f.bindAt === entry.ino);
  // (nothing is mounted over a bind mount: mount refuses its entry)
  if (bind) {
    vfs.unbind(entry!);
    bind.unmounted = true;
    return;
  }
  if (node.ino === vfs.rootIno || node.ino === proc.cred.root?.ino) throw new SysError('EBUSY', 'umount');
  if (node.parent !== node.ino) throw new SysError('EINVAL', 'umount');
  if (!lazy && busy(k, node.fs, node)) throw new SysError('EBUSY', 'umount');
  // MNT_DETACH takes what is mounted below along, the deepest first
  if (lazy) {
    const top = vfs.fsOf(node).target;
    const below = k.visibleFilesystems(proc).filter((f) => f.target.startsWith(top === '/' ? '/' : `${top}/`) && f.target !== top);
    for (const f of below.reverse()) {
      try {
        umount(k, proc, f.target, true);
      } catch {
        // already gone with its parent
      }
    }
  }
  vfs.umount(node);
}

/**
 * /proc/PID/mountinfo: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS shared:N - TYPE SOURCE SUPER"
 * for each mount the process sees. The per-mount options are rw/ro and the flags; the super
 * options those of the filesystem (a read-only bind of a writable one shows rw there). A bind
 * mount shows its filesystem's device and peer group, with the directory it shows as ROOT.
 */
export function mountinfo(k: Kernel, p: Process): string {
  const list = k.visibleFilesystems(p);
  const all = k.vfs.filesystems;
  const ids = new Map(list.map((f) => [f, 21 + f.id]));
  return list
    .map((f, i) => {
      const base = f.bindOf === undefined ? f : all[f.bindOf]!;
      const part = partitionOf(base.source);
      const dev = part ? `8:${part.minor}` : `0:${20 + base.id}`;
      // the parent: the latest mount listed before this one whose mountpoint holds it
      let parent = 1;
      for (let j = i - 1; j >= 0 && f.target !== '/'; j--) {
        const t = list[j]!.target;
        if (t === '/' || f.target.startsWith(`${t}/`) || f.target === t) {
          parent = ids.get(list[j]!)!;
          break;
        }
      }
      const opts = info(f.options);
      const own = info(base.options);
      const superOpts = [base.readonly || own.ro ? 'ro' : 'rw', ...own.own].join(',');
      const escape = (s: string): string => s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
      const fields = f.propagation === undefined ? ` shared:${base.id + 1}` : f.propagation === 'slave' ? ` master:${base.id + 1}` : f.propagation === 'unbindable' ? ' unbindable' : '';
      return `${ids.get(f)} ${parent} ${dev} ${escape(f.bindRoot ?? '/')} ${escape(f.target)} ${opts.vfs.join(',')}${fields} - ${f.type} ${escape(f.source)} ${superOpts}\n`;
    })
    .join('');
}

/** A mount's option text split into the per-mount part and the filesystem's own part. */
function info(options: string): { vfs: string[]; own: string[]; ro: boolean } {
  const all = options.split(',').filter(Boolean);
  const vfsSet = ['ro', 'rw', 'relatime', 'noatime', 'nodiratime', 'nosuid', 'nodev', 'noexec'];
  const vfsOpts = all.filter((o) => vfsSet.includes(o));
  return { vfs: vfsOpts, own: all.filter((o) => !vfsSet.includes(o) && o !== 'sync' && o !== 'dirsync'), ro: all.includes('ro') };
}
