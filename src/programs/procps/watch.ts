// watch (procps-ng 4.0.4): runs a command every -n seconds (2 by default) and shows its output
// full screen under a title line ("Every 2.0s: CMD" on the left, "HOST: DATE" on the right),
// until Ctrl-C. -d marks what changed since the last run (or ever, with -d=permanent), -g and
// -q end it when the output changes or stays the same, -e stops on a failing command, -b beeps
// on one, -t drops the title, -w cuts long lines instead of wrapping, -x runs the command
// without sh -c. Like the real one it needs a terminal: without one it cannot start.
import { isSysError } from '../../shared/errno';
import { statusCode } from '../../shared/process';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { formatTime } from '../lib/nstrftime';
import { findInPath } from '../lib/path-search';
import { localZone } from '../lib/tz';
import { findTerminfo } from '../ncurses/terminfo-data';
import { Terminal } from '../pagers/terminal';

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep when the command exits non-zero
  -c, --color            show ANSI colour and style sequences
  -d, --differences[=<permanent>]
                         mark what changed between updates
  -e, --errexit          stop when the command exits non-zero
  -g, --chgexit          exit when the command's output changes
  -q, --equexit <cycles>
                         exit when the output stays the same for <cycles> runs
  -n, --interval <secs>  seconds between updates
  -p, --precise          try to run the command at exact intervals
  -t, --no-title         leave out the title line
  -w, --no-wrap          cut long lines instead of wrapping them
  -x, --exec             run the command with exec, not "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

const R = 'required' as const;
const DEFS = [
  { key: 'b', short: 'b', long: 'beep' }, { key: 'c', short: 'c', long: 'color' },
  { key: 'd', short: 'd', long: 'differences', arg: 'optional' as const }, { key: 'e', short: 'e', long: 'errexit' },
  { key: 'g', short: 'g', long: 'chgexit' }, { key: 'q', short: 'q', long: 'equexit', arg: R },
  { key: 'n', short: 'n', long: 'interval', arg: R }, { key: 'p', short: 'p', long: 'precise' },
  { key: 't', short: 't', long: 'no-title' }, { key: 'w', short: 'w', long: 'no-wrap' },
  { key: 'x', short: 'x', long: 'exec' }, { key: 'h', short: 'h', long: 'help' }, { key: 'v', short: 'v', long: 'version' },
];

interface Options {
  intervalS: number;
  title: boolean;
  wrap: boolean;
  exec: boolean;
  beep: boolean;
  errExit: boolean;
  chgExit: boolean;
  equExit: number;
  diff: 'off' | 'on' | 'permanent';
  color: boolean;
  precise: boolean;
}

/** Runs the command once; its standard output and error together, and its status. */
/**
 * Runs the command once; its standard output and error together, and its status. Only what
 * can show (`keep` characters: a screenful, even wrapped) is kept; the rest is read and dropped,
 * as watch reads a command's output to its end. A handled signal (Ctrl-C) ends the wait for it.
 */
async function runOnce(ctx: Ctx, opts: Options, command: string[], keep: number, stopped: () => boolean): Promise<{ text: string; status: number }> {
  const sys = ctx.sys;
  const [r, w] = sys.pipe();
  let path = '/bin/sh';
  let argv = ['sh', '-c', command.join(' ')];
  if (opts.exec) {
    const name = command[0]!;
    path = name.includes('/') ? name : (await findInPath(sys, name, sys.env.get('PATH') ?? '/usr/bin:/bin')) ?? name;
    argv = command;
  }
  let pid: number;
  try {
    pid = await sys.spawn({ path, argv, env: new Map(sys.env), fds: new Map([[0, 0], [1, w], [2, w]]) });
  } catch (e) {
    sys.close(r);
    sys.close(w);
    if (!isSysError(e)) throw e;
    return { text: `watch: unable to execute '${command[0]}': ${e.message}\n`, status: 1 };
  }
  sys.close(w);
  let text = '';
  const dec = new TextDecoder();
  for (;;) {
    let chunk: Uint8Array | null;
    try {
      chunk = await sys.read(r, 65536);
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
      if (!stopped()) continue;
      // (the command got the terminal's SIGINT too; whatever is left of it ends now)
      try {
        sys.kill(pid, 9);
      } catch (k) {
        if (!isSysError(k)) throw k;
      }
      break;
    }
    if (chunk === null) break;
    if (text.length < keep) text += dec.decode(chunk, { stream: true });
  }
  sys.close(r);
  const done = await sys.wait(pid);
  return { text: text.slice(0, keep), status: done ? statusCode(done.status) : 0 };
}

/** The screen's lines for an output: tabs expanded, long lines wrapped or cut, colour dropped unless -c. */
function layout(text: string, cols: number, opts: Options): string[] {
  const out: string[] = [];
  const plain = opts.color ? text : text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const raw of plain.replace(/\n$/, '').split('\n')) {
    let line = '';
    for (const ch of raw) line += ch === '\t' ? ' '.repeat(8 - (line.length % 8)) : ch;
    if (!opts.wrap || line.length <= cols) out.push(line.slice(0, opts.wrap ? line.length : cols));
    else for (let i = 0; i < line.length; i += cols) out.push(line.slice(i, i + cols));
  }
  return out;
}

