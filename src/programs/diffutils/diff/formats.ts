// diff's line and group formats (--line-format, --old-group-format, ... and -D, whose
// #ifdef output is just a set of group formats). A group format prints a run of lines
// (%< %> %=, line-number letters, %(A=B?THEN:ELSE)); a line format prints one line
// (%l %L %dn). A directive that does not parse is printed as it stands.
import type { Change } from './analyze';
import { analyzeHunk, expandTabs, type OutputOptions, type Out, type Pair } from './output';

/** Indexes shared by both arrays: unchanged, old (deleted), new (inserted), changed. */
export const UNCHANGED = 0;
export const OLD = 1;
export const NEW = 2;
export const CHANGED = 3;

export interface Formats {
  line: [string, string, string];
  group: [string, string, string, string];
}

/** Fills in the formats diff leaves unset (after all options are read). */
export function completeFormats(line: (string | undefined)[], group: (string | undefined)[]): Formats {
  const l = [0, 1, 2].map((i) => line[i] ?? '%l\n') as Formats['line'];
  const old = group[OLD] ?? group[CHANGED] ?? '%<';
  const neu = group[NEW] ?? group[CHANGED] ?? '%>';
  const g: Formats['group'] = [group[UNCHANGED] ?? '%=', old, neu, group[CHANGED] ?? old + neu];
  return { line: l, group: g };
}

/** Whether two identical inputs print nothing with these formats. */
export function formatsSilentWhenSame(f: Formats): boolean {
  return f.group[UNCHANGED] === '' || (f.group[UNCHANGED] === '%=' && f.line[UNCHANGED] === '');
}

/** The group formats -D NAME stands for, in the order unchanged, old, new, changed. */
export function ifdefGroupFormats(name: string): string[] {
  return [
    '%=',
    `#ifndef ${name}\n%<#endif /* ! ${name} */\n`,
    `#ifdef ${name}\n%>#endif /* ${name} */\n`,
    `#ifndef ${name}\n%<#else /* ${name} */\n%>#endif /* ${name} */\n`,
  ];
}

interface Group {
  file: number;
  from: number;
  upto: number;
}

const enc = new TextEncoder();
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
const PCT = 37;

class Printer {
  private bytes: number[] = [];
  private readonly lineFormats: Uint8Array[];
  private readonly groupFormats: Uint8Array[];

  constructor(
    private readonly p: Pair,
    f: Formats,
    private readonly o: OutputOptions,
    private readonly sink: Out,
  ) {
    this.lineFormats = f.line.map((s) => enc.encode(s));
    this.groupFormats = f.group.map((s) => enc.encode(s));
  }

  flush(): void {
    if (this.bytes.length) this.sink.bytes(Uint8Array.from(this.bytes));
    this.bytes = [];
  }

  private line(file: number, i: number): Uint8Array {
    return this.p.files[file]!.lines[this.p.a.prefixLines + i]!;
  }

  private number(i: number): number {
    return i + this.p.a.prefixLines + 1;
  }

  /** The value of a line-number letter for a pair of groups, or -1 if it is not one. */
  private letter(g: [Group, Group], c: number): number {
    let ch = String.fromCharCode(c);
    let grp = g[0];
    if ('EFLMN'.includes(ch)) {
      ch = ch.toLowerCase();
      grp = g[1];
    }
    switch (ch) {
      case 'e': return this.number(grp.from) - 1;
      case 'f': return this.number(grp.from);
      case 'l': return this.number(grp.upto) - 1;
      case 'm': return this.number(grp.upto);
      case 'n': return grp.upto - grp.from;
      default: return -1;
    }
  }

  group(which: number, g: [Group, Group]): void {
    this.formatGroup(this.groupFormats[which]!, 0, -1, g, true);
  }

