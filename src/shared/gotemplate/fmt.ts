// Go's fmt.Sprint, Sprintln and Sprintf over the JS stand-ins for Go values (see values.ts).
// The structure follows src/fmt/print.go and format.go: flags, width and precision; %v of
// maps as map[k:v] in sorted key order, slices as [a b], structs as {a b} (&{...} through a
// pointer), nil as <nil>; wrong verbs as %!d(string=x). Sprintf's format parsing is in printf.ts.

import { formatFloat } from './ftoa';
import { canBackquote, isPrint, quote, quoteRune } from './strconv';
import { runeCount, utf8Bytes } from './utf8';
import { dataEntries, isRecord, kindOf, numberValue, sortedKeys, typeNameOf } from './values';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  widPresent: boolean;
  precPresent: boolean;
  wid: number;
  prec: number;
}

export function noFlags(): Flags {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, widPresent: false, precPresent: false, wid: 0, prec: 0 };
}

// Go prints the address of a pointer nested in a value; there is no address here, so a fixed,
// plausible one keeps output deterministic.
const FAKE_ADDRESS = '0xc000010000';

function methodOf(v: unknown, name: string): ((...a: unknown[]) => unknown) | undefined {
  if (!isRecord(v)) return undefined;
  const m = (v as Record<string, unknown>)[name];
  return typeof m === 'function' ? (m as (...a: unknown[]) => unknown) : undefined;
}

