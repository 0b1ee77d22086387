// The disk of a fresh machine: Photon's image as buildImage lays it out, captured once and
// loaded into every new machine (loading a captured disk is several times cheaper than laying
// it out again). In Node the capture is made on first use. The browser build replaces this
// module with the same capture made at build time (scripts/vite-fresh-disk.ts), so the worker
// neither carries the image's code nor runs it before the first prompt.
import { captureDisk } from '../snapshot/disk';
import type { DiskImage, DiskSource } from '../snapshot/types';
import type { LateFiles } from './fresh-disk-codec';
import { Vfs } from '../vfs/vfs';
import { buildImage } from './build';
import { INSTALL_TIME } from './etc-files';

const GiB = 1024 ** 3;
/** The root filesystem of a fresh install: 16 GiB disk, its ext4 overhead, what the base system uses. */
const FRESH_FS: DiskImage['fs'] = { capacity: 16 * GiB - 300 * 1024 * 1024, baseline: 1_100_000_000, inodesTotal: 1048576 };

/** Lays out the image on an empty disk and captures it. */
export function buildFreshDisk(): DiskImage {
  const vfs = new Vfs(() => INSTALL_TIME, Number.MAX_SAFE_INTEGER);
  const root = vfs.addFilesystem('ext4', '/dev/sda3', '/', FRESH_FS.capacity, { baseline: FRESH_FS.baseline, inodesTotal: FRESH_FS.inodesTotal });
  vfs.mountNew(root, 0o755);
  buildImage(vfs);
  // the disk was installed before any boot: its files carry the install time
  for (const node of vfs.inodes.values()) node.atime = node.mtime = node.ctime = INSTALL_TIME;
  return captureDisk(vfs);
}

/**
 * A fresh disk as a machine loads it. In the browser build some files' bytes come a moment
 * later (`late`, see scripts/vite-fresh-disk.ts); laid out here, every file has its bytes.
 */
export type FreshDisk = (DiskImage | DiskSource) & { late?: () => Promise<LateFiles> };

let cached: DiskImage | undefined;

/** The fresh disk, for one machine (its bytes are that machine's own copy). */
export function freshDisk(): FreshDisk {
  const d = (cached ??= buildFreshDisk());
  return { ...d, blob: d.blob.slice() };
}
