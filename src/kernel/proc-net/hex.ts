// The encodings /proc/net uses for addresses: a __be32 printed with %08X on a little-endian
// machine (bytes reversed), IPv6 as four such words, and %pi6 (32 lowercase digits in order).
import { parseAddr } from '../../shared/services/net-addr';

const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

function bytesOf(addr: string | undefined, family: 4 | 6): number[] {
  const a = addr !== undefined ? parseAddr(addr) : null;
  return a && a.bytes.length === (family === 4 ? 4 : 16) ? a.bytes : new Array<number>(family === 4 ? 4 : 16).fill(0);
}

/** A 4-byte group as `%08X` of the word read in host (little-endian) order. */
function word(bytes: number[], at: number): string {
  return [3, 2, 1, 0].map((i) => hex2(bytes[at + i]!)).join('').toUpperCase();
}

/** An IPv4 address as /proc/net/{route,tcp,udp} print it. */
export function hexIPv4(addr: string | undefined): string {
  return word(bytesOf(addr, 4), 0);
}

/** An IPv6 address as /proc/net/{tcp6,udp6} print it (s6_addr32[0..3] with %08X). */
export function hexIPv6Words(addr: string | undefined): string {
  const b = bytesOf(addr, 6);
  return [0, 4, 8, 12].map((i) => word(b, i)).join('');
}

/** %pi6: the 16 bytes in order, lowercase, without separators. */
export function pi6(addr: string | undefined): string {
  return bytesOf(addr, 6).map(hex2).join('');
}

/** An IPv4 netmask of `len` bits as a dotted quad. */
export function maskOf(len: number): string {
  const m = len <= 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
}

/** The bytes of an address (zeros for none). */
export function addrBytes(addr: string | undefined, family: 4 | 6): number[] {
  return bytesOf(addr, family);
}

/** seq_pad: the line filled with spaces to `width` characters, then a newline. */
export function padLine(text: string, width: number): string {
  return `${text.padEnd(width)}\n`;
}

/** `%Nx`-style right alignment. */
export const right = (v: string | number, n: number): string => String(v).padStart(n);
export const hex = (v: number, n: number): string => (v >>> 0).toString(16).padStart(n, '0');
export const HEX = (v: number, n: number): string => hex(v, n).toUpperCase();
