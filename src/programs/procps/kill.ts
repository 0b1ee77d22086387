// /usr/bin/kill (Photon builds procps-ng with --disable-kill, so this is util-linux 2.38's)
// and killall (psmisc 23.6).
import { isSysError, strerror } from '../../shared/errno';
import { SIGNALS, SIGRTMAX, SIGRTMIN } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { getopt, GetoptError } from '../lib/getopt';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { Prompter } from '../accounts/auth';
import { loadProcs } from './procs';
import { PSMISC_VERSION } from '../psmisc/fuser';

// util-linux lib/signames.c order on Linux/glibc (aliases IOT, CLD, POLL included)
const UL_NAMES: [string, number][] = [
  ['HUP', 1], ['INT', 2], ['QUIT', 3], ['ILL', 4], ['TRAP', 5], ['ABRT', 6], ['IOT', 6], ['BUS', 7], ['FPE', 8],
  ['KILL', 9], ['USR1', 10], ['SEGV', 11], ['USR2', 12], ['PIPE', 13], ['ALRM', 14], ['TERM', 15], ['STKFLT', 16],
  ['CHLD', 17], ['CLD', 17], ['CONT', 18], ['STOP', 19], ['TSTP', 20], ['TTIN', 21], ['TTOU', 22], ['URG', 23],
  ['XCPU', 24], ['XFSZ', 25], ['VTALRM', 26], ['PROF', 27], ['WINCH', 28], ['IO', 29], ['POLL', 29], ['PWR', 30], ['SYS', 31],
];

/** psmisc's parse_time_units: a number and a unit letter (s m h d w M y); 0 or less is bad. */
function timeUnits(age: string): number {
  const m = /^\s*([-+]?\d+)(.?)/.exec(age);
  if (!m || m[2] === '') return -1;
  const scale: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, M: 2_592_000, y: 31_536_000 };
  const unit = scale[m[2]!];
  return unit === undefined ? -1 : Number(m[1]) * unit;
}

function signum(arg: string, maskbit: boolean): number {
  if (/^\d/.test(arg)) {
    if (!/^\d+$/.test(arg)) return -1;
    let n = Number(arg);
    if (n >= 65 && maskbit && (n & 128)) n -= 128;
    return n < 65 ? n : -1;
  }
  let s = arg.toUpperCase();
  if (s.startsWith('SIG')) s = s.slice(3);
  if (s.startsWith('RT')) {
    const m = /^RT(?:(MIN)\+|(MAX)-)?(\d+)$/.exec(s);
    if (!m) return -1;
    const n = m[2] ? SIGRTMAX - Number(m[3]) : SIGRTMIN + Number(m[3]);
    return n >= SIGRTMIN && n <= SIGRTMAX ? n : -1;
  }
  return UL_NAMES.find(([n]) => n === s)?.[1] ?? -1;
}

function listSignals(): string {
  let out = '';
  let lpos = 0;
  for (const [name] of UL_NAMES) {
    const lth = 1 + name.length;
    if (72 < lpos + lth) {
      out += '\n';
      lpos = 0;
    } else if (lpos) out += ' ';
    lpos += lth;
    out += name;
  }
  return `${out} RT<N> RTMIN+<N> RTMAX-<N>\n`;
}

function tableSignals(width: number): string {
  let out = '';
  let lpos = 0;
  const field = (num: number, name: string): void => {
    if (width < lpos + 11) {
      out += '\n';
      lpos = 0;
    }
    lpos += 11;
    out += `${String(num).padStart(2)} ${name.padEnd(8)}`;
  };
  for (const [name, num] of UL_NAMES) field(num, name);
  field(SIGRTMIN, 'RTMIN');
  field(SIGRTMAX, 'RTMAX');
  return `${out}\n`;
}

const KILL_HELP = `
Usage:
 kill [options] <pid>|<name>...

Forcibly terminate a process.

Options:
 -a, --all              do not restrict the name-to-pid conversion to processes
                          with the same uid as the present process
 -s, --signal <signal>  send this <signal> instead of SIGTERM
 -q, --queue <value>    use sigqueue(2), not kill(2), and pass <value> as data
 -p, --pid              print pids without signaling them
 -l, --list[=<signal>]  list signal names, or convert a signal number to a name
 -L, --table            list signal names and numbers
     --verbose          print pids that will be signaled

 -h, --help             display this help
 -V, --version          display version

For more details see kill(1).
`;

