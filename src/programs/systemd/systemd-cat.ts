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
import { findInPath } from '../lib/path-search';
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

/** Sends each complete line of `text` (and the rest, at the end) as one entry. */
async function send(ctx: Ctx, opts: Options, comm: string, text: string, priority: number): Promise<void> {
  if (!text) return;
  const lines = text.replace(/\n$/, '').split('\n');
  const entries = lines.map((line) => {
    let p = priority;
    let message = line;
    const m = opts.levelPrefix ? /^<([0-7])>/.exec(line) : null;
    if (m) {
      p = Number(m[1]);
      message = line.slice(3);
    }
    return { identifier: opts.identifier ?? '', comm, message, priority: p, transport: 'stdout' as const, facility: 3 };
  });
  await ctx.sys.call('journal', { kind: 'append', entries } satisfies JournalRequest);
}

async function readAllFrom(ctx: Ctx, fd: number): Promise<string> {
  const dec = new TextDecoder();
  let text = '';
  for (let chunk = await ctx.sys.read(fd); chunk !== null; chunk = await ctx.sys.read(fd)) text += dec.decode(chunk, { stream: true });
  return text + dec.decode();
}

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  const opts: Options = { priority: 6, levelPrefix: true };
  let i = 0;
  const value = (a: string, name: string): string | undefined => {
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
    if (a === `--${name}`) return args[++i];
    return undefined;
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-h' || a === '--help') {
      await ctx.print(HELP);
      return 0;
    }
    if (a === '--version') {
      await ctx.print(systemctlVersion());
      return 0;
    }
    let v: string | undefined;
    if (a === '-t' || a.startsWith('-t') || a.startsWith('--identifier')) {
      v = a === '-t' ? args[++i] : a.startsWith('--') ? value(a, 'identifier') : a.slice(2);
      opts.identifier = v === '' ? undefined : v;
    } else if (a === '-p' || (a.startsWith('-p') && !a.startsWith('--')) || a.startsWith('--priority')) {
      v = a === '-p' ? args[++i] : a.startsWith('--') ? value(a, 'priority') : a.slice(2);
      const p = v === undefined ? undefined : parsePriority(v);
      if (p === undefined) {
        await ctx.err.write('Failed to parse priority value.\n');
        return 1;
      }
      opts.priority = p;
    } else if (a.startsWith('--stderr-priority')) {
      v = value(a, 'stderr-priority');
      const p = v === undefined ? undefined : parsePriority(v);
      if (p === undefined) {
        await ctx.err.write('Failed to parse stderr priority value.\n');
        return 1;
      }
      opts.stderrPriority = p;
    } else if (a.startsWith('--level-prefix')) {
      v = value(a, 'level-prefix');
      const b = v === undefined ? undefined : parseBool(v);
      if (b === undefined) {
        await ctx.err.write(`Failed to parse level prefix value.\n`);
        return 1;
      }
      opts.levelPrefix = b;
    } else {
      await ctx.err.write(a.startsWith('--') ? `${ctx.name}: unrecognized option '${a}'\n` : `${ctx.name}: invalid option -- '${a[1]}'\n`);
      return 1;
    }
  }
  const command = args.slice(i);
  if (command.length === 0) {
    await send(ctx, opts, 'cat', await readAllFrom(ctx, 0), opts.priority);
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
  const [out, err] = await Promise.all([readAllFrom(ctx, r), split ? readAllFrom(ctx, er) : Promise.resolve('')]);
  await send(ctx, opts, comm, out, opts.priority);
  if (split) await send(ctx, opts, comm, err, opts.stderrPriority!);
  const done = await ctx.sys.wait(pid);
  return done ? statusCode(done.status) : 0;
}

export default defineProgram({ name: 'systemd-cat', installPath: '/usr/bin/systemd-cat', pkg: 'systemd', main });
