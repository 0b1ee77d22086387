// Field splitting by FS as awk does it: " " (runs of blanks, ends trimmed), one other
// character (literal), "" (each character), or a regular expression; with the separators
// for split()'s fourth argument.
import { compileRegex, type AwkRegex } from './regex';

export interface Split {
  fields: string[];
  /** seps[i] separates fields[i] and fields[i+1]; for " ", seps[-1]/seps[n-1] in lead/trail. */
  seps: string[];
  lead: string;
}

const BLANKS = /[ \t\n]+/g;

export function splitDefault(s: string, withSeps: boolean, newlineToo = true): Split {
  const fields: string[] = [];
  const seps: string[] = [];
  const re = newlineToo ? BLANKS : /[ \t]+/g;
  re.lastIndex = 0;
  let lead = '';
  let pos = 0;
  let m = re.exec(s);
  if (m && m.index === 0) {
    lead = m[0];
    pos = m[0].length;
    m = re.exec(s);
  }
  while (pos < s.length) {
    if (!m) {
      fields.push(s.slice(pos));
      break;
    }
    fields.push(s.slice(pos, m.index));
    if (withSeps) seps.push(m[0]);
    pos = m.index + m[0].length;
    m = re.exec(s);
  }
  return { fields, seps, lead };
}

/** Splits `s` by the field separator `fs`; `paragraph`: newline separates too (RS = ""). */
export function splitBy(s: string, fs: string, ignoreCase: boolean, withSeps = false, paragraph = false, regex = false): Split {
  if (fs === ' ' && !regex) return splitDefault(s, withSeps);
  if (s === '') return { fields: [], seps: [], lead: '' };
  if (fs === '') {
    const fields = [...s];
    return { fields, seps: withSeps ? fields.slice(1).map(() => '') : [], lead: '' };
  }
  // a one-character separator is plain text: IGNORECASE does not apply to it
  const single = fs.length === 1 && !regex;
  if (single && !paragraph) {
    const fields = s.split(fs);
    return { fields, seps: withSeps ? fields.slice(1).map(() => fs) : [], lead: '' };
  }
  let src = fs;
  if (fs.length === 1 && !regex) src = /[\^\]\\[]/.test(fs) ? `\\${fs}` : `[${fs}]`;
  if (paragraph) src = `(${src})|\n`;
  const re = compileRegex(src, ignoreCase && !single);
  const fields: string[] = [];
  const seps: string[] = [];
  let pos = 0;
  let from = 0;
  for (;;) {
    const m = re.exec(s, from);
    if (!m) break;
    if (m[0].length === 0) {
      // an empty match separates nothing: look further on
      if (m.index >= s.length) break;
      from = m.index + 1;
      continue;
    }
    fields.push(s.slice(pos, m.index));
    seps.push(m[0]);
    pos = from = m.index + m[0].length;
  }
  fields.push(s.slice(pos));
  return { fields, seps: withSeps ? seps : [], lead: '' };
}

/** FPAT: the fields are what the pattern matches (a null match right after a field is skipped). */
export function splitFpat(s: string, re: AwkRegex): string[] {
  const fields: string[] = [];
  let from = 0;
  let lastEnd = -1;
  while (from <= s.length) {
    const m = re.exec(s, from);
    if (!m) break;
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      if (m.index !== lastEnd) fields.push('');
      if (m.index >= s.length) break;
      from = m.index + 1;
      lastEnd = -1;
      continue;
    }
    fields.push(m[0]);
    lastEnd = from = end;
  }
  return fields;
}

const UINT_MAX = 4294967295;

/**
 * What gawk says of a FIELDWIDTHS value it cannot use (a fatal error), or undefined. Items are
 * blank-separated; each is a width, or skip:width, in 1..UINT_MAX, and `*` may end the list.
 */
export function widthsError(spec: string): string | undefined {
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  // strtoul in base 10: leading white space and a sign; nothing converted leaves `end` where it began
  const num = (at: number): { v: number; end: number } => {
    const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(spec.slice(at));
    if (!m) return { v: 0, end: at };
    return { v: m[1] === '-' ? Infinity : Number(m[2]), end: at + m[0].length };
  };
  const ok = (v: number): boolean => v > 0 && v <= UINT_MAX;
  let s = 0;
  for (let i = 0; ; i++) {
    const bad = (): string => `invalid FIELDWIDTHS value, for field ${i + 1}, near \`${spec.slice(s)}'`;
    while (blank(spec[s])) s++;
    if (spec[s] === '-') return bad();
    if (s >= spec.length) return undefined;
    let r = num(s);
    if (spec[r.end] === ':' && ok(r.v)) {
      s = r.end + 1;
      if (spec[s] === '-' || blank(spec[s])) return bad();
      r = num(s);
    }
    if ((r.end < spec.length && !blank(spec[r.end])) || !ok(r.v)) {
      if (spec[s] !== '*') return bad();
      s++;
      while (blank(spec[s])) s++;
      return s < spec.length ? "`*' must be the last designator in FIELDWIDTHS" : undefined;
    }
    s = r.end;
    while (blank(spec[s])) s++;
    if (s >= spec.length) return undefined;
  }
}

/** FIELDWIDTHS: "[skip:]width ..." with `*` for the rest of the record. */
export function splitWidths(s: string, spec: string): string[] {
  const fields: string[] = [];
  let pos = 0;
  for (const item of spec.trim().split(/\s+/)) {
    if (item === '' || pos >= s.length) break;
    const m = /^(?:\+?(\d+):)?(\+?\d+|\*)$/.exec(item);
    if (!m) break;
    pos += Number(m[1] ?? 0);
    if (m[2] === '*') {
      fields.push(s.slice(pos));
      pos = s.length;
      break;
    }
    fields.push(s.slice(pos, pos + Number(m[2])));
    pos += Number(m[2]);
  }
  return fields;
}
