// Versions as rpm compares them: rpmvercmp() over [epoch:]version-release, and the
// dependency ranges of Requires/Provides/Conflicts/Obsoletes (rpmdsCompare's overlap rules).

export interface Evr {
  epoch: number;
  version: string;
  /** Absent in a dependency such as `libssh2 >= 1.11.0`: then only the version is compared. */
  release?: string;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isAlnum = (c: string): boolean => isDigit(c) || isAlpha(c);

/** rpmvercmp(3): compares two version (or release) strings segment by segment. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  // bounded by the lengths: every pass consumes at least one character of a or b
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]!) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]!) && b[j] !== '~' && b[j] !== '^') j++;
    // a tilde sorts before everything, even the end of the string
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // a caret sorts after the end of the string but before anything else
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]!);
    const take = (s: string, k: number): number => {
      let e = k;
      while (e < s.length && (numeric ? isDigit(s[e]!) : isAlpha(s[e]!))) e++;
      return e;
    };
    const ei = take(a, i);
    const ej = take(b, j);
    let sa = a.slice(i, ei);
    let sb = b.slice(j, ej);
    // a numeric segment is newer than an alphabetic one
    if (sb === '') return numeric ? 1 : -1;
    if (numeric) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length > sb.length ? 1 : -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** Compares two full EVRs; a missing release on either side is not compared. */
export function compareEvr(a: Evr, b: Evr): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0 || a.release === undefined || b.release === undefined) return v;
  return rpmvercmp(a.release, b.release);
}

/** Parses `[epoch:]version[-release]`. */
export function parseEvr(text: string): Evr {
  const colon = text.indexOf(':');
  const epoch = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? Number(text.slice(0, colon)) : 0;
  const rest = colon > 0 && /^\d+$/.test(text.slice(0, colon)) ? text.slice(colon + 1) : text;
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? { epoch, version: rest.slice(0, dash), release: rest.slice(dash + 1) } : { epoch, version: rest };
}

/** `[epoch:]version-release`, the epoch only when it is set (tdnf's EVR column). */
export function formatEvr(e: Evr): string {
  const vr = e.release === undefined ? e.version : `${e.version}-${e.release}`;
  return e.epoch ? `${e.epoch}:${vr}` : vr;
}

export type DepOp = '<' | '<=' | '=' | '>=' | '>';

/** Whether a provided EVR (or none: any version) lies in the range `op evr` (rpm's rangesOverlap). */
export function evrSatisfies(provided: Evr | undefined, op: DepOp | undefined, wanted: Evr | undefined): boolean {
  if (!op || !wanted || !provided) return true;
  const c = compareEvr(provided, wanted);
  switch (op) {
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '=': return c === 0;
    case '>=': return c >= 0;
    case '>': return c > 0;
  }
}
