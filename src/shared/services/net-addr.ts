// IP address arithmetic shared by the kernel's network state and the programs that show it
// (ip, ifconfig, route). Addresses travel as canonical text (inet_ntop form) and are parsed
// here into bytes when prefixes must be compared.

export type Family = 4 | 6;

export interface IpAddr {
  family: Family;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

export function bitLen(family: Family): number {
  return family === 4 ? 32 : 128;
}

/** Strict dotted quad as inet_pton(AF_INET) takes it: four decimal parts 0-255. */
export function parseIPv4(text: string): IpAddr | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return { family: 4, bytes };
}

/** inet_pton(AF_INET6): groups of up to 4 hex digits, one `::`, an optional dotted quad at the end. */
export function parseIPv6(text: string): IpAddr | null {
  if (text.length === 0 || text.length > 45) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (s: string, allowV4: boolean): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    const words: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (allowV4 && i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g);
        if (!v4) return null;
        words.push((v4.bytes[0]! << 8) | v4.bytes[1]!, (v4.bytes[2]! << 8) | v4.bytes[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      words.push(parseInt(g, 16));
    }
    return words;
  };
  let words: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0]!, false);
    const tail = parseGroups(halves[1]!, true);
    if (!head || !tail || head.length + tail.length > 7) return null;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return null;
    words = all;
  }
  const bytes: number[] = [];
  for (const w of words) bytes.push(w >> 8, w & 0xff);
  return { family: 6, bytes };
}

/** Either family, canonical forms only (what the kernel side receives). */
export function parseAddr(text: string): IpAddr | null {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** inet_ntop: glibc compresses the longest run (two or more) of zero groups. */
export function formatAddr(a: IpAddr): string {
  if (a.family === 4) return a.bytes.join('.');
  const w: number[] = [];
  for (let i = 0; i < 16; i += 2) w.push((a.bytes[i]! << 8) | a.bytes[i + 1]!);
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) best = -1;
  // ::a.b.c.d and ::ffff:a.b.c.d keep the embedded IPv4 address in dotted form
  if (best === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
    const v4 = a.bytes.slice(12).join('.');
    return bestLen === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < 8; i++) {
    if (i === best) {
      parts.push(i === 0 ? ':' : '');
      i += bestLen - 1;
      if (i === 7) parts.push('');
      continue;
    }
    parts.push(w[i]!.toString(16));
  }
  return parts.join(':');
}

/** Canonical text of `text` (which must already parse), e.g. `2001:DB8:0::1` -> `2001:db8::1`. */
export function canonical(text: string): string {
  const a = parseAddr(text);
  return a ? formatAddr(a) : text;
}

export function zeroAddr(family: Family): IpAddr {
  return { family, bytes: new Array<number>(family === 4 ? 4 : 16).fill(0) };
}

/** The first `len` bits of `a`, the rest cleared. */
export function maskAddr(a: IpAddr, len: number): IpAddr {
  const bytes = a.bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, len - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
  return { family: a.family, bytes };
}

/** The last bits after `len` set (a subnet's broadcast address). */
export function hostBitsSet(a: IpAddr, len: number): IpAddr {
  const bytes = a.bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, len - i * 8));
    return b | (0xff >> bits);
  });
  return { family: a.family, bytes };
}

export function addrEqual(a: IpAddr, b: IpAddr): boolean {
  return a.family === b.family && a.bytes.every((x, i) => x === b.bytes[i]);
}

/** True when the first `len` bits of `a` and `b` agree. */
export function samePrefix(a: IpAddr, b: IpAddr, len: number): boolean {
  if (a.family !== b.family) return false;
  return addrEqual(maskAddr(a, len), maskAddr(b, len));
}

export function compareAddr(a: IpAddr, b: IpAddr): number {
  for (let i = 0; i < a.bytes.length; i++) {
    const d = (a.bytes[i] ?? 0) - (b.bytes[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Text-level helpers for code that keeps addresses as strings. */
export function textInPrefix(addr: string, net: string, len: number): boolean {
  const a = parseAddr(addr);
  const n = parseAddr(net);
  return a !== null && n !== null && samePrefix(a, n, len);
}

export function isIPv4Multicast(a: IpAddr): boolean {
  return a.family === 4 && (a.bytes[0]! & 0xf0) === 0xe0;
}

export function isLoopback4(a: IpAddr): boolean {
  return a.family === 4 && a.bytes[0] === 127;
}

export function isZero(a: IpAddr): boolean {
  return a.bytes.every((b) => b === 0);
}

/** A 32-bit netmask's prefix length, or -1 when its bits are not contiguous. */
export function maskToLen(a: IpAddr): number {
  let len = 0;
  let ended = false;
  for (const b of a.bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (b >> bit) & 1;
      if (set && ended) return -1;
      if (set) len++;
      else ended = true;
    }
  }
  return len;
}

/** The netmask of a prefix length (255.255.255.0 for 24). */
export function lenToMask(family: Family, len: number): IpAddr {
  const ones: IpAddr = { family, bytes: new Array<number>(family === 4 ? 4 : 16).fill(0xff) };
  return maskAddr(ones, len);
}

/** MAC address bytes as ip and ifconfig print them: lower-case hex pairs joined by colons. */
export function formatMac(mac: readonly number[]): string {
  return mac.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
