// Files crossing between the learner's computer and the machine, as root would copy them:
// a file dropped on the terminal lands in the console's directory (a name already taken gets
// a ".1", ".2" suffix rather than overwriting), and a file of the machine can be downloaded.
import { SysError } from '../shared/errno';
import type { Kernel } from './kernel';
import type { Inode } from './vfs/inode';
import type { Cred } from './vfs/permissions';

const ROOT: Cred = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
/** The largest file moved either way (the machine's memory budget is 256 MiB). */
export const HOST_FILE_MAX = 64 * 1024 * 1024;

/** Writes `bytes` as a new file `name` in directory `dir`; returns the path it got. */
export function putHostFile(k: Kernel, dir: string, name: string, bytes: Uint8Array): string {
  if (bytes.length > HOST_FILE_MAX) throw new Error(`${name}: larger than ${HOST_FILE_MAX / 1024 / 1024} MiB`);
  const clean = name.replace(/[/\0]/g, '_').replace(/^\.+$/, '_').slice(0, 200) || 'file';
  const vfs = k.vfs;
  const d = vfs.resolve(ROOT, vfs.root, dir, { follow: true });
  if (d.type !== 'dir') throw new Error(`${dir}: not a directory`);
  let final = clean;
  for (let n = 1; vfs.child(d, final); n++) final = `${clean}.${n}`;
  // a file the console's umask (027) would make: rw-r-----
  const node: Inode = vfs.newInode(d.fs, 'file', 0o640, 0, vfs.newGroup(d, 0));
  vfs.addEntry(d, final, node);
  try {
    vfs.write(node, 0, bytes);
  } catch (e) {
    vfs.removeEntry(d, final, node);
    if (e instanceof SysError && e.errno === 'ENOSPC') throw new Error(`${final}: No space left on device`);
    throw e;
  }
  return `${dir === '/' ? '' : dir}/${final}`;
}

/** The contents of regular file `path` (symlinks followed). */
export function getHostFile(k: Kernel, path: string): Uint8Array {
  const vfs = k.vfs;
  let node: Inode;
  try {
    node = vfs.resolve(ROOT, vfs.root, path, { follow: true });
  } catch (e) {
    throw new Error(`${path}: ${e instanceof SysError && e.errno === 'ENOENT' ? 'No such file or directory' : e instanceof Error ? e.message : String(e)}`);
  }
  if (node.type === 'dir') throw new Error(`${path}: Is a directory`);
  if (node.type !== 'file' && !node.generate) throw new Error(`${path}: not a regular file`);
  if (vfs.size(node) > HOST_FILE_MAX) throw new Error(`${path}: larger than ${HOST_FILE_MAX / 1024 / 1024} MiB`);
  return vfs.read(node);
}
