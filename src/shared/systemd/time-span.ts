// Time spans as systemd parses and prints them (src/basic/time-util.c: parse_time,
// format_timespan): "1h 30min", "2 days", "1.5s", "infinity". Microseconds as bigint, since
// values reach 2^64-1.

export const USEC_INFINITY = (1n << 64n) - 1n;
export const USEC_PER_MSEC = 1000n;
export const USEC_PER_SEC = 1000000n;
export const USEC_PER_MINUTE = 60n * USEC_PER_SEC;
export const USEC_PER_HOUR = 60n * USEC_PER_MINUTE;
export const USEC_PER_DAY = 24n * USEC_PER_HOUR;
export const USEC_PER_WEEK = 7n * USEC_PER_DAY;
export const USEC_PER_MONTH = 2629800n * USEC_PER_SEC;
export const USEC_PER_YEAR = 31557600n * USEC_PER_SEC;

/** Unit suffixes in the order parse_time tries them (the first prefix that matches wins). */
const PARSE_UNITS: [string, bigint][] = [
  ['seconds', USEC_PER_SEC], ['second', USEC_PER_SEC], ['sec', USEC_PER_SEC], ['s', USEC_PER_SEC],
  ['minutes', USEC_PER_MINUTE], ['minute', USEC_PER_MINUTE], ['min', USEC_PER_MINUTE],
  ['months', USEC_PER_MONTH], ['month', USEC_PER_MONTH], ['M', USEC_PER_MONTH],
  ['msec', USEC_PER_MSEC], ['ms', USEC_PER_MSEC], ['m', USEC_PER_MINUTE],
  ['hours', USEC_PER_HOUR], ['hour', USEC_PER_HOUR], ['hr', USEC_PER_HOUR], ['h', USEC_PER_HOUR],
  ['days', USEC_PER_DAY], ['day', USEC_PER_DAY], ['d', USEC_PER_DAY],
  ['weeks', USEC_PER_WEEK], ['week', USEC_PER_WEEK], ['w', USEC_PER_WEEK],
  ['years', USEC_PER_YEAR], ['year', USEC_PER_YEAR], ['y', USEC_PER_YEAR],
  ['usec', 1n], ['us', 1n], ['μs', 1n], ['µs', 1n],
];

const FORMAT_UNITS: [string, bigint][] = [
  ['y', USEC_PER_YEAR], ['month', USEC_PER_MONTH], ['w', USEC_PER_WEEK], ['d', USEC_PER_DAY], ['h', USEC_PER_HOUR],
  ['min', USEC_PER_MINUTE], ['s', USEC_PER_SEC], ['ms', USEC_PER_MSEC], ['us', 1n],
];

const WS = ' \t\n\r';
const LLONG_MAX = (1n << 63n) - 1n;

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.includes(s[i]!)) i++;
  return i;
}

/**
 * parse_time(): microseconds, or 'EINVAL' / 'ERANGE' as systemd fails. `defaultUnit` applies to
 * a bare number (seconds for most settings).
 */
export function parseTimespan(t: string, defaultUnit: bigint = USEC_PER_SEC): bigint | 'EINVAL' | 'ERANGE' {
  let p = skipWs(t, 0);
  if (t.startsWith('infinity', p)) {
    return skipWs(t, p + 8) === t.length ? USEC_INFINITY : 'EINVAL';
  }
  let r = 0n;
  let something = false;
  for (let guard = 0; guard <= t.length; guard++) {
    p = skipWs(t, p);
    if (p >= t.length) return something ? r : 'EINVAL';
    if (t[p] === '-') return 'ERANGE';
    // strtoll: optional sign, digits
    let e = p;
    if (t[e] === '+') e++;
    const digitsStart = e;
    while (e < t.length && t[e]! >= '0' && t[e]! <= '9') e++;
    let l = 0n;
    if (e === digitsStart) e = p;
    else {
      l = BigInt(t.slice(digitsStart, e));
      if (l > LLONG_MAX) return 'ERANGE';
    }
    const dot = t[e] === '.';
    if (dot) {
      p = e + 1;
      while (p < t.length && t[p]! >= '0' && t[p]! <= '9') p++;
    } else if (e === p) return 'EINVAL';
    else p = e;
    let multiplier = defaultUnit;
    const q = skipWs(t, p);
    let s = q;
    for (const [suffix, usec] of PARSE_UNITS) {
      if (t.startsWith(suffix, q)) {
        multiplier = usec;
        s = q + suffix.length;
        break;
      }
    }
    if (s === p && s < t.length) return 'EINVAL';
    p = s;
    if (l >= USEC_INFINITY / multiplier) return 'ERANGE';
    let k = l * multiplier;
    if (k >= USEC_INFINITY - r) return 'ERANGE';
    r += k;
    something = true;
    if (dot) {
      let m = multiplier / 10n;
      let b = e + 1;
      for (; b < t.length && t[b]! >= '0' && t[b]! <= '9'; b++, m /= 10n) {
        k = BigInt(t.charCodeAt(b) - 48) * m;
        if (k >= USEC_INFINITY - r) return 'ERANGE';
        r += k;
      }
      if (b === e + 1) return 'EINVAL';
    }
  }
  return 'EINVAL';
}

/** format_timespan(): "1min 30s", "2d 3h", "1.500000s"; `accuracy` drops finer parts. */
export function formatTimespan(t: bigint, accuracy: bigint = 0n): string {
  if (t === USEC_INFINITY) return 'infinity';
  if (t <= 0n) return '0';
  let out = '';
  let something = false;
  for (const [suffix, unit] of FORMAT_UNITS) {
    if (t <= 0n) break;
    if (t < accuracy && something) break;
    if (t < unit) continue;
    const a = t / unit;
    let b = t % unit;
    let done = false;
    if (t < USEC_PER_MINUTE && b > 0n) {
      let j = 0;
      for (let cc = unit; cc > 1n; cc /= 10n) j++;
      for (let cc = accuracy; cc > 1n; cc /= 10n) {
        b /= 10n;
        j--;
      }
      if (j > 0) {
        out += `${out ? ' ' : ''}${a}.${b.toString().padStart(j, '0')}${suffix}`;
        t = 0n;
        done = true;
      }
    }
    if (!done) {
      out += `${out ? ' ' : ''}${a}${suffix}`;
      t = b;
    }
    something = true;
  }
  return out;
}
