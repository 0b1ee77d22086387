// Orders of array traversal: PROCINFO["sorted_in"] ("@ind_str_asc", "@val_num_desc", ...)
// and asort/asorti. Ties are broken by comparing the indices as strings, as gawk does.
import type { Runtime } from './runtime';
import { AwkArray } from './array';
import { StrNum, strToNum, toNum, toStr, UNINIT, type Value } from './values';

type Cmp = (a: [string, Value], b: [string, Value]) => number;

const strCmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const numCmp = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

function isNum(v: Value): boolean {
  return typeof v === 'number' || v === UNINIT || (v instanceof StrNum && v.looksNumeric());
}

const isArray = (v: Value): boolean => (v as unknown) instanceof AwkArray;

function valueType(convfmt: string): (a: Value, b: Value) => number {
  return (a, b) => {
    const an = isNum(a);
    const bn = isNum(b);
    if (an && bn) return numCmp(toNum(a), toNum(b));
    if (an !== bn) return an ? -1 : 1;
    return strCmp(toStr(a, convfmt), toStr(b, convfmt));
  };
}

/** The comparison for a predefined order name, or undefined (unsorted / unknown). */
export function orderFor(name: string, convfmt: string): Cmp | undefined {
  const m = /^@(ind|val)_(str|num|type)_(asc|desc)$/.exec(name);
  if (!m) return undefined;
  const [, what, kind, dir] = m;
  if (what === 'ind' && kind === 'type') return undefined;
  const sign = dir === 'desc' ? -1 : 1;
  let base: Cmp;
  if (what === 'ind') {
    base = kind === 'num' ? (a, b) => numCmp(strToNum(a[0]), strToNum(b[0])) || strCmp(a[0], b[0]) : (a, b) => strCmp(a[0], b[0]);
  } else if (kind === 'num') {
    // equal numbers: by their text, then by index
    base = (a, b) => numCmp(toNum(a[1]), toNum(b[1])) || strCmp(toStr(a[1], convfmt), toStr(b[1], convfmt)) || strCmp(a[0], b[0]);
  } else if (kind === 'str') {
    base = (a, b) => strCmp(toStr(a[1], convfmt), toStr(b[1], convfmt)) || strCmp(a[0], b[0]);
  } else {
    const vt = valueType(convfmt);
    base = (a, b) => vt(a[1], b[1]) || strCmp(a[0], b[0]);
  }
  if (what === 'val') {
    // by value, every subarray comes after every scalar (before, descending); two subarrays
    // compare equal and keep their order whichever the direction
    const byValue = base;
    return (a, b) => {
      const x = isArray(a[1]);
      const y = isArray(b[1]);
      if (!x && !y) return sign * byValue(a, b);
      return x && y ? strCmp(a[0], b[0]) : sign * (x ? 1 : -1);
    };
  }
  return (a, b) => sign * base(a, b);
}

/** Entries ordered by a function of the program, cmp(i1, v1, i2, v2) (sorted_in or asort's third argument). */
export async function sortByFunction(rt: Runtime, fn: string, entries: [string, Value][]): Promise<[string, Value][]> {
  if (!rt.prog.funcs.has(fn)) rt.fatal(`sort comparison function \`${fn}' is not defined`);
  // insertion sort with an async comparison: user orders are for small arrays
  const out: [string, Value][] = [];
  for (const e of entries) {
    let i = out.length;
    while (i > 0 && rt.num(await rt.compare(fn, out[i - 1]!, e)) > 0) i--;
    out.splice(i, 0, e);
  }
  return out;
}

function fill(rt: Runtime, out: AwkArray, entries: [string, Value][], byIndex: boolean): number {
  out.clear();
  entries.forEach(([k, v], i) => out.set(String(i + 1), byIndex ? rt.input(k) : v));
  return entries.length;
}

/** asort / asorti ordered by a function of the program. */
export async function sortArrayBy(rt: Runtime, src: AwkArray, dest: AwkArray | undefined, byIndex: boolean, fn: string): Promise<number> {
  return fill(rt, dest ?? src, await sortByFunction(rt, fn, [...src.entries()]), byIndex);
}

/** asort / asorti: fills dest (or src) with 1..n; returns n. */
export function sortArray(rt: Runtime, src: AwkArray, dest: AwkArray | undefined, byIndex: boolean, how: string | undefined): number {
  const conv = rt.convfmt();
  const entries = [...src.entries()];
  let cmp: Cmp | undefined = how ? orderFor(how, conv) : undefined;
  if (!cmp) {
    if (byIndex) cmp = (a, b) => strCmp(a[0], b[0]);
    else {
      const vt = valueType(conv);
      cmp = (a, b) => vt(a[1], b[1]);
    }
  }
  entries.sort(cmp);
  return fill(rt, dest ?? src, entries, byIndex);
}
