// What pwck and grpck share: the four databases read as commonio does (every line kept, each
// parsed as shadow's sgetpwent/sgetspent/sgetgrent/sgetsgent would, unparsable lines left
// without an entry), yes_or_no (read-only answers "No"), the sort orders of -s, and writing a
// changed file back with its `-` backup.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import { readLine } from '../lib/yesno';
import { writeBack } from './db';

export interface Line<T> { line: string; entry?: T; changed?: boolean }

export interface PwRec { name: string; passwd: string; uid: number; gid: number; gecos: string; home: string; shell: string }
export interface SpRec { name: string; fields: string[]; lastchg: number }
export interface GrRec { name: string; passwd: string; gid: number; members: string[] }
export interface SgRec { name: string; passwd: string; admins: string[]; members: string[] }

/** get_uid/get_gid: strtoll over the whole field, in range of a 32-bit id. */
function id(s: string | undefined): number | undefined {
  if (s === undefined || !/^[ \t\n\v\f\r]*[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s.trim());
  return n >= 0 && n <= 0xffffffff ? n : undefined;
}

/** A member list as sgetgrent splits it: a trailing comma ends it, empty names between commas stay. */
function list(s: string): string[] {
  const out = s === '' ? [] : s.split(',');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

export function parsePw(line: string): PwRec | undefined {
  const f = line.split(':');
  if (f.length !== 7 || f[2] === '' || f[3] === '') return undefined;
  const uid = id(f[2]);
  const gid = id(f[3]);
  if (uid === undefined || gid === undefined) return undefined;
  return { name: f[0]!, passwd: f[1]!, uid, gid, gecos: f[4]!, home: f[5]!, shell: f[6]! };
}

/** glibc's sgetspent (which shadow uses): 9 fields, or the old 5; numbers are digits or empty. */
export function parseSp(line: string): SpRec | undefined {
  const f = line.split(':');
  if (f.length !== 9 && f.length !== 5) return undefined;
  for (let i = 2; i < f.length; i++) if (f[i] !== '' && !/^\d+$/.test(f[i]!)) return undefined;
  return { name: f[0]!, fields: f, lastchg: f[2] === '' ? -1 : Number(f[2]) };
}

export function parseGr(line: string): GrRec | undefined {
  const f = line.split(':');
  if (f.length !== 4 || f[2] === '') return undefined;
  const gid = id(f[2]);
  if (gid === undefined) return undefined;
  return { name: f[0]!, passwd: f[1]!, gid, members: list(f[3]!) };
}

export function parseSg(line: string): SgRec | undefined {
  const f = line.split(':');
  if (f.length !== 4) return undefined;
  return { name: f[0]!, passwd: f[1]!, admins: list(f[2]!), members: list(f[3]!) };
}

/** A database file as lines; undefined when it cannot be opened. */
export async function readLines<T>(sys: Sys, path: string, parse: (l: string) => T | undefined): Promise<Line<T>[] | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await sys.readFile(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return undefined;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => ({ line, entry: parse(line) }));
}

/** NIS lines (+name, -name) are never checked. */
export const isNis = (l: Line<unknown>): boolean => l.line.startsWith('+') || l.line.startsWith('-');

/** yes_or_no: read-only prints "No"; otherwise a line from stdin starting with y or Y. */
export async function yesOrNo(ctx: Ctx, readOnly: boolean): Promise<boolean> {
  if (readOnly) {
    await ctx.print('No\n');
    return false;
  }
  await ctx.out.flush();
  let reply: string | null = null;
  try {
    reply = await readLine(ctx);
  } catch {
    reply = null;
  }
  return reply !== null && /^[yY]/.test(reply);
}

export async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.access(path, 0);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** commonio_sort: valid entries by id (stable), unparsable ones after, NIS lines kept at the end. */
export function sortById<T>(lines: Line<T>[], key: (e: T) => number): Line<T>[] {
  const nisAt = lines.findIndex(isNis);
  const head = nisAt < 0 ? lines : lines.slice(0, nisAt);
  const tail = nisAt < 0 ? [] : lines.slice(nisAt);
  const valid = head.filter((l) => l.entry !== undefined).sort((a, b) => key(a.entry!) - key(b.entry!));
  return [...valid, ...head.filter((l) => l.entry === undefined), ...tail];
}

/** commonio_sort_wrt: the shadow entries in the order of their names in the main file, others after. */
export function sortLike<T extends { name: string }, U extends { name: string }>(lines: Line<T>[], order: Line<U>[]): Line<T>[] {
  const front: Line<T>[] = [];
  const rest = [...lines];
  for (const o of order) {
    if (!o.entry) continue;
    const i = rest.findIndex((l) => l.entry?.name === o.entry!.name);
    if (i >= 0) front.push(...rest.splice(i, 1));
  }
  return [...front, ...rest];
}

export async function writeLines(sys: Sys, path: string, lines: Line<unknown>[]): Promise<void> {
  await writeBack(sys, path, lines.map((l) => `${l.line}\n`).join(''));
}
