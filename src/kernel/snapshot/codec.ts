// A saved machine as bytes and back. The frame: "PHSNAP" magic, the header length, the header
// as JSON (everything but the file bytes), then the file bytes. The browser's store keeps the
// frame as it is (saving and restoring stay fast); an exported file is the frame gzipped (the
// platform's CompressionStream). Decoding takes either, and checks everything it reads, so a
// damaged or hand-edited file is refused with a SnapshotError that says what is wrong; nothing
// in it is ever run.
import { isAclRecord } from '../vfs/acl';
import { concatBytes } from '../../shared/bytes';
import { SnapshotError } from './error';
import { migrate } from './migrate';
import { SNAPSHOT_VERSION, type DiskImage, type MachineSnapshot } from './types';

const MAGIC = [0x50, 0x48, 0x53, 0x4e, 0x41, 0x50]; // PHSNAP
/** A snapshot larger than this unpacked is refused (the machine's memory budget is 256 MiB). */
export const MAX_UNPACKED = 512 * 1024 * 1024;

export { SnapshotError };

async function pipeThrough(bytes: Uint8Array, stream: GenericTransformStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  void writer.close().catch(() => {});
  const reader = (stream.readable as ReadableStream<Uint8Array>).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      void reader.cancel().catch(() => {});
      throw new SnapshotError(`the saved machine unpacks to more than ${limit} bytes`);
    }
    parts.push(value);
  }
  return concatBytes(parts, total);
}

/** The uncompressed frame (what the browser's store keeps). */
export function encodeFrame(s: MachineSnapshot): Uint8Array {
  const { blob, ...disk } = s.disk;
  const header = new TextEncoder().encode(JSON.stringify({ ...s, disk }));
  const frame = new Uint8Array(MAGIC.length + 4 + header.length + blob.length);
  frame.set(MAGIC, 0);
  new DataView(frame.buffer).setUint32(MAGIC.length, header.length);
  frame.set(header, MAGIC.length + 4);
  frame.set(blob, MAGIC.length + 4 + header.length);
  return frame;
}

/** The frame gzipped: an exported machine file. */
export async function encodeSnapshot(s: MachineSnapshot): Promise<Uint8Array> {
  return pipeThrough(encodeFrame(s), new CompressionStream('gzip'));
}

const isFrame = (b: Uint8Array): boolean => b.length >= MAGIC.length && MAGIC.every((m, i) => b[i] === m);

const SET_MAGIC = [0x50, 0x48, 0x53, 0x45, 0x54, 0x31]; // PHSET1
/** The most machines one file may hold. */
export const SET_MAX = 200;

/**
 * Several machines as one file (a learner's whole course: every lesson machine): gzip of
 * "PHSET1", the count, then each machine's frame after its length.
 */
export async function encodeSet(snaps: readonly MachineSnapshot[]): Promise<Uint8Array> {
  const frames = snaps.map(encodeFrame);
  const total = SET_MAGIC.length + 4 + frames.reduce((n, f) => n + 4 + f.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(SET_MAGIC, 0);
  view.setUint32(SET_MAGIC.length, frames.length);
  let at = SET_MAGIC.length + 4;
  for (const f of frames) {
    view.setUint32(at, f.length);
    out.set(f, at + 4);
    at += 4 + f.length;
  }
  return pipeThrough(out, new CompressionStream('gzip'));
}

/** A machine file or a set of machines (encodeSet), checked; one snapshot per machine. */
export async function decodeFile(bytes: Uint8Array): Promise<MachineSnapshot[]> {
  let data = bytes;
  if (!isFrame(bytes) && bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = await pipeThrough(bytes, new DecompressionStream('gzip'), MAX_UNPACKED);
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError('the saved machine is damaged (its compressed data is cut short or corrupt)');
    }
  }
  if (!(data.length >= SET_MAGIC.length && SET_MAGIC.every((m, i) => data[i] === m))) return [await decodeSnapshot(data === bytes ? bytes : data)];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < SET_MAGIC.length + 4) throw new SnapshotError('the set of machines is damaged (cut short)');
  const count = view.getUint32(SET_MAGIC.length);
  if (count > SET_MAX) throw new SnapshotError(`the set holds ${count} machines; at most ${SET_MAX} are read`);
  const out: MachineSnapshot[] = [];
  let at = SET_MAGIC.length + 4;
  for (let i = 0; i < count; i++) {
    if (at + 4 > data.length) throw new SnapshotError('the set of machines is damaged (cut short)');
    const len = view.getUint32(at);
    if (at + 4 + len > data.length) throw new SnapshotError('the set of machines is damaged (cut short)');
    out.push(await decodeSnapshot(data.subarray(at + 4, at + 4 + len)));
    at += 4 + len;
  }
  return out;
}

