// Option parsing for programs that look at their arguments first (head -5, tail +3, sort +1):
// the same getopt, --help, --version and usage errors as defineProgram's, run from main.
import { usageLines, type ProgramSpec } from '../define';
import type { Ctx } from './context';
import { getopt, GetoptError, type OptionDef, type Parsed } from './getopt';

export async function parseOptions(
  ctx: Ctx,
  spec: Pick<ProgramSpec, 'name' | 'usage' | 'help' | 'version' | 'usageStatus' | 'options' | 'posixOrder'>,
  args: readonly string[],
  extra: OptionDef[] = [],
): Promise<Parsed | number> {
  const defs: OptionDef[] = [...(spec.options ?? []), ...extra];
  if (spec.help !== undefined) defs.push({ key: 'help', long: 'help' });
  if (spec.version !== undefined) defs.push({ key: 'version', long: 'version' });
  let parsed: Parsed;
  try {
    parsed = getopt(args, defs, { posixOrder: spec.posixOrder });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    await tryHelp(ctx);
    return spec.usageStatus ?? 1;
  }
  for (const o of parsed.order) {
    if (o.key === 'help' && spec.help !== undefined) {
      await ctx.print(`Usage: ${usageLines(spec, ctx.name).replace(/\n/g, `\n  or:  `)}\n${spec.help}\n`);
      return 0;
    }
    if (o.key === 'version' && spec.version !== undefined) {
      await ctx.print(`${spec.version}\n`);
      return 0;
    }
  }
  return parsed;
}

export async function tryHelp(ctx: Ctx): Promise<void> {
  await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
}

/** An error message, the Try line, and the status (usage(EXIT_FAILURE) after error()). */
export async function usageFail(ctx: Ctx, message: string | undefined, status = 1): Promise<number> {
  if (message !== undefined) await ctx.error(message);
  await tryHelp(ctx);
  return status;
}

/** Short options 0-9 (getopt strings with "0123456789"), keyed d0..d9. */
export const DIGIT_OPTIONS: OptionDef[] = [...'0123456789'].map((d) => ({ key: `d${d}`, short: d }));

/**
 * getopt in POSIX order that also stops before an argument `stop` accepts (seq and printf
 * take "-1" or "-.5" as an operand, not as options).
 */
export function getoptUntil(args: readonly string[], defs: readonly OptionDef[], stop: (arg: string) => boolean): Parsed {
  const parsed: Parsed = { flags: new Map(), values: new Map(), order: [], operands: [] };
  const merge = (p: Parsed): void => {
    for (const [k, n] of p.flags) parsed.flags.set(k, (parsed.flags.get(k) ?? 0) + n);
    for (const [k, v] of p.values) parsed.values.set(k, [...(parsed.values.get(k) ?? []), ...v]);
    parsed.order.push(...p.order);
  };
  let i = 0;
  while (i < args.length) {
    const a = args[i]!;
    if (stop(a)) break;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    try {
      merge(getopt([a], defs, { posixOrder: true }));
      i++;
    } catch (e) {
      if (!(e instanceof GetoptError) || !e.message.includes('requires an argument') || i + 1 >= args.length) throw e;
      merge(getopt([a, args[i + 1]!], defs, { posixOrder: true }));
      i += 2;
    }
  }
  parsed.operands = args.slice(i);
  return parsed;
}
