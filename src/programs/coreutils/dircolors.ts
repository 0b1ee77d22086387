// dircolors: turns a colour database (FILE, or the built-in one) into shell code that sets
// LS_COLORS. TERM and COLORTERM lines, glob patterns, select the entries that follow for the
// terminal in use; keywords are mapped to ls's two-letter indicators, ".ext" and "*name" to
// suffix rules.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote, quotef } from '../lib/quote';
import { Output, readAllBin } from '../lib/textio';
import { fnmatch } from './ls/colors';

const KEYWORDS: Record<string, string> = {
  NORMAL: 'no', NORM: 'no', FILE: 'fi', RESET: 'rs', DIR: 'di', LNK: 'ln', LINK: 'ln', SYMLINK: 'ln',
  ORPHAN: 'or', MISSING: 'mi', FIFO: 'pi', PIPE: 'pi', SOCK: 'so', BLK: 'bd', BLOCK: 'bd', CHR: 'cd',
  CHAR: 'cd', DOOR: 'do', EXEC: 'ex', LEFT: 'lc', LEFTCODE: 'lc', RIGHT: 'rc', RIGHTCODE: 'rc', END: 'ec',
  ENDCODE: 'ec', SUID: 'su', SETUID: 'su', SGID: 'sg', SETGID: 'sg', STICKY: 'st', OTHER_WRITABLE: 'ow',
  OWR: 'ow', STICKY_OTHER_WRITABLE: 'tw', OWT: 'tw', CAPABILITY: 'ca', MULTIHARDLINK: 'mh', CLRTOEOL: 'cl',
};

const spec = {
  name: 'dircolors',
  installPath: '/usr/bin/dircolors',
  pkg: 'coreutils',
  usage: 'dircolors [OPTION]... [FILE]',
  help: `Print shell commands that set LS_COLORS, the colours of ls --color.

Output format:
  -b, --sh, --bourne-shell    Bourne shell code to set LS_COLORS
  -c, --csh, --c-shell        C shell code to set LS_COLORS
  -p, --print-database        the built-in database
      --print-ls-colors       each colour setting, shown in its own colour
${HELP_LINES}

The colours come from FILE when given, otherwise from the built-in database;
'dircolors --print-database' shows it and explains its format.
${coreutilsHelpFooter('dircolors')}`,
  version: coreutilsVersion('dircolors', ['H. Peter Anvin']),
  options: [
    { key: 'b', short: 'b', long: 'bourne-shell' },
    { key: 'b', long: 'sh' },
    { key: 'c', short: 'c', long: 'c-shell' },
    { key: 'c', long: 'csh' },
    { key: 'p', short: 'p', long: 'print-database' },
    { key: 'print-ls-colors', long: 'print-ls-colors' },
  ],
};

