// od's output types (coreutils od.c decode_one_format and the print_* functions): named and
// C-style characters, integers of 1, 2, 4 and 8 bytes in octal, decimal and hex, and floats
// printed with the fewest digits that read back the same (gnulib ftoastr).
import { formatFloat, fromNumber, strtold, type Real } from './cfloat';
import { ql } from './textio';

export interface TypeSpec {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x' | 'f';
  size: number;
  width: number;
  trailer: boolean;
  pad: number;
}

const OCT = [0, 3, 6, 8, 11, 14, 16, 19, 22];
const SDEC = [1, 4, 6, 8, 11, 13, 16, 18, 20];
const UDEC = [0, 3, 5, 8, 10, 13, 15, 17, 20];
const HEX = [0, 2, 4, 6, 8, 10, 12, 14, 16];
const FLOAT_WIDTH: Record<number, number> = { 4: 15, 8: 24, 16: 29 };
const INT_SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };
const FLOAT_SIZES: Record<string, number> = { F: 4, D: 8, L: 16 };

/** decode_format_string: the types in a -t argument, or the error message. */
export function decodeTypes(arg: string): TypeSpec[] | string {
  const out: TypeSpec[] = [];
  let i = 0;
  while (i < arg.length) {
    const c = arg[i]!;
    let spec: TypeSpec;
    if (c === 'd' || c === 'o' || c === 'u' || c === 'x' || c === 'f') {
      i++;
      let size: number;
      const letter = arg[i] ?? '';
      const table = c === 'f' ? FLOAT_SIZES : INT_SIZES;
      if (letter in table) {
        size = table[letter]!;
        i++;
      } else {
        const m = /^\d+/.exec(arg.slice(i));
        if (!m) size = c === 'f' ? 8 : 4;
        else {
          size = Number(m[0]);
          const ok = c === 'f' ? size === 4 || size === 8 || size === 16 : size === 1 || size === 2 || size === 4 || size === 8;
          if (m[0].length > 19) return `invalid type string ${ql(arg)}`;
          if (!ok) return `invalid type string ${ql(arg)};\nthis system doesn't provide a ${size}-byte ${c === 'f' ? 'floating point' : 'integral'} type`;
          i += m[0].length;
        }
      }
      const width = c === 'f' ? FLOAT_WIDTH[size]! : (c === 'd' ? SDEC : c === 'o' ? OCT : c === 'u' ? UDEC : HEX)[size]!;
      spec = { kind: c, size, width, trailer: false, pad: 0 };
    } else if (c === 'a' || c === 'c') {
      i++;
      spec = { kind: c, size: 1, width: 3, trailer: false, pad: 0 };
    } else return `invalid character '${c}' in type string ${ql(arg)}`;
    if (arg[i] === 'z') {
      spec.trailer = true;
      i++;
    }
    out.push(spec);
  }
  return out;
}

const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si',
  'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp'];
const C_ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };

/** ftoastr: %g with the fewest digits (from FLT_DIG/DBL_DIG on) that parse back the same. */
function shortest(x: number, size: number): string {
  const minNormal = size === 4 ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
  const start = Math.abs(x) < minNormal ? 1 : size === 4 ? 6 : 15;
  const bound = size === 4 ? 9 : 17;
  const r: Real = fromNumber(x);
  for (let prec = start; ; prec++) {
    const s = formatFloat(r, { flags: '', width: 0, prec, conv: 'g' });
    const back = Number(s);
    if (prec >= bound || Number.isNaN(x) || (size === 4 ? Math.fround(back) === x : back === x)) return s;
  }
}

/** 80-bit x87 extended value (the first 10 of 16 bytes) as a Real. */
function extended(view: DataView, off: number, little: boolean): Real {
  const b = (k: number): number => view.getUint8(off + (little ? k : 15 - k));
  let m = 0n;
  for (let k = 7; k >= 0; k--) m = (m << 8n) | BigInt(b(k));
  const se = (b(9) << 8) | b(8);
  const neg = (se & 0x8000) !== 0;
  const exp = se & 0x7fff;
  if (exp === 0x7fff) return (m & ((1n << 63n) - 1n)) === 0n ? { kind: 'inf', neg } : { kind: 'nan', neg };
  // an "unnormal" (exponent set, integer bit clear) is invalid: glibc prints it as nan
  if (exp !== 0 && m >> 63n === 0n) return { kind: 'nan', neg };
  return { kind: 'finite', neg, m, e: (exp === 0 ? 1 : exp) - 16383 - 63 };
}

