// wait kill jobs fg bg trap
import { isSysError } from '../../../shared/errno';
import { statusCode } from '../../../shared/process';
import { parseSignal, realtimeSignalName, SIGNALS, SIGRTMAX, SIGRTMIN, signalName } from '../../../shared/signals';
import type { Interpreter } from '../interpreter';
import { collectJobs, dropJobs, dropReportedJobs, finishProcess, jobControl, jobLine, markedJobs, notifyJobs, waitForeground } from '../jobs';
import type { Job } from '../state';
import { interactiveInt } from '../interactive-int';
import type { Builtin } from './types';
import { badOption, NAME_RE } from './types';

/**
 * get_job_spec(): %N, %+ %% % (the current job), %- (the previous), %string (the job whose
 * command starts with it) and %?string (whose command contains it). Undefined when there is
 * none; 'ambiguous' when a string names several (the caller prints `string: ambiguous job spec`).
 */
function findJob(sh: Interpreter, spec: string | undefined): Job | 'ambiguous' | undefined {
  const jobs = sh.state.jobs;
  const marked = markedJobs(jobs);
  if (spec === undefined || spec === '%%' || spec === '%+' || spec === '%') return marked[marked.length - 1];
  if (spec === '%-') return marked[marked.length - 2] ?? marked[marked.length - 1];
  const m = /^%(\d+)$/.exec(spec);
  if (m) return jobs.find((j) => j.id === Number(m[1]));
  if (!spec.startsWith('%')) return undefined;
  const contains = spec.startsWith('%?');
  const text = spec.slice(contains ? 2 : 1);
  const found = jobs.filter((j) => (contains ? j.command.includes(text) : j.command.startsWith(text)));
  if (found.length > 1) return 'ambiguous';
  return found[0];
}

/** The job a spec names, or undefined after the builtin's message (`no such job`, `ambiguous job spec`). */
export async function jobFor(sh: Interpreter, builtin: string, spec: string, alsoNoSuchJob = false, shown = spec): Promise<Job | undefined> {
  const job = findJob(sh, spec);
  if (job === 'ambiguous') {
    await sh.error(`${builtin}: ${spec.replace(/^%\??/, '')}: ambiguous job spec`);
    if (alsoNoSuchJob) await sh.error(`${builtin}: ${shown}: no such job`);
    return undefined;
  }
  if (!job) await sh.error(`${builtin}: ${shown}: no such job`);
  return job;
}

/** wait cut short by a trapped signal: 128 plus that signal's number (its trap runs next). */
function interruptedStatus(sh: Interpreter): number {
  return 128 + (sh.pendingTraps[sh.pendingTraps.length - 1] ?? SIGNALS.SIGINT);
}

/** Waits for a job's processes; its status is its last process's. */
async function waitJob(sh: Interpreter, job: Job): Promise<number | 'interrupted'> {
  for (const pid of [...job.pending]) {
    try {
      const r = await sh.sys.wait(pid);
      if (r) finishProcess(sh, job, pid, r.status);
      else job.pending.delete(pid);
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR') return 'interrupted';
      if (!(isSysError(e) && e.errno === 'ECHILD')) throw e;
      job.pending.delete(pid);
    }
  }
  job.state = 'Done';
  return jobStatus(sh, job);
}

/** raw_job_exit_status(): the job's last process's status, or under pipefail the last one that failed. */
function jobStatus(sh: Interpreter, job: Job): number {
  if (!sh.state.options.has('pipefail') || !job.ends) return job.status;
  for (let i = job.pids.length - 1; i >= 0; i--) {
    const end = job.ends.get(job.pids[i]!);
    if (end && statusCode(end) !== 0) return statusCode(end);
  }
  return job.status;
}

/**
 * wait -n [ID...]: the status of the next job (of those named) to end; one that ended and was
 * not yet reported counts at once. 127 when there is none to wait for.
 */
