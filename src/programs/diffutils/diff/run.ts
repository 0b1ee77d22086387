// The body of diff: reads its arguments, compares, prints. sdiff runs it in-process (as the
// real sdiff runs diff), with its own name for messages and, for -o, its output captured.
import { SafeRegExp } from '../../lib/safe-regex';
import type { Ctx } from '../../lib/context';
import { compileFnmatch } from '../../lib/fnmatch';
import { gnuRegexSource } from '../../lib/gnu-regex';
import { DiffUsage, parseDiffArgs, type DiffConfig } from './options';
import { Differ } from './compare';
import { paint as paintOf, parsePalette, type Paint } from './colors';
import { DIFFUTILS_VERSION } from '../version';

/** Runs diff with `operands` (argv after the name); `sink` takes stdout instead of fd 1. */
export async function runDiff(ctx: Ctx, operands: string[], help: string, sink?: (data: Uint8Array) => void): Promise<number> {
  const tryHelp = async (msg: string): Promise<number> => {
    if (msg) await ctx.error(msg);
    await ctx.error(`Try '${ctx.name} --help' for more information.`);
    return 2;
  };
  let cfg: DiffConfig;
  let files: string[];
  try {
    ({ cfg, operands: files } = parseDiffArgs([...operands]));
  } catch (e) {
    if (e instanceof DiffUsage) return tryHelp(e.message);
    throw e;
  }
  if (cfg.help) {
    await ctx.print(help);
    return 0;
  }
  if (cfg.version) {
    await ctx.print(`${DIFFUTILS_VERSION('diff', 'Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower.')}\n`);
    return 0;
  }
  let paint: Paint | undefined;
  const term = ctx.env.get('TERM');
  if (cfg.color === 'always' || (cfg.color === 'auto' && term && term !== 'dumb' && ctx.sys.isatty(1))) {
    const { palette, errors } = parsePalette(cfg.palette);
    for (const e of errors) await ctx.error(e);
    if (palette) paint = paintOf(palette);
  }
  const excluded = cfg.excludes.map((p) => compileFnmatch(p));
  for (const f of cfg.excludeFiles) {
    try {
      const text = new TextDecoder().decode(await ctx.sys.readFile(f));
      for (const line of text.split('\n')) if (line) excluded.push(compileFnmatch(line));
    } catch (e) {
      await ctx.perror(e, f);
      return 2;
    }
  }
  let ignoreRegex: SafeRegExp | undefined;
  if (cfg.ignoreRegex.length) {
    try {
      ignoreRegex = new SafeRegExp(cfg.ignoreRegex.map((r) => `(?:${gnuRegexSource(r, 'basic')})`).join('|'));
    } catch (e) {
      await ctx.error(`${cfg.ignoreRegex.join('\\|')}: ${(e as Error).message}`);
      return 2;
    }
  }
  let functionRegex: SafeRegExp | undefined;
  if (cfg.functionRegex.length) {
    try {
      functionRegex = new SafeRegExp(cfg.functionRegex.map((r) => `(?:${gnuRegexSource(r, 'basic')})`).join('|'));
    } catch (e) {
      await ctx.error(`${cfg.functionRegex.join('\\|')}: ${(e as Error).message}`);
      return 2;
    }
  }
  const d = new Differ(ctx, cfg, excluded, ignoreRegex, functionRegex, sink, paint);
  let status = 0;
  try {
    if (cfg.fromFile !== undefined || cfg.toFile !== undefined) {
      if (cfg.fromFile !== undefined && cfg.toFile !== undefined) {
        await ctx.error('--from-file and --to-file both specified');
        return 2;
      }
      for (const f of files) status = Math.max(status, await d.compare(undefined, cfg.fromFile ?? f, cfg.toFile ?? f, []));
    } else {
      if (files.length !== 2) return tryHelp(files.length < 2 ? `missing operand after '${operands[operands.length - 1] ?? ctx.name}'` : `extra operand '${files[2]}'`);
      status = await d.compare(undefined, files[0], files[1], []);
    }
  } catch (e) {
    if (e instanceof DiffUsage) {
      await d.flush();
      return 2;
    }
    throw e;
  }
  await d.flush();
  return status;
}
