// The format engine of coreutils stat (print_it and the out_* helpers): %-directives with
// printf flags, width and precision, %H/%L modifiers, %N-style seconds with a fraction
// (out_epoch_sec), and --printf's backslash escapes.
import { formatPrintf } from './printf';
import { quote } from './quote';

const PRINTF_FLAGS = "'-+ #0I";

export class InvalidDirective extends Error {
  /** What the format had produced before the bad directive (stat prints it first). */
  partial = '';
}

/**
 * make_format on the directive's buffer: keep only the flags the conversion allows and add the
 * conversion letter, rewriting the buffer in place as stat.c does (a second conversion from the
 * same directive, %N's link target, reads the rewritten prefix). The printf format, to its NUL.
 */
export function makeFormat(buf: string[], prefixLen: number, allowed: string, conv: string): string {
  let dst = 1;
  let src = 1;
  for (; src < prefixLen && PRINTF_FLAGS.includes(buf[src]!); src++) if (allowed.includes(buf[src]!)) buf[dst++] = buf[src]!;
  while (src < prefixLen) buf[dst++] = buf[src++]!;
  for (const c of `${conv}\0`) buf[dst++] = c;
  const s = buf.join('');
  // the ' flag (thousands grouping) does nothing in the C locale
  return s.slice(0, s.indexOf('\0')).replace("'", '');
}

function fmt(pformat: string, allowed: string, conv: string, arg: string): string {
  return formatPrintf(makeFormat([...pformat], pformat.length, allowed, conv), [arg]).out;
}

/** out_string on a directive buffer that is kept between calls (see makeFormat). */
export const outStringIn = (buf: string[], prefixLen: number, s: string): string =>
  formatPrintf(makeFormat(buf, prefixLen, '-', 's'), [s]).out;

export const outString = (p: string, s: string): string => fmt(p, '-', 's', s);
export const outInt = (p: string, n: number | bigint): string => fmt(p, "'-+ 0", 'd', String(n));
export const outUint = (p: string, n: number | bigint): string => fmt(p, "'-0", 'u', String(n));
export const outOct = (p: string, n: number): string => fmt(p, '-#0', 'o', String(n));
export const outHex = (p: string, n: number | bigint): string => fmt(p, '-#0', 'x', String(n));

/** out_epoch_sec: seconds, then with a '.' in the directive a fraction of PRECISION digits. */
export function outEpochSec(pformatIn: string, secIn: number, ns: number): string {
  let pformat = pformatIn;
  const dot = pformat.indexOf('.');
  let secPrefix = pformat;
  let width = 0;
  let precision = 0;
  let fracLeftAdjust = false;
  if (dot >= 0) {
    secPrefix = pformat.slice(0, dot);
    const after = /^\d+/.exec(pformat.slice(dot + 1));
    precision = after ? Math.min(Number(after[0]), 2 ** 31 - 1) : 9;
    if (precision && /\d/.test(pformat[dot - 1] ?? '')) {
      let p = dot;
      do p--;
      while (/\d/.test(pformat[p - 1] ?? ''));
      width = Number(pformat.slice(p, dot));
      if (width > 1) {
        if (pformat[p] === '0') p++;
        secPrefix = pformat.slice(0, p);
        const wd = width > 1 ? width - 1 : 0;
        if (wd > 1) {
          const w = wd - precision;
          if (w > 1) {
            let dst = '';
            for (const c of pformat.slice(0, p)) {
              if (c === '-') fracLeftAdjust = true;
              else dst += c;
            }
            secPrefix = fracLeftAdjust ? dst : `${dst}${w}`;
          }
        }
      }
    }
  }
  pformat = secPrefix;
  let divisor = 1;
  for (let i = precision; i < 9; i++) divisor *= 10;
  let frac = Math.floor(ns / divisor);
  let sec = secIn;
  let intText: string;
  if (sec < 0 && ns !== 0) {
    frac = 1e9 / divisor - frac - (ns % divisor !== 0 ? 1 : 0);
    if (frac !== 0) sec += 1;
  }
  if (sec === 0 && secIn < 0) intText = fmt(pformat, "'-+ 0", '.0f', '-0.25');
  else intText = outInt(pformat, sec);
  let out = intText;
  if (precision) {
    const prec = Math.min(precision, 9);
    const trailingPrec = precision - prec;
    const ilen = intText.length;
    const trailingWidth = ilen < width && 1 < width - ilen ? width - ilen - 1 - prec : 0;
    out += `.${String(frac).padStart(prec, '0')}`;
    // printf("%-*.*d", trailing_width, trailing_prec, 0)
    const zeros = trailingPrec > 0 ? '0'.repeat(trailingPrec) : '';
    out += zeros.padEnd(Math.abs(trailingWidth), ' ');
  }
  return out;
}

