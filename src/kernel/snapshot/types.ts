// What a saved machine holds: the disk (every inode of the root filesystem, with its data), the
// journal, and the runtime state a reboot would lose but a learner expects back after a reload
// (firewall rules and counters, addresses and routes set by hand, which units and containers
// were running, the transient hostname, the console's directory and screen). Processes are not
// saved: a restored machine boots from its disk and then puts that runtime state back.
import type { AclRecord } from '../vfs/acl';
import type { JournalState } from '../../subsystems/journald/journal';
import type { NfRuleset } from '../../shared/services/netfilter';
import type { VxlanData } from '../../shared/services/net';
import type { SessionState } from '../../shared/lessons';

/** The snapshot format's version; older snapshots are migrated (migrate.ts), never refused. */
export const SNAPSHOT_VERSION = 1;

/** One inode: [ino, type, perm, uid, gid, nlink, atime, mtime, ctime, parent (-1: none), extra]. */
/**
 * ino, type, perm, uid, gid, nlink, atime, mtime, ctime, parent, extra; then, once chattr set
 * either, the attribute flags (null: the default) and the generation (null: the default); then,
 * for an inode with an ACL, the access and default ACLs (vfs/acl.ts)
 */
export type InodeRecord = [number, InodeTypeCode, number, number, number, number, number, number, number, number, InodeExtra, (number | null)?, (number | null)?, AclRecord?];
/** dir: [name, ino, name, ino, ...]; symlink: target; device: [major, minor]; else null */
export type InodeExtra = (string | number)[] | string | [number, number] | null;
export type InodeTypeCode = 'f' | 'd' | 'l' | 'c' | 'b' | 'p' | 's';

/** A file's data: [ino, size, chunks: [index, written-block mask, offset in the blob, length]]. */
export type FileRecord = [number, number, [number, number, number, number][]];

export interface DiskImage {
  rootIno: number;
  nextIno: number;
  /** the root filesystem's size and what the base image counts as used */
  fs: { capacity: number; baseline: number; inodesTotal: number };
  inodes: InodeRecord[];
  files: FileRecord[];
  /** bytes of every file, referenced by offset from `files` */
  blob: Uint8Array;
}

/**
 * A disk image read inode by inode (snapshot/disk.ts deferDisk): the fresh disk's columns give
 * each inode's record when it is asked for (image/fresh-disk-codec.ts), a DiskImage its own.
 */
export interface DiskSource {
  rootIno: number;
  nextIno: number;
  fs: DiskImage['fs'];
  /** how many inodes: k runs from 0 to count - 1 */
  count: number;
  ino(k: number): number;
  type(k: number): InodeTypeCode;
  record(k: number): InodeRecord;
  files: FileRecord[];
  blob: Uint8Array;
}

export interface SavedAddress {
  link: string;
  family: 4 | 6;
  local: string;
  prefixlen: number;
  address?: string;
  broadcast?: string;
  label?: string;
  scope: number;
}

export interface SavedRoute {
  family: 4 | 6;
  table: number;
  dst: string;
  dstLen: number;
  gateway?: string;
  dev?: string;
  protocol: number;
  scope: number;
  type: number;
  priority: number;
  prefsrc?: string;
}

export interface RuntimeState {
  hostname: string;
  /** units active (or activating) when saved */
  /** none when the machine was saved before its service manager loaded */
  activeUnits?: string[];
  firewall: { ipv4: NfRuleset; ipv6: NfRuleset };
  /** links an administrator manages (not the container plumbing docker makes) */
  /** `peer`: the other end of a veth pair; `master`: the bridge it is a port of; `vlan`: its tag on `link`. */
  /** `macvlan`/`vxlan`: their settings, the lower device by name. */
  links: { name: string; kind?: string; up: boolean; mtu: number; mac: string; peer?: string; master?: string; vlan?: SavedVlan; macvlan?: SavedMacvlan; vxlan?: SavedVxlan }[];
  addresses: SavedAddress[];
  routes: SavedRoute[];
  /** containers running when saved (ids) */
  runningContainers: string[];
  /** kernel modules loaded when saved, oldest first (absent in snapshots from before modules were kept) */
  modules?: string[];
}

/** A VLAN device's lower device (by name) and settings, as `ip link add ... type vlan` takes them. */
export interface SavedVlan {
  link: string;
  protocol: number;
  id: number;
  flags: number;
  ingress?: [number, number][];
  egress?: [number, number][];
}

export interface SavedMacvlan {
  link: string;
  mode: number;
  flags: number;
  bcQueueLen: number;
}

/** A VXLAN device's settings; `dev` names its lower device. */
export type SavedVxlan = Omit<VxlanData, 'link'> & { dev?: string };

export interface MachineSnapshot {
  version: number;
  /** virtual epoch ms when it was taken */
  savedAt: number;
  disk: DiskImage;
  journal: JournalState;
  runtime: RuntimeState;
  /** in an exported file: the machine's entry in the list it came from */
  label?: MachineLabel;
  console: {
    /** the console shell's working directory */
    cwd: string;
    /** the last of what the console printed, so the terminal shows where the learner was */
    screen: string;
  };
}

/** What an exported machine file says about itself besides the machine. */
export interface MachineLabel {
  name: string;
  lessonId: string | null;
  lessonTitle?: string;
  lesson?: SessionState;
  /** who exported it (a classroom's progress report names them) */
  learner?: string;
}

/** What a Machine needs to boot a saved machine (made by restoreSource in machine-io.ts). */
export interface RestoreSource {
  fs: { capacity: number; baseline: number; inodesTotal: number };
  savedAt: number;
  /** fills the empty root filesystem and the journal */
  load(vfs: import('../vfs/vfs').Vfs, journal: import('../../subsystems/journald/journal').Journal): void;
  console: { cwd: string; screen: string };
  /** puts the runtime state back once the machine has booted */
  runtime(m: import('../machine').Machine): Promise<void>;
}
