// coreutils set-fields.c: a LIST of fields or byte positions ("1,3-5,7-") as sorted,
// merged ranges, optionally complemented; errors carry cut's wording.
import { ql } from './textio';

export interface Range {
  lo: number;
  hi: number;
}

export class FieldListError extends Error {
  constructor(message: string, readonly tryHelp = true) {
    super(message);
  }
}

const MAX = Number.MAX_SAFE_INTEGER;

export function parseFieldList(list: string, opts: { positions: boolean; complement: boolean; allowDash?: boolean }): Range[] {
  const pos = opts.positions;
  const ranges: Range[] = [];
  let initial = 1;
  let value = 0;
  let lhs = false;
  let rhs = false;
  let dash = false;
  let numStart = -1;
  let i = 0;
  let s = list;
  if (opts.allowDash && s === '-') {
    value = 1;
    lhs = true;
    dash = true;
    s = '';
  }
  const zero = pos ? 'byte/character positions are numbered from 1' : 'fields are numbered from 1';
  for (;;) {
    const c = s[i];
    if (c === '-') {
      if (dash) throw new FieldListError(pos ? 'invalid byte or character range' : 'invalid field range');
      dash = true;
      i++;
      if (lhs && !value) throw new FieldListError(zero);
      initial = lhs ? value : 1;
      value = 0;
      numStart = -1;
    } else if (c === undefined || c === ',' || c === ' ' || c === '\t') {
      numStart = -1;
      if (dash) {
        dash = false;
        if (!lhs && !rhs) {
          if (opts.allowDash) initial = 1;
          else throw new FieldListError('invalid range with no endpoint: -');
        }
        if (!rhs) ranges.push({ lo: initial, hi: MAX });
        else {
          if (value < initial) throw new FieldListError('invalid decreasing range');
          ranges.push({ lo: initial, hi: value });
        }
        value = 0;
      } else {
        if (value === 0) throw new FieldListError(zero);
        ranges.push({ lo: value, hi: value });
        value = 0;
      }
      if (c === undefined) break;
      i++;
      lhs = false;
      rhs = false;
    } else if (c >= '0' && c <= '9') {
      if (numStart < 0) numStart = i;
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10 + Number(c);
      if (value >= MAX) {
        const digits = /^\d+/.exec(s.slice(numStart))![0];
        throw new FieldListError(pos ? `byte/character offset ${ql(digits)} is too large` : `field number ${ql(digits)} is too large`);
      }
      i++;
    } else {
      throw new FieldListError(pos ? `invalid byte/character position ${ql(s.slice(i))}` : `invalid field value ${ql(s.slice(i))}`);
    }
  }
  if (ranges.length === 0) throw new FieldListError(pos ? 'missing list of byte/character positions' : 'missing list of fields');
  ranges.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi);
    else merged.push({ ...r });
  }
  if (!opts.complement) return merged;
  const out: Range[] = [];
  let next = 1;
  for (const r of merged) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi === MAX ? MAX : r.hi + 1;
  }
  if (next < MAX) out.push({ lo: next, hi: MAX });
  return out;
}

/** Whether item k (1-based) is selected, for ranges sorted and merged. */
export function selected(ranges: readonly Range[], k: number): boolean {
  for (const r of ranges) {
    if (k < r.lo) return false;
    if (k <= r.hi) return true;
  }
  return false;
}