export class Printer {
  buf = '';
  f: Flags = noFlags();
  private erroring = false;
  reordered = false;
  goodArgNum = true;

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    return Array.from(s).slice(0, Math.max(this.f.prec, 0)).join('');
  }

  badVerb(verb: string, value: unknown): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (value === null || value === undefined) this.buf += '<nil>';
    else {
      this.buf += typeNameOf(value) + '=';
      this.printArg(value, 'v');
    }
    this.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
    else this.badVerb(verb, v);
  }

  /** fmt.integer: a is the value, base 2/8/10/16. */
  private integer(a: bigint, base: number, signed: boolean, verb: string, upper: boolean): void {
    const f = this.f;
    const negative = signed && a < 0n;
    if (negative) a = -a;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && a === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = a.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = oldZero;
  }

  private fmtInteger(v: number, signed: boolean, verb: string, value: unknown): void {
    const a = typeof value === 'bigint' ? value : BigInt(Math.trunc(v));
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !signed) {
          const old = this.f.sharp;
          this.f.sharp = true;
          this.integer(a, 16, false, 'v', false);
          this.f.sharp = old;
        } else this.integer(a, 10, signed, verb, false);
        return;
      case 'd': return this.integer(a, 10, signed, verb, false);
      case 'b': return this.integer(a, 2, signed, verb, false);
      case 'o':
      case 'O': return this.integer(a, 8, signed, verb, false);
      case 'x': return this.integer(a, 16, signed, verb, false);
      case 'X': return this.integer(a, 16, signed, verb, true);
      case 'c': {
        const c = v < 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff) ? 0xfffd : v;
        return this.pad(String.fromCodePoint(c));
      }
      case 'q': return this.pad(quoteRune(v, this.f.plus));
      case 'U': {
        let prec = 4;
        if (this.f.precPresent && this.f.prec > 4) prec = this.f.prec;
        let s = 'U+' + a.toString(16).toUpperCase().padStart(prec, '0');
        if (this.f.sharp && v >= 0 && v <= 0x10ffff && isPrint(v)) s += " '" + String.fromCodePoint(v) + "'";
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.pad(s);
        this.f.zero = oldZero;
        return;
      }
    }
    this.badVerb(verb, value);
  }

  private formatFloatNum(v: number, verb: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb, prec);
    if (num[0] !== '-' && num[0] !== '+') num = '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtFloat(v: number, verb: string, value: unknown): void {
    switch (verb) {
      case 'v': return this.formatFloatNum(v, 'g', -1);
      // %b, %x and %X (binary and hex floats) are not reproduced; they fall back to %g.
      case 'b': case 'g': case 'x': case 'X': return this.formatFloatNum(v, 'g', -1);
      case 'G': return this.formatFloatNum(v, 'G', -1);
      case 'f': case 'F': return this.formatFloatNum(v, 'f', 6);
      case 'e': return this.formatFloatNum(v, 'e', 6);
      case 'E': return this.formatFloatNum(v, 'E', 6);
    }
    this.badVerb(verb, value);
  }

  private fmtSbx(s: string, digits: string): void {
    const f = this.f;
    const bytes = utf8Bytes(s);
    let length = bytes.length;
    if (f.precPresent && f.prec < length) length = f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) width += 2;
    } else {
      if (f.widPresent) this.writePadding(f.wid);
      return;
    }
    if (f.widPresent && f.wid > width && !f.minus) this.writePadding(f.wid - width);
    let out = '';
    const x = digits === 'X' ? '0X' : '0x';
    if (f.sharp) out += x;
    for (let i = 0; i < length; i++) {
      if (f.space && i > 0) {
        out += ' ';
        if (f.sharp) out += x;
      }
      const h = (bytes[i] ?? 0).toString(16).padStart(2, '0');
      out += digits === 'X' ? h.toUpperCase() : h;
    }
    this.buf += out;
    if (f.widPresent && f.wid > width && f.minus) this.writePadding(f.wid - width);
  }

  private fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) this.pad('`' + s + '`');
    else this.pad(quote(s, this.f.plus));
  }

  fmtString(s: string, verb: string, value: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) this.fmtQ(s);
        else this.pad(this.truncate(s));
        return;
      case 's': return this.pad(this.truncate(s));
      case 'x': return this.fmtSbx(s, 'x');
      case 'X': return this.fmtSbx(s, 'X');
      case 'q': return this.fmtQ(s);
    }
    this.badVerb(verb, value);
  }

  /** A String() or Error() method stands for Go's Stringer and error interfaces. */
  private handleMethods(v: unknown, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (!'vsxXq'.includes(verb)) return false;
    const m = methodOf(v, 'Error') ?? methodOf(v, 'String');
    if (!m || m.length !== 0) return false;
    let s: string;
    try {
      s = String(m.call(v));
    } catch (e) {
      this.buf += `%!${verb}(PANIC=${methodOf(v, 'Error') ? 'Error' : 'String'} method: ${e instanceof Error ? e.message : String(e)})`;
      return true;
    }
    this.fmtString(s, verb, s);
    return true;
  }

  printArg(arg: unknown, verb: string): void {
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.pad(this.truncate(typeNameOf(arg)));
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printValue(v: unknown, verb: string, depth: number): void {
    if (depth > 0 && v !== undefined && v !== null && this.handleMethods(v, verb)) return;
    const kind = kindOf(v);
    switch (kind) {
      case 'invalid':
        if (depth === 0) this.buf += '<invalid reflect.Value>';
        else if (verb === 'v') this.buf += '<nil>';
        else this.badVerb(verb, undefined);
        return;
      case 'nil':
        this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool': return this.fmtBool(v as boolean, verb);
      case 'int':
      case 'uint': return this.fmtInteger(numberValue(v), kind === 'int', verb, v);
      case 'float': return this.fmtFloat(numberValue(v), verb, v);
      case 'string': return this.fmtString(v as string, verb, v);
      case 'func':
        if (verb === 'v') this.buf += this.f.sharpV ? `(${typeNameOf(v)})(${FAKE_ADDRESS})` : FAKE_ADDRESS;
        else this.badVerb(verb, v);
        return;
    }
    if (depth === 0 && this.handleMethods(v, verb)) return;
    const name = typeNameOf(v);
    if (kind === 'slice') {
      const arr = v as unknown[];
      this.buf += this.f.sharpV ? name + '{' : '[';
      arr.forEach((e, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
      return;
    }
    const obj = v as Record<string, unknown>;
    if (kind === 'map') {
      this.buf += this.f.sharpV ? name + '{' : 'map[';
      sortedKeys(obj).forEach((k, i) => {
        if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.buf += ':';
        this.printValue(obj[k], verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
      return;
    }
    // struct
    if (name.startsWith('*')) {
      if (depth > 0) {
        this.buf += this.f.sharpV ? `(${name})(${FAKE_ADDRESS})` : FAKE_ADDRESS;
        return;
      }
      this.buf += '&';
      depth++;
    }
    if (this.f.sharpV) this.buf += name.replace(/^\*/, '');
    this.buf += '{';
    dataEntries(obj).forEach(([k, e], i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      if (this.f.plusV || this.f.sharpV) this.buf += k + ':';
      this.printValue(e, verb, depth + 1);
    });
    this.buf += '}';
  }
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((a, i) => {
    const isString = typeof a === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.f = noFlags();
    p.printArg(a, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: always spaces between operands, and a newline. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((a, i) => {
    if (i > 0) p.buf += ' ';
    p.f = noFlags();
    p.printArg(a, 'v');
  });
  return p.buf + '\n';
}
