// tset and reset from ncurses 6.4 (reset is a link to tset). Both find the terminal through
// standard error, output or input (or /dev/tty), look up $TERM (or the operand) in terminfo and
// send its initialisation strings to standard error; reset first puts the terminal's modes and
// special characters back to sane values and sends the reset strings instead, then lets the
// terminal settle for a second. A special character that ends up other than its default is
// reported ("Erase set to delete."). Without a terminal: "NAME: terminal attributes: ...".
import { isSysError, strerror, ERRNO } from '../../shared/errno';
import { defaultTermios, type Termios } from '../../shared/termios';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { findTerminfo, unpadded, type TerminfoEntry } from './terminfo-data';
import { LineReader } from '../lib/textio';

const USAGE = (prog: string): string => `Usage: ${prog} [options] [terminal]

Options:
  -c          set control characters
  -e ch       erase character
  -I          no initialization strings
  -i ch       interrupt character
  -k ch       kill character
  -m mapping  map identifier to type
  -Q          do not output control key settings
  -q          display term only, do no changes
  -r          display term on stderr
  -s          output TERM set command
  -V          print curses-version
  -w          set window-size

If neither -c/-w are given, both are assumed.
`;


/** obsolete(): a lone "-" is -q, and -e, -i, -k without a value take ^H, ^C and ^U. */
function modernArgs(args: readonly string[]): string[] {
  return args.map((a, i) => {
    if (a === '-') return '-q';
    const next = args[i + 1];
    if (/^-[eik]$/.test(a) && (next === undefined || next.startsWith('-'))) return `${a}${{ e: '^H', i: '^C', k: '^U' }[a[1] as 'e' | 'i' | 'k']}`;
    return a;
  });
}

/** A character argument: "^X" is control-X ("^?" is DEL), else its first character. */
function argChar(v: string): number {
  if (v[0] === '^' && v.length > 1) return v[1] === '?' ? 0x7f : v.charCodeAt(1) & 0x1f;
  return v.charCodeAt(0);
}

/** report(): how a special character stands after the run, unless it is unchanged and the default. */
function report(entry: TerminfoEntry, name: string, older: number, newer: number, def: number): string {
  if (older === newer && older === def) return '';
  const head = `${name} ${older === newer ? 'is' : 'set to'} `;
  if (newer === 0) return `${head}undef.\n`;
  if (newer === 0x7f) return `${head}delete.\n`;
  const kbs = entry.s['kbs'];
  if (kbs && kbs.length === 1 && kbs.charCodeAt(0) === newer) return `${head}backspace.\n`;
  if (newer < 0x20) {
    const c = String.fromCharCode(newer ^ 0x40);
    return `${head}control-${c} (^${c}).\n`;
  }
  return `${head}${String.fromCharCode(newer)}.\n`;
}

/** The descriptor whose terminal settings can be read: stderr, stdout, stdin, then /dev/tty. */
async function terminalFd(ctx: Ctx): Promise<number> {
  for (const fd of [2, 1, 0]) {
    try {
      ctx.sys.tcgetattr(fd);
      return fd;
    } catch {
      // the next one
    }
  }
  const fd = await ctx.sys.open('/dev/tty', { read: true, write: true });
  ctx.sys.tcgetattr(fd);
  return fd;
}

/** The strings that set the terminal up (reset_cmd.c's send_init_strings), in the order sent. */
function initStrings(entry: TerminfoEntry, reset: boolean, cols: number): string {
  const s = entry.s;
  const pick = (n: 1 | 2 | 3): string => (reset && s[`rs${n}`] !== undefined ? s[`rs${n}`]! : s[`is${n}`] ?? '');
  let out = pick(1) + pick(2);
  if (s['mgc'] !== undefined) out += s['mgc'];
  // tab stops every eight columns, set from the left margin
  if (s['tbc'] !== undefined && s['hts'] !== undefined) {
    out += `\r${s['tbc']}`;
    for (let c = 8; c < cols; c += 8) out += `${' '.repeat(8)}${s['hts']}`;
    out += '\r';
  }
  return unpadded(out + pick(3));
}