/** A frame or an exported (gzipped) file, checked. */
export async function decodeSnapshot(bytes: Uint8Array): Promise<MachineSnapshot> {
  let frame: Uint8Array;
  if (isFrame(bytes)) frame = bytes;
  else {
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new SnapshotError('not a saved machine (not gzip data)');
    try {
      frame = await pipeThrough(bytes, new DecompressionStream('gzip'), MAX_UNPACKED);
    } catch (e) {
      if (e instanceof SnapshotError) throw e;
      throw new SnapshotError('the saved machine is damaged (its compressed data is cut short or corrupt)');
    }
  }
  if (frame.length < MAGIC.length + 4 || !isFrame(frame)) throw new SnapshotError('not a saved machine (no PHSNAP header)');
  const headerLen = new DataView(frame.buffer, frame.byteOffset).getUint32(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + headerLen > frame.length) throw new SnapshotError('the saved machine is damaged (its header is cut short)');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(start, start + headerLen)));
  } catch {
    throw new SnapshotError('the saved machine is damaged (its header is not JSON)');
  }
  const migrated = migrate(header);
  // the restored files' data points into the blob: a view of a frame unpacked here, a copy of
  // one the caller handed in (it may restore from the same bytes again)
  const blob = frame === bytes ? frame.slice(start + headerLen) : frame.subarray(start + headerLen);
  const s = migrated as MachineSnapshot;
  if (!isObj(s.disk)) fail('no disk');
  (s.disk as DiskImage).blob = blob;
  checkSnapshot(s);
  return s;
}

