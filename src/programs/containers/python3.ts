// python3 3.12.7 of the python image (/usr/local/bin/python3.12): `--version`, `-c CODE`, a
// script file, a program on standard input when it is not a terminal, and on a terminal the
// interactive prompt (banner and prompts on stderr, as CPython writes them; Ctrl-D, exit() or
// quit() leave it; Ctrl-C gives KeyboardInterrupt). The language is the small subset of
// python-eval.ts; errors print CPython's traceback shape.
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { CONTAINER_PKG } from './pkg';
import { Interpreter, PyError, repr, SystemExit, type PyHost } from './python-eval';

export const PYTHON_VERSION = '3.12.7';
const BUILD = `(main, Oct  1 2024, 22:28:49) [GCC 12.2.0]`;
const SYS_VERSION = `${PYTHON_VERSION} ${BUILD}`;

const USAGE = 'usage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\n';
const TRY = "Try `python -h' for more information.\n";
const HELP = `${USAGE}Options:
-c cmd : run the program given as cmd (ends the options)
-h     : show this help and exit (also -? and --help)
-i     : accepted and ignored here
-q     : start the interactive prompt without the banner
-u     : accepted and ignored here (output is unbuffered anyway)
-V     : show the version and exit (also --version; -VV adds the build)
file   : run the program in file
-      : read the program from standard input (the default; the
         interactive prompt when that is a terminal)
arg ...: the program's arguments, sys.argv[1:]
`;

type Source = { kind: 'string'; text: string } | { kind: 'file'; path: string } | { kind: 'stdin' };

/** The simple statements of a program (`;` separates them too); `first`: it starts its line. */
function splitStatements(text: string): { line: number; src: string; first: boolean }[] {
  const out: { line: number; src: string; first: boolean }[] = [];
  text.split('\n').forEach((raw, i) => {
    let depth = 0;
    let quote = '';
    let start = 0;
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j]!;
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#') break;
      else if ('([{'.includes(c)) depth++;
      else if (')]}'.includes(c)) depth--;
      else if (c === ';' && depth === 0) {
        out.push({ line: i + 1, src: raw.slice(start, j), first: start === 0 });
        start = j + 1;
      }
    }
    out.push({ line: i + 1, src: raw.slice(start), first: start === 0 });
  });
  return out;
}

function host(ctx: Ctx, argv: string[]): PyHost {
  return { argv, cwd: () => ctx.sys.getcwd(), pid: ctx.sys.pid, env: ctx.env, now: () => ctx.sys.now(), out: [], version: SYS_VERSION };
}

async function flush(ctx: Ctx, h: PyHost): Promise<void> {
  if (h.out.length) await ctx.print(h.out.splice(0).join(''));
  await ctx.out.flush();
}

/** CPython's report of an uncaught exception (or of a syntax error, which never ran). */
function report(e: PyError, file: string, line: number, src: string, showSource: boolean): string {
  if (e.type === 'SyntaxError') {
    const text = src.replace(/^\s+/, '');
    const col = Math.max(0, e.col - (src.length - text.length));
    return `  File "${file}", line ${line}\n    ${text}\n    ${' '.repeat(col)}^\nSyntaxError: ${e.message}\n`;
  }
  const where = `  File "${file}", line ${line}, in <module>\n${showSource ? `    ${src.trim()}\n` : ''}`;
  return `Traceback (most recent call last):\n${where}${e.type}${e.message ? `: ${e.message}` : ''}\n`;
}

/** Runs a whole program; the exit status. */
async function runProgram(ctx: Ctx, text: string, file: string, argv: string[], showSource: boolean): Promise<number> {
  const h = host(ctx, argv);
  const py = new Interpreter(h);
  const statements = splitStatements(text);
  // CPython compiles the whole file first: a syntax error anywhere means nothing runs
  for (const s of statements) {
    if (s.first && /^\s+\S/.test(s.src) && !/^\s*#/.test(s.src)) {
      await ctx.err.write(`  File "${file}", line ${s.line}\n    ${s.src.trim()}\nIndentationError: unexpected indent\n`);
      return 1;
    }
  }
  for (const s of statements) {
    await ctx.tick();
    try {
      py.exec(s.src);
    } catch (e) {
      await flush(ctx, h);
      if (e instanceof SystemExit) {
        if (e.text !== undefined) await ctx.err.write(`${e.text}\n`);
        return e.code;
      }
      if (!(e instanceof PyError)) throw e;
      await ctx.err.write(report(e, file, s.line, s.src, showSource));
      return 1;
    }
    await flush(ctx, h);
  }
  return 0;
}

async function readLine(ctx: Ctx, pending: { text: string }): Promise<string | null> {
  const decoder = new TextDecoder();
  for (;;) {
    const nl = pending.text.indexOf('\n');
    if (nl >= 0) {
      const line = pending.text.slice(0, nl);
      pending.text = pending.text.slice(nl + 1);
      return line;
    }
    const chunk = await ctx.sys.read(0);
    if (chunk === null || chunk.length === 0) {
      if (pending.text) {
        const line = pending.text;
        pending.text = '';
        return line;
      }
      return null;
    }
    pending.text += decoder.decode(chunk);
  }
}

