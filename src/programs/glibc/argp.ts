// Option parsing as glibc's own programs do it with argp: short options bundle (-ck), long options
// may be abbreviated to any unique prefix, options and operands mix until "--", and every
// program also knows -?/--help, --usage and -V/--version. That is getopt_long (lib/getopt.ts)
// with those three added; errors come back as its messages, and the caller adds argp's "Try ..."
// line and exit status.
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';

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
  const defs: OptionDef[] = [...options, ...STANDARD].map((o) => ({ key: o.key, short: o.short, long: o.long, arg: o.arg ? 'required' : 'none' }));
  try {
    const p = getopt(args, defs);
    return { opts: p.order.map(({ key, value }) => (value === undefined ? { key } : { key, value })), operands: p.operands };
  } catch (e) {
    if (e instanceof GetoptError) return { opts: [], operands: [], error: e.message };
    throw e;
  }
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