export const kill = defineProgram({
  name: 'kill',
  installPath: '/usr/bin/kill',
  pkg: 'util-linux',
  async main(ctx) {
    const die = async (msg: string): Promise<number> => {
      await ctx.err.write(`kill: ${msg}\n`);
      return 1;
    };
    const width = ctx.sys.isatty(1) ? Math.max(1, ctx.sys.winsize(1).cols - 1) : 72;
    let args = ctx.argv.slice(1);
    let sig = 15;
    let doKill = false;
    let doPid = false;
    let verbose = false;
    let all = false;
    while (args.length && args[0]!.startsWith('-')) {
      const a = args.shift()!;
      if (a === '--') break;
      if (a === '-v' || a === '-V' || a === '--version') return ctx.print('kill from util-linux 2.38\n').then(() => 0);
      if (a === '-h' || a === '--help') return ctx.print(KILL_HELP).then(() => 0);
      if (a === '--verbose') verbose = true;
      else if (a === '-a' || a === '--all') all = true;
      else if (a === '-l' || a === '--list') {
        if (args.length === 0) return ctx.print(listSignals()).then(() => 0);
        if (args.length > 1) return die('too many arguments');
        const n = signum(args[0]!, true);
        if (n < 0) return die(`unknown signal: ${args[0]}`);
        const name = UL_NAMES.find(([, v]) => v === n)?.[0] ?? (n >= SIGRTMIN ? `RT${n - SIGRTMIN}` : String(n));
        return ctx.print(`${name}\n`).then(() => 0);
      } else if (a.startsWith('--list=') || a.startsWith('-l=')) {
        const v = a.slice(a.indexOf('=') + 1);
        const n = signum(v, true);
        if (n < 0) return die(`unknown signal: ${v}`);
        return ctx.print(`${UL_NAMES.find(([, x]) => x === n)?.[0] ?? n}\n`).then(() => 0);
      } else if (a === '-L' || a === '--table') return ctx.print(tableSignals(width)).then(() => 0);
      else if (a === '-p' || a === '--pid') {
        doPid = true;
        if (doKill) return die('--pid and --signal are mutually exclusive');
      } else if (a === '-s' || a === '--signal') {
        if (args.length < 1) return die('not enough arguments');
        doKill = true;
        const v = args.shift()!;
        const n = signum(v, false);
        if (n < 0) {
          await ctx.err.write(`kill: unknown signal ${v}; valid signals:\n${tableSignals(72)}`);
          return 1;
        }
        sig = n;
      } else if (a === '-q' || a === '--queue') {
        if (args.length < 1) return die(`option '${a}' requires an argument`);
        args.shift();
      } else {
        if (doKill) {
          args.unshift(a);
          break;
        }
        const n = signum(a.slice(1), false);
        if (n < 0) return die(`invalid signal name or number: ${a.slice(1)}`);
        sig = n;
        doKill = true;
      }
    }
    if (!args.length) return die('not enough arguments');
    let errors = 0;
    let count = 0;
    const send = async (pid: number, arg: string): Promise<void> => {
      count++;
      if (verbose) await ctx.print(`sending signal ${sig} to pid ${pid}\n`);
      if (doPid) {
        await ctx.print(`${pid}\n`);
        return;
      }
      try {
        ctx.sys.kill(pid, sig);
      } catch (e) {
        if (!isSysError(e)) throw e;
        errors++;
        await ctx.err.write(`kill: sending signal to ${arg} failed: ${strerror(e.errno)}\n`);
      }
    };
    for (const arg of args) {
      if (/^-?\d+$/.test(arg)) {
        await send(Number(arg), arg);
        continue;
      }
      const uid = ctx.sys.getuid();
      const found = (await loadProcs(ctx.sys)).filter((q) => q.state !== 'Z' && q.comm === arg && q.pid !== ctx.sys.pid && (all || q.uid === uid));
      for (const q of found) await send(q.pid, arg);
      if (!found.length) {
        errors++;
        count++;
        await ctx.err.write(`kill: cannot find process "${arg}"\n`);
      }
    }
    if (count && errors === 0) return 0;
    return count === errors ? 1 : 64;
  },
});

