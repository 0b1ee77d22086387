// xargs (GNU findutils 4.9.0): builds command lines from standard input and runs them,
// one at a time. Exit 0; 123 if a command exited 1-125; 124 on 255; 125 on a signal;
// 126/127 when the command cannot run or is not found; 1 on xargs' own errors.
import { strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import type { OptionDef } from '../lib/getopt';
import { quotearg } from '../lib/quotearg';
import { readLine } from '../lib/yesno';
import { FINDUTILS_VERSION } from './version';
import { runCommand } from './run';
import { ArgReader, ByteReader, XargsInputError } from './xargs-input';

const POSIX_MAX = 2097152 - 2048;
const MAX_PROCS = 2147483647;
const encoder = new TextEncoder();
const bytes = (s: string): number => encoder.encode(s).length;

class XargsExit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

const OPTIONS: OptionDef[] = [
  { key: '0', short: '0', long: 'null' },
  { key: 'a', short: 'a', long: 'arg-file', arg: 'required' },
  { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
  { key: 'E', short: 'E', arg: 'required' },
  { key: 'e', short: 'e', long: 'eof', arg: 'optional' },
  { key: 'I', short: 'I', arg: 'required' },
  { key: 'i', short: 'i', long: 'replace', arg: 'optional' },
  { key: 'L', short: 'L', arg: 'required' },
  { key: 'l', short: 'l', long: 'max-lines', arg: 'optional' },
  { key: 'n', short: 'n', long: 'max-args', arg: 'required' },
  { key: 'o', short: 'o', long: 'open-tty' },
  { key: 'p', short: 'p', long: 'interactive' },
  { key: 'r', short: 'r', long: 'no-run-if-empty' },
  { key: 's', short: 's', long: 'max-chars', arg: 'required' },
  { key: 't', short: 't', long: 'verbose' },
  { key: 'S', long: 'show-limits' },
  { key: 'x', short: 'x', long: 'exit' },
  { key: 'P', short: 'P', long: 'max-procs', arg: 'required' },
  { key: 'slot', long: 'process-slot-var', arg: 'required' },
  { key: 'version', long: 'version' },
  { key: 'help', long: 'help' },
];

const HELP = `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with the INITIAL-ARGS followed by arguments read from standard input.

  -0, --null                   input items end with a NUL byte; quotes and
                                 backslashes are ordinary characters
  -a, --arg-file=FILE          read the items from FILE instead of standard input
  -d, --delimiter=CHARACTER    input items end with CHARACTER (no quoting)
  -E END                       stop reading at a line that is exactly END
  -e, --eof[=END]              the same as -E END; without END, no end marker
  -I R                         the same as --replace=R
  -i, --replace[=R]            put each input line where R (default {}) appears
                                 in INITIAL-ARGS
  -L, --max-lines=MAX-LINES    at most MAX-LINES non-blank input lines per command
  -l[MAX-LINES]                like -L, one line when MAX-LINES is left out
  -n, --max-args=MAX-ARGS      at most MAX-ARGS arguments per command
  -o, --open-tty               give COMMAND the terminal as standard input
  -P, --max-procs=MAX-PROCS    allow MAX-PROCS commands at once
  -p, --interactive            ask before running each command
      --process-slot-var=VAR   set VAR in each command's environment
  -r, --no-run-if-empty        do not run COMMAND at all when there is no input
  -s, --max-chars=MAX-CHARS    keep each command line under MAX-CHARS bytes
      --show-limits            describe the command-line limits
  -t, --verbose                show each command on standard error first
  -x, --exit                   stop if a command line would be too long
      --help                   show this help and exit
      --version                show the version and exit

COMMAND defaults to echo.

Full documentation: <https://www.gnu.org/software/findutils/xargs>
or available locally via: info xargs
`;

async function usageFail(ctx: Ctx, msg: string): Promise<never> {
  await ctx.err.write(`${ctx.name}: ${msg}\nTry '${ctx.name} --help' for more information.\n`);
  throw new XargsExit(1);
}

/** xargs parse_num: a whole decimal number within [min, max]. */
async function parseNum(ctx: Ctx, str: string, opt: string, min: number, max: number, fatal: boolean): Promise<number> {
  const m = /^[ \t\n]*[+-]?\d+$/.exec(str);
  if (!m) return usageFail(ctx, `invalid number "${str}" for -${opt} option`);
  const val = Number(str.trim());
  if (val < min) {
    if (fatal) return usageFail(ctx, `value ${str} for -${opt} option should be >= ${min}`);
    await ctx.err.write(`${ctx.name}: value ${str} for -${opt} option should be >= ${min}\n`);
    return min;
  }
  if (max >= 0 && val > max) {
    if (fatal) return usageFail(ctx, `value ${str} for -${opt} option should be <= ${max}`);
    await ctx.err.write(`${ctx.name}: value ${str} for -${opt} option should be <= ${max}\n`);
    return max;
  }
  return val;
}

async function delimiter(ctx: Ctx, s: string): Promise<number> {
  const b = encoder.encode(s);
  if (b.length === 1) return b[0]!;
  if (s[0] !== '\\') {
    await ctx.error(`Invalid input delimiter specification ${s}: the delimiter must be either a single character or an escape sequence starting with \\.`);
    throw new XargsExit(1);
  }
  // findutils looks at the character after the backslash only; what follows a letter is ignored
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };
  if (simple[s[1]!] !== undefined) return simple[s[1]!]!;
  const fail = async (why: string): Promise<never> => {
    await ctx.error(`Invalid escape sequence ${s} in input delimiter specification${why}.`);
    throw new XargsExit(1);
  };
  const hex = s[1] === 'x';
  if (!hex && !/[0-9]/.test(s[1]!)) return fail('');
  const { value, rest } = strtoul(s.slice(hex ? 2 : 1), hex ? 16 : 8);
  if (value > 255) return fail(`; character values must not exceed ${hex ? 'ff' : '377'}`);
  if (rest) return fail(`; trailing characters ${rest} not recognised`);
  return value;
}

/** strtoul(3): leading blanks, a sign, 0x before hex digits; the value (a negative one wraps, so is
 * huge) and the text after the number (all of it when there is no number). */
function strtoul(text: string, base: 8 | 16): { value: number; rest: string } {
  const m = /^([ \t\n\v\f\r]*)([-+]?)/.exec(text)!;
  let i = m[0].length;
  if (base === 16 && /^0[xX][0-9a-fA-F]/.test(text.slice(i))) i += 2;
  const digits = (base === 16 ? /^[0-9a-fA-F]+/ : /^[0-7]+/).exec(text.slice(i));
  if (!digits) return { value: 0, rest: text };
  const n = parseInt(digits[0], base);
  return { value: m[2] === '-' && n !== 0 ? Infinity : n, rest: text.slice(i + digits[0].length) };
}

export default defineProgram({
  name: 'xargs',
  installPath: '/usr/bin/xargs',
  pkg: 'findutils',
  options: OPTIONS,
  posixOrder: true,
  async main(ctx, parsed) {
    try {
      return await run(ctx, parsed.order, parsed.operands);
    } catch (e) {
      if (e instanceof XargsExit) return e.status;
      throw e;
    }
  },
});

async function run(ctx: Ctx, order: { key: string; value: string | undefined }[], operands: string[]): Promise<number> {
  let delim: number | undefined;
  let eofStr: string | undefined;
  let replacePat: string | undefined;
  let linesPerExec = 0;
  let argsPerExec = 0;
  let argMax = 131072;
  let exitIfSize = false;
  let printCommand = false;
  let query = false;
  let alwaysRun = true;
  let openTty = false;
  // commands run one at a time, so each gets slot 0
  let slotVar: string | undefined;
  let showLimits = false;
  let inputFile = '-';
  let envSize = 0;
  for (const [k, v] of ctx.env) envSize += bytes(`${k}=${v}`) + 1;
  const posixMax = POSIX_MAX - envSize;
  const warnExclusive = (a: string, b: string): Promise<void> => ctx.error(`warning: options ${b} and ${a} are mutually exclusive, ignoring previous ${b} value`);
  for (const { key, value } of order) {
    switch (key) {
      case 'help':
        await ctx.print(HELP);
        return 0;
      case 'version':
        await ctx.print(`${FINDUTILS_VERSION('xargs')}\n`);
        return 0;
      case '0': delim = 0; break;
      case 'd': delim = await delimiter(ctx, value!); break;
      case 'E': case 'e': eofStr = value ? value : undefined; break;
      case 'I': case 'i':
        replacePat = value ?? '{}';
        if (argsPerExec) await warnExclusive('--replace/-I/-i', '--max-args');
        if (linesPerExec) await warnExclusive('--replace/-I/-i', '--max-lines');
        argsPerExec = 0;
        linesPerExec = 0;
        break;
      case 'L': case 'l': {
        linesPerExec = value === undefined ? 1 : await parseNum(ctx, value, key, 1, -1, true);
        const name = key === 'L' ? '-L' : '--max-lines/-l';
        if (argsPerExec) await warnExclusive(name, '--max-args');
        if (replacePat !== undefined) await warnExclusive(name, '--replace');
        argsPerExec = 0;
        replacePat = undefined;
        break;
      }
      case 'n':
        argsPerExec = await parseNum(ctx, value!, 'n', 1, -1, true);
        if (linesPerExec) await warnExclusive('--max-args/-n', '--max-lines');
        linesPerExec = 0;
        if (replacePat !== undefined) {
          if (argsPerExec === 1) argsPerExec = 0;
          else {
            await warnExclusive('--max-args/-n', '--replace');
            replacePat = undefined;
          }
        }
        break;
      case 's': argMax = await parseNum(ctx, value!, 's', 1, posixMax, false); break;
      case 'S': showLimits = true; break;
      case 't': printCommand = true; break;
      case 'x': exitIfSize = true; break;
      case 'o': openTty = true; break;
      case 'p': query = true; printCommand = true; break;
      case 'r': alwaysRun = false; break;
      case 'P': await parseNum(ctx, value!, 'P', 0, MAX_PROCS, true); break;
      case 'a': inputFile = value!; break;
      case 'slot':
        if (value!.includes('=')) {
          await ctx.error("option --process-slot-var may not be set to a value which includes `='");
          return 1;
        }
        slotVar = value!;
        break;
    }
  }
  if (eofStr !== undefined && delim !== undefined) await ctx.error('warning: the -E option has no effect if -0 or -d is used.\n');
  let inFd = 0;
  if (inputFile !== '-') {
    try {
      inFd = await ctx.sys.open(inputFile, { read: true });
    } catch (e) {
      await ctx.perror(e, `Cannot open input file ${quotearg(inputFile, { style: 'locale' })}`);
      return 1;
    }
  }
  if (replacePat !== undefined || linesPerExec) exitIfSize = true;
  const initial = operands.length ? operands : ['echo'];
  if (showLimits) {
    await ctx.err.write(
      `Your environment variables take up ${envSize} bytes\nPOSIX upper limit on argument length (this system): ${posixMax}\n` +
        `POSIX smallest allowable upper limit on argument length (all systems): 4096\nMaximum length of command we could actually use: ${posixMax - envSize}\nSize of command buffer we are actually using: ${argMax}\nMaximum parallelism (--max-procs must be no greater): ${MAX_PROCS}\n`,
    );
    if (ctx.sys.isatty(0)) {
      await ctx.err.write('\nExecution of xargs will continue now, and it will try to read its input and run commands; if this is not what you wanted to happen, please type the end-of-file keystroke.\n');
      if (alwaysRun) await ctx.err.write(`Warning: ${initial[0]} will be run at least once.  If you do not want that to happen, then press the interrupt keystroke.\n`);
    }
  }

  let childError = 0;
  let executed = 0;
  const initialChars = initial.reduce((n, a) => n + bytes(a) + 1, 0);
  let args: string[] = [];
  let chars = initialChars;
  if (replacePat === undefined && initialChars > argMax) {
    await ctx.error('cannot fit single argument within argument list size limit');
    return 1;
  }

  const exec = async (argv: string[]): Promise<void> => {
    if (printCommand) {
      await ctx.out.flush();
      await ctx.err.write(argv.map((a) => quotearg(a, { style: 'shell-escape' })).join(' '));
      if (query) {
        await ctx.err.flush();
        let tty: number;
        try {
          tty = await ctx.sys.open('/dev/tty', { read: true });
        } catch (e) {
          await ctx.perror(e, 'failed to open /dev/tty for reading');
          throw new XargsExit(1);
        }
        await ctx.err.write('?...');
        await ctx.err.flush();
        const answer = await readLine(ctx, tty);
        ctx.sys.close(tty);
        if (answer === null) {
          await ctx.error('Failed to read from stdin');
          throw new XargsExit(1);
        }
        if (!/^[yY]/.test(answer)) return;
      } else {
        await ctx.err.write('\n');
      }
    }
    executed++;
    if (openTty) await checkTty(ctx, argv[0]!);
    const env = slotVar === undefined ? undefined : new Map([...ctx.env, [slotVar, '0']]);
    const r = await runCommand(ctx, argv, openTty ? { stdinPath: '/dev/tty', env } : { stdinNull: inputFile === '-', env });
    if (r.execError) {
      await ctx.error(`${argv[0]}: ${strerror(r.execError.errno)}`);
      throw new XargsExit(r.execError.errno === 'ENOENT' ? 127 : 126);
    }
    const st = r.status;
    if (st.kind === 'exited' && st.code === 255) {
      await ctx.error(`${argv[0]}: exited with status 255; aborting`);
      throw new XargsExit(124);
    }
    if (st.kind === 'signaled' || st.kind === 'stopped') {
      await ctx.error(`${argv[0]}: ${st.kind === 'stopped' ? 'stopped' : 'terminated'} by signal ${st.signal}`);
      throw new XargsExit(125);
    }
    if (st.kind === 'exited' && st.code !== 0) childError = 123;
  };
  // xargs dies of an error with status 1, unless a command had failed before: its exit
  // handler waits for the children and then ends with 123
  const failed = (): number => childError || 1;
  const doExec = async (): Promise<void> => {
    const argv = [...initial, ...args];
    args = [];
    chars = initialChars;
    await exec(argv);
  };
  const push = async (text: string): Promise<void> => {
    const len = bytes(text) + 1;
    if (chars + len > argMax) {
      if (args.length === 0) {
        await ctx.error('cannot fit single argument within argument list size limit');
        throw new XargsExit(failed());
      }
      if (replacePat !== undefined || (exitIfSize && (linesPerExec || argsPerExec))) {
        await ctx.error('argument list too long');
        throw new XargsExit(failed());
      }
      await doExec();
    }
    args.push(text);
    chars += len;
    if (argsPerExec && args.length === argsPerExec) await doExec();
  };
  const beforeDie = async (): Promise<void> => {
    if (replacePat !== undefined || args.length === 0 || exitIfSize) return;
    await doExec();
  };
  const reader = new ArgReader(
    new ByteReader(ctx.sys, inFd),
    {
      delimiter: delim,
      eofStr: delim === undefined ? eofStr : undefined,
      replace: replacePat !== undefined,
      // with -I a line only has to fit the buffer; the command is checked when it is built
      maxArg: replacePat === undefined ? argMax - initialChars - 1 : argMax - 1,
      warnNul: () => ctx.error('WARNING: a NUL character occurred in the input.  It cannot be passed through in the argument list.  Did you mean to use the --null option?'),
    },
    push,
    beforeDie,
  );
  try {
    if (replacePat === undefined) {
      for (;;) {
        await ctx.tick();
        const r = await reader.next();
        if (r === -1) break;
        if (linesPerExec && reader.lineno >= linesPerExec) {
          await doExec();
          reader.lineno = 0;
        }
      }
      if (args.length || (alwaysRun && executed === 0)) await doExec();
    } else {
      const pat = replacePat;
      for (;;) {
        await ctx.tick();
        const r = await reader.next();
        if (r === -1) break;
        const argv: string[] = [];
        let used = 0;
        for (const [k, a] of initial.entries()) {
          let arg = a;
          if (k > 0 && a.includes(pat)) {
            // an empty replace string matches without end: the command never fits
            arg = pat ? a.split(pat).join(r.text) : '';
            if (!pat || bytes(arg) >= argMax - 1) {
              await ctx.error('command too long');
              return failed();
            }
          }
          used += bytes(arg) + 1;
          if (used > argMax) {
            await ctx.error(k === 0 ? 'cannot fit single argument within argument list size limit' : 'argument list too long');
            return failed();
          }
          argv.push(arg);
        }
        await exec(argv);
      }
    }
  } catch (e) {
    if (e instanceof XargsInputError) {
      await ctx.error(e.message);
      return failed();
    }
    throw e;
  }
  return childError;
}

/**
 * -o without a terminal: GNU's child fails to open /dev/tty, and its exit handler then trips an
 * assertion and aborts, which the parent reports as a signal (exit 125).
 */
async function checkTty(ctx: Ctx, name: string): Promise<void> {
  let fd: number;
  try {
    fd = await ctx.sys.open('/dev/tty', { read: true });
  } catch (e) {
    await ctx.perror(e, "'/dev/tty'");
    await ctx.error("xargs.c:1605: wait_for_proc_all: Assertion `getpid () == parent' failed.");
    await ctx.error(`${name}: terminated by signal 6`);
    throw new XargsExit(125);
  }
  ctx.sys.close(fd);
}
