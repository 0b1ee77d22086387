// The unary and binary tests shared by `test`/`[` and `[[ ]]` (bash manual, CONDITIONAL
// EXPRESSIONS).
import type { Stat } from '../../shared/stat';
import type { Sys } from '../../shared/sys';

async function st(sys: Sys, path: string, follow = true): Promise<Stat | undefined> {
  if (path === '') return undefined;
  try {
    return follow ? await sys.stat(path) : await sys.lstat(path);
  } catch {
    return undefined;
  }
}

async function can(sys: Sys, path: string, mode: number): Promise<boolean> {
  if (path === '') return false;
  try {
    await sys.access(path, mode);
    return true;
  } catch {
    return false;
  }
}

export const UNARY_FILE_OPS = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S']);

export async function unaryFileTest(sys: Sys, op: string, arg: string): Promise<boolean> {
  switch (op) {
    case '-a':
    case '-e': return (await st(sys, arg)) !== undefined;
    case '-f': return (await st(sys, arg))?.kind === 'file';
    case '-d': return (await st(sys, arg))?.kind === 'dir';
    case '-b': return (await st(sys, arg))?.kind === 'blockdev';
    case '-c': return (await st(sys, arg))?.kind === 'chardev';
    case '-p': return (await st(sys, arg))?.kind === 'fifo';
    case '-S': return (await st(sys, arg))?.kind === 'socket';
    case '-h':
    case '-L': return (await st(sys, arg, false))?.kind === 'symlink';
    case '-s': return ((await st(sys, arg))?.size ?? 0) > 0;
    case '-g': return (((await st(sys, arg))?.mode ?? 0) & 0o2000) !== 0;
    case '-u': return (((await st(sys, arg))?.mode ?? 0) & 0o4000) !== 0;
    case '-k': return (((await st(sys, arg))?.mode ?? 0) & 0o1000) !== 0;
    case '-r': return can(sys, arg, 4);
    case '-w': return can(sys, arg, 2);
    case '-x': return can(sys, arg, 1);
    case '-O': return (await st(sys, arg))?.uid === sys.geteuid();
    case '-G': return (await st(sys, arg))?.gid === sys.getegid();
    case '-N': {
      const s = await st(sys, arg);
      return s !== undefined && s.mtime > s.atime;
    }
    case '-t': return /^\d+$/.test(arg.trim()) && sys.isatty(Number(arg));
    default: return false;
  }
}

export async function binaryFileTest(sys: Sys, op: string, a: string, b: string): Promise<boolean> {
  const sa = await st(sys, a);
  const sb = await st(sys, b);
  switch (op) {
    case '-nt': return sa !== undefined && (sb === undefined || sa.mtime > sb.mtime);
    case '-ot': return sb !== undefined && (sa === undefined || sa.mtime < sb.mtime);
    case '-ef': return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
    default: return false;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Integer operand of -eq and friends; undefined if not an integer. A number while it is a
 * safe integer, a bigint beyond (so `===` compares either kind).
 */
export function parseInteger(s: string): number | bigint | undefined {
  const n = s.length;
  if (n > 0 && n <= 15) {
    // the usual operand: digits with an optional sign, no regex and no BigInt
    const c0 = s.charCodeAt(0);
    let i = c0 === 45 || c0 === 43 ? 1 : 0;
    if (i < n) {
      let v = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      if (i === n) return c0 === 45 ? -v : v;
    }
  }
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) return undefined;
  const b = BigInt(t);
  // bash reads it with strtoimax: beyond 64 bits is not an integer
  if (BigInt.asIntN(64, b) !== b) return undefined;
  return b >= -MAX_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

export function compareIntegers(op: string, a: number | bigint, b: number | bigint): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}