/**
 * strtold of a %g text, where below LDBL_MIN an x87 value keeps only the mantissa bits at or
 * above 2^-16445 (rounded once, half to even, from the exact decimal value).
 */
function readBack(text: string): Real {
  const MIN_E = 1 - 16383 - 63;
  const r = strtold(text).value;
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]\d+))?$/.exec(text);
  if (r.kind !== 'finite' || r.m === 0n || r.e >= MIN_E || !m) return r;
  const frac = m[3] ?? '';
  const exp10 = Number(m[4] ?? 0) - frac.length;
  let num = BigInt(m[2]! + frac) << BigInt(-MIN_E);
  let den = 1n;
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den = 10n ** BigInt(-exp10);
  const q = num / den;
  const twice = (num - q * den) * 2n;
  const mant = twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
  return { kind: 'finite', neg: m[1] === '-', m: mant, e: MIN_E };
}

function sameReal(a: Real, b: Real): boolean {
  if (a.kind !== 'finite' || b.kind !== 'finite') return a.kind === b.kind;
  if (a.m === 0n || b.m === 0n) return a.m === b.m;
  // compare m*2^e with both mantissas normalised to the same bit length
  const shift = (x: { m: bigint; e: number }): [bigint, number] => {
    const bits = x.m.toString(2).length;
    return bits < 64 ? [x.m << BigInt(64 - bits), x.e - (64 - bits)] : [x.m, x.e];
  };
  const [ma, ea] = shift(a);
  const [mb, eb] = shift(b);
  return a.neg === b.neg && ma === mb && ea === eb;
}

/** The text of one field (without padding). */
function field(spec: TypeSpec, view: DataView, off: number, little: boolean): string {
  const byte = view.getUint8(off);
  switch (spec.kind) {
    case 'a': {
      const c = byte & 0x7f;
      return c === 127 ? 'del' : c <= 32 ? NAMES[c]! : String.fromCharCode(c);
    }
    case 'c':
      return C_ESC[byte] ?? (byte >= 32 && byte < 127 ? String.fromCharCode(byte) : byte.toString(8).padStart(3, '0'));
    case 'f': {
      if (spec.size === 16) {
        const r = extended(view, off, little);
        const sub = r.kind === 'finite' && r.m < 1n << 63n;
        for (let prec = sub ? 1 : 18; ; prec++) {
          const text = formatFloat(r, { flags: '', width: 0, prec, conv: 'g' });
          if (prec >= 21 || r.kind !== 'finite' || sameReal(readBack(text), r)) return text;
        }
      }
      const x = spec.size === 4 ? view.getFloat32(off, little) : view.getFloat64(off, little);
      return shortest(x, spec.size);
    }
    default: {
      let v: bigint;
      if (spec.size === 1) v = BigInt(spec.kind === 'd' ? view.getInt8(off) : byte);
      else if (spec.size === 2) v = BigInt(spec.kind === 'd' ? view.getInt16(off, little) : view.getUint16(off, little));
      else if (spec.size === 4) v = BigInt(spec.kind === 'd' ? view.getInt32(off, little) : view.getUint32(off, little));
      else v = spec.kind === 'd' ? view.getBigInt64(off, little) : view.getBigUint64(off, little);
      if (spec.kind === 'o') return v.toString(8).padStart(spec.width, '0');
      if (spec.kind === 'x') return v.toString(16).padStart(spec.width, '0');
      return v.toString();
    }
  }
}

/** One output line of a spec: `fields` slots, the last `blank` of them empty (od.c PRINT_FIELDS). */
export function formatLine(spec: TypeSpec, block: Uint8Array, fields: number, blank: number, little: boolean): string {
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let out = '';
  let padRemaining = spec.pad;
  let off = 0;
  for (let i = fields; i > blank; i--) {
    const nextPad = Math.floor((spec.pad * (i - 1)) / fields);
    out += field(spec, view, off, little).padStart(padRemaining - nextPad + spec.width);
    off += spec.size;
    padRemaining = nextPad;
  }
  return out;
}

/** The hexl-style ">...<" trailer of a 'z' type. */
export function trailer(block: Uint8Array, n: number): string {
  let s = '  >';
  for (let i = 0; i < n; i++) {
    const c = block[i]!;
    s += c >= 32 && c < 127 ? String.fromCharCode(c) : '.';
  }
  return `${s}<`;
}
