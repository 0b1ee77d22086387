import type { Interpreter } from '../interpreter';

/** A builtin: synchronous when it has nothing to wait for (no output, no file system). */
export type Builtin = (sh: Interpreter, argv: string[]) => number | Promise<number>;

export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's "invalid option" reply for builtins: `name: -z: invalid option` + usage line. */
export async function badOption(sh: Interpreter, name: string, opt: string, usage: string): Promise<number> {
  // parseFlags names an option that lacks its argument with the whole message
  await sh.error(`${name}: ${opt.includes(': ') ? opt : `${opt}: invalid option`}`);
  sh.posixFatal = true;
  await sh.write(2, `${name}: usage: ${usage}\n`);
  return 2;
}

/**
 * Splits leading `-xyz` option clusters (stopping at `--` or the first operand). `bad` names an
 * unknown option (`-z`), or is the message for one without its argument.
 */
export function parseFlags(args: string[], allowed: string, withArg = ''): { flags: Map<string, string | true>; rest: string[]; bad?: string } {
  const flags = new Map<string, string | true>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (withArg.includes(c)) {
        const value = a.slice(j + 1) || args[++i];
        if (value === undefined) return { flags, rest: [], bad: `-${c}: option requires an argument` };
        flags.set(c, value);
        break;
      }
      if (!allowed.includes(c)) return { flags, rest: [], bad: `-${c}` };
      flags.set(c, true);
    }
  }
  return { flags, rest: args.slice(i) };
}

/**
 * The options of a builtin that bash reads with internal_getopt (no_options() when `allowed`
 * is empty): the flags and the words after them, or the status once an unknown option has
 * been reported with the usage line.
 */
export async function leadingOptions(sh: Interpreter, name: string, args: string[], allowed: string, usage: string): Promise<{ flags: Set<string>; rest: string[] } | number> {
  const p = parseFlags(args, allowed);
  if (p.bad) return badOption(sh, name, p.bad, usage);
  return { flags: new Set(p.flags.keys()), rest: p.rest };
}
