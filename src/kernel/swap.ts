// swapon(2) and swapoff(2) over swap files (loaded on first use). An area needs root, a
// regular file and a version 1 header (mkswap's): "SWAPSPACE2" at the end of the first 4 KiB
// page, version 1 and the last page's number at 1024. Its size is that many pages (the header
// page left out). Nothing is ever swapped out: every area stays unused.
import { SysError } from '../shared/errno';
import type { Sys } from '../shared/sys';
import type { Kernel } from './kernel';
import type { Process } from './process';

const PAGE = 4096;

export async function swapOn(k: Kernel, proc: Process, sys: Pick<Sys, 'open' | 'read' | 'close' | 'realpath'>, path: string, prio: number): Promise<void> {
  if (proc.cred.euid !== 0) throw new SysError('EPERM', 'swapon');
  const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'swapon');
  const m = k.memory;
  if (m.swaps.some((w) => w.node === node)) throw new SysError('EBUSY', 'swapon');
  if (node.type !== 'file') throw new SysError('EINVAL', 'swapon');
  const fd = await sys.open(path, { read: true });
  let head: Uint8Array;
  try {
    head = (await sys.read(fd, PAGE)) ?? new Uint8Array();
  } finally {
    sys.close(fd);
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < PAGE || new TextDecoder().decode(head.subarray(PAGE - 10)) !== 'SWAPSPACE2' || view.getUint32(1024, true) !== 1) {
    throw new SysError('EINVAL', 'swapon');
  }
  const last = view.getUint32(1028, true);
  // an area larger than its file, or too small to hold anything
  if (last < 1 || (last + 1) * PAGE > k.vfs.size(node)) throw new SysError('EINVAL', 'swapon');
  const name = await sys.realpath(path);
  m.swaps.push({ node, name, kb: last * (PAGE / 1024), prio: prio >= 0 ? prio : --m.swapLeast });
}

export function swapOff(k: Kernel, proc: Process, path: string): void {
  if (proc.cred.euid !== 0) throw new SysError('EPERM', 'swapoff');
  const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'swapoff');
  const m = k.memory;
  const at = m.swaps.findIndex((w) => w.node === node);
  if (at < 0) throw new SysError('EINVAL', 'swapoff');
  const [gone] = m.swaps.splice(at, 1);
  // the areas below a removed one without a set priority move up a step
  if (gone!.prio < 0) {
    for (const w of m.swaps) if (w.prio < gone!.prio) w.prio++;
    m.swapLeast++;
  }
}
