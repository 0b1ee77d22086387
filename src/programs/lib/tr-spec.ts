// tr's SET strings (coreutils tr.c, C locale): backslash escapes, ranges, [:class:], [=c=],
// [c*n] repeats, expanded one character at a time by a cursor like tr.c's get_next.
import { ql } from './textio';

export type Element =
  | { type: 'char'; c: number }
  | { type: 'range'; first: number; last: number }
  | { type: 'class'; name: string }
  | { type: 'equiv'; c: number }
  | { type: 'repeat'; c: number; count: number };

const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
const isGraph = (c: number): boolean => c > 32 && c < 127;

export const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: isAlpha,
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: isDigit,
  graph: isGraph,
  lower: isLower,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => isGraph(c) && !isAlpha(c) && !isDigit(c),
  space: (c) => (c >= 9 && c <= 13) || c === 32,
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

export class SpecError extends Error {}

/** tr.c make_printable_char. */
function printable(c: number): string {
  const named: Record<number, string> = { 92: '\\\\', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
  if (named[c]) return named[c]!;
  if (c >= 32 && c < 127) return String.fromCharCode(c);
  return `\\${c.toString(8).padStart(3, '0')}`;
}

/** unquote: escapes to bytes, remembering which bytes came from an escape. */
function unquote(s: string, warn: string[]): { s: number[]; escaped: boolean[] } {
  const out: number[] = [];
  const escaped: boolean[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out.push(s.charCodeAt(i));
      escaped.push(false);
      continue;
    }
    const n = s[i + 1];
    let c: number;
    let esc = true;
    const simple: Record<string, number> = { '\\': 92, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
    if (n !== undefined && n in simple) c = simple[n]!;
    else if (n !== undefined && n >= '0' && n <= '7') {
      c = Number(n);
      const d1 = s[i + 2];
      if (d1 !== undefined && d1 >= '0' && d1 <= '7') {
        c = c * 8 + Number(d1);
        i++;
        const d2 = s[i + 2];
        if (d2 !== undefined && d2 >= '0' && d2 <= '7') {
          if (c * 8 + Number(d2) < 256) {
            c = c * 8 + Number(d2);
            i++;
          } else {
            warn.push(`warning: the ambiguous octal escape \\${s[i]}${s[i + 1]}${s[i + 2]} is being\n\tinterpreted as the 2-byte sequence \\0${s[i]}${s[i + 1]}, ${s[i + 2]}`);
          }
        }
      }
    } else if (n === undefined) {
      warn.push('warning: an unescaped backslash at end of string is not portable');
      esc = false;
      i--;
      c = 92;
    } else c = s.charCodeAt(i + 1);
    i++;
    out.push(c);
    escaped.push(esc);
  }
  return { s: out, escaped };
}

/** build_spec_list. */
export function parseSpec(arg: string, warn: string[]): Element[] {
  const { s: p, escaped } = unquote(arg, warn);
  const len = p.length;
  const match = (i: number, c: string): boolean => i < len && p[i] === c.charCodeAt(0) && !escaped[i];
  const list: Element[] = [];
  const text = (from: number, to: number): string => p.slice(from, to).map(printable).join('');
  const starDigitsClose = (idx: number): boolean => {
    if (!match(idx, '*')) return false;
    for (let i = idx + 1; i < len; i++) if (!isDigit(p[i]!) || escaped[i]) return match(i, ']');
    return false;
  };
  /** [c*n] at start (the c): the element and the index after ']', null if not one. */
  const bracketedRepeat = (start: number): { el: Element; next: number } | null => {
    if (!match(start + 1, '*')) return null;
    for (let i = start + 2; i < len && !escaped[i]; i++) {
      if (p[i] !== 93) continue;
      const digits = String.fromCharCode(...p.slice(start + 2, i));
      let count = 0;
      if (digits.length) {
        const ok = digits[0] === '0' ? /^[0-7]+$/.test(digits) : /^\d+$/.test(digits);
        const v = ok ? parseInt(digits, digits[0] === '0' ? 8 : 10) : NaN;
        if (!ok || !(v <= 2 ** 31 - 1)) throw new SpecError(`invalid repeat count ${ql(text(start + 2, i))} in [c*n] construct`);
        count = v;
      }
      return { el: { type: 'repeat', c: p[start]!, count }, next: i + 1 };
    }
    return null;
  };
  let i = 0;
  while (i + 2 < len) {
    if (match(i, '[')) {
      let handled = false;
      let tryRepeat = true;
      if (match(i + 1, ':') || match(i + 1, '=')) {
        const kind = p[i + 1]!;
        let close = -1;
        for (let j = i + 2; j < len - 1; j++) {
          if (p[j] === kind && p[j + 1] === 93 && !escaped[j] && !escaped[j + 1]) {
            close = j;
            break;
          }
        }
        if (close >= 0) {
          const opnd = p.slice(i + 2, close);
          if (opnd.length === 0) throw new SpecError(kind === 58 ? "missing character class name '[::]'" : "missing equivalence class character '[==]'");
          const name = String.fromCharCode(...opnd);
          let ok = false;
          if (kind === 58 && name in CLASSES) {
            list.push({ type: 'class', name });
            ok = true;
          } else if (kind === 61 && opnd.length === 1) {
            list.push({ type: 'equiv', c: opnd[0]! });
            ok = true;
          }
          if (ok) {
            i = close + 2;
            continue;
          }
          if (!starDigitsClose(i + 2)) {
            if (kind === 58) throw new SpecError(`invalid character class ${ql(text(i + 2, close))}`);
            throw new SpecError(`${text(i + 2, close)}: equivalence class operand must be a single character`);
          }
        }
      }
      if (tryRepeat) {
        const r = bracketedRepeat(i + 1);
        if (r) {
          list.push(r.el);
          i = r.next;
          handled = true;
        }
      }
      tryRepeat = false;
      if (handled) continue;
    }
    if (match(i + 1, '-')) {
      const first = p[i]!;
      const last = p[i + 2]!;
      if (last < first) throw new SpecError(`range-endpoints of '${printable(first)}-${printable(last)}' are in reverse collating sequence order`);
      list.push({ type: 'range', first, last });
      i += 3;
    } else {
      list.push({ type: 'char', c: p[i]! });
      i++;
    }
  }
  for (; i < len; i++) list.push({ type: 'char', c: p[i]! });
  return list;
}

/** The characters of one element, in order. */
export function expand(el: Element): number[] {
  switch (el.type) {
    case 'char':
    case 'equiv':
      return [el.c];
    case 'range':
      return Array.from({ length: el.last - el.first + 1 }, (_, k) => el.first + k);
    case 'class': {
      const f = CLASSES[el.name]!;
      const out: number[] = [];
      for (let c = 0; c < 256; c++) if (f(c)) out.push(c);
      return out;
    }
    case 'repeat':
      return new Array<number>(Math.min(el.count, 256)).fill(el.c);
  }
}

export function lengthOf(list: Element[]): number {
  let n = 0;
  for (const el of list) n += el.type === 'repeat' ? el.count : expand(el).length;
  return n;
}

export function setOf(list: Element[], complement: boolean): boolean[] {
  const set = new Array<boolean>(256).fill(false);
  for (const el of list) {
    if (el.type === 'repeat') {
      if (el.count) set[el.c] = true;
    } else for (const c of expand(el)) set[c] = true;
  }
  return complement ? set.map((b) => !b) : set;
}