export default defineProgram({
  name: 'tset',
  installPath: '/usr/bin/tset',
  aliases: ['/usr/bin/reset'],
  pkg: 'ncurses',
  async main(ctx) {
    const prog = (ctx.argv[0] ?? 'tset').replace(/^.*\//, '');
    return run(ctx, prog, prog === 'reset');
  },
});

async function run(ctx: Ctx, prog: string, isReset: boolean): Promise<number> {
  let p;
  try {
    p = getopt(modernArgs(ctx.argv.slice(1)), [
      ...'adekimp'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
      ...'cIqQrSsVw'.split('').map((c) => ({ key: c, short: c })),
    ], { posixOrder: false });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${ctx.argv[0] ?? prog}: ${e.message}\n${USAGE(prog)}`);
    return 1;
  }
  const has = (c: string): boolean => p.flags.has(c);
  const value = (c: string): string | undefined => p.values.get(c)?.at(-1);
  if (has('V')) {
    await ctx.print('ncurses 6.4.20221231\n');
    return 0;
  }
  if (p.operands.length > 1) {
    await ctx.err.write(USAGE(prog));
    return 1;
  }
  let optC = has('c');
  let optW = has('w');
  if (!optC && !optW) optC = optW = true;

  let fd: number;
  try {
    fd = await terminalFd(ctx);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // perror("NAME: terminal attributes"), a blank line, and 4 + errno as the status
    await ctx.err.write(`${prog}: terminal attributes: ${strerror(e.errno)}\n\n`);
    return 4 + ERRNO[e.errno][0];
  }
  const oldmode = ctx.sys.tcgetattr(fd);
  const mode: Termios = isReset ? { ...defaultTermios(), speed: oldmode.speed, cc: { ...defaultTermios().cc } } : { ...oldmode, cc: { ...oldmode.cc } };

  let ttype = p.operands[0] ?? ctx.env.get('TERM') ?? 'unknown';
  let entry = findTerminfo(ttype);
  const lines = new LineReader(ctx, 0);
  const queued: string[] = [];
  const nextLine = async (): Promise<string | null> => {
    while (queued.length === 0) {
      const batch = await lines.next();
      if (batch === null) return null;
      queued.push(...batch);
    }
    return queued.shift()!;
  };
  while (!entry) {
    await ctx.err.write(`${prog}: unknown terminal type ${ttype}\nTerminal type? `);
    const answer = await nextLine();
    if (answer === null) {
      await ctx.err.write('\n\n');
      throw new ExitStatus(1);
    }
    ttype = answer.trim() || ttype;
    entry = findTerminfo(ttype);
  }

  const noset = has('q');
  if (!noset && optC) {
    const e = value('e');
    const i = value('i');
    const k = value('k');
    if (e !== undefined) mode.cc.erase = argChar(e);
    if (i !== undefined) mode.cc.intr = argChar(i);
    if (k !== undefined) mode.cc.kill = argChar(k);
    if (!has('I')) {
      const init = initStrings(entry, isReset, ctx.sys.winsize(fd).cols || entry.n['cols'] || 80);
      if (init) {
        await ctx.err.write(init);
        // (the terminal gets a second to settle)
        await ctx.err.write('\r');
        await ctx.err.flush();
        await ctx.sys.sleep(1000);
      }
    }
    ctx.sys.tcsetattr(fd, mode);
  }
  if (noset) await ctx.print(`${ttype}\n`);
  else {
    if (has('r')) await ctx.err.write(`Terminal type is ${ttype}.\n`);
    if (!has('Q')) {
      const def = defaultTermios().cc;
      await ctx.err.write(
        report(entry, 'Erase', oldmode.cc.erase, mode.cc.erase, def.erase) +
          report(entry, 'Kill', oldmode.cc.kill, mode.cc.kill, def.kill) +
          report(entry, 'Interrupt', oldmode.cc.intr, mode.cc.intr, def.intr),
      );
    }
  }
  if (has('S')) {
    await ctx.err.write(`${prog}: The -S option is not supported under terminfo.\n\n`);
    return 1;
  }
  if (has('s')) {
    const shell = (ctx.env.get('SHELL') ?? '').replace(/^.*\//, '');
    await ctx.print(shell.length >= 3 && shell.endsWith('csh') ? `set noglob;\nsetenv TERM ${ttype};\nunset noglob;\n` : `TERM=${ttype};\n`);
  }
  return 0;
}

