// Tar archives as docker writes and reads them (Go's archive/tar: ustar headers, names too long
// for them in GNU ././@LongLink members, two zero blocks at the end and no record padding):
// `docker save` and `docker load`, and `docker cp` to and from a stream.
import { concatBytes } from '../../shared/bytes';
import { BLOCK, checksumOk, decodeHeader, encodeHeader, isZeroBlock, longLinkHeader, nameBytes, type Member } from '../tar/header';

export interface TarEntry {
  name: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  /** milliseconds */
  mtime: number;
  data?: Uint8Array;
  target?: string;
}

const TYPE = { file: '0', symlink: '2', dir: '5' } as const;

export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    total += b.length;
  };
  for (const e of entries) {
    const name = e.kind === 'dir' && !e.name.endsWith('/') ? `${e.name}/` : e.name;
    const data = e.kind === 'file' ? e.data ?? new Uint8Array(0) : new Uint8Array(0);
    const m: Member = {
      name, mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, size: data.length, mtime: Math.floor(e.mtime / 1000), type: TYPE[e.kind], linkname: e.target ?? '',
      uname: e.uid === 0 ? 'root' : '', gname: e.gid === 0 ? 'root' : '', devmajor: 0, devminor: 0,
    };
    const nb = nameBytes(name);
    if (nb.length > 100) {
      push(longLinkHeader('L', nb.length + 1, m.uname, m.gname));
      const body = new Uint8Array(Math.ceil((nb.length + 1) / BLOCK) * BLOCK);
      body.set(nb);
      push(body);
      m.name = name.slice(0, 100);
    }
    push(encodeHeader(m, 'gnu'));
    if (data.length) {
      const body = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK);
      body.set(data);
      push(body);
    }
  }
  push(new Uint8Array(2 * BLOCK));
  return concatBytes(parts, total);
}

/** The members of a tar archive, or undefined when it is not one. */
export function readTar(bytes: Uint8Array): TarEntry[] | undefined {
  const out: TarEntry[] = [];
  let at = 0;
  let longName: string | undefined;
  while (at + BLOCK <= bytes.length) {
    const h = bytes.subarray(at, at + BLOCK);
    at += BLOCK;
    if (isZeroBlock(h)) return out;
    if (!checksumOk(h)) return undefined;
    const m = decodeHeader(h);
    const size = m.size;
    const data = bytes.slice(at, at + size);
    at += Math.ceil(size / BLOCK) * BLOCK;
    if (at > bytes.length + BLOCK) return undefined;
    if (m.type === 'L') {
      longName = new TextDecoder().decode(data).replace(/\0+$/, '');
      continue;
    }
    const name = (longName ?? m.name).replace(/^\.\//, '');
    longName = undefined;
    if (m.type === 'x' || m.type === 'g') continue;
    const kind = m.type === '5' ? 'dir' : m.type === '2' ? 'symlink' : m.type === '0' ? 'file' : undefined;
    if (!kind) continue;
    out.push({ name: name.replace(/\/$/, ''), kind, mode: m.mode, uid: m.uid, gid: m.gid, mtime: m.mtime * 1000, ...(kind === 'file' ? { data } : {}), ...(kind === 'symlink' ? { target: m.linkname } : {}) });
  }
  return out.length ? out : undefined;
}

/** A stand-in sha256 for what the simulator writes itself (FNV-1a lanes, as the registry's ids). */
export function digestHex(text: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