  /** Interprets a group format from `pos` to the first free `end` byte; returns where it stopped. */
  private formatGroup(fmt: Uint8Array, pos: number, end: number, g: [Group, Group], print: boolean): number {
    let f = pos;
    while (f < fmt.length && fmt[f] !== end) {
      const c = fmt[f++]!;
      if (c !== PCT) {
        if (print) this.bytes.push(c);
        continue;
      }
      const after = f;
      const d = fmt[f++];
      if (d === PCT) {
        if (print) this.bytes.push(PCT);
        continue;
      }
      if (d === 40) {
        const cond = this.conditional(fmt, f, g, print);
        if (cond !== undefined) {
          f = cond;
          continue;
        }
      } else if (d === 60 || d === 61 || d === 62) {
        if (print) this.lines(d === 62 ? g[1] : g[0], d === 60 ? OLD : d === 61 ? UNCHANGED : NEW);
        continue;
      } else {
        const next = this.spec(fmt, after - 1, print, undefined, g);
        if (next !== undefined) {
          f = next;
          continue;
        }
      }
      if (print) this.bytes.push(PCT);
      f = after;
    }
    return f;
  }

  /** %(A=B?THEN:ELSE), `f` just after the parenthesis; undefined if the test does not parse. */
  private conditional(fmt: Uint8Array, start: number, g: [Group, Group], print: boolean): number | undefined {
    let f = start;
    const values: number[] = [];
    for (const sep of [61, 63]) {
      if (isDigit(fmt[f])) {
        let s = '';
        while (isDigit(fmt[f])) s += String.fromCharCode(fmt[f++]!);
        const v = Number(s);
        if (v > Number.MAX_SAFE_INTEGER) return undefined;
        values.push(v);
      } else {
        const c = fmt[f];
        const v = c === undefined ? -1 : this.letter(g, c);
        if (v < 0) return undefined;
        values.push(v);
        f++;
      }
      if (fmt[f++] !== sep) return undefined;
    }
    const same = values[0] === values[1];
    f = this.formatGroup(fmt, f, 58, g, print && same);
    if (f < fmt.length) {
      f = this.formatGroup(fmt, f + 1, 41, g, print && !same);
      if (f < fmt.length) f++;
    }
    return f;
  }

  /** Prints every line of a group with a line format. */
  private lines(grp: Group, which: number): void {
    const fmt = this.lineFormats[which]!;
    for (let i = grp.from; i < grp.upto; i++) {
      const line = this.line(grp.file, i);
      let f = 0;
      while (f < fmt.length) {
        const c = fmt[f++]!;
        if (c !== PCT) {
          this.bytes.push(c);
          continue;
        }
        const after = f;
        const d = fmt[f++];
        if (d === PCT) {
          this.bytes.push(PCT);
          continue;
        }
        if (d === 108 || d === 76) {
          const body = d === 108 && line[line.length - 1] === 10 ? line.subarray(0, -1) : line;
          this.push(this.o.expandTabs ? expandTabs(body, this.o.tabsize) : body);
          continue;
        }
        const next = this.spec(fmt, after - 1, true, this.number(i), undefined);
        if (next !== undefined) {
          f = next;
          continue;
        }
        this.bytes.push(PCT);
        f = after;
      }
    }
  }

  private push(b: Uint8Array): void {
    for (const x of b) this.bytes.push(x);
  }

