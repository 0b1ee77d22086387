// fmt.Sprintf's format parsing (doPrintf in src/fmt/print.go): flags, width and precision
// (also from arguments with *), explicit argument indexes [n], and the error forms
// %!d(MISSING), %!(EXTRA type=value), %!(NOVERB), %!(BADWIDTH), %!(BADPREC), %!v(BADINDEX).

import { noFlags, Printer } from './fmt';
import { kindOf, numberValue, typeNameOf } from './values';

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

function parseNum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  if (start >= end) return { num: 0, ok: false, next: end };
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s[i]! >= '0' && s[i]! <= '9'; i++) {
    if (tooLarge(num)) return { num: 0, ok: false, next: end };
    num = num * 10 + (s.charCodeAt(i) - 48);
    ok = true;
  }
  return { num, ok, next: i };
}

function argNumber(p: Printer, argNum: number, format: string, i: number, numArgs: number): { argNum: number; i: number; found: boolean } {
  if (format.length <= i || format[i] !== '[') return { argNum, i, found: false };
  p.reordered = true;
  const close = format.indexOf(']', i + 1);
  if (format.length - i < 3 || close < 0) {
    p.goodArgNum = false;
    return { argNum, i: i + 1, found: false };
  }
  const n = parseNum(format, i + 1, close);
  if (!n.ok || n.next !== close) {
    p.goodArgNum = false;
    return { argNum, i: close + 1, found: false };
  }
  const index = n.num - 1;
  if (index >= 0 && index < numArgs) return { argNum: index, i: close + 1, found: true };
  p.goodArgNum = false;
  return { argNum, i: close + 1, found: true };
}

function intFromArg(args: readonly unknown[], argNum: number): { num: number; isInt: boolean; argNum: number } {
  if (argNum >= args.length) return { num: 0, isInt: false, argNum };
  const a = args[argNum];
  const k = kindOf(a);
  let num = 0;
  let isInt = false;
  if (k === 'int' || k === 'uint') {
    num = numberValue(a);
    isInt = true;
  }
  if (tooLarge(num)) {
    num = 0;
    isInt = false;
  }
  return { num, isInt, argNum: argNum + 1 };
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let i = 0;
  formatLoop: while (i < end) {
    p.goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++; // skip %
    p.f = noFlags();
    const f = p.f;
    simple: for (; i < end; i++) {
      const c = format[i]!;
      switch (c) {
        case '#': f.sharp = true; break;
        case '0': f.zero = !f.minus; break;
        case '+': f.plus = true; break;
        case '-': f.minus = true; f.zero = false; break;
        case ' ': f.space = true; break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              f.sharpV = f.sharp;
              f.sharp = false;
              f.plusV = f.plus;
              f.plus = false;
            }
            if (c === 'w') p.badVerb(c, args[argNum]);
            else p.printArg(args[argNum], c);
            argNum++;
            i++;
            continue formatLoop;
          }
          break simple;
      }
    }
    let r = argNumber(p, argNum, format, i, args.length);
    argNum = r.argNum;
    i = r.i;
    afterIndex = r.found;
    if (i < end && format[i] === '*') {
      i++;
      const w = intFromArg(args, argNum);
      f.wid = w.num;
      f.widPresent = w.isInt;
      argNum = w.argNum;
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      const n = parseNum(format, i, end);
      f.wid = n.num;
      f.widPresent = n.ok;
      i = n.next;
      if (afterIndex && f.widPresent) p.goodArgNum = false;
    }
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) p.goodArgNum = false;
      r = argNumber(p, argNum, format, i, args.length);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
      if (i < end && format[i] === '*') {
        i++;
        const w = intFromArg(args, argNum);
        f.prec = w.num;
        f.precPresent = w.isInt;
        argNum = w.argNum;
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        const n = parseNum(format, i, end);
        f.prec = n.num;
        f.precPresent = n.ok;
        i = n.next;
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }
    if (!afterIndex) {
      r = argNumber(p, argNum, format, i, args.length);
      argNum = r.argNum;
      i = r.i;
      afterIndex = r.found;
    }
    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0xfffd);
    i += verb.length;
    if (verb === '%') p.buf += '%';
    else if (!p.goodArgNum) p.buf += '%!' + verb + '(BADINDEX)';
    else if (argNum >= args.length) p.buf += '%!' + verb + '(MISSING)';
    else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      if (verb === 'w') p.badVerb(verb, args[argNum]);
      else p.printArg(args[argNum], verb);
      argNum++;
    }
  }
  if (!p.reordered && argNum < args.length) {
    p.f = noFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((a, k) => {
      if (k > 0) p.buf += ', ';
      if (a === null || a === undefined) p.buf += '<nil>';
      else {
        p.buf += typeNameOf(a) + '=';
        p.printArg(a, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
