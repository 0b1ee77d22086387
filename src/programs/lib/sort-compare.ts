// sort.c keycompare and compare: the comparator over binary-string lines.
import {
  begfield, filevercmp, generalCompare, getmonth, IGNORE, isBlank, limfield, md5Of, strnumcmp, unitOrder, skipBlanks, upper,
  type CompareOptions, type Key,
} from './sort-keys';

function transform(s: string, key: Key): string {
  const ignore = key.ignore ? IGNORE[key.ignore] : undefined;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (ignore && ignore(c)) continue;
    out += String.fromCharCode(key.translate ? upper(c) : c);
  }
  return out;
}

function bytesCmp(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function makeComparator(o: CompareOptions): (a: string, b: string) => number {
  const { keys, tab } = o;
  const hashes = new Map<string, Uint8Array>();
  const hashOf = (s: string): Uint8Array => {
    let h = hashes.get(s);
    if (!h) {
      h = md5Of(o.salt, s);
      if (hashes.size < 1_000_000) hashes.set(s, h);
    }
    return h;
  };

  const keyDiff = (key: Key, a: string, sa: number, ea: number, b: string, sb: number, eb: number): number => {
    if (key.numeric || key.general || key.human || key.month || key.random || key.version) {
      let ta = a.slice(sa, ea);
      let tb = b.slice(sb, eb);
      if (key.ignore || key.translate) {
        ta = transform(ta, key);
        tb = transform(tb, key);
      }
      if (key.numeric) return strnumcmp(skipBlanks(ta), skipBlanks(tb));
      if (key.general) return generalCompare(ta, tb);
      if (key.human) {
        const xa = skipBlanks(ta);
        const xb = skipBlanks(tb);
        return unitOrder(xa) - unitOrder(xb) || strnumcmp(xa, xb);
      }
      if (key.month) return getmonth(ta) - getmonth(tb);
      if (key.random) {
        const d = bytesCmp(hashOf(ta), hashOf(tb));
        return d || (ta < tb ? -1 : ta > tb ? 1 : 0);
      }
      return filevercmp(ta, tb);
    }
    if (key.ignore) {
      const ignore = IGNORE[key.ignore];
      let i = sa;
      let j = sb;
      for (;;) {
        while (i < ea && ignore(a.charCodeAt(i))) i++;
        while (j < eb && ignore(b.charCodeAt(j))) j++;
        if (!(i < ea && j < eb)) break;
        let x = a.charCodeAt(i);
        let y = b.charCodeAt(j);
        if (key.translate) {
          x = upper(x);
          y = upper(y);
        }
        if (x !== y) return x - y;
        i++;
        j++;
      }
      return (i < ea ? 1 : 0) - (j < eb ? 1 : 0);
    }
    const la = ea - sa;
    const lb = eb - sb;
    if (la === 0) return lb ? -1 : 0;
    if (lb === 0) return 1;
    if (key.translate) {
      const n = Math.min(la, lb);
      for (let k = 0; k < n; k++) {
        const d = upper(a.charCodeAt(sa + k)) - upper(b.charCodeAt(sb + k));
        if (d) return d;
      }
      return la < lb ? -1 : la !== lb ? 1 : 0;
    }
    const x = sa === 0 && ea === a.length ? a : a.slice(sa, ea);
    const y = sb === 0 && eb === b.length ? b : b.slice(sb, eb);
    return x < y ? -1 : x > y ? 1 : 0;
  };

  const keycompare = (a: string, b: string): number => {
    for (const key of keys) {
      const ea = key.eword < 0 ? a.length : limfield(a, key, tab);
      const eb = key.eword < 0 ? b.length : limfield(b, key, tab);
      let sa: number;
      let sb: number;
      if (key.sword >= 0) {
        sa = begfield(a, key, tab);
        sb = begfield(b, key, tab);
      } else {
        sa = 0;
        sb = 0;
        if (key.skipsblanks) {
          while (sa < ea && isBlank(a.charCodeAt(sa))) sa++;
          while (sb < eb && isBlank(b.charCodeAt(sb))) sb++;
        }
      }
      const diff = keyDiff(key, a, sa, Math.max(sa, ea), b, sb, Math.max(sb, eb));
      if (diff) return key.reverse ? -diff : diff;
    }
    return 0;
  };

  const lastResort = o.reverse
    ? (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0)
    : (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  if (keys.length === 0) return lastResort;
  if (o.unique || o.stable) return keycompare;
  return (a, b) => keycompare(a, b) || lastResort(a, b);
}

/**
 * The number strnumcmp would read from s: an approximate value (ordered like the exact one,
 * since rounding is monotonic) and its canonical text, to tell equal numbers from ones that
 * only round alike.
 */
export function numericValue(s: string): { n: number; c: string } {
  let i = 0;
  const n = s.length;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  let neg = false;
  if (s.charCodeAt(i) === 45) {
    neg = true;
    i++;
  }
  while (i < n && s.charCodeAt(i) === 48) i++;
  let j = i;
  while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  const int = s.slice(i, j);
  let frac = '';
  if (s.charCodeAt(j) === 46) {
    let k = j + 1;
    while (k < n && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
    let e = k;
    while (e > j + 1 && s.charCodeAt(e - 1) === 48) e--;
    frac = s.slice(j + 1, e);
  }
  if (int === '' && frac === '') return { n: 0, c: '' };
  const c = frac ? `${int}.${frac}` : int;
  const v = Number(frac ? c : int || '0');
  return neg ? { n: -v, c: `-${c}` } : { n: v, c };
}

type Decorated = { line: string; k: string | number; c: string };

/** Sorts lines as sort(1) does, precomputing the first key where it can (as sort.c does). */
export function sortLines(lines: string[], o: CompareOptions): string[] {
  const { keys } = o;
  if (keys.length === 0) {
    return lines.sort(o.reverse ? (a, b) => (a < b ? 1 : a > b ? -1 : 0) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const key = keys[0]!;
  const plain = !key.ignore && !key.numeric && !key.general && !key.human && !key.month && !key.random && !key.version;
  const numeric = key.numeric && !key.ignore && !key.translate;
  const month = key.month && !key.ignore && !key.translate;
  if (!plain && !numeric && !month) return lines.sort(makeComparator(o));
  const extract = (line: string): string => {
    const e = key.eword < 0 ? line.length : limfield(line, key, o.tab);
    let s = 0;
    if (key.sword >= 0) s = begfield(line, key, o.tab);
    else if (key.skipsblanks) while (s < e && isBlank(line.charCodeAt(s))) s++;
    return e <= s ? '' : s === 0 && e === line.length ? line : line.slice(s, e);
  };
  const decorated: Decorated[] = lines.map((line) => {
    const t = extract(line);
    if (numeric) {
      const v = numericValue(t);
      return { line, k: v.n, c: v.c };
    }
    if (month) return { line, k: getmonth(t), c: '' };
    return { line, k: key.translate ? t.replace(/[a-z]+/g, (m) => m.toUpperCase()) : t, c: '' };
  });
  const rest = keys.length > 1 ? makeComparator({ ...o, keys: keys.slice(1), unique: true }) : undefined;
  const sign = key.reverse ? -1 : 1;
  const tie = o.unique || o.stable ? undefined : o.reverse ? -1 : 1;
  decorated.sort((a, b) => {
    const x = a.k;
    const y = b.k;
    if (x !== y) return x < y ? -sign : sign;
    if (a.c !== b.c) {
      const d = strnumcmp(a.c, b.c);
      if (d) return d * sign;
    }
    if (rest) {
      const d = rest(a.line, b.line);
      if (d) return d;
    }
    if (tie === undefined) return 0;
    return a.line < b.line ? -tie : a.line > b.line ? tie : 0;
  });
  for (let i = 0; i < decorated.length; i++) lines[i] = decorated[i]!.line;
  return lines;
}
