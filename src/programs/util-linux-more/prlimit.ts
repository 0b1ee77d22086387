// prlimit (util-linux 2.38): lists a process's resource limits as a table, sets them, or
// runs a command with new ones. Another process's limits are read from /proc/<pid>/limits;
// the simulated kernel cannot change them (only this process's, which a command inherits).
import { isSysError, strerror, SysError, type Errno } from '../../shared/errno';
import type { Rlimit, RlimitResource } from '../../shared/sys';
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { errx, NumError, s32, shortName, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 prlimit [options] [--<resource>=<limit>] [-p PID]
 prlimit [options] [--<resource>=<limit>] COMMAND

Show or change the resource limits of a process.

General Options:
 -p, --pid <pid>        the process to show or change
 -o, --output <list>    the columns to print
     --noheadings       leave out the header line
     --raw              print the table without alignment
     --verbose          report each change

 -h, --help             display this help
 -V, --version          display version

Resources Options:
 -c, --core             largest core file
 -d, --data             largest data segment
 -e, --nice             highest nice priority that may be set
 -f, --fsize            largest file that may be written
 -i, --sigpending       most pending signals
 -l, --memlock          most memory locked into RAM
 -m, --rss              largest resident set
 -n, --nofile           most open files
 -q, --msgqueue         most bytes in POSIX message queues
 -r, --rtprio           highest real-time priority
 -s, --stack            largest stack
 -t, --cpu              most CPU time, in seconds
 -u, --nproc            most processes of the user
 -v, --as               largest address space
 -x, --locks            most file locks
 -y, --rttime           most CPU time of a real-time task, in microseconds

Available output columns:
 DESCRIPTION  resource description
    RESOURCE  resource name
        SOFT  soft limit
        HARD  hard limit (ceiling)
       UNITS  units

For more details see prlimit(1).
`;

interface Desc {
  name: string;
  help: string;
  unit: string;
  res: RlimitResource;
  opt: string;
  long: string;
  /** the row of /proc/<pid>/limits */
  proc: string;
}

const DESCS: Desc[] = [
  { name: 'AS', help: 'address space limit', unit: 'bytes', res: 'as', opt: 'v', long: 'as', proc: 'Max address space' },
  { name: 'CORE', help: 'max core file size', unit: 'bytes', res: 'core', opt: 'c', long: 'core', proc: 'Max core file size' },
  { name: 'CPU', help: 'CPU time', unit: 'seconds', res: 'cpu', opt: 't', long: 'cpu', proc: 'Max cpu time' },
  { name: 'DATA', help: 'max data size', unit: 'bytes', res: 'data', opt: 'd', long: 'data', proc: 'Max data size' },
  { name: 'FSIZE', help: 'max file size', unit: 'bytes', res: 'fsize', opt: 'f', long: 'fsize', proc: 'Max file size' },
  { name: 'LOCKS', help: 'max number of file locks held', unit: 'locks', res: 'locks', opt: 'x', long: 'locks', proc: 'Max file locks' },
  { name: 'MEMLOCK', help: 'max locked-in-memory address space', unit: 'bytes', res: 'memlock', opt: 'l', long: 'memlock', proc: 'Max locked memory' },
  { name: 'MSGQUEUE', help: 'max bytes in POSIX mqueues', unit: 'bytes', res: 'msgqueue', opt: 'q', long: 'msgqueue', proc: 'Max msgqueue size' },
  { name: 'NICE', help: 'max nice prio allowed to raise', unit: '', res: 'nice', opt: 'e', long: 'nice', proc: 'Max nice priority' },
  { name: 'NOFILE', help: 'max number of open files', unit: 'files', res: 'nofile', opt: 'n', long: 'nofile', proc: 'Max open files' },
  { name: 'NPROC', help: 'max number of processes', unit: 'processes', res: 'nproc', opt: 'u', long: 'nproc', proc: 'Max processes' },
  { name: 'RSS', help: 'max resident set size', unit: 'bytes', res: 'rss', opt: 'm', long: 'rss', proc: 'Max resident set' },
  { name: 'RTPRIO', help: 'max real-time priority', unit: '', res: 'rtprio', opt: 'r', long: 'rtprio', proc: 'Max realtime priority' },
  { name: 'RTTIME', help: 'timeout for real-time tasks', unit: 'microsecs', res: 'rttime', opt: 'y', long: 'rttime', proc: 'Max realtime timeout' },
  { name: 'SIGPENDING', help: 'max number of pending signals', unit: 'signals', res: 'sigpending', opt: 'i', long: 'sigpending', proc: 'Max pending signals' },
  { name: 'STACK', help: 'max stack size', unit: 'bytes', res: 'stack', opt: 's', long: 'stack', proc: 'Max stack size' },
];

const COLUMNS = ['DESCRIPTION', 'RESOURCE', 'SOFT', 'HARD', 'UNITS'];
const RIGHT = new Set(['SOFT', 'HARD']);
const SOFT = 2;
const HARD = 4;
const MAX = 2n ** 64n - 1n;

class ParseError extends Error {}

/** get_range: "soft:hard", "soft:", ":hard", "value", "unlimited"; which parts were given. */
function parseRange(text: string, name: string): { lim: Rlimit; found: number } {
  const fail = (): never => {
    throw new ParseError(`failed to parse ${name} limit`);
  };
  const num = (s: string): number => {
    const m = /^\s*\+?(\d+)/.exec(s);
    if (!m || m[0].length !== s.length) fail();
    const v = BigInt(m![1]!);
    if (v > MAX) fail();
    return v === MAX ? Infinity : Number(v);
  };
  if (text.startsWith('=')) text = text.slice(1);
  const lim = { soft: Infinity, hard: Infinity };
  if (text === 'unlimited') return { lim, found: SOFT | HARD };
  if (text.startsWith(':')) {
    const h = text.slice(1);
    if (h !== 'unlimited') lim.hard = num(h);
    return { lim, found: HARD };
  }
  let rest: string;
  if (text.startsWith('unlimited')) rest = text.slice(9);
  else {
    const m = /^\s*\+?\d+/.exec(text);
    if (!m) fail();
    lim.soft = lim.hard = num(m![0]);
    rest = text.slice(m![0].length);
  }
  if (rest === ':') return { lim, found: SOFT };
  if (rest.startsWith(':')) {
    const h = rest.slice(1);
    lim.hard = h === 'unlimited' ? Infinity : num(h);
    return { lim, found: SOFT | HARD };
  }
  return { lim, found: SOFT | HARD };
}

const show = (v: number): string => (v === Infinity ? 'unlimited' : String(v));

export default defineProgram({
  name: 'prlimit',
  installPath: '/usr/bin/prlimit',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'p', short: 'p', long: 'pid', arg: 'required' },
    { key: 'o', short: 'o', long: 'output', arg: 'required' },
    ...DESCS.map((d) => ({ key: d.opt, short: d.opt, long: d.long, arg: 'optional' as const })),
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'noheadings', long: 'noheadings' },
    { key: 'raw', long: 'raw' },
    { key: 'verbose', long: 'verbose' },
  ],
  async main(ctx, args) {
    const sys = ctx.sys;
    let pid = 0;
    let columns: string[] = [];
    let noHeadings = false;
    let raw = false;
    let verbose = false;
    const lims: { desc: Desc; lim: Rlimit; modify: number }[] = [];
    try {
      for (const { key, value } of args.order) {
        const desc = DESCS.find((d) => d.opt === key);
        if (desc) {
          const entry = { desc, lim: { soft: 0, hard: 0 }, modify: 0 };
          if (value !== undefined) {
            const r = parseRange(value, desc.name);
            entry.lim = r.lim;
            entry.modify = r.found;
          }
          lims.push(entry);
          continue;
        }
        switch (key) {
          case 'p':
            if (pid) return await errx(ctx, 'option --pid may be specified only once');
            pid = s32(value!, 'invalid PID argument');
            break;
          case 'o':
            columns = [];
            for (const name of value!.split(',')) {
              const col = COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
              if (!col) {
                await warnx(ctx, `unknown column: ${name}`);
                return 1;
              }
              columns.push(col);
            }
            break;
          case 'noheadings': noHeadings = true; break;
          case 'verbose': verbose = true; break;
          case 'raw': raw = true; break;
          case 'h': return await ctx.print(HELP).then(() => 0);
          case 'V': return await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        }
      }
    } catch (e) {
      if (e instanceof NumError || e instanceof ParseError) return errx(ctx, e.message);
      throw e;
    }
    const command = args.operands;
    if (command.length && pid) return errx(ctx, 'options --pid and COMMAND are mutually exclusive');
    if (!columns.length) columns = ['RESOURCE', 'DESCRIPTION', 'SOFT', 'HARD', 'UNITS'];
    if (!lims.length) for (const desc of DESCS) lims.push({ desc, lim: { soft: 0, hard: 0 }, modify: 0 });

    const self = pid === 0 || pid === sys.pid;
    const get = async (d: Desc): Promise<Rlimit> => {
      if (self) return sys.getrlimit(d.res);
      let text: string;
      try {
        text = new TextDecoder().decode(await sys.readFile(`/proc/${pid}/limits`));
      } catch (e) {
        if (!isSysError(e)) throw e;
        throw new SysError('ESRCH', 'prlimit', '');
      }
      const row = text.split('\n').find((l) => l.startsWith(d.proc));
      const f = row?.slice(26).trim().split(/\s+/) ?? [];
      const v = (s: string | undefined): number => (s === undefined || s === 'unlimited' ? Infinity : Number(s));
      return { soft: v(f[0]), hard: v(f[1]) };
    };
    const shown: typeof lims = [];
    // stdout is a stdio stream: what is still buffered when COMMAND replaces prlimit is lost
    const out: string[] = [];
    for (const l of lims) {
      const fail = (errno: Errno): Promise<number> =>
        errx(ctx, `failed to ${l.modify ? 'set' : 'get'} the ${l.desc.name} resource limit: ${strerror(errno)}`);
      try {
        if (!l.modify) {
          l.lim = await get(l.desc);
          shown.push(l);
          continue;
        }
        if (l.modify !== (SOFT | HARD)) {
          let old: Rlimit;
          try {
            old = await get(l.desc);
          } catch (e) {
            if (!isSysError(e)) throw e;
            return await errx(ctx, `failed to get old ${l.desc.name} limit: ${strerror(e.errno)}`);
          }
          if (!(l.modify & SOFT)) l.lim.soft = old.soft;
          else if (!(l.modify & HARD)) l.lim.hard = old.hard;
        }
        if (l.lim.soft > l.lim.hard && (l.lim.soft !== Infinity || l.lim.hard !== Infinity)) {
          return await errx(ctx, `the soft limit ${l.desc.name} cannot exceed the hard limit`);
        }
        if (verbose) out.push(`New ${l.desc.name} limit for pid ${pid || sys.pid}: <${show(l.lim.soft)}:${show(l.lim.hard)}>\n`);
        if (!self) await get(l.desc);
        sys.setrlimit(l.desc.res, l.lim, self ? undefined : pid);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return fail(e.errno);
      }
    }
    if (shown.length) {
      const cell = (l: (typeof lims)[number], c: string): string =>
        c === 'RESOURCE' ? l.desc.name : c === 'DESCRIPTION' ? l.desc.help : c === 'SOFT' ? show(l.lim.soft) : c === 'HARD' ? show(l.lim.hard) : l.desc.unit;
      const rows = shown.map((l) => columns.map((c) => cell(l, c)));
      // the header counts for the widths even when it is not printed
      rows.unshift([...columns]);
      let text = '';
      if (raw) {
        for (const r of noHeadings ? rows.slice(1) : rows) text += `${r.map((v) => v.replace(/[\s\\]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)).join(' ')}\n`;
      } else {
        const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        for (const r of noHeadings ? rows.slice(1) : rows) {
          const cells = r.map((v, i) => {
            const last = i === columns.length - 1;
            if (RIGHT.has(columns[i]!)) return v.padStart(widths[i]!);
            return last ? v : v.padEnd(widths[i]!);
          });
          text += `${cells.join(' ')}\n`;
        }
      }
      out.push(text);
    }
    if (!command.length || sys.isatty(1)) await ctx.print(out.join(''));
    if (command.length) {
      return execvp(ctx, command, ctx.env, async (e) => {
        await warnx(ctx, `failed to execute ${command[0]!}: ${strerror(e.errno)}`);
      });
    }
    return 0;
  },
});
