// Addresses as numbers for fast matching: IPv4 as one 32-bit word, IPv6 as four. Rules hold
// canonical text (as iptables prints it); packets may use any valid spelling.

export type Words = readonly number[];

export function parseV4(s: string): Words | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = v * 256 + n;
  }
  return [v >>> 0];
}

export function parseV6(s: string): Words | null {
  let text = s;
  const tail: number[] = [];
  if (text.includes('.')) {
    const i = text.lastIndexOf(':');
    const v4 = i < 0 ? null : parseV4(text.slice(i + 1));
    if (!v4) return null;
    tail.push(v4[0]! >>> 16, v4[0]! & 0xffff);
    text = text.slice(0, i + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const group = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = group(halves[0]!);
  const back = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !back) return null;
  const total = head.length + back.length + tail.length;
  if (halves.length === 2 ? total > 7 : total !== 8) return null;
  const all = [...head, ...new Array<number>(8 - total).fill(0), ...back, ...tail];
  const words: number[] = [];
  for (let i = 0; i < 8; i += 2) words.push(((all[i]! << 16) | all[i + 1]!) >>> 0);
  return words;
}

export function parseAddr(s: string): Words | null {
  return s.includes(':') ? parseV6(s) : parseV4(s);
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
