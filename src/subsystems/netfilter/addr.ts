// Addresses as numbers for fast matching: IPv4 as one 32-bit word, IPv6 as four. Rules hold
// canonical text (as iptables prints it); packets may use any valid spelling.

import { parseAddr as parseIpAddr } from '../../shared/services/net-addr';

export type Words = readonly number[];

/** Any valid spelling of an address (inet_pton), packed into 32-bit words. */
export function parseAddr(s: string): Words | null {
  const a = parseIpAddr(s);
  if (!a) return null;
  const words: number[] = [];
  for (let i = 0; i < a.bytes.length; i += 4) words.push(((a.bytes[i]! << 24) | (a.bytes[i + 1]! << 16) | (a.bytes[i + 2]! << 8) | a.bytes[i + 3]!) >>> 0);
  return words;
}

/** (a & mask) == net, word by word. */
export function inNet(a: Words, net: Words, mask: Words): boolean {
  for (let i = 0; i < net.length; i++) if (((a[i]! & mask[i]!) >>> 0) !== ((net[i]! & mask[i]!) >>> 0)) return false;
  return a.length === net.length;
}

export function compareWords(a: Words, b: Words): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** The mask of a prefix length, in words of the address' size. */
export function prefixMask(words: number, prefix: number): Words {
  const out: number[] = [];
  for (let i = 0; i < words; i++) {
    const bits = Math.max(0, Math.min(32, prefix - 32 * i));
    out.push(bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
  }
  return out;
}

/** Whether two addresses share the first `prefix` bits. */
export function samePrefix(a: string, b: string, prefix: number): boolean {
  const x = parseAddr(a);
  const y = parseAddr(b);
  if (!x || !y || x.length !== y.length) return false;
  return inNet(x, y, prefixMask(x.length, prefix));
}
