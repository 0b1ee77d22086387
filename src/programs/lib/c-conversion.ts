// One printf conversion as the C library prints it, for programs whose formats come from
// the user (hexdump -e): integers with flags, width and precision, %c, %s and the floats.
import { formatFloat, fromNumber } from './cfloat';

export interface ConvSpec {
  flags: string;
  width: number | undefined;
  prec: number | undefined;
  conv: string;
}

function pad(body: string, sign: string, spec: ConvSpec, zeroOk: boolean): string {
  const width = spec.width ?? 0;
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (spec.flags.includes('-')) return (sign + body).padEnd(width);
  if (zeroOk && spec.flags.includes('0')) {
    const prefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return sign + prefix + body.slice(prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return (sign + body).padStart(width);
}

/** %d %i %o %u %x %X of an integer value. */
export function formatInt(value: bigint, spec: ConvSpec): string {
  const { conv, flags, prec } = spec;
  const neg = value < 0n;
  const mag = neg ? -value : value;
  const radix = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = mag.toString(radix);
  if (conv === 'X') digits = digits.toUpperCase();
  if (prec !== undefined) digits = prec === 0 && mag === 0n ? '' : digits.padStart(prec, '0');
  if (flags.includes('#')) {
    if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    else if ((conv === 'x' || conv === 'X') && mag !== 0n) digits = `0${conv}${digits}`;
  }
  const signed = conv === 'd' || conv === 'i';
  const sign = neg ? '-' : signed && flags.includes('+') ? '+' : signed && flags.includes(' ') ? ' ' : '';
  return pad(digits, sign, spec, prec === undefined);
}

export function formatStr(s: string, spec: ConvSpec): string {
  const body = spec.prec !== undefined ? s.slice(0, spec.prec) : s;
  return pad(body, '', spec, false);
}

export function formatChar(code: number, spec: ConvSpec): string {
  return pad(String.fromCharCode(code & 0xff), '', spec, false);
}

export function formatDouble(x: number, spec: ConvSpec): string {
  return formatFloat(fromNumber(x), { flags: spec.flags, width: spec.width ?? 0, prec: spec.prec, conv: spec.conv });
}
