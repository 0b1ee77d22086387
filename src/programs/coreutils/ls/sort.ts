// Orders for ls (coreutils sort_functions): by name in byte order (the C locale's strcoll),
// by time, size, extension, width or version (gnulib filevercmp), reversed, and optionally
// with directories first.
import type { LsConfig } from './options';
import type { Entry } from './entry';

const encoder = new TextEncoder();

/** strcmp on the UTF-8 bytes: comparing code points gives the same order. */
export function byteCompare(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return la - i === lb - j ? 0 : i >= la ? -1 : 1;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function order(s: Uint8Array, pos: number, len: number): number {
  if (pos === len) return -1;
  const c = s[pos]!;
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c;
  if (c === 0x7e) return -2;
  return c + 256;
}

function verrevcmp(s1: Uint8Array, l1: number, s2: Uint8Array, l2: number): number {
  let p1 = 0;
  let p2 = 0;
  while (p1 < l1 || p2 < l2) {
    let firstDiff = 0;
    while ((p1 < l1 && !isDigit(s1[p1]!)) || (p2 < l2 && !isDigit(s2[p2]!))) {
      const c1 = order(s1, p1, l1);
      const c2 = order(s2, p2, l2);
      if (c1 !== c2) return c1 - c2;
      p1++;
      p2++;
    }
    while (p1 < l1 && s1[p1] === 0x30) p1++;
    while (p2 < l2 && s2[p2] === 0x30) p2++;
    while (p1 < l1 && p2 < l2 && isDigit(s1[p1]!) && isDigit(s2[p2]!)) {
      if (!firstDiff) firstDiff = s1[p1]! - s2[p2]!;
      p1++;
      p2++;
    }
    if (p1 < l1 && isDigit(s1[p1]!)) return 1;
    if (p2 < l2 && isDigit(s2[p2]!)) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

/** Length of the name without its suffix: trailing (\.[A-Za-z~][A-Za-z0-9~]*)*. */
function prefixLength(s: Uint8Array): number {
  const n = s.length;
  let prefix = 0;
  let i = 0;
  while (i < n) {
    i++;
    prefix = i;
    while (i + 1 < n && s[i] === 0x2e && (isAlpha(s[i + 1]!) || s[i + 1] === 0x7e)) {
      for (i += 2; i < n && (isAlpha(s[i]!) || isDigit(s[i]!) || s[i] === 0x7e); i++) continue;
    }
  }
  return prefix;
}

/** gnulib filevercmp: "." and ".." first, then dot files, then versions compared piecewise. */
export function filevercmp(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  if (a[0] === '.') {
    if (b[0] !== '.') return -1;
    if (a === '.') return -1;
    if (b === '.') return 1;
    if (a === '..') return -1;
    if (b === '..') return 1;
  } else if (b[0] === '.') return 1;
  const s1 = encoder.encode(a);
  const s2 = encoder.encode(b);
  const p1 = prefixLength(s1);
  const p2 = prefixLength(s2);
  const onePass = p1 === s1.length && p2 === s2.length;
  const r = verrevcmp(s1, p1, s2, p2);
  return r || onePass ? r : verrevcmp(s1, s1.length, s2, s2.length);
}

function timeOf(e: Entry, c: LsConfig): number {
  const st = e.st;
  if (!st) return 0;
  return c.time === 'atime' ? st.atime : c.time === 'mtime' ? st.mtime : st.ctime;
}

function isLinkedDir(e: Entry): boolean {
  return e.type === 'dir' || e.type === 'arg-dir' || (e.linkMode & 0o170000) === 0o040000;
}

/** Sorts `entries` in place as ls would list them. */
export function sortEntries(entries: Entry[], c: LsConfig): void {
  if (c.sort === 'none') return;
  const name = (a: Entry, b: Entry): number => byteCompare(a.name, b.name);
  let cmp: (a: Entry, b: Entry) => number;
  switch (c.sort) {
    case 'time':
      cmp = (a, b) => timeOf(b, c) - timeOf(a, c) || name(a, b);
      break;
    case 'size':
      cmp = (a, b) => (b.st?.size ?? 0) - (a.st?.size ?? 0) || name(a, b);
      break;
    case 'extension':
      cmp = (a, b) => {
        const ea = a.name.lastIndexOf('.');
        const eb = b.name.lastIndexOf('.');
        return byteCompare(ea < 0 ? '' : a.name.slice(ea), eb < 0 ? '' : b.name.slice(eb)) || name(a, b);
      };
      break;
    case 'width':
      cmp = (a, b) => (a.width ?? 0) - (b.width ?? 0) || name(a, b);
      break;
    case 'version':
      cmp = (a, b) => filevercmp(a.name, b.name) || byteCompare(a.name, b.name);
      break;
    default:
      cmp = name;
  }
  const directed = c.reverse ? (a: Entry, b: Entry): number => cmp(b, a) : cmp;
  const full = c.dirsFirst ? (a: Entry, b: Entry): number => Number(isLinkedDir(b)) - Number(isLinkedDir(a)) || directed(a, b) : directed;
  // mpsort is a merge sort: stable, like Array.prototype.sort
  entries.sort(full);
}