function fail(what: string): never {
  throw new SnapshotError(`the saved machine is damaged (${what})`);
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isU32OrNull = (v: unknown): boolean => v === null || (isInt(v) && v >= 0 && v <= 0xffffffff);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES = new Set(['f', 'd', 'l', 'c', 'b', 'p', 's']);
const MOUNT_POINTS = new Set(['dev', 'proc', 'sys', 'run', 'tmp']);
/** ext4's largest file with 4 KiB blocks (s_maxbytes, as Vfs.maxFileSize says) and its inode numbers (32 bits). */
const MAX_FILE_SIZE = 17592186040320;
const MAX_INODES = 2 ** 32;

/** Every field the loader reads has the type it expects, and every reference points inside. */
export function checkSnapshot(s: MachineSnapshot): void {
  if (!isObj(s)) fail('not an object');
  if (s.version !== SNAPSHOT_VERSION) fail(`version ${String(s.version)}`);
  // the restored clock starts there: from 1970 to the end of the year 9999, as timestamps print
  if (!isNum(s.savedAt) || s.savedAt < 0 || s.savedAt > 253402300799999) fail('savedAt');
  const d = s.disk as unknown;
  if (!isObj(d)) fail('no disk');
  const disk = d as unknown as DiskImage;
  if (!isInt(disk.rootIno) || !isInt(disk.nextIno) || disk.nextIno < 1 || disk.nextIno > MAX_INODES || !isObj(disk.fs) || !isNum(disk.fs.capacity) || !isNum(disk.fs.baseline) || !isInt(disk.fs.inodesTotal)) fail('disk header');
  if (!Array.isArray(disk.inodes) || !Array.isArray(disk.files)) fail('disk tables');
  const inos = new Set<number>();
  for (const r of disk.inodes as unknown[]) {
    if (!Array.isArray(r) || !(r.length === 11 || ((r.length === 13 || (r.length === 14 && isAclRecord(r[13]))) && isU32OrNull(r[11]) && isU32OrNull(r[12])))) fail('an inode record');
    const [ino, type, perm, uid, gid, nlink, atime, mtime, ctime, parent, extra] = r as unknown[];
    if (!isInt(ino) || ino < 1 || typeof type !== 'string' || !TYPES.has(type) || !isInt(perm) || !isInt(uid) || !isInt(gid) || !isInt(nlink) || !isNum(atime) || !isNum(mtime) || !isNum(ctime) || !isInt(parent)) fail(`inode ${String(ino)}`);
    if (type === 'd' && !(Array.isArray(extra) && extra.length % 2 === 0 && extra.every((x, i) => (i % 2 ? isInt(x) : typeof x === 'string' && x !== '' && !x.includes('/'))))) fail(`directory ${ino}`);
    if (type === 'l' && typeof extra !== 'string') fail(`symlink ${ino}`);
    if (inos.has(ino)) fail(`inode ${ino} twice`);
    inos.add(ino);
    if (ino >= disk.nextIno) fail(`inode ${ino} past the counter`);
  }
  const root = (disk.inodes as unknown[][]).find((r) => r[0] === disk.rootIno);
  if (!root || root[1] !== 'd' || root[9] !== disk.rootIno) fail('no root directory');
  // a tree: every directory is entered once, from the directory its parent field names (a loop,
  // or a directory in two places, would send path walks round for ever)
  const dirParent = new Map((disk.inodes as unknown[][]).filter((r) => r[1] === 'd').map((r) => [r[0] as number, r[9] as number]));
  // link counts as the VFS keeps them: a file's, its names; a directory's, 2 and its
  // subdirectories (one too low would free an inode that a name still points at)
  const links = new Map<number, number>();
  for (const r of disk.inodes as unknown[][]) {
    if (r[1] !== 'd') continue;
    const flat = r[10] as (string | number)[];
    links.set(r[0] as number, (links.get(r[0] as number) ?? 0) + 2);
    for (let i = 1; i < flat.length; i += 2) {
      const child = flat[i] as number;
      if (child === disk.rootIno || (dirParent.has(child) && dirParent.get(child) !== r[0])) fail(`directory ${child}`);
      // a subdirectory's ".." counts for this directory; any other name, for what it names
      const counted = dirParent.has(child) ? (r[0] as number) : child;
      links.set(counted, (links.get(counted) ?? 0) + 1);
    }
  }
  // the boot mounts /dev, /proc, /sys, /run and /tmp on the disk's directories of those names
  const typeOf = new Map((disk.inodes as unknown[][]).map((r) => [r[0] as number, r[1] as string]));
  const top = root[10] as (string | number)[];
  for (let i = 0; i + 1 < top.length; i += 2) {
    const name = top[i] as string;
    if (MOUNT_POINTS.has(name) && typeOf.get(top[i + 1] as number) !== 'd') fail(`/${name} is not a directory`);
  }
  for (const r of disk.inodes as unknown[][]) if (links.get(r[0] as number) !== r[5]) fail(`the link count of inode ${String(r[0])}`);
  const blobLen = disk.blob.length;
  for (const f of disk.files as unknown[]) {
    if (!Array.isArray(f) || f.length !== 3 || !isInt(f[0]) || !inos.has(f[0]) || !isInt(f[1]) || f[1] < 0 || f[1] > MAX_FILE_SIZE || !Array.isArray(f[2])) fail('a file record');
    for (const c of f[2] as unknown[]) {
      if (!Array.isArray(c) || c.length !== 4 || !c.every(isInt)) fail(`the data of inode ${String(f[0])}`);
      const [index, , offset, length] = c as number[];
      if (index! < 0 || index! * 65536 >= MAX_FILE_SIZE || offset! < 0 || length! < 0 || length! > 65536 || offset! + length! > blobLen) fail(`the data of inode ${String(f[0])}`);
    }
  }
  const j = s.journal as unknown;
  if (!isObj(j) || !Array.isArray(j.entries) || !Array.isArray(j.boots) || !isInt(j.seq)) fail('journal');
  for (const e of j.entries as unknown[]) if (!isObj(e) || typeof e.message !== 'string' || !isInt(e.seq) || !isInt(e.priority) || !isNum(e.realtime)) fail('a journal entry');
  const rt = s.runtime as unknown;
  if (!isObj(rt) || typeof rt.hostname !== 'string' || (rt.activeUnits !== undefined && (!Array.isArray(rt.activeUnits) || !rt.activeUnits.every((u) => typeof u === 'string')))) fail('runtime');
  if (!isObj(rt.firewall) || !isObj(rt.firewall.ipv4) || !isObj(rt.firewall.ipv6) || !Array.isArray(rt.firewall.ipv4.tables) || !Array.isArray(rt.firewall.ipv6.tables)) fail('firewall');
  if (!Array.isArray(rt.links) || !Array.isArray(rt.addresses) || !Array.isArray(rt.routes) || !Array.isArray(rt.runningContainers)) fail('network');
  if (rt.modules !== undefined && (!Array.isArray(rt.modules) || !rt.modules.every((n) => typeof n === 'string' && n.length < 64))) fail('modules');
  if (s.label !== undefined) checkLabel(s.label);
  const c = s.console as unknown;
  if (!isObj(c) || typeof c.cwd !== 'string' || typeof c.screen !== 'string') fail('console');
}

function checkLabel(l: unknown): void {
  if (!isObj(l) || typeof l.name !== 'string' || l.name.length > 200 || !(l.lessonId === null || typeof l.lessonId === 'string')) fail('label');
  if (l.lessonTitle !== undefined && typeof l.lessonTitle !== 'string') fail('label');
  if (l.learner !== undefined && (typeof l.learner !== 'string' || l.learner.length > 200)) fail('label');
  const p = l.lesson;
  if (p === undefined) return;
  if (!isObj(p) || typeof p.lessonId !== 'string' || !isNum(p.startedAt) || (p.completedAt !== undefined && !isNum(p.completedAt))) fail('lesson progress');
  if (!Array.isArray(p.revealed) || !p.revealed.every((r) => Array.isArray(r) && r.length === 2 && typeof r[0] === 'string' && isInt(r[1]) && r[1] >= 0 && r[1] < 100)) fail('lesson progress');
}