async function waitNext(sh: Interpreter, ids: string[], varName: string | undefined): Promise<number> {
  let candidates = sh.state.jobs.filter((j) => !j.inherited);
  if (ids.length) {
    const named = new Set<Job>();
    for (const a of ids) {
      const job = a.startsWith('%') ? findJob(sh, a) : /^\d+$/.test(a) ? candidates.find((j) => j.pids.includes(Number(a))) : undefined;
      if (job && job !== 'ambiguous' && !job.inherited) named.add(job);
      else if (/^%|^\d+$/.test(a)) await sh.error(`wait: ${a}: no such job`);
      else await sh.error(`wait: \`${a}': not a pid or valid job spec`);
    }
    candidates = candidates.filter((j) => named.has(j));
  }
  for (;;) {
    const done = candidates.find((j) => j.state === 'Done');
    if (done) {
      if (varName) sh.state.set(varName, String(done.pids[done.pids.length - 1]));
      // the other finished jobs stay for the next wait -n
      await notifyJobs(sh, false, [done], true);
      return jobStatus(sh, done);
    }
    if (candidates.length === 0) return 127;
    try {
      const r = await sh.sys.wait(-1);
      if (!r) return 127;
      const job = sh.state.jobs.find((j) => !j.inherited && j.pending.has(r.pid));
      if (job) finishProcess(sh, job, r.pid, r.status);
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR') return interruptedStatus(sh);
      if (isSysError(e) && e.errno === 'ECHILD') return 127;
      throw e;
    }
  }
}


/** A signal by number or name, the real-time ones too (RTMIN, RTMIN+n, RTMAX-n, any case, SIG optional). */
function signalNumber(text: string, sigPrefix = true): number | undefined {
  // (posix mode's kill takes no SIG before a name: DSIG_SIGPREFIX is off)
  if (!sigPrefix && /^sig/i.test(text)) return undefined;
  const m = /^(?:SIG)?RTM(IN|AX)(?:([+-])(\d+))?$/i.exec(text);
  if (!m) return parseSignal(text);
  const base = m[1]!.toUpperCase() === 'IN' ? SIGRTMIN : SIGRTMAX;
  const n = base + (m[2] === '-' ? -1 : 1) * Number(m[3] ?? 0);
  return n >= SIGRTMIN && n <= SIGRTMAX ? n : undefined;
}

