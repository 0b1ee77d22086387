// Option parsing as glibc's own programs do it with argp: short options bundle (-ck), long options
// may be abbreviated to any unique prefix, options and operands mix until "--", and every
// program also knows -?/--help, --usage and -V/--version. Errors come back as the messages
// getopt prints; the caller adds the "Try ..." line and argp's exit status.
import type { Ctx } from '../lib/context';

export interface ArgpOption {
  /** The key the caller sees: the short letter when there is one, else the long name. */
  key: string;
  short?: string;
  long?: string;
  /** The option takes a value (separate or attached). */
  arg?: boolean;
}

export interface ArgpResult {
  opts: { key: string; value?: string }[];
  operands: string[];
  /** getopt's message (without the program name), when parsing failed. */
  error?: string;
}

const STANDARD: ArgpOption[] = [
  { key: '?', short: '?', long: 'help' },
  { key: 'usage', long: 'usage' },
  { key: 'V', short: 'V', long: 'version' },
];

export function argpParse(args: readonly string[], options: ArgpOption[]): ArgpResult {
  const all = [...options, ...STANDARD];
  const opts: ArgpResult['opts'] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const exact = all.find((o) => o.long === name);
      const matches = exact ? [exact] : all.filter((o) => o.long?.startsWith(name));
      if (matches.length === 0) return { opts, operands, error: `unrecognized option '${a}'` };
      if (matches.length > 1) {
        return { opts, operands, error: `option '${a}' is ambiguous; possibilities:${matches.map((m) => ` '--${m.long}'`).join('')}` };
      }
      const o = matches[0]!;
      if (!o.arg) {
        if (eq >= 0) return { opts, operands, error: `option '--${o.long}' doesn't allow an argument` };
        opts.push({ key: o.key });
      } else if (eq >= 0) {
        opts.push({ key: o.key, value: a.slice(eq + 1) });
      } else if (i + 1 < args.length) {
        opts.push({ key: o.key, value: args[++i]! });
      } else {
        return { opts, operands, error: `option '--${o.long}' requires an argument` };
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const o = all.find((x) => x.short === c);
        if (!o) return { opts, operands, error: `invalid option -- '${c}'` };
        if (!o.arg) {
          opts.push({ key: o.key });
          continue;
        }
        if (j + 1 < a.length) opts.push({ key: o.key, value: a.slice(j + 1) });
        else if (i + 1 < args.length) opts.push({ key: o.key, value: args[++i]! });
        else return { opts, operands, error: `option requires an argument -- '${c}'` };
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

export const tryHelp = (prog: string): string => `Try \`${prog} --help' or \`${prog} --usage' for more information.\n`;

/** The --version text of a glibc 2.36 program as Photon builds it (no distribution tag). */
export function glibcVersion(prog: string, authors: string): string {
  return `${prog} (GNU libc) 2.36
Copyright (C) 2022 Free Software Foundation, Inc.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
Written by ${authors}.
`;
}

/** Where glibc's help texts send bug reports (Photon keeps glibc's default). */
export const BUG_REPORTS = 'For bug reporting instructions, please see:\n<https://www.gnu.org/software/libc/bugs.html>.\n';

/** Parses like argp; on an error prints it and the "Try" line and returns the status. */
export async function argpRun(ctx: Ctx, prog: string, options: ArgpOption[], status: number): Promise<ArgpResult | number> {
  const r = argpParse(ctx.argv.slice(1), options);
  if (r.error) {
    await ctx.err.write(`${prog}: ${r.error}\n${tryHelp(prog)}`);
    return status;
  }
  return r;
}

/** Handles -?, --usage and -V; returns true when one was given (and answered). */
export async function argpStandard(ctx: Ctx, r: ArgpResult, help: string, usage: string, version: string): Promise<boolean> {
  for (const o of r.opts) {
    const text = o.key === '?' ? help : o.key === 'usage' ? usage : o.key === 'V' ? version : null;
    if (text !== null) {
      await ctx.print(text);
      return true;
    }
  }
  return false;
}

