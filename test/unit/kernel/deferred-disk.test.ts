// The fresh disk put in the inode table deferred (snapshot/disk.ts deferDisk, vfs/inode-table.ts):
// inodes are made as they are first looked up, and the table, the files' data and the counts of
// blocks and memory are what an eager load (loadDisk) gives.
import { describe, expect, it } from 'vitest';
import { buildFreshDisk } from '../../../src/kernel/image/fresh-disk';
import { encodeFreshDisk, freshDiskSource } from '../../../src/kernel/image/fresh-disk-codec';
import { captureDisk, deferDisk, loadDisk } from '../../../src/kernel/snapshot/disk';
import { Vfs } from '../../../src/kernel/vfs/vfs';
import { InodeTable } from '../../../src/kernel/vfs/inode-table';
import type { Inode } from '../../../src/kernel/vfs/inode';
import type { DiskImage } from '../../../src/kernel/snapshot/types';
import { Machine, ROOT_CRED } from '../../../src/kernel/machine';
import { runScript } from '../../integration/machine-helpers';


function mounted(load: (vfs: Vfs, image: DiskImage) => void, image: DiskImage): Vfs {
  const vfs = new Vfs(() => 0, 1 << 30);
  vfs.addFilesystem('ext4', '/dev/sda3', '/', image.fs.capacity, { baseline: image.fs.baseline, inodesTotal: image.fs.inodesTotal });
  load(vfs, image);
  return vfs;
}

/**
 * The disk as plain data, inodes and files in number order (the table's order is not part of
 * it), each chunk by its length (its offset in the blob follows the order; the blobs' bytes are
 * compared apart).
 */
function sorted(d: DiskImage): unknown {
  const byIno = <T extends [number, ...unknown[]]>(rows: T[]): T[] => [...rows].sort((a, b) => a[0] - b[0]);
  return { ...d, inodes: byIno(d.inodes), files: byIno(d.files).map(([ino, size, chunks]) => [ino, size, chunks.map((c) => c[3])]), blob: undefined };
}

describe('a deferred disk', () => {
  const image = buildFreshDisk();

  it('makes an inode only when it is looked up, and then with its data', () => {
    const vfs = mounted(deferDisk, image);
    expect(vfs.inodes.deferredCount).toBe(image.inodes.length);
    const etc = vfs.resolve(ROOT_CRED, vfs.root, '/etc/os-release', { follow: true });
    expect(new TextDecoder().decode(vfs.read(etc))).toContain('Photon');
    // the root, /etc, the link os-release and /usr/lib/os-release, /usr and /usr/lib
    expect(vfs.inodes.deferredCount).toBeLessThanOrEqual(image.inodes.length - 6);
    expect(vfs.inodes.deferredCount).toBeGreaterThan(image.inodes.length - 20);
  });

  it('counts the blocks and memory the files take at once, as an eager load does', () => {
    const eager = mounted(loadDisk, image);
    const deferred = mounted(deferDisk, image);
    expect(deferred.filesystems[0]!.stored).toBe(eager.filesystems[0]!.stored);
    expect(deferred.memoryHeld).toBe(eager.memoryHeld);
    expect(deferred.inodeCounter).toBe(eager.inodeCounter);
    expect(deferred.rootIno).toBe(eager.rootIno);
  });

  it('is the same disk once looked at as a whole, and captures as the eager one does', () => {
    const eager = mounted(loadDisk, image);
    const deferred = mounted(deferDisk, image);
    deferred.resolve(ROOT_CRED, deferred.root, '/usr/bin', { follow: true });
    expect(deferred.inodes.size).toBe(eager.inodes.size);
    expect(deferred.inodes.deferredCount).toBe(0);
    expect(sorted(captureDisk(deferred))).toEqual(sorted(captureDisk(eager)));
    const bytes = (v: Vfs): number[] => Array.from(captureDisk(v).blob).sort();
    expect(bytes(deferred)).toEqual(bytes(eager));
  });

  it('read from the columns the browser build carries (freshDiskSource), is the same disk', () => {
    const eager = mounted(loadDisk, image);
    const source = freshDiskSource(encodeFreshDisk(image));
    expect(source.count).toBe(image.inodes.length);
    const deferred = new Vfs(() => 0, 1 << 30);
    deferred.addFilesystem('ext4', '/dev/sda3', '/', source.fs.capacity, { baseline: source.fs.baseline, inodesTotal: source.fs.inodesTotal });
    deferDisk(deferred, source);
    expect(deferred.inodes.deferredCount).toBe(image.inodes.length);
    expect(deferred.filesystems[0]!.stored).toBe(eager.filesystems[0]!.stored);
    expect(sorted(captureDisk(deferred))).toEqual(sorted(captureDisk(eager)));
  });

  it('a machine booted on it runs, and df counts every inode', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    expect(m.disk.inodes.deferredCount).toBeGreaterThan(0);
    const r = await runScript('ls /usr/lib/os-release /etc/photon-release && echo $(cat /etc/hostname) && df -i / | tail -n 1 | awk \'{print ($3 > 500)}\'', m);
    expect(r.stdout).toBe('/etc/photon-release\n/usr/lib/os-release\nphoton-machine\n1\n');
  });
});

describe('the inode table', () => {
  const node = (ino: number): Inode => ({ ino, fs: 0, type: 'file', perm: 0o644, uid: 0, gid: 0, nlink: 1, atime: 0, mtime: 0, ctime: 0 });

  it('answers has() for deferred inodes without making them, and forgets a deleted or replaced one', () => {
    const t = new InodeTable();
    const made: number[] = [];
    t.set(1, node(1));
    t.defer(new Map([[2, 0], [3, 1], [4, 2]]), (i) => {
      made.push(i);
      return node(i + 2);
    });
    expect(t.has(3)).toBe(true);
    expect(t.has(9)).toBe(false);
    expect(made).toEqual([]);
    expect(t.delete(3)).toBe(true);
    expect(t.has(3)).toBe(false);
    t.set(4, { ...node(4), perm: 0o600 });
    expect(t.get(2)?.ino).toBe(2);
    expect(made).toEqual([0]);
    expect(t.get(4)?.perm).toBe(0o600);
    expect([...t.keys()].sort()).toEqual([1, 2, 4]);
    expect(made).toEqual([0]);
    expect(t.deferredCount).toBe(0);
  });

  it('makes every deferred inode for its size and for each way of walking it', () => {
    for (const walk of [(t: InodeTable) => t.size, (t: InodeTable) => [...t], (t: InodeTable) => [...t.values()], (t: InodeTable) => [...t.entries()], (t: InodeTable) => t.forEach(() => {})]) {
      const t = new InodeTable();
      t.defer(new Map([[5, 0], [6, 1]]), (i) => node(i + 5));
      walk(t);
      expect(t.deferredCount).toBe(0);
      expect(new Map(t).size).toBe(2);
    }
  });
});