  /**
   * A printf-style directive at `start` (the %): %[-'0]*[digits][.digits] then c'X' or one of
   * d o x X followed by n (line formats) or a line-number letter (group formats).
   */
  private spec(fmt: Uint8Array, start: number, print: boolean, lineNumber: number | undefined, g: [Group, Group] | undefined): number | undefined {
    let f = start + 1;
    let left = false;
    let zero = false;
    for (;;) {
      const c = fmt[f];
      if (c === 45) left = true;
      else if (c === 48) zero = true;
      else if (c !== 39) break;
      f++;
    }
    let width = '';
    while (isDigit(fmt[f])) width += String.fromCharCode(fmt[f++]!);
    let precision: string | undefined;
    if (fmt[f] === 46) {
      f++;
      precision = '';
      while (isDigit(fmt[f])) precision += String.fromCharCode(fmt[f++]!);
    }
    const conv = fmt[f++];
    const what = fmt[f++];
    if (conv === 99) {
      if (what !== 39) return undefined;
      const lit = charLiteral(fmt, f);
      if (!lit) return undefined;
      if (print) this.bytes.push(lit.value);
      return lit.next;
    }
    if (conv !== 100 && conv !== 111 && conv !== 120 && conv !== 88) return undefined;
    let value: number;
    if (lineNumber !== undefined) {
      if (what !== 110) return undefined;
      value = lineNumber;
    } else {
      value = what === undefined ? -1 : this.letter(g!, what);
      if (value < 0) return undefined;
    }
    if (print) this.push(enc.encode(printfInt(value, String.fromCharCode(conv), left, zero, width, precision)));
    return f;
  }

  /** Prints the unchanged lines before `change` (if any) and the change itself. */
  run(script: Change[]): void {
    let next0 = -this.p.a.prefixLines;
    let next1 = next0;
    const groups = (b0: number, e0: number, b1: number, e1: number): [Group, Group] => [
      { file: 0, from: b0, upto: e0 },
      { file: 1, from: b1, upto: e1 },
    ];
    for (const c of script) {
      const h = analyzeHunk(this.p, [c], this.o);
      if (!h.changes) continue;
      if (next0 < h.first0 || next1 < h.first1) this.group(UNCHANGED, groups(next0, h.first0, next1, h.first1));
      const e0 = h.last0 + 1;
      const e1 = h.last1 + 1;
      this.group(h.changes, groups(h.first0, e0, h.first1, e1));
      next0 = e0;
      next1 = e1;
      if (this.bytes.length > 65536) this.flush();
    }
    const end0 = this.p.files[0].lines.length - this.p.a.prefixLines;
    const end1 = this.p.files[1].lines.length - this.p.a.prefixLines;
    if (next0 < end0 || next1 < end1) this.group(UNCHANGED, groups(next0, end0, next1, end1));
    this.flush();
  }
}

/** A character literal after %c': X' or \OOO' (one to three octal digits). */
function charLiteral(fmt: Uint8Array, start: number): { value: number; next: number } | undefined {
  let f = start;
  const c = fmt[f++];
  if (c === undefined || c === 39) return undefined;
  if (c !== 92) {
    if (fmt[f++] !== 39) return undefined;
    return { value: c, next: f };
  }
  let value = 0;
  let digits = 0;
  for (;;) {
    const d = fmt[f++];
    if (d === 39) break;
    if (d === undefined || d < 48 || d > 55) return undefined;
    value = (value * 8 + d - 48) & 0xff;
    digits++;
  }
  if (digits < 1 || digits > 3) return undefined;
  return { value, next: f };
}

/** C printf of a non-negative integer with the -, 0 flags, a width and a precision. */
export function printfInt(value: number, conv: string, left: boolean, zero: boolean, width: string, precision: string | undefined): string {
  let digits = conv === 'd' ? String(value) : value.toString(conv === 'o' ? 8 : 16);
  if (conv === 'X') digits = digits.toUpperCase();
  if (precision !== undefined) {
    const p = Number(precision || '0');
    if (p === 0 && value === 0) digits = '';
    else digits = digits.padStart(p, '0');
  }
  const w = Number(width || '0');
  if (digits.length >= w) return digits;
  if (left) return digits.padEnd(w, ' ');
  return digits.padStart(w, zero && precision === undefined ? '0' : ' ');
}

/** Prints a pair of files merged with group and line formats (diff's ifdef output style). */
export function formatScript(p: Pair, f: Formats, o: OutputOptions, out: Out): void {
  new Printer(p, f, o, out).run(p.a.script);
}
