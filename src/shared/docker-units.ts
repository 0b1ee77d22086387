// Human-readable sizes and durations as docker prints and parses them
// (github.com/docker/go-units v0.5.0, vendored by docker/cli v27.3.1), with the
// pieces of Go's strconv/fmt they depend on: %.Ng/%.Nf/%.Ne use the exact
// binary value and round half to even (Go's decimal.Round), which is not what
// Number.toPrecision does on ties, so the float formatting is done here.

export type UnitsResult<T> = { ok: true; value: T } | { ok: false; error: string };

// ---------------------------------------------------------------------------
// Go float formatting (strconv.FormatFloat semantics for 'e', 'f', 'g')

interface Digits {
  d: string; // significant digits, no leading/trailing zeros ('' for zero)
  dp: number; // decimal point position: value = 0.d × 10^dp
}

/** Exact decimal expansion of a finite non-negative double. */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) {
    e = -1074; // subnormal
  } else {
    mant |= 1n << 52n;
    e = bexp - 1075;
  }
  let s: string;
  let dp: number;
  if (e >= 0) {
    s = (mant << BigInt(e)).toString();
    dp = s.length;
  } else {
    // mant × 2^e = mant × 5^-e / 10^-e
    s = (mant * 5n ** BigInt(-e)).toString();
    dp = s.length + e;
  }
  const trimmed = s.replace(/0+$/, '');
  return { d: trimmed, dp };
}

/** Go's decimal.Round(nd): half to even on exact ties. */
function roundDigits(dg: Digits, nd: number): Digits {
  const { d } = dg;
  if (nd < 0 || nd >= d.length) return dg;
  let up: boolean;
  if (d.charAt(nd) === '5' && nd + 1 === d.length) {
    up = nd > 0 && (d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = d.charAt(nd) >= '5';
  }
  if (!up) {
    return { d: d.slice(0, nd).replace(/0+$/, ''), dp: dg.dp };
  }
  for (let i = nd - 1; i >= 0; i--) {
    const c = d.charCodeAt(i);
    if (c < 57) {
      return { d: d.slice(0, i) + String.fromCharCode(c + 1), dp: dg.dp };
    }
  }
  return { d: '1', dp: dg.dp + 1 };
}

function fmtE(dg: Digits, prec: number): string {
  let out = dg.d.length === 0 ? '0' : dg.d.charAt(0);
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(dg.d.length, prec + 1);
    if (i < m) {
      out += dg.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += 'e';
  let exp = dg.d.length === 0 ? 0 : dg.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return out + sign + (exp < 10 ? '0' + String(exp) : String(exp));
}

function fmtF(dg: Digits, prec: number): string {
  let out = '';
  if (dg.dp > 0) {
    const m = Math.min(dg.d.length, dg.dp);
    out += dg.d.slice(0, m);
    for (let i = m; i < dg.dp; i++) out += '0';
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = dg.dp + i - 1;
      out += j >= 0 && j < dg.d.length ? dg.d.charAt(j) : '0';
    }
  }
  return out;
}

/** Go's fmt.Sprintf("%.*e" / "%.*f" / "%.*g", prec, x). */
export function goFormatFloat(x: number, verb: 'e' | 'f' | 'g', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const exact = exactDigits(Math.abs(x));
  let body: string;
  if (verb === 'e') {
    body = fmtE(roundDigits(exact, prec + 1), prec);
  } else if (verb === 'f') {
    body = fmtF(roundDigits(exact, exact.dp + prec), prec);
  } else {
    let p = prec === 0 ? 1 : prec;
    const dg = roundDigits(exact, p);
    let eprec = p;
    if (eprec > dg.d.length && dg.d.length >= dg.dp) eprec = dg.d.length;
    const exp = dg.dp - 1;
    if (exp < -4 || exp >= eprec) {
      if (p > dg.d.length) p = dg.d.length;
      body = fmtE(dg, Math.max(p - 1, 0));
    } else {
      if (p > dg.dp) p = dg.d.length;
      body = fmtF(dg, Math.max(p - dg.dp, 0));
    }
  }
  return (neg ? '-' : '') + body;
}

// ---------------------------------------------------------------------------
// Go strconv helpers used in error messages

/** strconv.Quote: double-quoted with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"': out += '\\"'; break;
      case '\\': out += '\\\\'; break;
      case '\x07': out += '\\a'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\v': out += '\\v'; break;
      default:
        if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
        else if (c >= 0x80 && c < 0xa0) out += '\\u' + c.toString(16).padStart(4, '0');
        else out += ch;
    }
  }
  return out + '"';
}

const FLOAT_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT_RE = /^[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/;

/** strconv.ParseFloat(s, 64) with Go's error text. */
export function parseGoFloat(s: string): UnitsResult<number> {
  const lower = s.toLowerCase();
  const body = lower.replace(/^[+-]/, '');
  const neg = lower.startsWith('-');
  if (body === 'inf' || body === 'infinity') return { ok: true, value: neg ? -Infinity : Infinity };
  if (body === 'nan') return { ok: true, value: NaN };
  let v: number;
  if (FLOAT_RE.test(s)) {
    v = Number(s);
  } else if (HEX_FLOAT_RE.test(s)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
    if (m === null) return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax` };
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    const mant = parseInt(intPart + frac || '0', 16);
    v = mant * 2 ** (Number(m[4]) - 4 * frac.length);
    if (m[1] === '-') v = -v;
  } else {
    return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax` };
  }
  if (!Number.isFinite(v)) {
    return { ok: false, error: `strconv.ParseFloat: parsing ${goQuote(s)}: value out of range` };
  }
  return { ok: true, value: v };
}

