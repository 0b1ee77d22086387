// Open file descriptions: what a file descriptor points at. dup() and fork share one
// description (and its offset); each open() makes a new one.
import type { Inode } from './vfs/inode';
import type { Pipe } from './pipe';
import type { Tty } from './tty';
import type { NetSocket } from './socket-file';

export type FileKind =
  | { kind: 'inode'; node: Inode }
  | { kind: 'pipe'; pipe: Pipe; end: 'r' | 'w'; fifo?: Inode }
  | { kind: 'tty'; tty: Tty; node: Inode | undefined }
  | { kind: 'device'; device: DeviceName; node: Inode }
  | { kind: 'socket'; socket: NetSocket };

export type DeviceName = 'null' | 'zero' | 'full' | 'random' | 'urandom' | 'kmsg';

export interface OpenFile {
  target: FileKind;
  readable: boolean;
  writable: boolean;
  append: boolean;
  pos: number;
  refs: number;
  /** The path it was opened by (readlink of /proc/<pid>/fd/N). */
  path: string;
  /** Generated content (procfs), fixed at open so reads are consistent. */
  snapshot?: Uint8Array;
}

/** Character devices by major/minor. */
export function deviceFor(rdev: [number, number] | undefined): DeviceName | 'tty' | 'console' | 'vt' | undefined {
  if (!rdev) return undefined;
  const [major, minor] = rdev;
  if (major === 1) {
    return ({ 3: 'null', 5: 'zero', 7: 'full', 8: 'random', 9: 'urandom', 11: 'kmsg' } as const)[minor as 3 | 5 | 7 | 8 | 9 | 11];
  }
  if (major === 5 && minor === 0) return 'tty';
  if (major === 5 && minor === 1) return 'console';
  if (major === 4) return 'vt';
  return undefined;
}

export function describe(file: OpenFile): string {
  const t = file.target;
  switch (t.kind) {
    case 'pipe': return `pipe:[${pipeId(t.pipe)}]`;
    case 'socket': return `socket:[${t.socket.id}]`;
    default: return file.path;
  }
}

const pipeIds = new WeakMap<Pipe, number>();
let nextPipeId = 40000;
export function pipeId(p: Pipe): number {
  let id = pipeIds.get(p);
  if (id === undefined) {
    id = nextPipeId++;
    pipeIds.set(p, id);
  }
  return id;
}
