// gawk's command line: options end at the program text (or `--`); -F, -v and -f/-e may
// repeat; unknown options print the usage summary (status 1).

export interface Options {
  kind: 'run';
  sources: { kind: 'file' | 'text' | 'include'; value: string }[];
  /** -F and -v in the order given. */
  assigns: { kind: 'fs' | 'var'; value: string }[];
  operands: string[];
  /** The letters of the other options given (long ones by their short letter). */
  flags: Set<string>;
  /** -l libraries. */
  loads: string[];
  /** The arguments of -d, -D, -o, -p and -L (undefined: none attached). */
  optional: Map<string, string | undefined>;
}

export type ParsedOptions = Options | { kind: 'error'; message: string } | { kind: 'fatal'; message: string } | { kind: 'help' } | { kind: 'version' };

/** Names a -v assignment may not set: the language's keywords and built-in functions. */
const BUILTIN_NAMES = new Set(['BEGIN', 'END', 'BEGINFILE', 'ENDFILE', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'getline', 'print', 'printf', 'in', 'switch', 'case', 'default', 'length', 'substr', 'index', 'split', 'sub', 'gsub', 'gensub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush', 'systime', 'mktime', 'strftime', 'and', 'or', 'xor', 'compl', 'lshift', 'rshift', 'strtonum', 'asort', 'asorti', 'patsplit', 'isarray', 'typeof', 'bindtextdomain', 'dcgettext', 'dcngettext', 'mkbool']);

