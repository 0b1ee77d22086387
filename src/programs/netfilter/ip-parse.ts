// Address arguments as libxtables parses them (-s/-d "host[/mask][,...]"): dotted quads with
// C-style numbers and missing trailing bytes ("10/8" is 10.0.0.0/8), network names, /etc/hosts
// names, CIDR or dotted masks, addresses masked to the network; and the text forms iptables
// prints (inet_ntop, "/N" suffixes, "anywhere").
import { formatAddr as formatIpAddr, parseIPv4, parseIPv6 } from '../../shared/services/net-addr';
import type { NfAddr, NfFamily } from '../../shared/services/netfilter';
import { paramError } from './errors';
import type { NetDb } from './netdb';
import { resHnok } from './hostname';
import { strtoul, strtouiWhole } from './strtoul';

const ALL4 = 0xffffffffn;
const ALL6 = (1n << 128n) - 1n;

export function allOnes(family: NfFamily): bigint {
  return family === 'ipv4' ? ALL4 : ALL6;
}

// ------------------------------------------------------------------ IPv4

/** __numeric_to_ipaddr: up to four C numbers; fewer complete a network address unless a mask. */
export function numericToIpaddr(dotted: string, isMask: boolean): bigint | null {
  let p = dotted.slice(0, 19);
  const bytes = [0, 0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const q = p.indexOf('.');
    if (q < 0) {
      if (isMask) return null;
      const v = strtouiWhole(p, 0, 255);
      if (v === null) return null;
      bytes[i] = v;
      return BigInt(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
    }
    const v = strtouiWhole(p.slice(0, q), 0, 255);
    if (v === null) return null;
    bytes[i] = v;
    p = p.slice(q + 1);
  }
  const last = strtouiWhole(p, 0, 255);
  if (last === null) return null;
  bytes[3] = last;
  return BigInt(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
}

/** inet_aton, which getaddrinfo accepts for numeric hosts ("127.1", "0x7f000001"). */
export function inetAton(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const part of parts) {
    const r = strtoul(part);
    if (!r || r.end !== part.length || /^\s|^\+/.test(part)) return null;
    nums.push(r.value);
  }
  const limits = [[0xffffffff], [0xff, 0xffffff], [0xff, 0xff, 0xffff], [0xff, 0xff, 0xff, 0xff]][nums.length - 1]!;
  if (nums.some((n, i) => n > limits[i]!)) return null;
  let v = 0n;
  for (let i = 0; i < nums.length - 1; i++) v |= BigInt(nums[i]!) << BigInt(24 - 8 * i);
  return v | BigInt(nums[nums.length - 1]!);
}

export function formatV4(v: bigint): string {
  const n = Number(v);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Strict dotted quad (inet_pton(AF_INET)), as a number. */
export function parseV4Text(s: string): bigint | null {
  const a = parseIPv4(s);
  return a ? bytesToBig(a.bytes) : null;
}

// ------------------------------------------------------------------ IPv6

/** inet_pton(AF_INET6), as a number. */
export function parseV6Text(s: string): bigint | null {
  const a = parseIPv6(s);
  return a ? bytesToBig(a.bytes) : null;
}

/** inet_ntop(AF_INET6), glibc's (shared/services/net-addr.ts). */
export function formatV6(v: bigint): string {
  const bytes: number[] = [];
  for (let i = 15; i >= 0; i--) bytes.push(Number((v >> BigInt(i * 8)) & 0xffn));
  return formatIpAddr({ family: 6, bytes });
}

function bytesToBig(bytes: readonly number[]): bigint {
  return bytes.reduce((acc, x) => (acc << 8n) | BigInt(x), 0n);
}

// ------------------------------------------------------------------ both

export function parseText(family: NfFamily, s: string): bigint | null {
  return family === 'ipv4' ? parseV4Text(s) : parseV6Text(s);
}

export function formatAddr(family: NfFamily, v: bigint): string {
  return family === 'ipv4' ? formatV4(v) : formatV6(v);
}

/** The prefix length of a contiguous mask, or -1. */
export function maskToCidr(family: NfFamily, mask: bigint): number {
  const bits = family === 'ipv4' ? 32 : 128;
  const all = allOnes(family);
  for (let i = bits; i >= 0; i--) if (((all << BigInt(bits - i)) & all) === mask) return i;
  return -1;
}

function cidrMask(family: NfFamily, bits: number): bigint {
  const width = family === 'ipv4' ? 32 : 128;
  const all = allOnes(family);
  return bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
}

function parseMask(family: NfFamily, mask: string | undefined): bigint {
  if (mask === undefined) return allOnes(family);
  const asAddr = family === 'ipv4' ? numericToIpaddr(mask, true) : parseV6Text(mask);
  if (asAddr !== null) return asAddr;
  const bits = strtouiWhole(mask, 0, family === 'ipv4' ? 32 : 128);
  if (bits === null) throw paramError(`invalid mask \`${mask}' specified`);
  return cidrMask(family, bits);
}

function hostNetwork(family: NfFamily, name: string, db: NetDb): bigint[] {
  if (family === 'ipv4') {
    const num = numericToIpaddr(name, false);
    if (num !== null) return [num];
    const net = db.networkAddr(name);
    if (net !== undefined) {
      const v = numericToIpaddr(net, false);
      if (v !== null) return [v];
    }
    const aton = inetAton(name);
    if (aton !== null) return [aton];
  } else {
    const num = parseV6Text(name);
    if (num !== null) return [num];
  }
  const hosts = db.hostAddrs(name, (a) => parseText(family, a) !== null).map((a) => parseText(family, a)!);
  if (hosts.length > 0) return hosts;
  throw paramError(`host/network \`${name}' not found`);
}

/** xtables_ipparse_multiple / xtables_ip6parse_multiple */
export function parseAddrList(family: NfFamily, spec: string, db: NetDb): NfAddr[] {
  const out: { addr: bigint; mask: bigint }[] = [];
  for (const raw of spec.split(',')) {
    const item = raw.replace(/^\s+/, '');
    if (item.length > 255) throw paramError('Hostname too long');
    const slash = item.lastIndexOf('/');
    const mask = parseMask(family, slash >= 0 ? item.slice(slash + 1) : undefined);
    // a null mask ignores the name, as in "any/0"
    const host = mask === 0n ? (family === 'ipv4' ? '0.0.0.0' : '::') : slash >= 0 ? item.slice(0, slash) : item;
    for (const a of hostNetwork(family, host, db)) out.push({ addr: a & mask, mask });
  }
  return out.map((e) => ({ addr: formatAddr(family, e.addr), mask: formatAddr(family, e.mask) }));
}

/**
 * XTTYPE_HOST's getaddrinfo lookup: a numeric address (inet_aton forms for IPv4), else the
 * /etc/hosts names; there is no DNS, so other names fail as an unreachable resolver does.
 */
export function x6Host(family: NfFamily, name: string, db: NetDb): bigint[] {
  const v = family === 'ipv4' ? inetAton(name) : parseV6Text(name);
  if (v !== null) return [v];
  const gai = (msg: string): never => {
    throw paramError(`getaddrinfo: ${msg}\n`);
  };
  if ((family === 'ipv4' ? parseV6Text(name) : inetAton(name)) !== null) gai('Address family for hostname not supported');
  const hosts = db.hostAddrs(name, (a) => parseText(family, a) !== null).map((a) => parseText(family, a)!);
  if (hosts.length > 0) return hosts;
  // (glibc refuses a bad dotted number without a final dot itself only when asked for IPv4; for
  // IPv6 it asks DNS, which refuses a name that is not a host name)
  if ((family === 'ipv4' && /^[0-9][0-9.]*$/.test(name) && !name.endsWith('.')) || !resHnok(name)) gai('Name or service not known');
  return gai('Temporary failure in name resolution');
}

/**
 * XTTYPE_HOSTMASK (an extension's address option): "host[/prefix|/mask]"; the host keeps its
 * bits, a prefix longer than the address means all of it.
 */
export function parseHostMask(family: NfFamily, spec: string, db: NetDb, ext: string, opt: string): NfAddr {
  const slash = spec.indexOf('/');
  const hosts = x6Host(family, slash < 0 ? spec : spec.slice(0, slash), db);
  if (hosts.length > 1) throw paramError(`${spec} resolves to more than one address\n`);
  const width = family === 'ipv4' ? 32 : 128;
  let mask = allOnes(family);
  if (slash >= 0) {
    const text = spec.slice(slash + 1);
    // a prefix length up to the width, else a mask in numeric address form (inet_aton's forms
    // for IPv4, so "33" is 0.0.0.33)
    const bits = strtouiWhole(text, 0, width);
    const asAddr = bits === null ? (family === 'ipv4' ? inetAton(text) : parseV6Text(text)) : null;
    if (asAddr === null && bits === null) throw paramError(`${ext}: bad value for option "--${opt}", neither a valid network mask nor valid CIDR (0-${width}).\n`);
    mask = asAddr ?? cidrMask(family, bits!);
    // a mask that is no prefix counts as a full one
    if (maskToCidr(family, mask) < 0) mask = allOnes(family);
  }
  return { addr: formatAddr(family, hosts[0]!), mask: formatAddr(family, mask) };
}

export const ANY: Readonly<Record<NfFamily, NfAddr>> = {
  ipv4: { addr: '0.0.0.0', mask: '0.0.0.0' },
  ipv6: { addr: '::', mask: '::' },
};

export function isAnyMask(a: NfAddr): boolean {
  return a.mask === '0.0.0.0' || a.mask === '::';
}

/** "/N", "" for a host mask, or "/dotted" for a mask that is not a prefix (xtables_ipmask_to_numeric). */
export function maskSuffix(family: NfFamily, mask: string): string {
  const m = parseText(family, mask) ?? 0n;
  const cidr = maskToCidr(family, m);
  if (cidr === -1) return `/${mask}`;
  if (cidr === (family === 'ipv4' ? 32 : 128)) return '';
  return `/${cidr}`;
}

/**
 * xtables_ipaddr_to_anyname: the first /etc/hosts name of the address, else (IPv4) the
 * /etc/networks name of that network number, else the number.
 */
export function addrName(family: NfFamily, addr: string, db: NetDb): string {
  const v = parseText(family, addr);
  const same = (a: string): boolean => v !== null && parseText(family, a) === v;
  const host = db.hostName(addr, same);
  if (host !== undefined) return host;
  if (family === 'ipv4') {
    // /etc/networks may spell network numbers short ("127" for 127.0.0.0)
    const net = db.networkName((a) => v !== null && numericToIpaddr(a, false) === v);
    if (net !== undefined) return net;
  }
  return addr;
}
