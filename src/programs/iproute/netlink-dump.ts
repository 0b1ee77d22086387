// What `ip address save` and `ip route save` write and `restore`/`showdump` read: the kernel's
// netlink messages as they came from its dump, behind a 4-byte magic. The pieces both use:
// little-endian words (as on x86), attributes padded to 4 bytes, and the dump read back from
// standard input.
import { parseAddr } from '../../shared/services/net-addr';
import type { Ip } from './ip-session';

export function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export function readU32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** One attribute (struct rtattr and its data), padded to 4 bytes. */
export function attr(type: number, data: number[]): number[] {
  const len = 4 + data.length;
  const out = [len & 0xff, len >> 8, type & 0xff, type >> 8, ...data];
  while (out.length % 4) out.push(0);
  return out;
}

/** Calls `each` with every attribute in b[from, to); a short one ends the walk. */
export function attrs(b: Uint8Array, from: number, to: number, each: (type: number, data: Uint8Array) => void): void {
  for (let p = from; p + 4 <= to;) {
    const alen = b[p]! | (b[p + 1]! << 8);
    if (alen < 4) break;
    each(b[p + 2]! | (b[p + 3]! << 8), b.subarray(p + 4, p + alen));
    p += (alen + 3) & ~3;
  }
}

export function addrBytes(text: string): number[] {
  return [...(parseAddr(text)?.bytes ?? [])];
}

/**
 * The dump on standard input after its magic (`what`: "address" or "route", for the messages),
 * or what went wrong, as iproute2 words it: a terminal, or a magic that does not match (fread of
 * the 4-byte magic: whether it got one, and what it read).
 */
export async function readDumpInput(ip: Ip, magic: readonly number[], what: string): Promise<Uint8Array | string> {
  if (ip.ctx.sys.isatty(0)) return `Can't restore ${what} dump from a terminal\n`;
  const chunks: Uint8Array[] = [];
  for (let c = await ip.ctx.sys.read(0); c !== null; c = await ip.ctx.sys.read(0)) chunks.push(c);
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  if (bytes.length < 4 || magic.some((b, i) => bytes[i] !== b)) {
    const got = bytes.length >= 4;
    return `Magic mismatch (${got ? 1 : 0} elems, ${(got ? readU32(bytes, 0) : 0).toString(16)} magic)\n`;
  }
  return bytes.subarray(4);
}

/** The dump request's sequence number (the time, as ip sets it). */
export function dumpSeq(ip: Ip): number {
  return Math.floor(ip.ctx.sys.now() / 1000);
}