const KILLALL_USAGE = `Usage: killall [OPTION]... [--] NAME...
       killall -l, --list
       killall -V, --version

  -e,--exact          require exact match for very long names
  -I,--ignore-case    case insensitive process name match
  -g,--process-group  kill process group instead of process
  -y,--younger-than   kill processes younger than TIME
  -o,--older-than     kill processes older than TIME
  -i,--interactive    ask for confirmation before killing
  -l,--list           list all known signal names
  -q,--quiet          don't print complaints
  -r,--regexp         interpret NAME as an extended regular expression
  -s,--signal SIGNAL  send this signal instead of SIGTERM
  -u,--user USER      kill only process(es) running as USER
  -v,--verbose        report if the signal was successfully sent
  -V,--version        display version information
  -w,--wait           wait for processes to die
  -n,--ns PID         match processes that belong to the same namespaces
                      as PID

`;

const PSMISC_NAMES = Object.entries(SIGNALS).map(([n]) => n.slice(3)).map((n) => (n === 'IO' ? 'POLL' : n));

export const killall = defineProgram({
  name: 'killall',
  installPath: '/usr/bin/killall',
  pkg: 'psmisc',
  async main(ctx) {
    let sig = 15;
    // -SIGNAL and -NUMBER may come anywhere among the options (before --): an argument whose
    // first letter is a capital or a digit names a signal as a whole (-9x is 9, -IV the
    // signal IV), except -I and -V themselves and -Z's context
    const args: string[] = [];
    const all = ctx.argv.slice(1);
    for (let i = 0; i < all.length; i++) {
      const a = all[i]!;
      if (a === '--') {
        args.push(...all.slice(i));
        break;
      }
      const needsArg = /^-[^-]*[suoynZ]$/.test(a) || /^--(signal|user|older-than|younger-than|ns|context)$/.test(a);
      if (/^-[A-Y0-9]/.test(a) && a !== '-I' && a !== '-V') {
        args.push(`--signal=${/^-\d/.test(a) ? String(parseInt(a.slice(1), 10)) : a.slice(1)}`);
        continue;
      }
      args.push(a);
      if (needsArg && i + 1 < all.length) args.push(all[++i]!);
    }
    let p;
    try {
      p = getopt(args, [
        { key: 'e', short: 'e', long: 'exact' }, { key: 'I', short: 'I', long: 'ignore-case' },
        { key: 'g', short: 'g', long: 'process-group' }, { key: 'y', short: 'y', long: 'younger-than', arg: 'required' },
        { key: 'o', short: 'o', long: 'older-than', arg: 'required' }, { key: 'i', short: 'i', long: 'interactive' },
        { key: 'l', short: 'l', long: 'list' }, { key: 'q', short: 'q', long: 'quiet' }, { key: 'r', short: 'r', long: 'regexp' },
        { key: 's', short: 's', long: 'signal', arg: 'required' }, { key: 'u', short: 'u', long: 'user', arg: 'required' },
        { key: 'v', short: 'v', long: 'verbose' }, { key: 'V', short: 'V', long: 'version' }, { key: 'w', short: 'w', long: 'wait' },
        { key: 'n', short: 'n', long: 'ns', arg: 'required' }, { key: 'Z', short: 'Z', long: 'context', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      // psmisc turns getopt's own complaints off: a bad option shows only the usage
      await ctx.err.write(KILLALL_USAGE);
      return 1;
    }
    // psmisc acts on each option as getopt returns it: -l and -V end the run, a bad
    // signal, user or age ends it with an error
    const acc = await Accounts.load(ctx.sys);
    let user: string | undefined;
    let uid: number | undefined;
    let younger = 0;
    let older = 0;
    for (const { key, value } of p.order) {
      const v = value ?? '';
      if (key === 'l') {
        const line1 = PSMISC_NAMES.slice(0, 16).join(' ');
        return ctx.print(`${line1}\n${PSMISC_NAMES.slice(16).join(' ')}\n`).then(() => 0);
      }
      if (key === 'V') return ctx.err.write(PSMISC_VERSION('killall')).then(() => 0);
      if (key === 's') {
        const n = signum(v, false);
        if (n < 0) return ctx.err.write(`${v}: unknown signal; killall -l lists signals.\n`).then(() => 1);
        sig = n;
      }
      if (key === 'u') {
        user = v;
        uid = acc.userByName(v)?.uid;
        if (uid === undefined) return ctx.err.write(`Cannot find user ${v}\n`).then(() => 1);
      }
      if (key === 'y' || key === 'o') {
        const secs = timeUnits(v);
        if (secs <= 0) return ctx.err.write(`Invalid time format\n${KILLALL_USAGE}`).then(() => 1);
        if (key === 'y') younger = secs;
        else older = secs;
      }
    }
    if (!p.operands.length && user === undefined) return ctx.err.write(KILLALL_USAGE).then(() => 1);
    const quiet = p.flags.has('q');
    const procs = (await loadProcs(ctx.sys)).filter((q) => q.state !== 'Z' && q.pid !== ctx.sys.pid && (uid === undefined || q.euid === uid)
      && (!younger || q.elapsed < younger) && (!older || q.elapsed > older));
    const prompter = new Prompter(ctx);
    let failed = 0;
    const killed: number[] = [];
    // -r: every NAME is compiled as a POSIX extended regular expression before anything is
    // killed; the first that does not compile ends it (psmisc's build_regexp_list)
    const regexps = new Map<string, SafeRegExp>();
    if (p.flags.has('r')) {
      for (const name of p.operands) {
        try {
          regexps.set(name, new SafeRegExp(gnuRegexSource(name, 'extended'), p.flags.has('I') ? 'i' : ''));
        } catch (e) {
          if (!(e instanceof RegexError) && !(e instanceof SyntaxError)) throw e;
          await ctx.err.write(`killall: Bad regular expression: ${name}\n`);
          return 1;
        }
      }
    }
    // with -u and no names, every process of the user is a target
    for (const name of p.operands.length ? p.operands : [undefined]) {
      const re = name === undefined ? undefined : regexps.get(name);
      const same = (a: string, b: string): boolean => (p.flags.has('I') ? a.toLowerCase() === b.toLowerCase() : a === b);
      const matches = procs.filter((q) => {
        if (name === undefined) return true;
        if (re) return re.test(q.comm);
        const base = name.slice(name.lastIndexOf('/') + 1);
        if (name.length > 15 && !p.flags.has('e')) return same(q.comm, base.slice(0, 15));
        const exe = (q.argv[0] ?? '').replace(/^-/, '');
        return same(q.comm, base) || (base.length >= 15 && same(exe.slice(exe.lastIndexOf('/') + 1), base));
      });
      let any = false;
      for (const q of matches) {
        if (p.flags.has('i')) {
          const a = await prompter.visible(`Kill ${q.comm}(${q.pid}) ? (y/N) `);
          if (!a || !/^y/i.test(a)) continue;
        }
        try {
          ctx.sys.kill(p.flags.has('g') ? -q.pgid : q.pid, sig);
          any = true;
          killed.push(q.pid);
          if (p.flags.has('v')) await ctx.err.write(`Killed ${q.comm}(${q.pid}) with signal ${sig}\n`);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (!quiet) await ctx.err.write(`${q.comm}(${q.pid}): ${strerror(e.errno)}\n`);
        }
      }
      if (!matches.length) {
        if (!quiet && name !== undefined) await ctx.err.write(`${name}: no process found\n`);
        failed++;
      } else if (!any) failed++;
    }
    if (p.flags.has('w')) {
      for (let i = 0; i < 600 && killed.some((pid) => ctx.sys.processes().some((q) => q.pid === pid && q.state !== 'Z')); i++) await ctx.sys.sleep(1000);
    }
    return failed ? 1 : 0;
  },
});