export const wait: Builtin = async (sh, argv) => {
  let next = false;
  let varName: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^-./.test(a) || /^-\d/.test(a)) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'n') next = true;
      else if (c === 'f') continue;
      else if (c === 'p') {
        varName = a.slice(j + 1) || argv[++i];
        if (varName === undefined) {
          await sh.error('wait: -p: option requires an argument');
          await sh.write(2, "wait: usage: wait [-fn] [-p var] [id ...]\n");
          return 2;
        }
        break;
      } else return badOption(sh, 'wait', `-${c}`, 'wait [-fn] [-p var] [id ...]');
    }
  }
  const args = argv.slice(i);
  const sys = sh.sys;
  if (varName !== undefined && !NAME_RE.test(varName)) {
    await sh.error(`wait: \`${varName}': not a valid identifier`);
    return 1;
  }
  await collectJobs(sh);
  if (varName !== undefined) {
    // (builtin_unbind_variable: a readonly name fails the wait before it waits)
    if (sh.state.lookup(varName)?.readonly) {
      await sh.error(`wait: ${varName}: cannot unset: readonly variable`);
      return 1;
    }
    sh.state.unset(varName);
  }
  if (next) return waitNext(sh, args, varName);
  if (args.length === 0) {
    const jobs = sh.state.jobs.filter((j) => !j.inherited);
    // wait_for_background_pids(): waits for each job still running when its turn comes; one
    // that ended meanwhile was not waited for (one started just now bash has not reaped yet)
    const waited = new Set<Job>();
    const now = sys.uptime();
    for (const job of jobs) {
      if (job.state === 'Done' && job.started !== now) continue;
      if (waited.size > 0) await collectJobs(sh);
      if ((job.state as Job['state']) === 'Done') continue;
      waited.add(job);
      if ((await waitJob(sh, job)) === 'interrupted') return interruptedStatus(sh);
    }
    for (;;) {
      try {
        // (disowned processes are not waited for: with some of them about, only those that
        // ended already are collected)
        const r = await sys.wait(-1, sh.state.disowned.size ? { noHang: true } : {});
        if (!r) break;
        sh.state.disowned.delete(r.pid);
      } catch (e) {
        if (isSysError(e) && e.errno === 'ECHILD') break;
        if (isSysError(e) && e.errno === 'EINTR') return interruptedStatus(sh);
        throw e;
      }
    }
    await notifyJobs(sh, false, sh.state.interactive ? jobs : []);
    // a script keeps the job of $! if it had exited before this wait, for `jobs` and wait -n (POSIX)
    const st = sh.state;
    const keep = (j: Job): boolean => !st.interactive && st.errorContext === 'script' && !waited.has(j) && j.state === 'Done' && j.final?.kind !== 'signaled' && j.pids[j.pids.length - 1] === st.lastBg;
    // the jobs waited for go first (each wait_for_job deletes its job), then the other ended ones
    dropJobs(st, (j) => waited.has(j));
    dropJobs(st, (j) => !j.inherited && !keep(j));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    let pid: number;
    if (a.startsWith('%')) {
      const job = await jobFor(sh, 'wait', a);
      if (!job) {
        status = 127;
        continue;
      }
      const r = await waitJob(sh, job);
      if (r === 'interrupted') return interruptedStatus(sh);
      status = r;
      await notifyJobs(sh, false, [job]);
      continue;
    } else if (/^\d+$/.test(a)) pid = Number(a);
    else {
      await sh.error(`wait: \`${a}': not a pid or valid job spec`);
      status = 1;
      continue;
    }
    const job = sh.state.jobs.find((j) => !j.inherited && j.pids.includes(pid));
    try {
      const r = job && !job.pending.has(pid) ? null : await sys.wait(pid);
      if (job && r) finishProcess(sh, job, pid, r.status);
      // (the job's other processes that ended meanwhile are collected with it)
      if (job && r && job.pending.size > 0) await collectJobs(sh);
      const saved = sh.state.reaped.get(pid);
      status = r ? statusCode(r.status) : saved ?? 127;
      // -p names the process whose status this is
      if (varName !== undefined && (r || saved !== undefined)) sh.state.set(varName, String(pid));
      if (job && job.pending.size === 0) await notifyJobs(sh, false, [job]);
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR') return interruptedStatus(sh);
      if (!(isSysError(e) && e.errno === 'ECHILD')) throw e;
      // reaped already: bash remembers the statuses of its background processes
      const saved = sh.state.reaped.get(pid);
      if (saved !== undefined) {
        status = saved;
        if (varName !== undefined) sh.state.set(varName, String(pid));
        continue;
      }
      await sh.error(`wait: pid ${pid} is not a child of this shell`);
      status = 127;
    }
  }
  return status;
};

const KILL_USAGE = 'kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

