// Pieces every shadow tool shares: its name (basename of argv[0], as shadow's Prog),
// glibc getopt errors followed by the tool's usage on stderr, and the lock-then-read
// sequence with shadow's "cannot lock" message.
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../lib/getopt';
import { type AccountDbs, Locks, readAll } from './db';

export function progName(ctx: Ctx): string {
  const n = ctx.name;
  return n.slice(n.lastIndexOf('/') + 1);
}

export async function fail(ctx: Ctx, message: string): Promise<void> {
  await ctx.err.write(`${progName(ctx)}: ${message}\n`);
}

/**
 * Parses like getopt_long; on a bad option prints glibc's message and the usage text to
 * stderr and returns the usage status instead.
 */
export async function parseArgs(ctx: Ctx, defs: OptionDef[], usage: (ctx: Ctx) => string, status = 2, posixOrder = false): Promise<Parsed | number> {
  try {
    return getopt(ctx.argv.slice(1), defs, { posixOrder });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await fail(ctx, e.message);
    await ctx.err.write(usage(ctx));
    return status;
  }
}

/** Locks the named databases in order, then reads all four. Prints shadow's messages. */
export async function lockAndRead(ctx: Ctx, locks: Locks, paths: string[]): Promise<AccountDbs | undefined> {
  for (const name of paths) {
    const p = locks.prefix ? `${locks.prefix}/${name}` : name;
    if (!(await locks.lock(p))) {
      await fail(ctx, `cannot lock ${p}; try again later.`);
      await locks.release();
      return undefined;
    }
  }
  return readAll(ctx.sys, locks.prefix);
}

/** The value of the last occurrence of an option. */
export function opt(p: Parsed, key: string): string | undefined {
  const v = p.values.get(key);
  return v?.[v.length - 1];
}

export function has(p: Parsed, key: string): boolean {
  return p.flags.has(key) || p.values.has(key);
}

/** getgrnam, then getgrgid for a number: a group entry from /etc/group. */
export function findGroup(dbs: AccountDbs, spec: string): { name: string; gid: number } | undefined {
  const byName = dbs.group.get(spec);
  if (byName) return byName;
  if (/^\d+$/.test(spec)) return dbs.group.entries().find((g) => g.gid === Number(spec));
  return undefined;
}

/** Adds `user` to a member list once. */
export function addMember(list: string[], user: string): string[] {
  return list.includes(user) ? list : [...list, user];
}

/** A shell useradd and usermod do not warn about: an executable file that is no directory. */
export async function executable(ctx: Ctx, path: string): Promise<boolean> {
  try {
    const st = await ctx.sys.stat(path);
    if ((st.mode & 0o170000) === 0o040000) return false;
    await ctx.sys.access(path, 1);
    return true;
  } catch {
    return false;
  }
}
