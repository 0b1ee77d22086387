// Go parsers whose behaviour and error text docker's messages depend on:
// strconv.ParseBool/ParseInt/ParseUint (base 0), time.ParseDuration,
// encoding/csv (pflag string slices), net.ParseIP/IP.String, and
// distribution/reference's ParseNormalizedNamed.

import { goQuote } from '../../../shared/docker-units';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: string): Result<T> => ({ ok: false, error });

// ---------------------------------------------------------------------------
// strconv

/** strconv.ParseBool. */
export function parseGoBool(s: string): Result<boolean> {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return ok(true);
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return ok(false);
  return fail(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}

function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s.charAt(1).toLowerCase())) {
    i = 2;
    saw = '0';
    hex = s.charAt(1).toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s.charAt(i);
    if ((c >= '0' && c <= '9') || (hex && c.toLowerCase() >= 'a' && c.toLowerCase() <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** strconv.ParseInt/ParseUint with base 0 (prefixes 0x, 0o, 0b, 0; underscores allowed). */
export function parseGoInt(s0: string, bits: number, unsigned: boolean): Result<number> {
  const fn = unsigned ? 'strconv.ParseUint' : 'strconv.ParseInt';
  const syntax = fail<number>(`${fn}: parsing ${goQuote(s0)}: invalid syntax`);
  if (s0 === '') return syntax;
  let s = s0;
  let neg = false;
  if (!unsigned && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    s = s.slice(1);
    if (s === '') return syntax;
  }
  const digitsStart = s;
  let base = 10;
  if (s[0] === '0') {
    const p = s.charAt(1).toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let v = 0n;
  let underscores = false;
  for (const ch of s) {
    if (ch === '_') {
      underscores = true;
      continue;
    }
    const d = '0123456789abcdefghijklmnopqrstuvwxyz'.indexOf(ch.toLowerCase());
    if (d < 0 || d >= base) return syntax;
    v = v * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(digitsStart)) return syntax;
  if (neg) v = -v;
  const limit = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const low = unsigned ? 0n : -(1n << BigInt(bits - 1));
  if (v > limit || v < low) return fail(`${fn}: parsing ${goQuote(s0)}: value out of range`);
  return ok(Number(v));
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60000,
  h: 3600000,
};

/** time.ParseDuration, returning milliseconds. */
export function parseGoDuration(s: string): Result<number> {
  const invalid = fail<number>(`time: invalid duration ${goQuote(s)}`);
  let rest = s;
  let neg = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    neg = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return invalid;
  let total = 0;
  for (let guard = 0; rest !== '' && guard < 1000; guard++) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return invalid;
    rest = rest.slice(m?.[0].length ?? 0);
    const u = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (u === '') return fail(`time: missing unit in duration ${goQuote(s)}`);
    const mul = DURATION_UNITS[u];
    if (mul === undefined) return fail(`time: unknown unit ${goQuote(u)} in duration ${goQuote(s)}`);
    rest = rest.slice(u.length);
    total += Number(`${whole || '0'}.${frac ?? '0'}`) * mul;
  }
  if (total > 9223372036854.775) return invalid; // beyond int64 nanoseconds
  return ok(neg ? -total : total);
}

/** encoding/csv reading of one line, as pflag's stringSlice uses it. */
export function readCsvLine(s: string): Result<string[]> {
  if (s === '') return ok([]);
  const out: string[] = [];
  let i = 0;
  let field = '';
  for (;;) {
    if (s[i] === '"') {
      const start = i;
      i++;
      field = '';
      for (;;) {
        if (i >= s.length) return fail(`parse error on line 1, column ${start + 1}: extraneous or missing " in quoted-field`);
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += s[i];
        i++;
      }
      if (i < s.length && s[i] !== ',') {
        return fail(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
      }
    } else {
      const end = s.indexOf(',', i);
      field = end < 0 ? s.slice(i) : s.slice(i, end);
      const q = field.indexOf('"');
      if (q >= 0) return fail(`parse error on line 1, column ${i + q + 1}: bare " in non-quoted field`);
      i = end < 0 ? s.length : end;
    }
    out.push(field);
    if (i >= s.length) break;
    i++; // skip ','
    if (i >= s.length) {
      out.push('');
      break;
    }
  }
  return ok(out);
}

// ---------------------------------------------------------------------------
// IP addresses (net.ParseIP and IP.String)

function parseIPv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** net.ParseIP: 16 bytes, or null. */
export function parseIP(s: string): number[] | null {
  const v4 = parseIPv4(s);
  if (v4) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4];
  if (!s.includes(':')) return null;
  let head = s;
  let tailV4: number[] | null = null;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIPv4(s.slice(lastColon + 1));
    if (!tailV4) return null;
    head = s.slice(0, lastColon + 1) + '0:0';
  }
  const dbl = head.indexOf('::');
  if (dbl !== head.lastIndexOf('::')) return null;
  const groupsOf = (t: string): number[] | null => {
    if (t === '') return [];
    const out: number[] = [];
    for (const g of t.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const a = groupsOf(head.slice(0, dbl));
    const b = groupsOf(head.slice(dbl + 2));
    if (!a || !b || a.length + b.length > 7) return null;
    groups = [...a, ...new Array<number>(8 - a.length - b.length).fill(0), ...b];
  } else {
    const g = groupsOf(head);
    if (!g || g.length !== 8) return null;
    groups = g;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  if (tailV4) bytes.splice(12, 4, ...tailV4);
  return bytes;
}

/** IP.String(): dotted IPv4 for v4 and v4-mapped addresses, RFC 5952 otherwise. */
export function formatIP(b: readonly number[]): string {
  const isV4 = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (isV4) return b.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

// ---------------------------------------------------------------------------
// Image references (distribution/reference ParseNormalizedNamed)

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const NAME_PAT = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE_RE = new RegExp(
  `^(${NAME_PAT})(?::([\\w][\\w.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}))?$`,
);

/** reference.ParseNormalizedNamed: null when valid, else docker's error text. */
export function referenceError(s: string): string | null {
  if (/^[a-f0-9]{64}$/.test(s)) {
    return `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`;
  }
  const slash = s.indexOf('/');
  let domain = 'docker.io';
  let remainder = s;
  if (slash >= 0) {
    const first = s.slice(0, slash);
    if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
      domain = first;
      remainder = s.slice(slash + 1);
    } else if (first === 'index.docker.io') {
      remainder = s.slice(slash + 1);
    }
  }
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    return `invalid reference format: repository name (${remote}) must be lowercase`;
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE_RE.exec(full);
  if (m === null) {
    if (REFERENCE_RE.test(full.toLowerCase())) return 'invalid reference format: repository name must be lowercase';
    return 'invalid reference format';
  }
  if ((m[1] ?? '').length - domain.length - 1 > 255) return 'repository name must not be more than 255 characters';
  const digest = m[3];
  if (digest !== undefined) {
    const [alg, hex] = digest.split(':') as [string, string];
    const want: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
    const len = want[alg];
    if (len === undefined) return 'unsupported digest algorithm';
    if (hex.length !== len) return 'invalid checksum digest length';
    if (!/^[a-f0-9]+$/.test(hex)) return 'invalid checksum digest format';
  }
  return null;
}