export const kill: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    await sh.write(2, `kill: usage: ${KILL_USAGE}\n`);
    return 2;
  }
  let sig: number = SIGNALS.SIGTERM;
  let i = 0;
  const a0 = args[0]!;
  if (a0 === '-l' || a0 === '-L') {
    // words after -l that look like options are taken as such (kill -l -9 lists them all)
    while (args.length > 1 && /^-/.test(args[1]!)) args.splice(1, 1);
    if (args.length > 1) {
      // each argument is answered or reported in turn; any bad one makes the status 1
      let status = 0;
      for (const s of args.slice(1)) {
        const n = Number(s);
        if (/^\d+$/.test(s)) {
          // an exit status above 128 names the signal that caused it; 0 is the EXIT pseudo-signal
          const sig = n > 128 ? n - 128 : n;
          const name = n === 0 ? 'SIGEXIT' : sig === 0 ? undefined : signalName(sig) ?? realtimeSignalName(sig);
          if (!name) {
            await sh.error(`kill: ${s}: invalid signal specification`);
            status = 1;
            continue;
          }
          await sh.write(1, `${name.slice(3)}\n`);
        } else {
          const v = /^EXIT$/i.test(s) ? 0 : signalNumber(s, !sh.state.options.has('posix'));
          if (v === undefined) {
            await sh.error(`kill: ${s}: invalid signal specification`);
            status = 1;
            continue;
          }
          await sh.write(1, `${v}\n`);
        }
      }
      return status;
    }
    // bash's display_signal_list: five to a line, tab-separated (a tab after the last too), the
    // real-time signals after SIGSYS as glibc names them (32 and 33 are glibc's own)
    const entries: [number, string][] = Object.entries(SIGNALS).map(([n, v]) => [v, n]);
    for (let v = SIGRTMIN; v <= SIGRTMAX; v++) entries.push([v, realtimeSignalName(v)!]);
    let out = '';
    entries.forEach(([v, n], k) => {
      out += `${String(v).padStart(2)}) ${n}${(k + 1) % 5 === 0 ? '\n' : '\t'}`;
    });
    await sh.write(1, out.endsWith('\n') ? out : `${out}\n`);
    return 0;
  }
  if (a0 === '-s' || a0 === '-n') {
    if (args[1] === undefined) {
      await sh.error(`kill: ${a0}: option requires an argument`);
      return 1;
    }
    const v = signalNumber(args[1], !sh.state.options.has('posix'));
    if (v === undefined) {
      await sh.error(`kill: ${args[1] ?? ''}: invalid signal specification`);
      return 1;
    }
    sig = v;
    i = 2;
  } else if (/^-s[A-Za-z]|^-n\d/.test(a0)) {
    // -sNAME and -nNUM: the option with its argument joined (so -sigterm means -s igterm)
    const v = signalNumber(a0.slice(2), !sh.state.options.has('posix'));
    if (v === undefined) {
      await sh.error(`kill: ${a0.slice(2)}: invalid signal specification`);
      return 1;
    }
    sig = v;
    i = 1;
  } else if (a0.startsWith('-') && a0 !== '--' && a0.length > 1) {
    const v = signalNumber(a0.slice(1), !sh.state.options.has('posix'));
    if (v === undefined) {
      await sh.error(`kill: ${a0.slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = v;
    i = 1;
  }
  if (args[i] === '--') i++;
  const targets = args.slice(i);
  if (targets.length === 0) {
    await sh.write(2, `kill: usage: ${KILL_USAGE}\n`);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    let pid: number;
    if (t.startsWith('%')) {
      await collectJobs(sh);
      const job = await jobFor(sh, 'kill', t);
      if (!job) {
        status = 1;
        continue;
      }
      if (!job.group) {
        // kill_pid(): a job started without job control shares the shell's process group,
        // so each of its processes still running gets the signal
        for (const p of job.pending) {
          try {
            sh.sys.kill(p, sig);
          } catch (e) {
            if (!isSysError(e)) throw e;
          }
        }
        continue;
      }
      pid = -job.pgid;
    } else if (/^-?\d+$/.test(t)) pid = Number(t);
    else {
      await sh.error(`kill: ${t}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    try {
      sh.sys.kill(pid, sig);
      if (pid < 0 && sig !== SIGNALS.SIGCONT) {
        // a stopped job must be continued to act on the signal
        const job = sh.state.jobs.find((j) => j.pgid === -pid);
        if (job?.state === 'Stopped' && sig !== SIGNALS.SIGSTOP && sig !== SIGNALS.SIGTSTP) sh.sys.kill(pid, SIGNALS.SIGCONT);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sh.error(`kill: (${t.replace(/^%/, '')}) - ${e.errno === 'EPERM' ? 'Operation not permitted' : 'No such process'}`);
      status = 1;
    }
  }
  return status;
};

export const jobs: Builtin = async (sh, argv) => {
  await collectJobs(sh);
  if (/^-[lnprs]*x/.test(argv[1] ?? '')) return jobsExec(sh, argv.slice(2));
  let onlyPids = false;
  let long = false;
  let running = false;
  let stopped = false;
  let changed = false;
  let k = 1;
  for (; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const bad = /[^lnprs]/.exec(a.slice(1));
    if (bad) return badOption(sh, 'jobs', `-${bad[0]}`, 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]');
    // -l, -n and -p each choose the listing's form: the last one given counts
    for (const c of a.slice(1)) {
      if (c === 'l' || c === 'n' || c === 'p') [long, changed, onlyPids] = [c === 'l', c === 'n', c === 'p'];
    }
    running ||= a.includes('r');
    stopped ||= a.includes('s');
  }
  // a job that ended and was reported goes now (bash's cleanup_dead_jobs before a listing of
  // all; after one of named jobs, which takes the jobs it shows too)
  if (k >= argv.length) dropReportedJobs(sh.state);
  const list = sh.state.jobs;
  let shown: Job[] = list;
  let status = 0;
  if (k < argv.length) {
    shown = [];
    for (const spec of argv.slice(k)) {
      const job = await jobFor(sh, 'jobs', spec, true);
      if (job) shown.push(job);
      else status = 1;
    }
  }
  const listed: Job[] = [];
  for (const j of shown) {
    if (running && j.state !== 'Running') continue;
    if (stopped && j.state !== 'Stopped') continue;
    // -n: only the jobs not shown since their state last changed
    if (changed && j.shownState === j.state) continue;
    listed.push(j);
    await sh.write(1, onlyPids ? `${j.pids[0]}\n` : `${jobLine(sh, j, long)}\n`);
    // (a job shown whole counts as reported; its process ids alone do not)
    if (!onlyPids) j.shownState = j.state;
  }
  if (k < argv.length) dropReportedJobs(sh.state);
  return status;
};

export const fg: Builtin = (sh, argv) => resume(sh, argv, true);
export const bg: Builtin = (sh, argv) => resume(sh, argv, false);

/**
 * fg [job] / bg [job ...] (fg_bg): with job control on (set -m in this shell, or an interactive
 * one's), a job started under it goes on, in the foreground or the background.
 */
async function resume(sh: Interpreter, argv: string[], foreground: boolean): Promise<number> {
  const name = foreground ? 'fg' : 'bg';
  if (!jobControl(sh) && !sh.state.monitorHere) {
    await sh.error(`${name}: no job control`);
    return 1;
  }
  await collectJobs(sh);
  const specs = argv.length > 1 ? (foreground ? [argv[1]!] : argv.slice(1)) : [undefined];
  let status = 0;
  for (const spec of specs) {
    const job = spec === undefined ? findJob(sh, undefined) : await jobFor(sh, name, spec);
    if (!job || job === 'ambiguous') {
      if (spec === undefined) await sh.error(`${name}: current: no such job`);
      status = 1;
      continue;
    }
    if (!job.monitored) {
      await sh.error(`${name}: job ${job.id} started without job control`);
      status = 1;
      continue;
    }
    if (job.state === 'Done') {
      await sh.error(`${name}: job has terminated`);
      status = 1;
      continue;
    }
    if (foreground) {
      await sh.write(1, `${job.command}\n`);
      dropJobs(sh.state, (j) => j === job);
      sh.sys.kill(-job.pgid, SIGNALS.SIGCONT);
      return waitForeground(sh, [...job.pending], job.pgid, job.command);
    }
    if (job.state === 'Running') {
      await sh.error(`${name}: job ${job.id} already in background`);
      continue;
    }
    job.state = 'Running';
    sh.sys.kill(-job.pgid, SIGNALS.SIGCONT);
    await sh.write(1, `[${job.id}]+ ${job.command} &\n`);
  }
  return status;
}

const PSEUDO = new Set(['EXIT', 'ERR', 'DEBUG', 'RETURN']);

/** Signals 1 to 64 as trap names them: without SIG, 32 and 33 by number (glibc keeps them). */
function signalNames(): string[] {
  const out: string[] = [];
  for (let n = 1; n <= SIGRTMAX; n++) {
    const name = signalName(n) ?? realtimeSignalName(n);
    out.push(n === 32 || n === 33 || !name ? String(n) : name.slice(3));
  }
  return out;
}

function trapName(spec: string): string | undefined {
  const up = spec.toUpperCase();
  if (PSEUDO.has(up)) return up;
  if (spec === '0') return 'EXIT';
  const n = signalNumber(spec);
  if (n === undefined) return undefined;
  return (signalName(n) ?? realtimeSignalName(n))?.slice(3);
}

const TRAP_USAGE = 'trap: usage: trap [-lp] [[arg] signal_spec ...]\n';

/**
 * The signals this shell found ignored when it started: what the process ignores now, less
 * what the shell ignores itself (QUIT unless it came ignored, `trap ''`, an interactive
 * shell's TERM and job-control signals).
 */
function entryIgnored(sh: Interpreter): string[] {
  if (sh.state.entryIgnored) return sh.state.entryIgnored;
  const own = new Set<string>();
  if (sh.state.quitOwn || sh.state.interactive) own.add('QUIT');
  for (const n of sh.state.asyncOwn ?? []) own.add(signalName(n)!.slice(3));
  if (sh.state.interactive) for (const n of ['TERM', 'TSTP', 'TTIN', 'TTOU']) own.add(n);
  for (const map of [sh.state.traps, sh.state.parentTraps]) for (const [name, action] of map ?? []) if (action === '') own.add(name);
  const names = sh.sys.ignoredSignals().map((n) => (signalName(n) ?? realtimeSignalName(n))?.slice(3));
  sh.state.entryIgnored = names.filter((n): n is string => n !== undefined && !own.has(n));
  return sh.state.entryIgnored;
}

export const trap: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  const posix = sh.state.options.has('posix');
  const listTraps = async (names?: string[], every = false): Promise<void> => {
    const traps = new Map(sh.state.parentTraps ?? sh.state.traps);
    // a signal ignored on entry shows as ignored, whatever was asked for it
    for (const name of entryIgnored(sh)) traps.set(name, '');
    // an asynchronous subshell (no job control) shows the SIGINT it ignores as ignored, until a
    // trap on INT changes that (its own subshells have SIGINT back and show nothing)
    if (sh.state.asyncOwn?.includes(SIGNALS.SIGINT) && !sh.state.traps.has('INT') && sh.sys.ignoredSignals().includes(SIGNALS.SIGINT)) traps.set('INT', '');
    // named ones in the order asked; all of them as bash keeps them: EXIT, signals by number, DEBUG, ERR, RETURN
    const rank = (name: string): number => (name === 'EXIT' ? 0 : PSEUDO.has(name) ? 100 + ['DEBUG', 'ERR', 'RETURN'].indexOf(name) : signalNumber(name) ?? 99);
    // posix mode's trap -p lists every signal, `-` for those with no trap
    const all = every ? ['EXIT', ...signalNames(), 'DEBUG', 'ERR', 'RETURN'] : undefined;
    const order = names ?? all ?? [...traps.keys()].sort((a, b) => rank(a) - rank(b));
    for (const name of order) {
      const action = traps.get(name);
      if (action === undefined && !all) continue;
      const shown = action === undefined ? '-' : `'${action.replace(/'/g, "'\\''")}'`;
      // (posix mode names signals without SIG)
      await sh.write(1, `trap -- ${shown} ${PSEUDO.has(name) || posix || /^\d/.test(name) ? name : `SIG${name}`}\n`);
    }
  };
  // options as bash's internal_getopt reads them: -l and -p, alone or together, up to `--`
  // or the first word that is not one (a lone `-` is the action)
  let listSignals = false;
  let display = false;
  while (args.length > 0 && args[0]!.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a === '--') break;
    for (const ch of a.slice(1)) {
      if (ch === 'l') listSignals = true;
      else if (ch === 'p') display = true;
      else {
        await sh.error(`trap: -${ch}: invalid option`);
        sh.posixFatal = true;
        await sh.write(2, TRAP_USAGE);
        return 2;
      }
    }
  }
  if (listSignals) {
    await kill(sh, ['kill', '-l']);
    return 0;
  }
  if (args.length === 0) {
    await listTraps(undefined, display && posix);
    return 0;
  }
  if (display) {
    const names: string[] = [];
    let status = 0;
    for (const spec of args) {
      const name = trapName(spec);
      if (name) names.push(name);
      else {
        await sh.error(`trap: ${spec}: invalid signal specification`);
        status = 1;
      }
    }
    if (names.length) await listTraps(names);
    return status;
  }
  let action: string | undefined = args[0];
  let specs = args.slice(1);
  if (/^\d+$/.test(action!) && trapName(action!)) {
    // a first word that is a signal number resets the signals named
    specs = args;
    action = '-';
  } else if (specs.length === 0) {
    // `trap SIG`: reset; an action with no signals is a usage error
    if (action === '' || action === '-' || !trapName(action!)) {
      await sh.write(2, TRAP_USAGE);
      return 2;
    }
    specs = [action!];
    action = '-';
  }
  let status = 0;
  sh.state.parentTraps = undefined;
  for (const spec of specs) {
    const name = trapName(spec);
    if (!name) {
      await sh.error(`trap: ${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    const num = PSEUDO.has(name) ? undefined : signalNumber(name);
    // a signal ignored on entry can be neither trapped nor reset, and that is no error
    if (num !== undefined && entryIgnored(sh).includes(name)) continue;
    if (action === '-') {
      sh.state.traps.delete(name);
      // a fatal signal caught for the EXIT trap goes back to being caught (bash's termsig handler)
      if (num !== undefined) sh.sys.signal(num, name === 'INT' && sh.state.interactive ? interactiveInt(sh) : shellIgnores(sh, name) ? 'ignore' : sh.state.termsigs && FATAL.includes(name) ? (s) => sh.pendingTraps.push(s) : 'default');
      continue;
    }
    sh.state.traps.set(name, action!);
    if (name === 'EXIT' && !sh.state.interactive && !sh.state.termsigs) catchFatalSignals(sh);
    if (num === undefined || num === SIGNALS.SIGKILL || num === SIGNALS.SIGSTOP) continue;
    if (action === '') sh.sys.signal(num, 'ignore');
    else sh.sys.signal(num, (s) => sh.pendingTraps.push(s));
  }
  return status;
};

/** The signals the shell itself goes back to ignoring when their trap is reset: QUIT always
 * (unless it was ignored on entry, then it stays so), TERM when interactive. */
function shellIgnores(sh: Interpreter, name: string): boolean {
  if (sh.state.subshell !== 0) return false;
  return (name === 'QUIT' && (sh.state.interactive || sh.state.quitOwn)) || (name === 'TERM' && sh.state.interactive);
}

/** The signals that end bash by default (its terminating_signals); SIGQUIT it ignores. */
const FATAL = ['HUP', 'INT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'XCPU', 'XFSZ', 'VTALRM', 'SYS'];

/** A non-interactive shell's first EXIT trap: the fatal signals no trap handles are caught so
 * the EXIT trap runs before the shell dies of them (Interpreter.runPendingTraps). */
function catchFatalSignals(sh: Interpreter): void {
  // (those ignored on entry stay ignored)
  const ignored = entryIgnored(sh);
  sh.state.termsigs = true;
  for (const name of FATAL) {
    const num = signalNumber(name);
    if (num !== undefined && !sh.state.traps.has(name) && !ignored.includes(name)) sh.sys.signal(num, (s) => sh.pendingTraps.push(s));
  }
}

/** jobs -x COMMAND ARGS: runs COMMAND with each job spec among them replaced by its job's process group. */
async function jobsExec(sh: Interpreter, args: string[]): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  const out: string[] = [];
  for (const a of args) {
    if (!a.startsWith('%')) {
      out.push(a);
      continue;
    }
    // a spec that names no job is passed on as it is (an ambiguous one after its message)
    const found = findJob(sh, a);
    if (found === 'ambiguous') await jobFor(sh, 'jobs', a);
    out.push(found === undefined || found === 'ambiguous' ? a : String(found.pgid));
  }
  if (out.length === 0) return 0;
  // loaded when used: simple.ts and lookup.ts import the builtin table this file is part of
  const fn = sh.state.functions.get(out[0]!);
  if (fn) return (await import('../simple')).callFunction(sh, fn, out);
  return (await import('./lookup')).command(sh, ['command', ...out]);
}
