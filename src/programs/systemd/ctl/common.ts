// What hostnamectl, timedatectl, localectl and loginctl share: systemd-style option parsing
// (glibc getopt messages, no "Try --help"; systemd-escape, -path, -id128 and -delta use it too),
// reading small files, and polkit's refusal for anyone but root.
import { isSysError } from '../../../shared/errno';
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../../lib/getopt';

export async function parseArgs(ctx: Ctx, defs: readonly OptionDef[], opts: { posixOrder?: boolean } = {}): Promise<Parsed | undefined> {
  try {
    return getopt(ctx.argv.slice(1), defs, opts);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    return undefined;
  }
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
