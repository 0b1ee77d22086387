// sort's keys and comparisons (coreutils sort.c, C locale): -k POS1[,POS2] fields, the
// ordering options b d f g h i M n R r V, and the last-resort byte comparison. Lines are
// binary strings without their line end.
import { strtold, type Real } from './cfloat';
import { Md5 } from './md5';
import { strtoint } from './xstrtol';
import { ql } from './textio';

export interface Key {
  /** Fields and characters to skip at the start; sword -1: the start of the line. */
  sword: number;
  schar: number;
  /** Field of the end (0-based) and characters into it; eword -1: the end of the line. */
  eword: number;
  echar: number;
  skipsblanks: boolean;
  skipeblanks: boolean;
  ignore: 'dictionary' | 'nonprinting' | undefined;
  translate: boolean;
  numeric: boolean;
  general: boolean;
  human: boolean;
  month: boolean;
  random: boolean;
  version: boolean;
  reverse: boolean;
}

export function newKey(): Key {
  return {
    sword: 0, schar: 0, eword: -1, echar: 0, skipsblanks: false, skipeblanks: false, ignore: undefined, translate: false,
    numeric: false, general: false, human: false, month: false, random: false, version: false, reverse: false,
  };
}

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const IGNORE = {
  dictionary: (c: number): boolean => !isAlnum(c) && !isBlank(c),
  nonprinting: (c: number): boolean => c < 32 || c >= 127,
};
const upper = (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c);

/** set_ordering: applies option letters; returns where the letters stop. */
export function setOrdering(s: string, from: number, key: Key, blanks: 'start' | 'end' | 'both'): number {
  let i = from;
  for (; i < s.length; i++) {
    switch (s[i]) {
      case 'b':
        if (blanks !== 'end') key.skipsblanks = true;
        if (blanks !== 'start') key.skipeblanks = true;
        break;
      case 'd': key.ignore = 'dictionary'; break;
      case 'f': key.translate = true; break;
      case 'g': key.general = true; break;
      case 'h': key.human = true; break;
      case 'i': key.ignore ??= 'nonprinting'; break;
      case 'M': key.month = true; break;
      case 'n': key.numeric = true; break;
      case 'R': key.random = true; break;
      case 'r': key.reverse = true; break;
      case 'V': key.version = true; break;
      default: return i;
    }
  }
  return i;
}

export function defaultKeyCompare(k: Key): boolean {
  return !(k.ignore || k.translate || k.skipsblanks || k.skipeblanks || k.numeric || k.general || k.human || k.month || k.version || k.random);
}

/** key_to_opts, for "options '-gn' are incompatible". */
export function keyOpts(k: Key): string {
  let o = '';
  if (k.skipsblanks || k.skipeblanks) o += 'b';
  if (k.ignore === 'dictionary') o += 'd';
  if (k.translate) o += 'f';
  if (k.general) o += 'g';
  if (k.human) o += 'h';
  if (k.ignore === 'nonprinting') o += 'i';
  if (k.month) o += 'M';
  if (k.numeric) o += 'n';
  if (k.random) o += 'R';
  if (k.reverse) o += 'r';
  if (k.version) o += 'V';
  return o;
}

class SpecError extends Error {}

/** parse_field_count: the number at `from` (huge values saturate) and where it ends. */
function fieldCount(s: string, from: number, msg: string): { n: number; end: number } {
  const m = /^\d+/.exec(s.slice(from));
  const r = strtoint(s.slice(from), 10, false);
  if (r.end === 0 || !m) throw new SpecError(`${msg}: invalid count at start of ${ql(s.slice(from))}`);
  return { n: r.overflow || r.value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(r.value), end: from + r.end };
}

