// Small pieces of iproute2's lib/utils.c behaviour: its prefix matching of keywords, strtoul
// number parsing (base 0: 0x hex, leading-0 octal), the exit-with-message helpers, and the
// address families by name.

/** A command ends with this status (exit(-1) in ip is 255). */
export class IpExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export const AF = { UNSPEC: 0, INET: 2, BRIDGE: 7, INET6: 10, PACKET: 17, MPLS: 28 } as const;

/** iproute2's matches(): `word` is a non-empty prefix of `keyword`. */
export function matches(word: string, keyword: string): boolean {
  return word.length > 0 && keyword.startsWith(word);
}

export function readFamily(name: string): number {
  switch (name) {
    case 'inet': return AF.INET;
    case 'inet6': return AF.INET6;
    case 'link': return AF.PACKET;
    case 'mpls': return AF.MPLS;
    case 'bridge': return AF.BRIDGE;
    default: return AF.UNSPEC;
  }
}

export function familyName(family: number): string {
  switch (family) {
    case AF.INET: return 'inet';
    case AF.INET6: return 'inet6';
    case AF.PACKET: return 'link';
    case AF.MPLS: return 'mpls';
    case AF.BRIDGE: return 'bridge';
    default: return '???';
  }
}

export interface StrtoulResult {
  value: number;
  /** Index just past the digits; equal to the start when there were none. */
  end: number;
  overflow: boolean;
}

/** C strtoul: leading blanks, a sign, then digits in `base` (0 picks 8, 10 or 16 from the prefix). */
export function strtoul(s: string, start = 0, base = 0): StrtoulResult {
  let i = start;
  while (i < s.length && /[ \t\n\v\f\r]/.test(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    b = 16;
  } else if (b === 0) {
    b = s[i] === '0' ? 8 : 10;
  }
  const digitsStart = i;
  let value = 0;
  let overflow = false;
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, 36);
    if (Number.isNaN(d) || d >= b) break;
    value = value * b + d;
    if (value > 2 ** 64 - 1) overflow = true;
  }
  if (i === digitsStart) return { value: 0, end: start, overflow: false };
  if (neg && value !== 0) value = 2 ** 64 - value;
  return { value, end: i, overflow };
}

/** get_unsigned / get_u32: the whole string a number up to 2^32-1 (base 0: 0x hex, 0 octal). */
export function getUnsigned(s: string, max = 0xffffffff, base = 0): number | null {
  if (s === '') return null;
  const r = strtoul(s, 0, base);
  if (r.end === 0 || r.end !== s.length || r.overflow || r.value > max) return null;
  return r.value;
}

/** atoi: the leading decimal number after white space (0 when there is none), as a C int. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) | 0 : 0;
}

/** A C int stored into a signed integer of `bits` bits (__s8, __s16). */
export function toSigned(n: number, bits: number): number {
  const shift = 32 - bits;
  return (n << shift) >> shift;
}

/** get_integer (strtol): a whole-string signed number within int range. */
export function getInteger(s: string): number | null {
  if (s === '') return null;
  const neg = /^[ \t\n\v\f\r]*-/.test(s);
  const r = strtoul(s.replace('-', '+'));
  if (r.end === 0 || r.end !== s.length || r.overflow) return null;
  const v = neg ? -r.value : r.value;
  if (v < -(2 ** 31) || v > 2 ** 31 - 1) return null;
  return v;
}

/** An argument list read left to right, as ip's NEXT_ARG() walks argv. */
export class Args {
  private i = 0;
  constructor(private readonly list: readonly string[]) {}
  get done(): boolean {
    return this.i >= this.list.length;
  }
  get cur(): string {
    return this.list[this.i] ?? '';
  }
  get rest(): string[] {
    return this.list.slice(this.i);
  }
  get remaining(): number {
    return this.list.length - this.i;
  }
  advance(): void {
    this.i++;
  }
  /** PREV_ARG(): steps back to the word before. */
  back(): void {
    this.i--;
  }
}