/** The keyword and argument of a database line (the argument ends at '#'). */
function parseLine(line: string): { key?: string; arg?: string } {
  const m = /^[ \t\n\v\f\r]*([^ \t\n\v\f\r]*)/.exec(line)!;
  const key = m[1]!;
  if (key === '' || key.startsWith('#')) return {};
  const rest = line.slice(m[0].length).replace(/^[ \t\n\v\f\r]+/, '');
  if (rest === '' || rest.startsWith('#') || m[0].length === line.length) return { key };
  const arg = rest.replace(/#.*$/s, '').replace(/[ \t\n\v\f\r]+$/, '');
  return { key, arg };
}

/** Escapes ':' and '=' with a backslash (unless one precedes them) and ' for the shell. */
function shellQuoted(s: string): string {
  let out = '';
  let needBackslash = true;
  for (const c of s) {
    if (c === "'") {
      out += "'\\'";
      needBackslash = true;
    } else if (c === '\\' || c === '^') needBackslash = !needBackslash;
    else if (c === ':' || c === '=') {
      if (needBackslash) out += '\\';
      needBackslash = true;
    } else needBackslash = true;
    out += c;
  }
  return out;
}

/** The LS_COLORS entries of `text` (or of --print-ls-colors), or undefined after error messages. */
async function parse(ctx: Ctx, text: string, source: string, display: boolean): Promise<string | undefined> {
  const env = (k: string): string | undefined => ctx.env.get(k);
  const term = env('TERM') || 'none';
  const colorterm = env('COLORTERM') ?? '';
  let state: 'global' | 'no' | 'yes' | 'sure' = 'global';
  let ok = true;
  let out = '';
  const append = (prefix: string, item: string, arg: string): void => {
    out += display ? `\x1b[${arg}m${prefix}${item}\t${arg}\x1b[0m\n` : `${prefix}${shellQuoted(item)}=${shellQuoted(arg)}:`;
  };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    if (i % 256 === 0) await ctx.tick();
    const { key, arg } = parseLine(lines[i]!);
    if (key === undefined) continue;
    if (arg === undefined) {
      await ctx.error(`${source}:${i + 1}: invalid line;  missing second token`);
      ok = false;
      continue;
    }
    const upper = key.toUpperCase();
    let unrecognized = false;
    if (upper === 'TERM' || upper === 'COLORTERM') {
      if (state !== 'sure') state = fnmatch(arg, upper === 'TERM' ? term : colorterm) ? 'sure' : 'no';
    } else {
      if (state === 'sure') state = 'yes';
      if (state !== 'no') {
        if (key.startsWith('.')) append('*', key, arg);
        else if (key.startsWith('*')) append('', key, arg);
        else if (upper === 'OPTIONS' || upper === 'COLOR' || upper === 'EIGHTBIT') {
          // accepted for old databases, and ignored
        } else if (Object.hasOwn(KEYWORDS, upper)) append('', KEYWORDS[upper]!, arg);
        else unrecognized = true;
      }
    }
    if (unrecognized && (state === 'sure' || state === 'yes')) {
      await ctx.error(`${source}:${i + 1}: unrecognized keyword ${key}`);
      ok = false;
    }
  }
  return ok ? out : undefined;
}

async function readSource(ctx: Ctx, file: string): Promise<string | undefined> {
  try {
    const fd = file === '-' ? 0 : await ctx.sys.open(file, { read: true });
    try {
      return await readAllBin(ctx, fd);
    } finally {
      if (fd !== 0) ctx.sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`${quotef(file)}: ${strerror(e.errno)}`);
    return undefined;
  }
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let syntax: 'sh' | 'csh' | undefined;
    for (const { key } of args.order) {
      if (key === 'b') syntax = 'sh';
      else if (key === 'c') syntax = 'csh';
    }
    const printDb = args.flags.has('p');
    const display = args.flags.has('print-ls-colors');
    if ((printDb || display) && syntax !== undefined) {
      return usageError(ctx, spec, 'the options to output non shell syntax,\nand to select a shell syntax are mutually exclusive');
    }
    if (printDb && display) return usageError(ctx, spec, 'options --print-database and --print-ls-colors are mutually exclusive');
    const ops = args.operands;
    const allowed = printDb ? 0 : 1;
    if (ops.length > allowed) {
      const msg = `extra operand ${quote(ops[allowed]!)}`;
      return usageError(ctx, spec, printDb ? `${msg}\nfile operands cannot be combined with --print-database (-p)` : msg);
    }
    const { DIRCOLORS_DB } = await ctx.sys.loadCode(() => import('./dircolors-db'));
    if (printDb) {
      await ctx.print(DIRCOLORS_DB);
      return 0;
    }
    if (!display && syntax === undefined) {
      const shell = ctx.env.get('SHELL');
      if (!shell) {
        await ctx.error('no SHELL environment variable, and no shell type option given');
        return 1;
      }
      const base = shell.replace(/\/+$/, '').replace(/^.*\//, '');
      syntax = base === 'csh' || base === 'tcsh' ? 'csh' : 'sh';
    }
    let text = DIRCOLORS_DB;
    let source = '<internal>';
    if (ops.length) {
      const t = await readSource(ctx, ops[0]!);
      if (t === undefined) return 1;
      text = t;
      source = quotef(ops[0]!);
    }
    const entries = await parse(ctx, text, source, display);
    if (entries === undefined) return 1;
    // the entries are bytes (a binary string) as read from FILE
    const out = new Output(ctx);
    if (display) out.push(entries);
    else if (syntax === 'sh') out.push(`LS_COLORS='${entries}';\nexport LS_COLORS\n`);
    else out.push(`setenv LS_COLORS '${entries}'\n`);
    return out.finish(0);
  },
});