/** A -k argument, or the message sort dies with. */
export function parseKeySpec(spec: string): Key | string {
  const key = newKey();
  const bad = (msg: string): string => `${msg}: invalid field specification ${ql(spec)}`;
  try {
    let r = fieldCount(spec, 0, 'invalid number at field start');
    if (r.n === 0) return bad('field number is zero');
    key.sword = r.n - 1;
    let i = r.end;
    if (spec[i] === '.') {
      r = fieldCount(spec, i + 1, "invalid number after '.'");
      if (r.n === 0) return bad('character offset is zero');
      key.schar = r.n - 1;
      i = r.end;
    }
    if (key.sword === 0 && key.schar === 0) key.sword = -1;
    i = setOrdering(spec, i, key, 'start');
    if (spec[i] === ',') {
      r = fieldCount(spec, i + 1, "invalid number after ','");
      if (r.n === 0) return bad('field number is zero');
      key.eword = r.n - 1;
      i = r.end;
      if (spec[i] === '.') {
        r = fieldCount(spec, i + 1, "invalid number after '.'");
        key.echar = r.n;
        i = r.end;
      }
      i = setOrdering(spec, i, key, 'end');
    }
    if (i < spec.length) return bad('stray character in field spec');
  } catch (e) {
    if (e instanceof SpecError) return e.message;
    throw e;
  }
  return key;
}

export interface CompareOptions {
  keys: Key[];
  /** -t character code, or -1 for blank-separated fields. */
  tab: number;
  reverse: boolean;
  unique: boolean;
  stable: boolean;
  /** Seed of -R's hash. */
  salt: Uint8Array;
}

function begfield(line: string, key: Key, tab: number): number {
  let ptr = 0;
  const lim = line.length;
  let sword = key.sword;
  if (tab >= 0) {
    while (ptr < lim && sword-- > 0) {
      while (ptr < lim && line.charCodeAt(ptr) !== tab) ++ptr;
      if (ptr < lim) ++ptr;
    }
  } else {
    while (ptr < lim && sword-- > 0) {
      while (ptr < lim && isBlank(line.charCodeAt(ptr))) ++ptr;
      while (ptr < lim && !isBlank(line.charCodeAt(ptr))) ++ptr;
    }
  }
  if (key.skipsblanks) while (ptr < lim && isBlank(line.charCodeAt(ptr))) ++ptr;
  return Math.min(lim, ptr + key.schar);
}

function limfield(line: string, key: Key, tab: number): number {
  let ptr = 0;
  const lim = line.length;
  let eword = key.eword;
  const echar = key.echar;
  if (echar === 0) eword++;
  if (tab >= 0) {
    while (ptr < lim && eword-- > 0) {
      while (ptr < lim && line.charCodeAt(ptr) !== tab) ++ptr;
      if (ptr < lim && (eword > 0 || echar)) ++ptr;
    }
  } else {
    while (ptr < lim && eword-- > 0) {
      while (ptr < lim && isBlank(line.charCodeAt(ptr))) ++ptr;
      while (ptr < lim && !isBlank(line.charCodeAt(ptr))) ++ptr;
    }
  }
  if (echar !== 0) {
    if (key.skipeblanks) while (ptr < lim && isBlank(line.charCodeAt(ptr))) ++ptr;
    ptr = Math.min(lim, ptr + echar);
  }
  return ptr;
}

