import { byteChar, encodeText } from '../../shared/bytes';
import { decodeBytes } from '../shell/byte-text';
import { strftime } from './strftime';
import type { TimeZone } from './tz-zone';
import { formatFloat, isZero, strtold, type Real } from './cfloat';
import { ESCAPES, echoEscapes } from './echo-escapes';
// printf(1) / bash's printf builtin formatting: conversions %s %b %q %c %d %i %o %u %x %X
// %e %E %f %F %g %G %a %%, flags, * widths, and the format reused until the arguments
// run out. Shared by the shell builtin and /usr/bin/printf.

export { echoEscapes };

export interface PrintfResult {
  out: string;
  /** Messages such as `abc: invalid number` (the caller prefixes its name). */
  errors: string[];
  /** \c in %b or the format: stop all output. */
  stopped: boolean;
  /** Messages that do not make the status 1, such as
   * `warning: 99999999999999999999: Numerical result out of range` (bash clamps the value). */
  warnings?: string[];
  /** errors and warnings together, in the order they happened */
  messages?: string[];
  /** for each of `messages`, how much of `out` had been produced when it happened */
  messageAt?: number[];
  /** %n: the variables to set to the count of bytes written before it (bash) */
  assigns?: [string, number][];
}

/** A list whose pushes are also recorded in `all`, with the output's length at each (`at`). */
function logged(all: string[], at: number[], produced: () => number): string[] {
  const list: string[] = [];
  list.push = (...xs: string[]): number => {
    all.push(...xs);
    for (const _ of xs) at.push(produced());
    return Array.prototype.push.apply(list, xs);
  };
  return list;
}


/** Backslash escapes of a printf format (`\0NNN` not special here; `\NNN` is octal). */
function formatEscape(fmt: string, i: number, utf8: boolean, warn: (message: string) => void): { text: string; next: number } {
  const n = fmt[i + 1] ?? '';
  if (n in ESCAPES && n !== '"' && n !== "'" && n !== '?') return { text: ESCAPES[n]!, next: i + 2 };
  if (n === '"' || n === "'" || n === '?') return { text: n, next: i + 2 };
  if (/[0-7]/.test(n)) {
    let j = i + 1;
    let digits = '';
    while (digits.length < 3 && /[0-7]/.test(fmt[j] ?? '')) digits += fmt[j++];
    return { text: byteChar(parseInt(digits, 8)), next: j };
  }
  if (n === 'x') {
    let j = i + 2;
    let digits = '';
    while (digits.length < 2 && /[0-9a-fA-F]/.test(fmt[j] ?? '')) digits += fmt[j++];
    if (digits) return { text: byteChar(parseInt(digits, 16)), next: j };
    warn('missing hex digit for \\x');
  }
  if (n === 'u' || n === 'U') {
    let j = i + 2;
    let digits = '';
    while (digits.length < (n === 'u' ? 4 : 8) && /[0-9a-fA-F]/.test(fmt[j] ?? '')) digits += fmt[j++];
    const code = parseInt(digits, 16);
    // a character the locale cannot hold stays an escape, its digits in capitals (bash)
    if (digits && !utf8 && code >= 0x80) return { text: `\\${n}${digits.toUpperCase().padStart(n === 'u' ? 4 : 8, '0')}`, next: j };
    if (digits) return { text: String.fromCodePoint(code), next: j };
    warn(`missing unicode digit for \\${n}`);
  }
  return { text: `\\${n}`, next: i + 2 };
}