async function repl(ctx: Ctx, quiet: boolean): Promise<number> {
  if (!quiet) await ctx.err.write(`Python ${SYS_VERSION} on linux\nTry "help", "copyright", "credits" or "license" to learn more.\n`);
  const h = host(ctx, ['']);
  const py = new Interpreter(h);
  for (const [name, text] of [['copyright', 'Copyright (c) 2001-2024 Python Software Foundation.\nAll Rights Reserved.'], ['credits', 'Thanks to the many people who build and support Python; see https://www.python.org/ for more.'], ['license', 'Type license() to see the full license text']] as const) {
    py.vars.set(name, { kind: 'builtin', name, call: () => { h.out.push(`${text}\n`); return null; } });
  }
  let interrupted = false;
  ctx.sys.signal(SIGNALS.SIGINT, () => (interrupted = true));
  const pending = { text: '' };
  for (;;) {
    await ctx.err.write('>>> ');
    await ctx.err.flush();
    let line: string | null;
    try {
      line = await readLine(ctx, pending);
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR' && interrupted) {
        interrupted = false;
        pending.text = '';
        await ctx.err.write('\nKeyboardInterrupt\n');
        continue;
      }
      throw e;
    }
    if (line === null) {
      await ctx.err.write('\n');
      return 0;
    }
    if (/:\s*$/.test(line)) {
      // a block: read its body as CPython's prompt does, then say this interpreter lacks blocks
      for (;;) {
        await ctx.err.write('... ');
        await ctx.err.flush();
        const more = await readLine(ctx, pending);
        if (more === null || more.trim() === '') break;
      }
    }
    const word = line.trim();
    if (word === 'exit' || word === 'quit') {
      h.out.push(`Type ${word}() or press Ctrl-D to leave.\n`);
      await flush(ctx, h);
      continue;
    }
    try {
      for (const s of splitStatements(line)) {
        const r = py.exec(s.src);
        await flush(ctx, h);
        if (r.value !== undefined && r.value !== null) await ctx.print(`${repr(r.value)}\n`);
      }
    } catch (e) {
      await flush(ctx, h);
      if (e instanceof SystemExit) {
        if (e.text !== undefined) await ctx.err.write(`${e.text}\n`);
        return e.code;
      }
      if (!(e instanceof PyError)) throw e;
      // each interactive input is compiled on its own: always line 1
      await ctx.err.write(report(e, '<stdin>', 1, line, false));
    }
    await ctx.out.flush();
  }
}

export default defineProgram({
  name: 'python3',
  installPath: '/usr/local/bin/python3.12',
  pkg: CONTAINER_PKG,
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let quiet = false;
    let source: Source | undefined;
    let rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-V' || a === '--version') {
        await ctx.print(`Python ${PYTHON_VERSION}\n`);
        return 0;
      }
      if (a === '-VV') {
        await ctx.print(`Python ${SYS_VERSION}\n`);
        return 0;
      }
      if (a === '-h' || a === '--help' || a === '-?') {
        await ctx.print(HELP);
        return 0;
      }
      if (a === '-c') {
        if (i + 1 >= args.length) {
          await ctx.err.write(`Argument expected for the -c option\n${USAGE}${TRY}`);
          return 2;
        }
        source = { kind: 'string', text: args[i + 1]! };
        rest = ['-c', ...args.slice(i + 2)];
        break;
      }
      if (a.startsWith('-c') && a.length > 2) {
        source = { kind: 'string', text: a.slice(2) };
        rest = ['-c', ...args.slice(i + 1)];
        break;
      }
      if (a === '-m') {
        const mod = args[i + 1];
        if (mod === undefined) {
          await ctx.err.write(`Argument expected for the -m option\n${USAGE}${TRY}`);
          return 2;
        }
        await ctx.err.write(`${ctx.argv[0]}: No module named ${mod}\n`);
        return 1;
      }
      if (a === '-') {
        source = { kind: 'stdin' };
        rest = ['-', ...args.slice(i + 1)];
        break;
      }
      if (/^-[qBEIsSuvO]+$/.test(a) || a === '-i') {
        if (a.includes('q')) quiet = true;
        continue;
      }
      if (a.startsWith('-')) {
        await ctx.err.write(`unknown option ${a}\n${USAGE}${TRY}`);
        return 2;
      }
      source = { kind: 'file', path: a };
      rest = args.slice(i);
      break;
    }
    if (source?.kind === 'string') return runProgram(ctx, source.text, '<string>', rest, false);
    if (source?.kind === 'file') {
      let text: string;
      try {
        text = new TextDecoder().decode(await ctx.sys.readFile(source.path));
      } catch (e) {
        if (!isSysError(e)) throw e;
        const abs = source.path.startsWith('/') ? source.path : `${ctx.sys.getcwd().replace(/\/$/, '')}/${source.path}`;
        const [n, text2] = e.errno === 'EISDIR' ? [21, 'Is a directory'] : e.errno === 'EACCES' ? [13, 'Permission denied'] : [2, 'No such file or directory'];
        await ctx.err.write(`${ctx.argv[0]}: can't open file '${abs}': [Errno ${n}] ${text2}\n`);
        return 2;
      }
      return runProgram(ctx, text, source.path, rest, true);
    }
    if (source === undefined && ctx.sys.isatty(0)) return repl(ctx, quiet);
    return runProgram(ctx, await ctx.readAll(0), '<stdin>', rest.length ? rest : [''], false);
  },
});