/** gnulib strnumcmp with '.' as the decimal point and no thousands separator. */
export function strnumcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const ca = (): number => (i < a.length ? a.charCodeAt(i) : 0);
  const cb = (): number => (j < b.length ? b.charCodeAt(j) : 0);
  let ta = ca();
  let tb = cb();
  const DOT = 46;
  const frac = (): number => {
    if (ta === DOT && tb === DOT) {
      do {
        ta = a.charCodeAt(++i) || 0;
        tb = b.charCodeAt(++j) || 0;
      } while (ta === tb && isDigit(ta));
      if (isDigit(ta) && isDigit(tb)) return ta - tb;
      if (isDigit(ta)) {
        while (ta === 48) ta = a.charCodeAt(++i) || 0;
        return isDigit(ta) ? 1 : 0;
      }
      if (isDigit(tb)) {
        while (tb === 48) tb = b.charCodeAt(++j) || 0;
        return isDigit(tb) ? -1 : 0;
      }
      return 0;
    }
    if (ta === DOT) {
      do ta = a.charCodeAt(++i) || 0; while (ta === 48);
      return isDigit(ta) ? 1 : 0;
    }
    if (tb === DOT) {
      do tb = b.charCodeAt(++j) || 0; while (tb === 48);
      return isDigit(tb) ? -1 : 0;
    }
    return 0;
  };
  const magnitude = (negated: boolean): number => {
    while (ta === tb && isDigit(ta)) {
      ta = a.charCodeAt(++i) || 0;
      tb = b.charCodeAt(++j) || 0;
    }
    if ((ta === DOT && !isDigit(tb)) || (tb === DOT && !isDigit(ta))) {
      const f = frac();
      return negated ? -f : f;
    }
    const diff = negated ? tb - ta : ta - tb;
    let la = 0;
    while (isDigit(ta)) {
      la++;
      ta = a.charCodeAt(++i) || 0;
    }
    let lb = 0;
    while (isDigit(tb)) {
      lb++;
      tb = b.charCodeAt(++j) || 0;
    }
    if (la !== lb) return (la < lb) !== negated ? -1 : 1;
    return la === 0 ? 0 : diff;
  };
  if (ta === 45) {
    do ta = a.charCodeAt(++i) || 0; while (ta === 48);
    if (tb !== 45) {
      if (ta === DOT) do ta = a.charCodeAt(++i) || 0; while (ta === 48);
      if (isDigit(ta)) return -1;
      while (tb === 48) tb = b.charCodeAt(++j) || 0;
      if (tb === DOT) do tb = b.charCodeAt(++j) || 0; while (tb === 48);
      return isDigit(tb) ? -1 : 0;
    }
    do tb = b.charCodeAt(++j) || 0; while (tb === 48);
    return magnitude(true);
  }
  if (tb === 45) {
    do tb = b.charCodeAt(++j) || 0; while (tb === 48);
    if (tb === DOT) do tb = b.charCodeAt(++j) || 0; while (tb === 48);
    if (isDigit(tb)) return 1;
    while (ta === 48) ta = a.charCodeAt(++i) || 0;
    if (ta === DOT) do ta = a.charCodeAt(++i) || 0; while (ta === 48);
    return isDigit(ta) ? 1 : 0;
  }
  while (ta === 48) ta = a.charCodeAt(++i) || 0;
  while (tb === 48) tb = b.charCodeAt(++j) || 0;
  return magnitude(false);
}

function skipBlanks(s: string): string {
  let i = 0;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i ? s.slice(i) : s;
}