// ---------------------------------------------------------------------------
// Durations (go-units duration.go)

/** units.HumanDuration for a duration given in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3600000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

// ---------------------------------------------------------------------------
// Sizes (go-units size.go)

export const KB = 1000;
export const MB = 1000 * KB;
export const GB = 1000 * MB;
export const TB = 1000 * GB;
export const PB = 1000 * TB;
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;
export const PiB = 1024 * TiB;

const DECIMAL_ABBRS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'] as const;
const BINARY_ABBRS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'] as const;

function sizeAndUnit(size: number, base: number, units: readonly string[]): [number, string] {
  let i = 0;
  const limit = units.length - 1;
  while (size >= base && i < limit) {
    size /= base;
    i++;
  }
  return [size, units[i] ?? 'B'];
}

/** units.CustomSize with a "%.<prec><verb>%s" format. */
export function customSize(
  verb: 'e' | 'f' | 'g',
  precision: number,
  size: number,
  base: number,
  units: readonly string[],
): string {
  const [v, unit] = sizeAndUnit(size, base, units);
  return goFormatFloat(v, verb, precision) + unit;
}

/** units.HumanSizeWithPrecision: SI units, `%.*g` (docker images uses precision 3). */
export function humanSizeWithPrecision(size: number, precision: number): string {
  return customSize('g', precision, size, 1000, DECIMAL_ABBRS);
}

/** units.HumanSize: SI units, 4 significant digits ("2.746kB"). */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: IEC units, `%.4g` ("1.914GiB"). */
export function bytesSize(size: number): string {
  return customSize('g', 4, size, 1024, BINARY_ABBRS);
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Go's int64(float64) on amd64: out-of-range values become MinInt64. */
function toInt64(v: number): number {
  if (!Number.isFinite(v) || v >= 2 ** 63 || v < -(2 ** 63)) return -(2 ** 63);
  return Math.trunc(v);
}

function parseSize(sizeStr: string, map: Readonly<Record<string, number>>): UnitsResult<number> {
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr.charAt(i))) {
      sep = i;
      break;
    }
  }
  if (sep === -1) return { ok: false, error: `invalid size: '${sizeStr}'` };
  let num: string;
  let sfx: string;
  if (sizeStr.charAt(sep) !== ' ') {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  const parsed = parseGoFloat(num);
  if (!parsed.ok) return parsed;
  let size = parsed.value;
  if (size < 0) return { ok: false, error: `invalid size: '${sizeStr}'` };
  if (sfx.length === 0) return { ok: true, value: toInt64(size) };
  const bad: UnitsResult<number> = { ok: false, error: `invalid suffix: '${sfx.toLowerCase()}'` };
  if (utf8Length(sfx) > 3) return { ok: false, error: `invalid suffix: '${sfx}'` };
  sfx = sfx.toLowerCase();
  if (sfx.charAt(0) === 'b') {
    if (sfx.length > 1) return bad;
    return { ok: true, value: toInt64(size) };
  }
  const mul = Object.prototype.hasOwnProperty.call(map, sfx.charAt(0)) ? map[sfx.charAt(0)] : undefined;
  if (mul === undefined) return bad;
  size *= mul;
  if (sfx.length === 2 && sfx.charAt(1) !== 'b') return bad;
  if (sfx.length === 3 && sfx.slice(1) !== 'ib') return bad;
  return { ok: true, value: toInt64(size) };
}

const DECIMAL_MAP: Readonly<Record<string, number>> = { k: KB, m: MB, g: GB, t: TB, p: PB };
const BINARY_MAP: Readonly<Record<string, number>> = { k: KiB, m: MiB, g: GiB, t: TiB, p: PiB };

/** units.FromHumanSize: "32kb" → 32000. */
export function fromHumanSize(size: string): UnitsResult<number> {
  return parseSize(size, DECIMAL_MAP);
}

/** units.RAMInBytes: "32kb" → 32768 (what -m/--memory accepts). */
export function ramInBytes(size: string): UnitsResult<number> {
  return parseSize(size, BINARY_MAP);
}

// ---------------------------------------------------------------------------
// Ulimits (go-units ulimit.go)

export interface Ulimit {
  name: string;
  soft: number;
  hard: number;
}

const ULIMIT_NAMES = new Set([
  'core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice',
  'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack',
]);

function parseDecInt64(s: string): UnitsResult<number> {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) {
    return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  }
  return { ok: true, value: Number(v) };
}

/** units.ParseUlimit: "nofile=1024:2048". */
export function parseUlimit(val: string): UnitsResult<Ulimit> {
  const eq = val.indexOf('=');
  if (eq < 0) return { ok: false, error: `invalid ulimit argument: ${val}` };
  const name = val.slice(0, eq);
  const rest = val.slice(eq + 1);
  if (!ULIMIT_NAMES.has(name)) return { ok: false, error: `invalid ulimit type: ${name}` };
  const parts = rest.split(':');
  let hard: number | undefined;
  if (parts.length > 2) {
    return { ok: false, error: `too many limit value arguments - ${rest}, can only have up to two, \`soft[:hard]\`` };
  }
  if (parts.length === 2) {
    const h = parseDecInt64(parts[1] ?? '');
    if (!h.ok) return h;
    hard = h.value;
  }
  const s = parseDecInt64(parts[0] ?? '');
  if (!s.ok) return s;
  const soft = s.value;
  const hardV = hard ?? soft;
  if (hardV !== -1) {
    if (soft === -1) {
      return { ok: false, error: `ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hardV}` };
    }
    if (soft > hardV) {
      return { ok: false, error: `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hardV}` };
    }
  }
  return { ok: true, value: { name, soft, hard: hardV } };
}
