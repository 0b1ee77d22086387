// What hostnamectl, timedatectl, localectl and loginctl share: systemd-style option parsing
// (glibc getopt messages, no "Try --help"; systemd-escape, -path, -id128 and -delta use it too),
// reading small files, and polkit's refusal for anyone but root.
import { isSysError } from '../../../shared/errno';
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../../lib/getopt';
import { systemctlVersion } from '../systemctl/help';

export async function parseArgs(ctx: Ctx, defs: readonly OptionDef[], opts: { posixOrder?: boolean } = {}): Promise<Parsed | undefined> {
  try {
    return getopt(ctx.argv.slice(1), defs, opts);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    const early = answeredBefore(e, defs);
    if (early) return early;
    await ctx.error(e.message);
    return undefined;
  }
}

/**
 * The options as getopt_long hands them over, one at a time: those before a bad option are
 * acted on first, so the program goes through them and then calls reportBad().
 */
export function parseArgsInOrder(ctx: Ctx, defs: readonly OptionDef[], opts: { posixOrder?: boolean } = {}): Parsed & { bad?: string } {
  try {
    return getopt(ctx.argv.slice(1), defs, opts);
  } catch (e) {
    if (!(e instanceof GetoptError) || !e.partial) throw e;
    return { ...e.partial, bad: e.message };
  }
}

/** The bad option parseArgsInOrder() stopped at, reported (true) once the ones before it are done. */
export async function reportBad(ctx: Ctx, p: { bad?: string }): Promise<boolean> {
  if (p.bad === undefined) return false;
  await ctx.error(p.bad);
  return true;
}

/**
 * systemd's tools take the options from getopt_long one at a time, so a --help or --version
 * given before a bad option answers (and ends the run) before the bad one is seen: the options
 * up to it, or undefined when there was none.
 */
export function answeredBefore(e: GetoptError, defs: readonly OptionDef[]): Parsed | undefined {
  const keys = new Set(defs.filter((d) => d.long === 'help' || d.long === 'version').map((d) => d.key));
  const at = e.partial?.order.findIndex((o) => keys.has(o.key)) ?? -1;
  if (at < 0) return undefined;
  const out: Parsed = { flags: new Map(), values: new Map(), order: e.partial!.order.slice(0, at + 1), operands: [] };
  for (const { key, value } of out.order) {
    if (value === undefined) out.flags.set(key, (out.flags.get(key) ?? 0) + 1);
    else out.values.set(key, [...(out.values.get(key) ?? []), value]);
  }
  return out;
}

export async function readText(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

/** KEY=value lines of an os-release style file. */
export function envFile(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'));
  }
  return out;
}

/** Right-aligns labels as the *ctl status screens do. */
export function fields(rows: [string, string][], width: number): string {
  return rows.map(([k, v]) => `${k.padStart(width)}: ${v}`).join('\n') + '\n';
}

export async function denied(ctx: Ctx, what: string): Promise<number> {
  await ctx.err.write(`Could not ${what}: Interactive authentication required.\n`);
  return 1;
}

export async function tooMany(ctx: Ctx): Promise<number> {
  await ctx.err.write('Too many arguments.\n');
  return 1;
}

export async function unknownVerb(ctx: Ctx, verb: string): Promise<number> {
  await ctx.err.write(`Unknown command verb ${verb}.\n`);
  return 1;
}

/** --help and --version answer in the order given (the first one wins); undefined without either. */
export async function helpOrVersion(ctx: Ctx, p: Parsed, help: string): Promise<number | undefined> {
  const first = p.order.find((o) => o.key === 'help' || o.key === 'version')?.key;
  if (first === undefined) return undefined;
  await ctx.print(first === 'help' ? help : systemctlVersion());
  return 0;
}