/** gawk checks a -v assignment as it reads the options: undefined when it is good. */
function badAssign(text: string): ParsedOptions | undefined {
  const eq = text.indexOf('=');
  if (eq < 0) return { kind: 'error', message: `\`${text}' argument to \`-v' not in \`var=value' form\n` };
  const name = text.slice(0, eq);
  if (BUILTIN_NAMES.has(name)) return { kind: 'fatal', message: `cannot use gawk builtin \`${name}' as variable name` };
  if (!/^(?:[A-Za-z_][A-Za-z0-9_]*::)?[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { kind: 'fatal', message: `\`${name}' is not a legal variable name` };
  return undefined;
}

export const VERSION = `GNU Awk 5.1.1, API: 3.1 (GNU MPFR 4.1.0-p13, GNU MP 6.2.1)
Copyright (C) 1989, 1991-2021 Free Software Foundation.

This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program. If not, see http://www.gnu.org/licenses/.
`;

export const USAGE = (name: string): string => `Usage: ${name} [POSIX or GNU style options] -f progfile [--] file ...
Usage: ${name} [POSIX or GNU style options] [--] 'program' file ...
POSIX options:		GNU long options: (standard)
	-f progfile		--file=progfile
	-F fs			--field-separator=fs
	-v var=val		--assign=var=val
Short options:		GNU long options: (extensions)
	-b			--characters-as-bytes
	-c			--traditional
	-C			--copyright
	-d[file]		--dump-variables[=file]
	-D[file]		--debug[=file]
	-e 'program-text'	--source='program-text'
	-E file			--exec=file
	-g			--gen-pot
	-h			--help
	-i includefile		--include=includefile
	-I			--trace
	-l library		--load=library
	-L[fatal|invalid|no-ext]	--lint[=fatal|invalid|no-ext]
	-M			--bignum
	-N			--use-lc-numeric
	-n			--non-decimal-data
	-o[file]		--pretty-print[=file]
	-O			--optimize
	-p[file]		--profile[=file]
	-P			--posix
	-r			--re-interval
	-s			--no-optimize
	-S			--sandbox
	-t			--lint-old
	-V			--version

Run the program on each line (record) of the files, or of standard input; a
rule is "pattern { action }". See awk(1) for the language.

Examples:
	${name} '{ sum += $1 }; END { print sum }' file
	${name} -F: '{ print $1 }' /etc/passwd
`;

/** Options taking an argument: short letter -> kind. */
const WITH_ARG: Record<string, string> = { F: 'F', f: 'f', v: 'v', e: 'e', E: 'f', i: 'i', l: 'l' };
/** Options whose argument is optional (attached only). */
const OPTIONAL_ARG = new Set(['d', 'D', 'o', 'p', 'L']);
const FLAGS = new Set(['b', 'c', 'C', 'g', 'h', 'I', 'M', 'N', 'n', 'O', 'P', 'r', 's', 'S', 't', 'V', 'Y']);

const LONG: Record<string, { short: string; arg: 'none' | 'required' | 'optional' }> = {
  'field-separator': { short: 'F', arg: 'required' },
  file: { short: 'f', arg: 'required' },
  assign: { short: 'v', arg: 'required' },
  source: { short: 'e', arg: 'required' },
  exec: { short: 'E', arg: 'required' },
  include: { short: 'i', arg: 'required' },
  load: { short: 'l', arg: 'required' },
  version: { short: 'V', arg: 'none' },
  help: { short: 'h', arg: 'none' },
  usage: { short: 'h', arg: 'none' },
  'characters-as-bytes': { short: 'b', arg: 'none' },
  traditional: { short: 'c', arg: 'none' },
  compat: { short: 'c', arg: 'none' },
  copyright: { short: 'C', arg: 'none' },
  'dump-variables': { short: 'd', arg: 'optional' },
  debug: { short: 'D', arg: 'optional' },
  'gen-pot': { short: 'g', arg: 'none' },
  trace: { short: 'I', arg: 'none' },
  lint: { short: 'L', arg: 'optional' },
  bignum: { short: 'M', arg: 'none' },
  'use-lc-numeric': { short: 'N', arg: 'none' },
  'non-decimal-data': { short: 'n', arg: 'none' },
  'pretty-print': { short: 'o', arg: 'optional' },
  optimize: { short: 'O', arg: 'none' },
  profile: { short: 'p', arg: 'optional' },
  posix: { short: 'P', arg: 'none' },
  're-interval': { short: 'r', arg: 'none' },
  'no-optimize': { short: 's', arg: 'none' },
  sandbox: { short: 'S', arg: 'none' },
  'lint-old': { short: 't', arg: 'none' },
};

/** gawk's dynamic extensions (the only libraries -l and @load can find). */
const EXTENSIONS = new Set(['filefuncs', 'fnmatch', 'fork', 'inplace', 'intdiv', 'ordchr', 'readdir', 'readdir_test', 'readfile', 'revoutput', 'revtwoway', 'rwarray', 'time', 'testext']);

/** Whether -l NAME names a library gawk would find. */
export function knownExtension(name: string): boolean {
  return EXTENSIONS.has(name.replace(/\.so$/, ''));
}

/** `warnings` receives the notes about -W options gawk does not know (it goes on without them). */
export function parseOptions(args: readonly string[], warnings: string[] = []): ParsedOptions {
  const opts: Options = { kind: 'run', sources: [], assigns: [], operands: [], flags: new Set(), loads: [], optional: new Map() };
  let help = false;
  let version = false;
  let bad: ParsedOptions | undefined;
  const apply = (short: string, value: string | undefined): void => {
    if (short === 'v') bad ??= badAssign(value!);
    if (short === 'F') opts.assigns.push({ kind: 'fs', value: value! });
    else if (short === 'v') opts.assigns.push({ kind: 'var', value: value! });
    else if (short === 'f' || short === 'E') opts.sources.push({ kind: 'file', value: value! });
    else if (short === 'i') opts.sources.push({ kind: 'include', value: value! });
    else if (short === 'e') opts.sources.push({ kind: 'text', value: value! });
    else if (short === 'l') opts.loads.push(value!);
    else if (short === 'h') help = true;
    else if (short === 'V') version = true;
    else {
      if (OPTIONAL_ARG.has(short)) opts.optional.set(short, value);
      opts.flags.add(short);
    }
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const exact = LONG[name];
      const matches = exact ? [name] : Object.keys(LONG).filter((k) => k.startsWith(name));
      const distinct = [...new Set(matches.map((m) => LONG[m]!.short))];
      if (distinct.length !== 1) return { kind: 'error', message: '' };
      const def = LONG[matches[0]!]!;
      let value: string | undefined = eq < 0 ? undefined : a.slice(eq + 1);
      if (def.arg === 'none' && value !== undefined) return { kind: 'error', message: '' };
      if (def.arg === 'required' && value === undefined) {
        if (i + 1 >= args.length) return { kind: 'error', message: `option '--${matches[0]}' requires an argument` };
        value = args[++i]!;
      }
      apply(def.short, value);
      if (bad) return bad;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'W') {
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) return { kind: 'error', message: `option requires an argument -- W` };
          value = args[++i]!;
        }
        const long = Object.keys(LONG).find((k) => k.startsWith(value.split('=')[0]!));
        if (long) apply(LONG[long]!.short, value.includes('=') ? value.slice(value.indexOf('=') + 1) : undefined);
        else warnings.push(`option \`-W ${value}' unrecognized, ignored`);
        if (bad) return bad;
        break;
      }
      if (c in WITH_ARG) {
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) return { kind: 'error', message: `option requires an argument -- ${c}` };
          value = args[++i]!;
        }
        apply(c, value);
        if (bad) return bad;
        break;
      }
      if (OPTIONAL_ARG.has(c)) {
        apply(c, a.slice(j + 1) || undefined);
        break;
      }
      if (!FLAGS.has(c)) return { kind: 'error', message: '' };
      apply(c, undefined);
      if (bad) return bad;
    }
  }
  if (version) return { kind: 'version' };
  if (help) return { kind: 'help' };
  // -i files are libraries: without -f or -e the program is still the first operand
  if (!opts.sources.some((s) => s.kind !== 'include')) {
    if (i >= args.length) return { kind: 'error', message: '' };
    opts.sources.push({ kind: 'text', value: args[i++]! });
  }
  opts.operands = args.slice(i);
  return opts;
}
