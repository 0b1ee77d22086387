// Facts about the machine's file systems that statfs(2) and stat(2) report on Linux but the
// kernel's FsUsage leaves out: the f_type magic and its name (as stat -f prints it), the
// fsid, the name length limit, the blocks only root may use (ext4 keeps 5%), and st_dev as
// major:minor (sda3 is 8:3; pseudo file systems get anonymous 0:N devices).
import type { FsUsage } from '../../shared/stat';
import type { Sys } from '../../shared/sys';

export interface FsFacts extends FsUsage {
  magic: number;
  typeName: string;
  availBlocks: number;
  fsid: string;
  namelen: number;
  major: number;
  minor: number;
}

const MAGIC: Record<string, [number, string]> = {
  ext4: [0xef53, 'ext2/ext3'],
  tmpfs: [0x01021994, 'tmpfs'],
  devtmpfs: [0x01021994, 'tmpfs'],
  proc: [0x9fa0, 'proc'],
  sysfs: [0x62656572, 'sysfs'],
  devpts: [0x1cd1, 'devpts'],
  cgroup2: [0x63677270, 'cgroup2fs'],
};

/** The anonymous minor numbers Linux hands out in mount order. */
const ANON_MINOR: Record<string, number> = { '/dev': 5, '/proc': 20, '/sys': 21, '/run': 23, '/tmp': 32 };

export function fsFacts(u: FsUsage, index: number): FsFacts {
  const [magic, typeName] = MAGIC[u.type] ?? [0, u.type];
  const disk = /^\/dev\/sd([a-z])(\d*)$/.exec(u.source);
  const major = disk ? 8 : 0;
  const minor = disk ? (disk[1]!.charCodeAt(0) - 97) * 16 + Number(disk[2] || 0) : ANON_MINOR[u.target] ?? 40 + index;
  // ext4 reserves 5% of the blocks for root
  const reserved = u.type === 'ext4' ? Math.floor(u.totalBlocks * 0.05) : 0;
  const fsid = u.type === 'ext4' ? '9fe1d1b3c2a84e07' : (0).toString(16).padStart(16, '0');
  return { ...u, magic, typeName, availBlocks: Math.max(0, u.freeBlocks - reserved), fsid, namelen: 255, major, minor };
}

/** The file system (and its facts) that holds st_dev `dev`. */
export function fsOfDev(sys: Sys, dev: number): FsFacts | undefined {
  const u = sys.mounts().find((m) => m.dev === dev);
  return u === undefined ? undefined : fsFacts(u, dev);
}

/** Linux's encoding of a device number (gnu_dev_makedev). */
export function makedev(major: number, minor: number): number {
  return ((minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12)) >>> 0;
}

/** The mount point under which canonical PATH lives (longest matching mount target). */
export function mountPointOf(sys: Sys, path: string): string | undefined {
  let best: string | undefined;
  for (const m of sys.mounts()) {
    const t = m.target;
    if (path === t || t === '/' || path.startsWith(`${t}/`)) if (best === undefined || t.length > best.length) best = t;
  }
  return best;
}
