// A program is a self-describing module: where it is installed, its options (from which
// usage errors and --help come), its manual text, and its main.
import { isSysError, strerror } from '../shared/errno';
import type { Sys } from '../shared/sys';
import { Ctx } from './lib/context';
import { getopt, GetoptError, type OptionDef, type Parsed } from './lib/getopt';

export interface ProgramSpec {
  name: string;
  installPath: string;
  /** Other paths that are symlinks to the same program (e.g. /usr/bin/sh -> bash). */
  aliases?: string[];
  /** Package that ships it (for tdnf/rpm later). */
  pkg?: string;
  /** Mode of the installed file (default 0755; 04755 for set-user-ID programs like su and passwd). */
  mode?: number;
  /** Options for getopt; omit to receive raw arguments (echo, test, the shell). */
  options?: OptionDef[];
  /** Parse in POSIX order: the first operand ends the options. */
  posixOrder?: boolean;
  negativeNumbers?: boolean;
  /** Exit status for a usage error (coreutils: 1; ls: 2). */
  usageStatus?: number;
  /** The `Usage:` line(s) printed by --help. */
  usage?: string;
  /** Our own words describing the program, printed by --help after the usage. */
  help?: string;
  /** `--version` output. */
  version?: string;
  /** Suffix of the "Try ... for more information." line; false for programs without it. */
  tryHelp?: boolean;
  /** The exit status when output fails at exit (gnulib's exit_failure; default usageStatus, else 1). */
  exitFailure?: number;
  /** The program flushes stdout as it goes (du), so a failed write is a bare "write error" at exit. */
  staleWriteError?: boolean;
  /** Extra advice printed after an option error, before the "Try ... --help" line (rm's hint for a file named like an option). */
  optionErrorHint?(ctx: Ctx): Promise<void>;
  main(ctx: Ctx, args: Parsed): Promise<number>;
}

export interface Program extends ProgramSpec {
  run(sys: Sys): Promise<number>;
}

export class UsageError extends Error {}

/**
 * Thrown by a program to end at once with `status`, as exit(3) does from deep inside it; the
 * runner turns it into the program's exit status (its output is still flushed).
 */
export class ExitStatus extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/**
 * The synopsis lines of --help. GNU coreutils prints them with the name as invoked
 * (`/usr/bin/printf --help` says "Usage: /usr/bin/printf FORMAT..."); other programs keep theirs.
 */
export function usageLines(spec: Pick<ProgramSpec, 'name' | 'usage' | 'version'>, invoked: string): string {
  const text = spec.usage ?? `${spec.name} [OPTION]...`;
  if (invoked === spec.name || !spec.version?.includes('(GNU coreutils)')) return text;
  return text
    .split('\n')
    .map((l) => (l === spec.name || l.startsWith(`${spec.name} `) ? invoked + l.slice(spec.name.length) : l))
    .join('\n');
}

export function defineProgram(spec: ProgramSpec): Program {
  return {
    ...spec,
    async run(sys: Sys): Promise<number> {
      const ctx = new Ctx(sys);
      // coreutils reports through gnulib's error(), which flushes stdout before it writes
      if (spec.pkg === 'coreutils') ctx.flushBeforeError = true;
      try {
        let status: number;
        try {
          status = await runParsed(spec, ctx);
        } catch (e) {
          if (!(e instanceof ExitStatus)) throw e;
          status = e.status;
        }
        return spec.pkg === 'coreutils' ? await closeStdout(spec, ctx, status) : status;
      } finally {
        await ctx.flush();
      }
    },
  };
}

/**
 * gnulib's close_stdout, which coreutils programs run at exit: output that could not be written
 * (a full disk, a closed descriptor) is reported as a write error and the program fails, unless
 * it said so itself. A broken pipe is a SIGPIPE first, which ends the process at the tick.
 */
async function closeStdout(spec: ProgramSpec, ctx: Ctx, status: number): Promise<number> {
  await ctx.out.flush();
  const e = ctx.out.error;
  if (!ctx.out.broken || ctx.out.reported || !isSysError(e)) return status;
  await ctx.tick();
  ctx.out.reported = true;
  // a closed descriptor still fails fclose itself, which keeps its errno
  const bare = spec.staleWriteError && e.errno !== 'EBADF';
  await ctx.error(bare ? 'write error' : `write error: ${strerror(e.errno)}`);
  return spec.exitFailure ?? spec.usageStatus ?? 1;
}

async function runParsed(spec: ProgramSpec, ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  if (!spec.options) return spec.main(ctx, { flags: new Map(), values: new Map(), order: [], operands: [...args] });
  const defs: OptionDef[] = [...spec.options];
  if (spec.help !== undefined && !defs.some((d) => d.long === 'help')) defs.push({ key: 'help', long: 'help' });
  if (spec.version !== undefined && !defs.some((d) => d.long === 'version')) defs.push({ key: 'version', long: 'version' });
  let parsed: Parsed;
  try {
    parsed = getopt(args, defs, { posixOrder: spec.posixOrder, negativeNumbers: spec.negativeNumbers });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    if (spec.optionErrorHint) await spec.optionErrorHint(ctx);
    if (spec.tryHelp !== false) await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
    return spec.usageStatus ?? 1;
  }
  if (parsed.flags.has('help') && spec.help !== undefined) {
    await ctx.print(`Usage: ${usageLines(spec, ctx.name).replace(/\n/g, `\n  or:  `)}\n${spec.help}\n`);
    return 0;
  }
  if (parsed.flags.has('version') && spec.version !== undefined) {
    await ctx.print(`${spec.version}\n`);
    return 0;
  }
  return spec.main(ctx, parsed);
}

/** Prints `name: message` and the "Try --help" line; returns the usage status. */
export async function usageError(ctx: Ctx, spec: Pick<ProgramSpec, 'name' | 'usageStatus' | 'tryHelp'>, message: string): Promise<number> {
  await ctx.error(message);
  if (spec.tryHelp !== false) await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
  return spec.usageStatus ?? 1;
}
