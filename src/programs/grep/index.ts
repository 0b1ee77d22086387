// GNU grep 3.8.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { readColors } from './colors';
import { Inputs, QuitNow } from './files';
import { compileMatcher, type CompileProblem } from './matcher';
import { ExitError, parseArgs } from './options';
import { Run } from './search';

export const GREP_VERSION = `grep (GNU grep) 3.8
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by Mike Haertel and others; see
<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.`;

const HELP = `Usage: grep [OPTION]... PATTERNS [FILE]...
Print the lines of each FILE that match any of PATTERNS (one pattern a line).
Example: grep -n 'root' /etc/passwd /etc/group

Choosing the pattern language:
  -G, --basic-regexp        basic regular expressions (the default)
  -E, --extended-regexp     extended regular expressions
  -F, --fixed-strings       plain strings, no special characters
  -P, --perl-regexp         Perl-style expressions
  -e, --regexp=PATTERNS     the patterns to look for (may be repeated)
  -f, --file=FILE           read the patterns from FILE, one a line
  -i, --ignore-case         letters match either case
      --no-ignore-case      letters match only their own case (default)
  -w, --word-regexp         a match must be a whole word
  -x, --line-regexp         a match must be the whole line
  -z, --null-data           lines end with a zero byte instead of a newline

Messages and results:
  -s, --no-messages         say nothing about unreadable files
  -v, --invert-match        pick the lines that do NOT match
  -V, --version             show the version and exit
      --help                show this help and exit

What is printed:
  -m, --max-count=NUM       stop after NUM picked lines
  -b, --byte-offset         show each line's byte offset
  -n, --line-number         show each line's number
      --line-buffered       write out every line at once
  -H, --with-filename       show the file name on each line
  -h, --no-filename         never show file names
      --label=LABEL         the name to show for standard input
  -o, --only-matching       print only the matching part(s) of each line
  -q, --quiet, --silent     print nothing; only the exit status tells
      --binary-files=TYPE   treat binary files as 'binary', 'text' or 'without-match'
  -a, --text                same as --binary-files=text
  -I                        same as --binary-files=without-match
  -d, --directories=ACTION  'read', 'recurse' or 'skip' directories
  -D, --devices=ACTION      'read' or 'skip' devices, FIFOs and sockets
  -r, --recursive           search directories (symlinks inside are skipped)
  -R, --dereference-recursive  search directories, following every symlink
      --include=GLOB        search only files whose names match GLOB
      --exclude=GLOB        leave out files whose names match GLOB
      --exclude-from=FILE   leave out files matching any GLOB listed in FILE
      --exclude-dir=GLOB    leave out directories whose names match GLOB
  -L, --files-without-match  list only files with no picked line
  -l, --files-with-matches  list only files with a picked line
  -c, --count               show only how many lines were picked per file
  -T, --initial-tab         line up the text after a tab
  -Z, --null                end file names with a zero byte

Context:
  -B, --before-context=NUM  show NUM lines before each picked line
  -A, --after-context=NUM   show NUM lines after each picked line
  -C, --context=NUM         show NUM lines around each picked line
  -NUM                      same as --context=NUM
      --group-separator=SEP  print SEP between groups of lines (default --)
      --no-group-separator  print nothing between groups
      --color[=WHEN],
      --colour[=WHEN]       highlight matches: 'always', 'never' or 'auto'
  -U, --binary              keep carriage returns (accepted, no effect here)

With no FILE, grep reads standard input, or '.' with -r.  File names are shown when
there is more than one FILE.  The exit status is 0 when a line was picked, 1 when
none was, and 2 on an error (unless -q picked a line).
`;

/** grep proper; egrep and fgrep run it with -E or -F in front. */
export async function grepMain(ctx: Ctx, args: readonly string[]): Promise<number> {
  try {
    return await grep(ctx, args);
  } catch (e) {
    if (e instanceof ExitError) return e.status;
    throw e;
  }
}

async function grep(ctx: Ctx, args: readonly string[]): Promise<number> {
  const parsed = await parseArgs(ctx, args, ctx.env.has('POSIXLY_CORRECT'));
  if ('version' in parsed) {
    await ctx.print(`${GREP_VERSION}\n`);
    return 0;
  }
  if ('help' in parsed) {
    await ctx.print(HELP);
    return 0;
  }
  const cfg = parsed.config;
  // no patterns at all (grep -f /dev/null) matches nothing: the inverse of matching everything
  const noKeys = cfg.patterns.length === 0;
  if (noKeys) {
    cfg.invert = !cfg.invert;
    cfg.line = cfg.word = false;
    cfg.patterns.push({ text: '', file: '' });
  }
  const keysEmpty = cfg.patterns.length === 1 && cfg.patterns[0]!.text === '';
  if ((cfg.maxCount === 0 || (keysEmpty && cfg.invert && !cfg.line && !cfg.word)) && cfg.list !== 'nonmatching') return 1;
  let matcher;
  const warnings: string[] = [];
  try {
    matcher = compileMatcher(cfg, (w) => warnings.push(`warning: ${w}`));
  } catch (e) {
    const problem = e as CompileProblem;
    if (!Array.isArray(problem.errors)) throw e;
    for (const msg of problem.errors) await ctx.error(msg);
    return 2;
  } finally {
    for (const w of warnings) await ctx.error(w);
  }
  const colorWarnings: string[] = [];
  const colors = cfg.color ? readColors(ctx.env, (w) => colorWarnings.push(w)) : null;
  for (const w of colorWarnings) await ctx.error(w);
  let devNull = false;
  try {
    const st = ctx.sys.fstat(1);
    devNull = st.kind === 'chardev' && st.rdev?.[0] === 1 && st.rdev?.[1] === 3;
  } catch {
    devNull = false;
  }
  if (cfg.quiet || devNull || cfg.list !== 'none') cfg.count = false;
  if (cfg.quiet || devNull) cfg.list = 'none';
  const run = new Run(ctx, cfg, matcher, colors, devNull);
  // like error(3), a message first flushes the lines already selected
  const plainError = ctx.error.bind(ctx);
  ctx.error = async (message: string): Promise<void> => {
    await run.out.flush();
    await plainError(message);
  };
  let operands = cfg.operands;
  let omitDotSlash = false;
  if (operands.length === 0) {
    if (cfg.directories === 'recurse') {
      operands = ['.'];
      omitDotSlash = true;
    } else operands = ['-'];
  }
  const outFile = cfg.withFilename === true ? 1 : cfg.withFilename === false ? 0 : cfg.operands.length > 1 ? 1 : cfg.directories === 'recurse' ? -1 : 0;
  const inputs = new Inputs(run, outFile, omitDotSlash);
  try {
    for (const op of operands) {
      await ctx.tick();
      await inputs.operand(op);
    }
  } catch (e) {
    if (!(e instanceof QuitNow)) throw e;
    await run.out.flush();
    return 0;
  } finally {
    await run.out.flush();
  }
  if (run.out.broken && run.out.error && run.out.error.errno !== 'EPIPE') {
    await ctx.perror(run.out.error, 'write error');
    return 2;
  }
  return inputs.errseen && !(cfg.quiet && inputs.status === 0) ? 2 : inputs.status;
}

export default defineProgram({
  name: 'grep',
  installPath: '/usr/bin/grep',
  pkg: 'grep',
  async main(ctx, { operands }) {
    return grepMain(ctx, operands);
  },
});
