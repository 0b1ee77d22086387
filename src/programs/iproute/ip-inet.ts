// iproute2's inet_prefix parsing (lib/utils.c get_addr_1 / get_prefix_1): IPv4 in its
// legacy form (10.8 is 10.8.0.0, parts may be octal or hex), IPv6 by inet_pton, the words
// default/any/all, and /LEN or /NETMASK suffixes; plus link-layer addresses (ll_addr_a2n).
import { formatAddr, maskToLen, parseIPv6, type IpAddr } from '../../shared/services/net-addr';
import type { Ip } from './ip-session';
import { AF, familyName, getUnsigned, strtoul } from './ip-util';

export interface InetPrefix {
  family: number;
  bytes: number[];
  /** 4, 16, or 0 for `any`/`all` and for `default` without a family. */
  bytelen: number;
  /** Prefix length; -1 for a plain address. */
  bitlen: number;
  /** `default`, `any` or `all` was given. */
  wildcard: boolean;
  prefixlenSpecified: boolean;
}

function ipv4Legacy(s: string): number[] | null {
  const bytes = [0, 0, 0, 0];
  let cp = 0;
  for (let i = 0; i < 4; i++) {
    const r = strtoul(s, cp, 0);
    if (r.end === cp || r.value > 255) return null;
    bytes[i] = r.value;
    if (r.end === s.length) return bytes;
    if (i === 3 || s[r.end] !== '.') return null;
    cp = r.end + 1;
  }
  return bytes;
}

export function afBits(family: number): number {
  return family === AF.INET6 ? 128 : family === AF.INET ? 32 : 0;
}

/** __get_addr_1. */
export function getAddr1(name: string, family: number): InetPrefix | null {
  const base = { wildcard: false, prefixlenSpecified: false };
  if (name === 'default') {
    const len = afBits(family) / 8;
    return { ...base, family, bytes: new Array<number>(len).fill(0), bytelen: len, bitlen: -2, wildcard: true, prefixlenSpecified: true };
  }
  if (name === 'all' || name === 'any') return { ...base, family, bytes: [], bytelen: 0, bitlen: -2, wildcard: true };
  if (family === AF.PACKET) return null;
  if (name.includes(':')) {
    if (family !== AF.UNSPEC && family !== AF.INET6) return null;
    const a = parseIPv6(name);
    return a ? { ...base, family: AF.INET6, bytes: a.bytes, bytelen: 16, bitlen: -1 } : null;
  }
  if (family !== AF.UNSPEC && family !== AF.INET) return null;
  const b = ipv4Legacy(name);
  return b ? { ...base, family: AF.INET, bytes: b, bytelen: 4, bitlen: -1 } : null;
}

/** get_netmask: a length, or a dotted netmask with contiguous bits. */
function netmaskLen(s: string): number | null {
  const n = getUnsigned(s);
  if (n !== null) return n;
  const a = getAddr1(s, AF.INET);
  if (!a || a.family !== AF.INET) return null;
  const len = maskToLen({ family: 4, bytes: a.bytes });
  return len >= 0 ? len : null;
}

/** get_prefix_1. */
export function getPrefix1(arg: string, family: number): InetPrefix | null {
  const slash = arg.indexOf('/');
  const p = getAddr1(slash >= 0 ? arg.slice(0, slash) : arg, family);
  if (!p) return null;
  let bitlen = afBits(p.family);
  if (slash >= 0) {
    if (p.bitlen === -2) return null;
    const plen = netmaskLen(arg.slice(slash + 1));
    if (plen === null || plen > bitlen) return null;
    bitlen = plen;
    p.prefixlenSpecified = true;
  } else if (p.bitlen === -2) {
    bitlen = 0;
  }
  p.bitlen = bitlen;
  return p;
}

function verbose(family: number): string {
  return family === AF.UNSPEC ? 'any valid' : familyName(family);
}

/** get_addr: exits 1 with ip's message when `arg` is not an address of `family`. */
export function getAddr(ip: Ip, arg: string, family: number): InetPrefix {
  const p = getAddr1(arg, family);
  if (!p) return ip.fail(`Error: ${verbose(family)} address is expected rather than "${arg}".\n`, 1);
  return p;
}

/** get_prefix. */
export function getPrefix(ip: Ip, arg: string, family: number): InetPrefix {
  if (family === AF.PACKET) return ip.fail(`Error: "${arg}" may be inet prefix, but it is not allowed in this context.\n`, 1);
  const p = getPrefix1(arg, family);
  if (!p) return ip.fail(`Error: ${verbose(family)} prefix is expected rather than "${arg}".\n`, 1);
  return p;
}

/** The canonical text of a parsed address (undefined for any/all). */
export function prefixText(p: InetPrefix): string | undefined {
  if (p.bytelen === 0) return undefined;
  return formatAddr(toIpAddr(p));
}

export function toIpAddr(p: InetPrefix): IpAddr {
  return { family: p.family === AF.INET6 ? 6 : 4, bytes: p.bytes.length ? p.bytes : new Array<number>(p.family === AF.INET6 ? 16 : 4).fill(0) };
}

export function afToFamily(af: number): 4 | 6 {
  return af === AF.INET6 ? 6 : 4;
}

/** ll_addr_a2n: hex pairs split by colons, or a dotted IPv4 address for tunnels. */
export function llAddr(ip: Ip, arg: string): number[] {
  // the message names the colon-separated part that failed, as ll_addr_a2n prints it
  const bad = (part: string): never => ip.fail(`"${part}" is invalid lladdr.\n`, 1);
  if (arg.includes('.')) {
    const p = getAddr1(arg, AF.INET);
    return p ? p.bytes : bad(arg);
  }
  const out: number[] = [];
  const parts = arg.split(':');
  for (let i = 0; i < parts.length && i < 32; i++) {
    const part = parts[i]!;
    const m = /^\s*(?:0[xX])?([0-9a-fA-F]+)/.exec(part);
    if (!m) return bad(part);
    const v = parseInt(m[1]!.slice(-8), 16);
    if (v > 255) return bad(part);
    out.push(v);
  }
  return out;
}