export interface FormatResult {
  out: string;
  warnings: string[];
}

const ESC: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/**
 * print_it: expands FORMAT, calling `directive(pformat, mod, conv)` for each %-directive.
 * Throws InvalidDirective (with stat's message) for things like '%5%'.
 */
export async function expandFormat(
  format: string,
  escapes: boolean,
  allowHL: boolean,
  /** `flush` writes out the text made so far (before a directive's own error message). */
  directive: (pformat: string, mod: string, conv: string, flush: () => Promise<void>) => Promise<string>,
  /** Given, each warning goes out as it arises, after the text made before it (stat's error() flushes stdout). */
  warn?: (before: string, message?: string) => Promise<void>,
): Promise<FormatResult> {
  let out = '';
  const warnings: string[] = [];
  const warning = async (message: string): Promise<void> => {
    if (!warn) {
      warnings.push(message);
      return;
    }
    await warn(out, message);
    out = '';
  };
  const flush = async (): Promise<void> => {
    if (!warn) return;
    await warn(out);
    out = '';
  };
  for (let b = 0; b < format.length; b++) {
    const c = format[b]!;
    if (c === '%') {
      let len = 1;
      while (b + len < format.length && PRINTF_FLAGS.includes(format[b + len]!)) len++;
      while (/\d/.test(format[b + len] ?? '')) len++;
      if (format[b + len] === '.') {
        len++;
        while (/\d/.test(format[b + len] ?? '')) len++;
      }
      const pformat = format.slice(b, b + len);
      let conv = format[b + len] ?? '';
      b += len;
      let mod = '';
      if (conv === '' || conv === '%') {
        if (conv === '') b--;
        if (len > 1) {
          const e = new InvalidDirective(`${quote(pformat + conv)}: invalid directive`);
          e.partial = out;
          throw e;
        }
        out += '%';
        continue;
      }
      if ((conv === 'H' || conv === 'L') && allowHL && (format[b + 1] === 'd' || format[b + 1] === 'r')) {
        mod = conv;
        conv = format[++b]!;
      }
      // (read `out` after the directive: it may have flushed it)
      const text = await directive(pformat, mod, conv, flush);
      out += text;
      continue;
    }
    if (c === '\\' && escapes) {
      const n = format[++b];
      if (n === undefined) {
        await warning('warning: backslash at end of format');
        out += '\\';
        b--;
      } else if (/[0-7]/.test(n)) {
        let v = Number(n);
        let k = 1;
        while (k < 3 && /[0-7]/.test(format[b + 1] ?? '')) {
          v = v * 8 + Number(format[++b]);
          k++;
        }
        out += String.fromCharCode(v & 0xff);
      } else if (n === 'x' && /[0-9a-fA-F]/.test(format[b + 1] ?? '')) {
        let digits = format[++b]!;
        if (/[0-9a-fA-F]/.test(format[b + 1] ?? '')) digits += format[++b];
        out += String.fromCharCode(parseInt(digits, 16));
      } else {
        if (!(n in ESC)) await warning(`warning: unrecognized escape '\\${n}'`);
        out += ESC[n] ?? n;
      }
      continue;
    }
    out += c;
  }
  return { out, warnings };
}