const UNIT: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/** find_unit_order: the suffix's power, signed; 0 when the number has no nonzero digit. */
function unitOrder(s: string): number {
  const neg = s.charCodeAt(0) === 45;
  const m = /^(\d*)(?:\.(\d*))?/.exec(s.slice(neg ? 1 : 0))!;
  const digits = m[1]! + (m[2] ?? '');
  if (!/[1-9]/.test(digits)) return 0;
  const after = s[(neg ? 1 : 0) + m[0].length] ?? '';
  const order = UNIT[after] ?? 0;
  return neg ? -order : order;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function getmonth(s: string): number {
  const t = skipBlanks(s).slice(0, 3).toUpperCase();
  const i = MONTHS.indexOf(t);
  return i + 1;
}

function generalCompare(a: string, b: string): number {
  const ra = strtold(a);
  const rb = strtold(b);
  if (ra.end === 0) return rb.end === 0 ? 0 : -1;
  if (rb.end === 0) return 1;
  const x = ra.value;
  const y = rb.value;
  if (x.kind === 'nan' || y.kind === 'nan') {
    if (x.kind === 'nan' && y.kind === 'nan') return 0;
    return x.kind === 'nan' ? -1 : 1;
  }
  return realCmp(x, y);
}

/** Compares two long doubles that are not NaN (-1e500 lies between -inf and -1e300). */
function realCmp(x: Real, y: Real): number {
  const sign = (r: Real): number => (r.kind === 'finite' && r.m === 0n ? 0 : r.neg ? -1 : 1);
  const sx = sign(x);
  const sy = sign(y);
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  let mag: number;
  if (x.kind === 'inf' || y.kind === 'inf') mag = x.kind === y.kind ? 0 : x.kind === 'inf' ? 1 : -1;
  else if (x.kind === 'finite' && y.kind === 'finite') {
    const e = Math.min(x.e, y.e);
    const a = x.m << BigInt(x.e - e);
    const b = y.m << BigInt(y.e - e);
    mag = a < b ? -1 : a > b ? 1 : 0;
  } else mag = 0;
  return sx < 0 ? -mag : mag;
}

/** gnulib filevercmp on binary strings. */
export function filevercmp(a: string, b: string): number {
  if (!a.length) return b.length ? -1 : 0;
  if (!b.length) return 1;
  if (a[0] === '.') {
    if (b[0] !== '.') return -1;
    if (a === '.') return b === '.' ? 0 : -1;
    if (b === '.') return 1;
    if (a === '..') return b === '..' ? 0 : -1;
    if (b === '..') return 1;
  } else if (b[0] === '.') return 1;
  const pa = prefixLen(a);
  const pb = prefixLen(b);
  const r = verrevcmp(a, pa, b, pb);
  return r || (pa === a.length && pb === b.length) ? r : verrevcmp(a, a.length, b, b.length);
}

/** The length before the file suffix (\.[A-Za-z~][A-Za-z0-9~]*)*$ (gnulib of coreutils 9.1). */
function prefixLen(s: string): number {
  const n = s.length;
  for (let i = 0; ; i++) {
    const prefix = i;
    while (i + 1 < n && s[i] === '.' && /[A-Za-z~]/.test(s[i + 1]!)) for (i += 2; i < n && /[A-Za-z0-9~]/.test(s[i]!); i++);
    if (i >= n) return prefix;
  }
}

function order(s: string, pos: number, len: number): number {
  if (pos === len) return -1;
  const c = s.charCodeAt(pos);
  if (isDigit(c)) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === 126) return -2;
  return c + 256;
}

function verrevcmp(s1: string, l1: number, s2: string, l2: number): number {
  let p1 = 0;
  let p2 = 0;
  while (p1 < l1 || p2 < l2) {
    let firstDiff = 0;
    while ((p1 < l1 && !isDigit(s1.charCodeAt(p1))) || (p2 < l2 && !isDigit(s2.charCodeAt(p2)))) {
      const c1 = order(s1, p1, l1);
      const c2 = order(s2, p2, l2);
      if (c1 !== c2) return c1 - c2;
      p1++;
      p2++;
    }
    while (p1 < l1 && s1[p1] === '0') p1++;
    while (p2 < l2 && s2[p2] === '0') p2++;
    while (p1 < l1 && p2 < l2 && isDigit(s1.charCodeAt(p1)) && isDigit(s2.charCodeAt(p2))) {
      if (!firstDiff) firstDiff = s1.charCodeAt(p1) - s2.charCodeAt(p2);
      p1++;
      p2++;
    }
    if (p1 < l1 && isDigit(s1.charCodeAt(p1))) return 1;
    if (p2 < l2 && isDigit(s2.charCodeAt(p2))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

export { begfield, limfield, getmonth, generalCompare, unitOrder, skipBlanks, IGNORE, upper, isBlank };
export const md5Of = (salt: Uint8Array, text: string): Uint8Array => {
  const u = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) u[i] = text.charCodeAt(i);
  return new Md5().update(salt).update(u).digest();
};