/** bash's %q: quote so the shell reads the string back unchanged. */
export function shellQuoteQ(s: string, bytes = false): string {
  if (s === '') return "''";
  // in UTF-8 what is not printable: controls, the line and paragraph separators, and bytes
  // that are not UTF-8 (kept as U+DC80..U+DCFF)
  const special = bytes ? /[\x00-\x1f\x7f-\u{10ffff}]/u : /[\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]/;
  if (special.test(s)) {
    const octal = (c: string): string => [...encodeText(c)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
    return `$'${s.replace(/[\\']/g, '\\$&').replace(new RegExp(special.source, 'gu'), (c) => ({ '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' })[c] ?? octal(c))}'`;
  }
  // `~` and `#` only matter at the start of a word
  return s.replace(/[^A-Za-z0-9_@%+=:./~#\u0080-\u{10ffff}-]/gu, '\\$&').replace(/^[~#]/, '\\$&');
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/** strtoimax / strtoumax as bash's printf uses them: out-of-range values clamp with a warning. */
function parseIntArg(arg: string, errors: string[], warnings?: string[], unsigned = false): bigint {
  const v = parseIntArgRaw(arg, errors);
  if (unsigned) {
    if (v > UINT64_MAX || v < -UINT64_MAX) {
      warnings?.push(`warning: ${arg}: Numerical result out of range`);
      return UINT64_MAX;
    }
    return v;
  }
  if (v > INT64_MAX || v < INT64_MIN) {
    warnings?.push(`warning: ${arg}: Numerical result out of range`);
    return v > 0n ? INT64_MAX : INT64_MIN;
  }
  return v;
}

/** bash's sh_invalidnum: the message names the base the text seems to be in. */
function invalidNumber(arg: string): string {
  const kind = arg[0] === '0' && /^[0-9]$/.test(arg[1] ?? '') ? 'octal ' : arg[0] === '0' && arg[1] === 'x' ? 'hex ' : '';
  return `${arg}: invalid ${kind}number`;
}

function parseIntArgRaw(arg: string, errors: string[]): bigint {
  const t = arg.replace(/^[ \t\n\v\f\r]+/, '');
  if (t === '') return 0n;
  if (/^['"]/.test(t)) return BigInt(charCode(t.slice(1)));
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(t);
  if (!m) {
    errors.push(invalidNumber(arg));
    return 0n;
  }
  const body = m[2]!;
  let v = body.startsWith('0x') || body.startsWith('0X') ? BigInt(body) : body.length > 1 && body.startsWith('0') ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  if (m[1] === '-') v = -v;
  if (m[0].length !== t.length) errors.push(invalidNumber(arg));
  return v;
}

/** bash's getfloatmax: strtold on the argument (a long double), 'c for a character's code;
 * trailing junk is an error but the value read so far is still used. */
function parseFloatArg(arg: string, errors: string[], warnings: string[]): Real {
  if (arg === '') return { kind: 'finite', neg: false, m: 0n, e: 0 };
  if (/^['"]/.test(arg)) return { kind: 'finite', neg: false, m: BigInt(charCode(arg.slice(1))), e: 0 };
  const r = strtold(arg);
  if (r.end === 0 || r.end < arg.length) errors.push(invalidNumber(arg));
  else {
    const text = arg.slice(0, r.end);
    const overflow = r.value.kind === 'inf' && !/inf/i.test(text);
    const underflow = isZero(r.value) && /[1-9]/.test(text.replace(/[eEpP].*$/, ''));
    if (overflow || underflow) warnings.push(`warning: ${arg}: Numerical result out of range`);
  }
  return r.value;
}

/** A non-UTF-8 locale for the call under way ('x is then the first byte's value). */
let byteLocale = false;

function charCode(s: string): number {
  return byteLocale ? (encodeText(s)[0] ?? 0) : (s.codePointAt(0) ?? 0);
}

const INT_MAX = 2147483647;

/** Widths and precisions count bytes, as the C library's printf does. */
function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encodeText(s).length;
}

function byteSlice(s: string, n: number): string {
  return /^[\x00-\x7f]*$/.test(s) ? s.slice(0, n) : decodeBytes(encodeText(s).slice(0, n));
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  const size = byteLength(s);
  if (size >= width) return s;
  if (size !== s.length) return left ? s + ' '.repeat(width - size) : ' '.repeat(width - size) + s;
  if (left) return s.padEnd(width);
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0]! : '';
    const prefix = /^[-+ ]?0[xX]/.test(s) ? s.slice(0, sign.length + 2) : sign;
    return prefix + s.slice(prefix.length).padStart(width - prefix.length, '0');
  }
  return s.padStart(width);
}

/** The machine's clock for %(fmt)T: now, and when the shell started (arguments -1 and -2), in ms. */
export interface PrintfClock {
  now: number;
  started: number;
  /** A non-UTF-8 locale: %q escapes the bytes past ASCII, \u escapes stay as written. */
  bytesQuote?: boolean;
  /** The zone %(...)T shows times in (UTC when not given). */
  tz?: TimeZone;
}

export function formatPrintf(format: string, args: string[], clock?: PrintfClock): PrintfResult {
  byteLocale = clock?.bytesQuote === true;
  try {
    return formatPrintfIn(format, args, clock);
  } finally {
    byteLocale = false;
  }
}

function formatPrintfIn(format: string, args: string[], clock?: PrintfClock): PrintfResult {
  // every message also goes to `messages`, in the order they happened
  const messages: string[] = [];
  const messageAt: number[] = [];
  let out = '';
  const errors = logged(messages, messageAt, () => out.length);
  const warnings = logged(messages, messageAt, () => out.length);
  const assigns: [string, number][] = [];
  let argi = 0;
  const next = (): string | undefined => (argi < args.length ? args[argi++] : undefined);
  // each pass but the last takes at least one argument
  for (let pass = 0; pass <= args.length; pass++) {
    let consumed = false;
    /** A conversion's width and precision: digits, or `*` taking the next argument (a negative width left-justifies). */
    const sizes = (flags: string, w: string | undefined, p: string | undefined): { width: number; left: boolean; prec: number | undefined; overflow: boolean } => {
      let width = 0;
      let left = flags.includes('-');
      if (w === '*') {
        const v = Number(parseIntArg(next() ?? '0', errors));
        consumed = true;
        if (v < 0) left = true;
        width = Math.abs(v);
      } else if (w) width = Number(w);
      let prec: number | undefined;
      if (p === '*') {
        prec = Number(parseIntArg(next() ?? '0', errors));
        consumed = true;
        // a negative precision from an argument counts as none
        if (prec < 0) prec = undefined;
      } else if (p !== undefined) prec = Number(p || '0');
      // past INT_MAX the C library's printf fails (EOVERFLOW): the conversion prints nothing
      if (width > INT_MAX || (prec ?? 0) > INT_MAX) return { width: 0, left, prec: undefined, overflow: true };
      return { width, left, prec, overflow: false };
    };
    for (let i = 0; i < format.length; ) {
      const c = format[i]!;
      if (c === '\\') {
        // bash stops at \c only in a %b argument; in the format it is two plain characters
        const e = formatEscape(format, i, !clock?.bytesQuote, (w) => warnings.push(w));
        out += e.text;
        i = e.next;
        continue;
      }
      if (c !== '%') {
        out += c;
        i++;
        continue;
      }
      if (format[i + 1] === '%') {
        out += '%';
        i += 2;
        continue;
      }
      // %(FORMAT)T: the argument (seconds since the epoch; -1 or none: now) through strftime
      const tm = /^%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?\(([^)]*)\)(.?)/.exec(format.slice(i));
      if (tm) {
        if (tm[5] !== 'T') {
          // bash warns and prints the directive as text
          warnings.push(`warning: \`${tm[5] || ''}': invalid time format specification`);
          out += '%';
          i++;
          continue;
        }
        i += tm[0].length;
        // (bash lays %(...)T out itself: a precision past INT_MAX just keeps the whole text)
        const { width, left, prec, overflow: overflowT } = sizes(tm[1] ?? '', tm[2], tm[3] !== undefined && tm[3].length > 9 && Number(tm[3]) > INT_MAX ? undefined : tm[3]);
        const arg = next();
        if (arg !== undefined) consumed = true;
        const secs = arg === undefined ? -1n : parseIntArg(arg, errors, warnings);
        // -1 is now, -2 the shell's start (the machine's clock; no clock given: the epoch)
        const ms = secs === -1n ? (clock?.now ?? 0) : secs === -2n ? (clock?.started ?? 0) : Number(secs) * 1000;
        let text = strftime(tm[4] || '%X', Math.floor(ms / 1000) * 1000, undefined, clock?.tz, { glibc: true });
        if (prec !== undefined) text = text.slice(0, prec);
        if (!overflowT) out += pad(text, width, left, false);
        continue;
      }
      const m = /^%([-+ #0']*)(\*|\d+)?(?:\.(\*|\d*))?([hlLjzt]*)([a-zA-Z])?/.exec(format.slice(i));
      if (!m || !m[5]) {
        // bash: "`%5': missing format character" when the format ends inside a conversion
        const spec = m ? m[0] : '%';
        if (i + spec.length >= format.length) errors.push(`\`${spec}': missing format character`);
        else errors.push(`\`${format[i + spec.length]}': invalid format character`);
        return { out, errors, stopped: true, warnings, messages, messageAt, assigns };
      }
      i += m[0].length;
      const flags = m[1]!;
      const { width, left, prec, overflow } = sizes(flags, m[2], m[3]);
      const conv = m[5];
      const arg = next();
      if (arg !== undefined) consumed = true;
      const zero = flags.includes('0') && !left;
      const mark = out.length;
      switch (conv) {
        case 's': {
          let s = arg ?? '';
          if (prec !== undefined) s = byteSlice(s, prec);
          out += pad(s, width, left, false);
          break;
        }
        case 'b': {
          const r = echoEscapes(arg ?? '', clock?.bytesQuote === undefined ? undefined : !clock.bytesQuote, false, (w) => warnings.push(w));
          let s = r.text;
          if (prec !== undefined) s = byteSlice(s, prec);
          out += pad(s, width, left, false);
          if (r.stopped) return { out, errors, stopped: true, warnings, messages, messageAt, assigns };
          break;
        }
        case 'n':
          // %n names a variable that gets the number of bytes written so far
          if (arg) {
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg)) {
              errors.push(`\`${arg}': not a valid identifier`);
              return { out, errors, stopped: true, warnings, messages, messageAt, assigns };
            }
            assigns.push([arg, byteLength(out)]);
          }
          break;
        case 'q':
        case 'Q': {
          // %q cuts the quoted text to the precision; %Q (bash 5.2) cuts the argument, then quotes it
          const raw = conv === 'Q' && prec !== undefined ? byteSlice(arg ?? '', prec) : arg ?? '';
          let s = shellQuoteQ(raw, clock?.bytesQuote);
          if (conv === 'q' && prec !== undefined) s = byteSlice(s, prec);
          out += pad(s, width, left, false);
          break;
        }
        case 'c':
          // an empty or missing argument is the NUL character
          out += pad(byteSlice(arg ?? '', 1) || '\0', width, left, false);
          break;
        case 'd':
        case 'i':
        case 'o':
        case 'u':
        case 'x':
        case 'X': {
          let v = parseIntArg(arg ?? '0', errors, warnings, conv !== 'd' && conv !== 'i');
          let s: string;
          if (conv === 'd' || conv === 'i') s = v.toString();
          else {
            if (v < 0n) v = BigInt.asUintN(64, v);
            s = v.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
            if (conv === 'X') s = s.toUpperCase();
            if (flags.includes('#') && v !== 0n) s = conv === 'x' ? `0x${s}` : conv === 'X' ? `0X${s}` : s;
          }
          if (prec !== undefined) {
            const neg = s.startsWith('-');
            const digits = neg ? s.slice(1) : s;
            s = (neg ? '-' : '') + (prec === 0 && digits === '0' ? '' : digits.padStart(prec, '0'));
          }
          // %#o: the precision grows until the first digit is a zero (0 stays 0, even at %.0)
          if (conv === 'o' && flags.includes('#') && !s.startsWith('0')) s = `0${s}`;
          if ((conv === 'd' || conv === 'i') && !s.startsWith('-')) {
            if (flags.includes('+')) s = `+${s}`;
            else if (flags.includes(' ')) s = ` ${s}`;
          }
          out += pad(s, width, left, zero && prec === undefined);
          break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
          out += formatFloat(parseFloatArg(arg ?? '', errors, warnings), { flags: flags + (zero ? '0' : '') + (left ? '-' : ''), width, prec, conv });
          break;
        default:
          errors.push(`\`${conv}': invalid format character`);
          return { out, errors, stopped: true, warnings, messages, messageAt, assigns };
      }
      if (overflow) out = out.slice(0, mark);
    }
    if (!consumed || argi >= args.length) break;
  }
  return { out, errors, stopped: false, warnings, messages, messageAt, assigns };
}
