// systemd-cat (systemd 253): standard input (or the output and errors of a command it runs) into
// the journal, a line an entry, over the stdout transport. -t names the source; without it the
// entries carry no identifier and journalctl names them by the process: "cat" when reading a
// pipe (the real tool execs cat), else the command's name. -p and --stderr-priority set the
// level, and a "<N>" at the start of a line sets that line's unless --level-prefix=false.
import { isSysError } from '../../shared/errno';
import { statusCode } from '../../shared/process';
import type { JournalRequest } from '../../shared/services/journal';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import type { OptionDef } from '../lib/getopt';
import { parseArgsInOrder, reportBad } from './ctl/common';
import { findInPath } from '../lib/path-search';
import { readChunk } from '../lib/textio';
import { systemctlVersion } from './systemctl/help';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

const HELP = `systemd-cat [OPTIONS...] COMMAND ...

Run a command with its output and errors going to the journal, or send standard input there.

  -h --help                      Show this help
     --version                   Show package version
  -t --identifier=STRING         Name the source of the messages
  -p --priority=PRIORITY         Level of the messages (emerg ... debug, or 0-7)
     --stderr-priority=PRIORITY  Level of what the command writes to standard error
     --level-prefix=BOOL         Read "<N>" at the start of a line as its level

See the systemd-cat(1) man page for details.
`;

function parsePriority(text: string): number | undefined {
  if (/^[0-7]$/.test(text)) return Number(text);
  const i = LEVELS.indexOf(text);
  return i < 0 ? undefined : i;
}

function parseBool(text: string): boolean | undefined {
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(text)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(text)) return false;
  return undefined;
}

interface Options {
  identifier?: string;
  priority: number;
  stderrPriority?: number;
  levelPrefix: boolean;
}

/** Sends `lines` as journal entries, each at its "<N>" prefix's level or at `priority`. */
async function send(ctx: Ctx, opts: Options, comm: string, lines: string[], priority: number): Promise<void> {
  if (!lines.length) return;
  const entries = lines.map((line) => {
    const m = opts.levelPrefix ? /^<([0-7])>/.exec(line) : null;
    return { identifier: opts.identifier ?? '', comm, message: m ? line.slice(3) : line, priority: m ? Number(m[1]) : priority, transport: 'stdout' as const, facility: 3 };
  });
  await ctx.sys.call('journal', { kind: 'append', entries } satisfies JournalRequest);
}

/** journald's longest line (LINE_MAX): a longer one is cut into entries of this size. */
const LINE_MAX = 48 * 1024;

/**
 * Streams `fd` into the journal as it arrives, a complete line an entry (and the rest at the
 * end), so an endless input (`yes | systemd-cat`) is logged as it flows, in bounded memory.
 */
async function pump(ctx: Ctx, opts: Options, comm: string, fd: number, priority: number): Promise<void> {
  const dec = new TextDecoder();
  let partial = '';
  for (let chunk = await readChunk(ctx, fd); chunk !== null; chunk = await readChunk(ctx, fd)) {
    const lines = (partial + dec.decode(chunk, { stream: true })).split('\n');
    partial = lines.pop()!;
    while (partial.length >= LINE_MAX) {
      lines.push(partial.slice(0, LINE_MAX));
      partial = partial.slice(LINE_MAX);
    }
    await send(ctx, opts, comm, lines, priority);
  }
  partial += dec.decode();
  if (partial) await send(ctx, opts, comm, [partial], priority);
}

const R = 'required' as const;
const DEFS: OptionDef[] = [
  { key: 'h', short: 'h', long: 'help' }, { key: 'version', long: 'version' },
  { key: 't', short: 't', long: 'identifier', arg: R }, { key: 'p', short: 'p', long: 'priority', arg: R },
  { key: 'stderr-priority', long: 'stderr-priority', arg: R }, { key: 'level-prefix', long: 'level-prefix', arg: R },
];

async function main(ctx: Ctx): Promise<number> {
  const opts: Options = { priority: 6, levelPrefix: true };
  // (systemd's "+..." getopt string: the options end at the command)
  const parsed = parseArgsInOrder(ctx, DEFS, { posixOrder: true });
  for (const { key, value = '' } of parsed.order) {
    switch (key) {
      case 'h': await ctx.print(HELP); return 0;
      case 'version': await ctx.print(systemctlVersion()); return 0;
      case 't': opts.identifier = value === '' ? undefined : value; break;
      case 'p':
      case 'stderr-priority': {
        const p = parsePriority(value);
        if (p === undefined) {
          await ctx.err.write(key === 'p' ? 'Failed to parse priority value.\n' : 'Failed to parse stderr priority value.\n');
          return 1;
        }
        if (key === 'p') opts.priority = p;
        else opts.stderrPriority = p;
        break;
      }
      case 'level-prefix': {
        const b = parseBool(value);
        if (b === undefined) {
          await ctx.err.write(`Failed to parse boolean argument to --level-prefix=: ${value}.\n`);
          return 1;
        }
        opts.levelPrefix = b;
        break;
      }
    }
  }
  if (await reportBad(ctx, parsed)) return 1;
  const command = parsed.operands;
  if (command.length === 0) {
    await pump(ctx, opts, 'cat', 0, opts.priority);
    return 0;
  }
  const name = command[0]!;
  const path = name.includes('/') ? name : await findInPath(ctx.sys, name, ctx.sys.env.get('PATH') ?? '/usr/bin:/bin');
  if (!path) {
    await ctx.err.write(`Failed to execute process: No such file or directory\n`);
    return 1;
  }
  const [r, w] = ctx.sys.pipe();
  const split = opts.stderrPriority !== undefined && opts.stderrPriority !== opts.priority;
  const [er, ew] = split ? ctx.sys.pipe() : [r, w];
  let pid: number;
  try {
    pid = await ctx.sys.spawn({ path, argv: command, env: new Map(ctx.sys.env), fds: new Map([[0, 0], [1, w], [2, ew]]) });
  } catch (e) {
    if (!isSysError(e)) throw e;
    for (const fd of new Set([r, w, er, ew])) ctx.sys.close(fd);
    await ctx.err.write(`Failed to execute process: ${e.message}\n`);
    return 1;
  }
  ctx.sys.close(w);
  if (split) ctx.sys.close(ew);
  const comm = name.split('/').pop()!.slice(0, 15);
  await Promise.all([pump(ctx, opts, comm, r, opts.priority), split ? pump(ctx, opts, comm, er, opts.stderrPriority!) : undefined]);
  const done = await ctx.sys.wait(pid);
  return done ? statusCode(done.status) : 0;
}

export default defineProgram({ name: 'systemd-cat', installPath: '/usr/bin/systemd-cat', pkg: 'systemd', main });
