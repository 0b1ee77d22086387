// pgrep, pkill (procps-ng 4.0.4) and pidof: match processes by an extended regular
// expression on the 15-character name (or the whole command line with -f) and by ids.
import { isSysError, strerror } from '../../shared/errno';
import { parseSignal } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { getopt, GetoptError, type OptionDef, type Parsed } from '../lib/getopt';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { commandLine, loadProcs, type Proc } from './procs';

const R = 'required' as const;
const OPTIONS = [
  { key: 'd', short: 'd', long: 'delimiter', arg: R }, { key: 'l', short: 'l', long: 'list-name' },
  { key: 'a', short: 'a', long: 'list-full' }, { key: 'v', short: 'v', long: 'inverse' },
  { key: 'w', short: 'w', long: 'lightweight' }, { key: 'c', short: 'c', long: 'count' },
  { key: 'f', short: 'f', long: 'full' }, { key: 'g', short: 'g', long: 'pgroup', arg: R },
  { key: 'G', short: 'G', long: 'group', arg: R }, { key: 'i', short: 'i', long: 'ignore-case' },
  { key: 'n', short: 'n', long: 'newest' }, { key: 'o', short: 'o', long: 'oldest' },
  { key: 'O', short: 'O', long: 'older', arg: R }, { key: 'P', short: 'P', long: 'parent', arg: R },
  { key: 's', short: 's', long: 'session', arg: R }, { key: 't', short: 't', long: 'terminal', arg: R },
  { key: 'u', short: 'u', long: 'euid', arg: R }, { key: 'U', short: 'U', long: 'uid', arg: R },
  { key: 'x', short: 'x', long: 'exact' }, { key: 'F', short: 'F', long: 'pidfile', arg: R },
  { key: 'L', short: 'L', long: 'logpidfile' }, { key: 'r', short: 'r', long: 'runstates', arg: R },
  { key: 'A', short: 'A', long: 'ignore-ancestors' }, { key: 'e', short: 'e', long: 'echo' },
  { key: 'q', short: 'q', long: 'queue', arg: R }, { key: 'signal', long: 'signal', arg: R },
  { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
  // one set of namespaces and one cgroup for every process here: accepted, they keep all
  { key: 'cgroup', long: 'cgroup', arg: R }, { key: 'ns', long: 'ns', arg: R }, { key: 'nslist', long: 'nslist', arg: R },
];

function usageText(name: string): string {
  const kill = name === 'pkill';
  return `
Usage:
 ${name} [options] <pattern>

Options:
${kill ? ` -<sig>, --signal <sig>    signal to send (either number or name)
 -q, --queue <value>       integer value to be sent with the signal
 -e, --echo                display what is killed
` : name === 'pidwait' ? ` -e, --echo                display PIDs before waiting
` : ` -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
`} -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pgrep(1).
`;
}

class Fatal extends Error {}

function ids(list: string, conv: (s: string) => number | undefined, what: string): number[] {
  return list.split(',').map((s) => {
    const v = conv(s);
    if (v === undefined) throw new Fatal(`invalid ${what}: ${s}`);
    return v;
  });
}

/** read_pidfile(): the pid a pid file names, or undefined when the file cannot say one. */
async function readPidfile(sys: Ctx['sys'], path: string): Promise<number | undefined> {
  let text: string;
  try {
    const st = await sys.stat(path);
    if (st.kind !== 'file' || st.size < 1) return undefined;
    text = new TextDecoder().decode((await sys.readFile(path)).subarray(0, 11));
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
  // strtoul(): leading blanks, digits, then the end or a blank
  const m = /^[ \t\n\v\f\r]*\+?(\d+)(?:$|[ \t\n\v\f\r])/.exec(text);
  const pid = m ? Number(m[1]) : 0;
  return pid >= 1 && pid <= 0x7fffffff ? pid : undefined;
}

type Mode = 'pgrep' | 'pkill' | 'pidwait';

async function run(ctx: Ctx, mode: Mode): Promise<number> {
  const kill = mode === 'pkill';
  const name = mode;
  let argv = ctx.argv.slice(1);
  let signal = 15;
  // signal_option: the first argument that names a signal (-HUP, -9) is taken out
  if (kill) {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (!a.startsWith('-') || a === '-') continue;
      const sig = /^-\d+$/.test(a) ? Number(a.slice(1)) : parseSignal(a.slice(1));
      if (sig !== undefined && !/^\d/.test(a.slice(1)) || sig !== undefined && sig < 65) {
        if (/^-[a-z]$/.test(a) && parseSignal(a.slice(1)) === undefined) continue;
        signal = sig!;
        argv = [...argv.slice(0, i), ...argv.slice(i + 1)];
        break;
      }
    }
  }
  // pgrep.c adds "lad:vw" to the short options of pgrep and "eq:" to pkill's; the long
  // names stay valid for both
  const only = kill ? 'ladvw' : mode === 'pidwait' ? 'ladvwq' : 'eq';
  const defs: OptionDef[] = OPTIONS.map((o: OptionDef) => (o.short !== undefined && only.includes(o.short) ? { ...o, short: undefined } : o));
  let p: Parsed;
  try {
    p = getopt(argv, defs);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${name}: ${e.message}\n${usageText(name)}`);
    return 2;
  }
  if (p.flags.has('h')) {
    await ctx.print(usageText(name));
    return 0;
  }
  if (p.flags.has('V')) {
    await ctx.print(`${name} from procps-ng 4.0.4\n`);
    return 0;
  }
  // --nslist: an empty list is a usage error; a name that is no namespace ends it quietly
  for (const list of p.values.get('nslist') ?? []) {
    if (list === '') {
      await ctx.err.write(usageText(name));
      return 2;
    }
    if (list.split(',').some((ns) => !['ipc', 'mnt', 'net', 'pid', 'user', 'uts'].includes(ns))) return 2;
  }
  // -n, -o and -v do not combine: the bare usage, status 2
  if (['n', 'o', 'v'].filter((k) => p.flags.has(k)).length > 1) {
    await ctx.err.write(usageText(name));
    return 2;
  }
  const sigOpt = p.values.get('signal')?.at(-1);
  if (sigOpt !== undefined) {
    const s = parseSignal(sigOpt);
    if (s === undefined) {
      await ctx.err.write(`${name}: Unknown signal "${sigOpt}".\n`);
      return 2;
    }
    signal = s;
  }
  const sys = ctx.sys;
  const acc = await Accounts.load(sys);
  const v = (k: string): string | undefined => p.values.get(k)?.at(-1);
  let euids: number[] | undefined, ruids: number[] | undefined, gids: number[] | undefined;
  let pgids: number[] | undefined, ppids: number[] | undefined, sids: number[] | undefined;
  const num = (s: string): number | undefined => (/^\d+$/.test(s) ? Number(s) : undefined);
  try {
    if (v('u')) euids = ids(v('u')!, (s) => num(s) ?? acc.userByName(s)?.uid, 'user name');
    if (v('U')) ruids = ids(v('U')!, (s) => num(s) ?? acc.userByName(s)?.uid, 'user name');
    if (v('G')) gids = ids(v('G')!, (s) => num(s) ?? acc.groupByName(s)?.gid, 'group name');
    if (v('g')) pgids = ids(v('g')!, (s) => (s === '0' ? sys.getpgid() : num(s)), 'process group');
    if (v('P')) ppids = ids(v('P')!, num, 'process ID');
    if (v('s')) sids = ids(v('s')!, (s) => (s === '0' ? sys.getsid() : num(s)), 'session ID');
  } catch (e) {
    if (!(e instanceof Fatal)) throw e;
    await ctx.err.write(`${name}: ${e.message}\n`);
    return 2;
  }
  // pgrep.c parse_opts(): -F reads one pid from a regular, non-empty file (-L: one that is
  // locked, which no file here is); an unusable file ends it before anything is matched
  if (p.flags.has('L') && v('F') === undefined) {
    await ctx.err.write(`${name}: -L without -F makes no sense\nTry \`${name} --help' for more information.\n`);
    return 2;
  }
  let pidfilePid: number | undefined;
  if (v('F') !== undefined) {
    pidfilePid = p.flags.has('L') ? undefined : await readPidfile(sys, v('F')!);
    if (pidfilePid === undefined) {
      await ctx.err.write(`${name}: pidfile not valid\nTry \`${name} --help' for more information.\n`);
      return 1;
    }
  }
  const ttys = v('t')?.split(',').map((t) => t.replace(/^\/dev\//, ''));
  const states = v('r');
  const pattern = p.operands[0];
  if (p.operands.length > 1) {
    await ctx.err.write(`${name}: only one pattern can be provided\nTry \`${name} --help' for more information.\n`);
    return 2;
  }
  const criteria = pattern !== undefined || euids || ruids || gids || pgids || ppids || sids || ttys || states || v('F');
  if (!criteria) {
    await ctx.err.write(`${name}: no matching criteria specified\nTry \`${name} --help' for more information.\n`);
    return 2;
  }
  let re: SafeRegExp | undefined;
  if (pattern !== undefined) {
    try {
      const src = gnuRegexSource(pattern, 'extended');
      re = new SafeRegExp(p.flags.has('x') ? `^(?:${src})$` : src, p.flags.has('i') ? 'i' : '');
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      await ctx.err.write(`${name}: regex error: ${e.message}\n`);
      return 2;
    }
  }
  const procs = await loadProcs(sys);
  const ancestors = new Set<number>();
  for (let q = procs.find((x) => x.pid === sys.pid); q && !ancestors.has(q.pid); q = procs.find((x) => x.pid === q!.ppid)) ancestors.add(q.pid);
  const older = v('O') !== undefined ? Number(v('O')) : undefined;
  let matches = procs.filter((q) => {
    if (q.pid === sys.pid || q.state === 'Z' && !states?.includes('Z')) return false;
    if (p.flags.has('A') && ancestors.has(q.pid)) return false;
    let ok = true;
    if (euids && !euids.includes(q.euid)) ok = false;
    if (ruids && !ruids.includes(q.uid)) ok = false;
    if (gids && !gids.includes(q.gid)) ok = false;
    if (pgids && !pgids.includes(q.pgid)) ok = false;
    if (ppids && !ppids.includes(q.ppid)) ok = false;
    if (sids && !sids.includes(q.sid)) ok = false;
    if (ttys && !ttys.includes(q.tty ?? '?')) ok = false;
    if (states && !states.split(',').includes(q.state)) ok = false;
    if (older !== undefined && q.elapsed < older) ok = false;
    if (pidfilePid !== undefined && q.pid !== pidfilePid) ok = false;
    // a kernel thread has no command line: -f matches its name
    if (ok && re) ok = re.test(p.flags.has('f') && q.argv.length ? q.argv.join(' ') : q.comm);
    return p.flags.has('v') ? !ok : ok;
  });
  if (!matches.length && !p.flags.has('f') && pattern !== undefined && pattern.length > 15 && !/[|[]/.test(pattern)) {
    await ctx.err.write(`${name}: pattern that searches for process name longer than 15 characters will result in zero matches\nTry \`${name} -f' option to match against the complete command line.\n`);
  }
  if (p.flags.has('n') || p.flags.has('o')) {
    const sorted = [...matches].sort((a, b) => a.startTime - b.startTime || a.pid - b.pid);
    const pick = p.flags.has('n') ? sorted[sorted.length - 1] : sorted[0];
    matches = pick ? [pick] : [];
  }
  if (kill) return signalAll(ctx, matches, signal, p.flags.has('e'), p.flags.has('c'), pattern !== undefined);
  if (mode === 'pidwait') return waitAll(ctx, matches, p.flags.has('e'), p.flags.has('c'), pattern !== undefined);
  if (p.flags.has('c')) {
    await ctx.print(`${matches.length}\n`);
    return matches.length ? 0 : 1;
  }
  const delim = v('d') ?? '\n';
  const show = (q: Proc): string => (p.flags.has('a') ? `${q.pid} ${commandLine(q)}` : p.flags.has('l') ? `${q.pid} ${q.comm}` : String(q.pid));
  if (matches.length) await ctx.print(`${matches.map(show).join(delim)}\n`);
  return matches.length ? 0 : 1;
}

/** pidwait: -c prints the count, -e names each process; then it waits until every one has ended. */
async function waitAll(ctx: Ctx, matches: Proc[], echo: boolean, count: boolean, named: boolean): Promise<number> {
  if (count) await ctx.print(`${matches.length}\n`);
  // (the name is the one a pattern matched: without a pattern there is none)
  if (echo) for (const q of matches) await ctx.print(`waiting for ${named ? q.comm : ''} (pid ${q.pid})\n`);
  await ctx.flush();
  const pids = new Set(matches.map((q) => q.pid));
  while (pids.size) {
    await ctx.sys.sleep(100);
    const alive = new Set(ctx.sys.processes().filter((q) => q.state !== 'Z').map((q) => q.pid));
    for (const pid of pids) if (!alive.has(pid)) pids.delete(pid);
  }
  return matches.length ? 0 : 1;
}

async function signalAll(ctx: Ctx, matches: Proc[], signal: number, echo: boolean, count: boolean, named: boolean): Promise<number> {
  let ok = 0;
  for (const q of matches) {
    try {
      ctx.sys.kill(q.pid, signal);
      ok++;
      // the name is the one matched against: without a pattern there is none
      if (echo) await ctx.print(`${named ? q.comm : ''} killed (pid ${q.pid})\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'ESRCH') continue;
      // xwarn: glibc's error() flushes the -e lines already printed
      await ctx.out.flush();
      await ctx.err.write(`pkill: killing pid ${q.pid} failed: ${strerror(e.errno)}\n`);
    }
  }
  // -c counts the matches, whether or not each could be signalled; the status is 1 when none was
  if (count) await ctx.print(`${matches.length}\n`);
  return ok ? 0 : 1;
}

export const pgrep = defineProgram({ name: 'pgrep', installPath: '/usr/bin/pgrep', pkg: 'procps-ng', main: (ctx) => run(ctx, 'pgrep') });
export const pkill = defineProgram({ name: 'pkill', installPath: '/usr/bin/pkill', pkg: 'procps-ng', main: (ctx) => run(ctx, 'pkill') });
export const pidwait = defineProgram({ name: 'pidwait', installPath: '/usr/bin/pidwait', pkg: 'procps-ng', main: (ctx) => run(ctx, 'pidwait') });

export const pidof = defineProgram({
  name: 'pidof',
  installPath: '/usr/bin/pidof',
  aliases: ['/usr/sbin/pidof'],
  pkg: 'procps-ng',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let single = false;
    let quiet = false;
    let workers = false;
    const omit = new Set<number>();
    const names: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-s') single = true;
      else if (a === '-q') quiet = true;
      else if (a === '-w') workers = true;
      else if (a === '-x' || a === '-c' || a === '-n') continue;
      else if (a === '-o' || a.startsWith('-o')) {
        const list = a === '-o' ? args[++i] ?? '' : a.slice(2);
        for (const x of list.split(',')) omit.add(x === '%PPID' ? ctx.sys.getppid() : Number(x));
      } else if (a === '-V' || a === '--version') {
        await ctx.print('pidof from procps-ng 4.0.4\n');
        return 0;
      } else if (a === '-h' || a === '--help') {
        await ctx.print('\nUsage:\n pidof [options] [program [...]]\n\nOptions:\n -s, --single-shot         return one PID only\n -c, --check-root          omit processes with different root\n -q,                       quiet mode, only set the exit code\n -w, --with-workers        show kernel workers too\n -x                        also find shells running the named scripts\n -o, --omit-pid <PID,...>  omit processes with PID\n -t, --lightweight         list threads too\n -S, --separator SEP       use SEP as separator put between PIDs\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see pidof(1).\n');
        return 0;
      } else names.push(a);
    }
    // kernel threads only with -w (they have no executable to match)
    const procs = (await loadProcs(ctx.sys)).filter((q) => q.state !== 'Z' && q.pid !== ctx.sys.pid && !omit.has(q.pid) && (workers || !q.kthread));
    const found: number[] = [];
    for (const n of names) {
      const base = n.slice(n.lastIndexOf('/') + 1);
      for (const q of [...procs].reverse()) {
        const a0 = q.argv[0] ?? '';
        const exe = a0.replace(/^-/, '');
        if (q.comm === base.slice(0, 15) || exe === n || exe.slice(exe.lastIndexOf('/') + 1) === base) {
          if (!found.includes(q.pid)) found.push(q.pid);
          if (single) break;
        }
      }
    }
    if (found.length && !quiet) await ctx.print(`${found.join(' ')}\n`);
    return found.length ? 0 : 1;
  },
});