async function title(ctx: Ctx, opts: Options, command: string[], cols: number): Promise<string> {
  const zone = await localZone(ctx.sys);
  const now = ctx.sys.now();
  const right = `${ctx.sys.uname().nodename}: ${formatTime('%a %b %e %H:%M:%S %Y', Math.floor(now / 1000), 0, zone)}`;
  let left = `Every ${opts.intervalS.toFixed(1)}s: ${command.join(' ')}`;
  const room = cols - right.length - 1;
  if (left.length > room) left = room > 4 ? `${left.slice(0, room - 3)}...` : left.slice(0, Math.max(0, room));
  return `${left.padEnd(Math.max(0, cols - right.length))}${right}`.slice(0, cols);
}

/** Marks in reverse video the characters that differ from `before` (or ever differed, for -d=permanent). */
function marked(lines: string[], before: string[], changed: Set<string>, opts: Options): string[] {
  if (opts.diff === 'off') return lines;
  return lines.map((line, y) => {
    let out = '';
    let on = false;
    for (let x = 0; x < line.length; x++) {
      const differs = before.length > 0 && (before[y]?.[x] ?? ' ') !== line[x];
      if (differs && opts.diff === 'permanent') changed.add(`${y},${x}`);
      const mark = differs || (opts.diff === 'permanent' && changed.has(`${y},${x}`));
      if (mark !== on) out += mark ? '\x1b[7m' : '\x1b[27m';
      on = mark;
      out += line[x];
    }
    return on ? `${out}\x1b[27m` : out;
  });
}

async function run(ctx: Ctx, term: Terminal, opts: Options, command: string[]): Promise<number> {
  const sys = ctx.sys;
  let before: string[] = [];
  let lastText: string | undefined;
  let same = 0;
  const changed = new Set<string>();
  let stopped = false;
  const finish = (): void => {
    stopped = true;
  };
  sys.signal(2, finish);
  sys.signal(15, finish);
  sys.signal(1, finish);
  term.write('\x1b[?1049h\x1b[H\x1b[2J');
  // (the screen is taken at once, as curses' initscr does, even before the first output)
  await term.flush();
  try {
    while (!stopped) {
      const started = sys.now();
      const { cols, rows } = term.size();
      const { text, status } = await runOnce(ctx, opts, command, rows * (cols + 1), () => stopped);
      if (stopped) break;
      const head = opts.title ? [await title(ctx, opts, command, cols), ''] : [];
      const lines = layout(text, cols, opts);
      const shown = [...head, ...marked(lines, before, changed, opts)].slice(0, rows);
      term.write(`\x1b[H${shown.map((l) => `${l}\x1b[K`).join('\r\n')}\r\n\x1b[J`);
      if (status !== 0 && opts.beep) term.write('\x07');
      await term.flush();
      if (opts.chgExit && lastText !== undefined && text !== lastText) return 0;
      same = lastText !== undefined && text === lastText ? same + 1 : 0;
      if (opts.equExit > 0 && same + 1 >= opts.equExit) return 0;
      lastText = text;
      before = lines;
      if (status !== 0 && opts.errExit) {
        term.write(`\x1b[${rows};1H\x1b[7mcommand exit with a non-zero status, press a key to exit\x1b[27m`);
        await term.flush();
        term.raw();
        await term.key();
        return 8;
      }
      const wait = opts.intervalS * 1000 - (opts.precise ? sys.now() - started : 0);
      try {
        await sys.sleep(Math.max(0, wait));
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EINTR') throw e;
      }
    }
    return 0;
  } finally {
    term.restore();
    term.write('\x1b[?1049l');
    await term.flush();
    term.close();
  }
}

async function main(ctx: Ctx): Promise<number> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), DEFS, { posixOrder: true });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    await ctx.err.write(USAGE);
    return 1;
  }
  const opts: Options = { intervalS: 2, title: true, wrap: true, exec: false, beep: false, errExit: false, chgExit: false, equExit: 0, diff: 'off', color: false, precise: false };
  for (const { key, value = '' } of parsed.order) {
    switch (key) {
      case 'h': await ctx.print(USAGE); return 0;
      case 'v': await ctx.print('watch from procps-ng 4.0.4\n'); return 0;
      case 'n': {
        const n = Number(value.replace(',', '.'));
        if (value.trim() === '' || !Number.isFinite(n)) {
          await ctx.error(`failed to parse argument: '${value}': Invalid argument`);
          return 1;
        }
        // not faster than ten times a second, nor slower than a month
        opts.intervalS = Math.min(Math.max(n, 0.1), 2678400);
        break;
      }
      case 'q': {
        const n = Number(value);
        if (!/^\s*\d+\s*$/.test(value)) {
          await ctx.error(`failed to parse argument: '${value}': Invalid argument`);
          return 1;
        }
        opts.equExit = n;
        break;
      }
      case 'd': opts.diff = value === 'permanent' ? 'permanent' : 'on'; break;
      case 't': opts.title = false; break;
      case 'w': opts.wrap = false; break;
      case 'x': opts.exec = true; break;
      case 'b': opts.beep = true; break;
      case 'e': opts.errExit = true; break;
      case 'g': opts.chgExit = true; break;
      case 'c': opts.color = true; break;
      case 'p': opts.precise = true; break;
    }
  }
  const command = parsed.operands;
  if (command.length === 0) {
    await ctx.err.write(USAGE);
    return 1;
  }
  // ncurses' initscr: the terminal must have a terminfo entry, and there must be a terminal
  const termName = ctx.env.get('TERM');
  const term = findTerminfo(termName) ? await Terminal.open(ctx.sys) : undefined;
  if (!term) {
    await ctx.err.write(`Error opening terminal: ${termName || 'unknown'}.\n`);
    return 1;
  }
  return run(ctx, term, opts, command);
}

export default defineProgram({ name: 'watch', installPath: '/usr/bin/watch', pkg: 'procps-ng', main });
