// Foreground waiting, pipelines, background jobs and the job table. In an interactive
// shell every job gets its own process group, which owns the terminal while it runs.
import { isSysError } from '../../shared/errno';
import { statusCode, type WaitStatus } from '../../shared/process';
import { SIGNAL_DESCRIPTIONS, SIGNALS } from '../../shared/signals';
import type { Command } from './ast';
import { Interrupted } from './control';
import type { Interpreter } from './interpreter';
import type { Job, ShellState } from './state';
import { commandText } from './unparse';
import { pipelinePipe } from './fork';

/**
 * Whether this shell does job control: `set -m` on a terminal, and not in a subshell (bash
 * turns job control off in the child it forks, though $- still shows m): a subshell's
 * commands stay in its process group, and the terminal stays with the job it belongs to.
 */
export function jobControl(sh: Interpreter): boolean {
  return sh.state.options.has('monitor') && sh.state.subshell === 0 && sh.sys.isatty(0);
}

/** Waits for the processes of a foreground job; returns their statuses in order. */
export async function waitForeground(sh: Interpreter, pids: number[], pgid: number | undefined, text = ''): Promise<number> {
  const statuses = await waitAll(sh, pids, pgid, text);
  return statuses[statuses.length - 1] ?? 0;
}

/**
 * `texts`: each process's command (a pipeline's stages), which the report of a job killed by
 * a signal lists.
 */
async function waitAll(sh: Interpreter, pids: number[], pgid: number | undefined, text: string, texts: string[] = [text], early?: Map<number, WaitStatus>): Promise<number[]> {
  const sys = sh.sys;
  const control = jobControl(sh) && pgid !== undefined;
  if (control) sys.tcsetpgrp(0, pgid);
  const results = new Map<number, WaitStatus>(early);
  let stopped: WaitStatus | undefined;
  try {
    for (const pid of pids) {
      if (results.has(pid)) continue;
      for (;;) {
        let r;
        try {
          r = await sys.wait(pid, { untraced: control });
        } catch (e) {
          // EINTR: a trapped signal arrived; keep waiting (the trap runs between commands)
          if (isSysError(e) && e.errno === 'EINTR') continue;
          if (isSysError(e) && e.errno === 'ECHILD') break;
          throw e;
        }
        if (!r) break;
        if (r.status.kind === 'stopped') {
          stopped = r.status;
          break;
        }
        results.set(pid, r.status);
        break;
      }
      if (stopped) break;
    }
  } finally {
    if (control) sys.tcsetpgrp(0, sys.getpgid());
  }
  if (stopped && pgid !== undefined) {
    const job = addJob(sh, pgid, pids.filter((p) => !results.has(p)), text, 'Stopped');
    await sh.write(2, `\n[${job.id}]+  ${'Stopped'.padEnd(24)}${text}\n`);
    return [statusCode(stopped)];
  }
  const statuses = pids.map((p) => {
    const s = results.get(p);
    return s ? statusCode(s) : 127;
  });
  // the job's status (raw_job_exit_status): its last process's, or with pipefail the last that failed
  let last = results.get(pids[pids.length - 1]!);
  if (sh.state.options.has('pipefail')) {
    for (let i = pids.length - 1; i >= 0; i--) {
      const r = results.get(pids[i]!);
      if (r && statusCode(r) !== 0) {
        last = r;
        break;
      }
    }
  }
  if (last?.kind === 'signaled') await reportSignal(sh, last.signal, last.core, pids.map((p) => results.get(p)), pids, texts);
  // a job under job control that ^C ended: bash asks whether any of its processes died of a
  // signal (job_signal_status: the first one that did), so `sleep 9 | true` ^C abandons the line
  // (and the prompt comes on a new line) even though its last process exited
  else if (control) {
    const first = pids.map((p) => results.get(p)).find((r) => r?.kind === 'signaled');
    if (first?.kind === 'signaled' && first.signal === SIGNALS.SIGINT) await reportSignal(sh, SIGNALS.SIGINT, false, [], pids, texts);
  }
  // after a foreground job the shell tells of background jobs that ended (notify_and_cleanup)
  if (sh.state.jobs.length > 0) {
    await collectJobs(sh);
    await notifyJobs(sh, false);
  }
  return statuses;
}

/**
 * notify_of_job_status() for a foreground job that a signal ended. An interactive shell (and
 * the subshells it forks) prints the signal's text; a script or `bash -c` prints
 * `NAME: line N: ` and the job as `jobs -l` lists it, except for SIGINT, SIGTERM and SIGPIPE
 * (DONT_REPORT_SIGTERM, DONT_REPORT_SIGPIPE) and trapped signals.
 */
async function reportSignal(sh: Interpreter, signal: number, core: boolean, statuses: (WaitStatus | undefined)[], pids: number[], texts: string[]): Promise<void> {
  if (signal === SIGNALS.SIGINT) {
    // an interactive shell abandons the command line (the prompt loop prints the newline);
    // with INT trapped it goes on with the line (the trap does not run), unless in a loop
    if (!sh.state.interactive) return;
    if (!sh.state.traps.has('INT') || sh.state.loopDepth > 0) throw new Interrupted();
    await sh.write(2, '\n');
    return;
  }
  const desc = SIGNAL_DESCRIPTIONS[signal] ?? `Unknown signal ${signal}`;
  if (sh.state.interactive || sh.state.errorContext === 'interactive') {
    if (signal === SIGNALS.SIGPIPE) return;
    await reportText(sh, `${desc}${core ? ' (core dumped)' : ''}\n`);
    return;
  }
  if (signal === SIGNALS.SIGPIPE || sh.state.inComsub) return;
  // TERM (not reported as a job) and trapped signals: just the signal's text, as for any foreground job
  const name = Object.entries(SIGNALS).find(([, v]) => v === signal)?.[0].slice(3);
  if (signal === SIGNALS.SIGTERM || (name && sh.state.traps.has(name))) {
    await reportText(sh, `${desc}${core ? ' (core dumped)' : ''}\n`);
    return;
  }
  await reportText(sh, `${sh.state.sourceName()}: line ${sh.state.lineno || 1}: ${longListing(statuses, pids, texts)}`);
}

/** A report of a program a signal ended; held back while the command's redirections are in place (bash's child applies them, not the shell). */
function reportText(sh: Interpreter, text: string): Promise<void> | void {
  if (sh.deferredReports) sh.deferredReports.push(text);
  else return sh.write(2, text);
}

/** print_pipeline() in the long format: pid, status padded to 24 columns, the command; one line per process. */
function longListing(statuses: (WaitStatus | undefined)[], pids: number[], texts: string[]): string {
  const text = (s: WaitStatus | undefined): string => {
    if (!s) return 'Done';
    if (s.kind === 'signaled') return SIGNAL_DESCRIPTIONS[s.signal] ?? `Unknown signal ${s.signal}`;
    if (s.kind === 'exited') return s.code === 0 ? 'Done' : `Exit ${s.code}`;
    return 'Done';
  };
  let out = '';
  const first = statuses[0];
  pids.forEach((pid, i) => {
    const st = statuses[i];
    let t = text(st);
    // a later process that ended like the first shows no status of its own
    if (i > 0 && st && first && statusCode(st) === statusCode(first) && st.kind === first.kind) t = '';
    const padding = Math.max(0, 24 - (t.length || 2));
    const cored = st?.kind === 'signaled' && st.core ? '(core dumped) ' : '';
    out += `${i > 0 ? '     ' : ''}${String(pid).padStart(5)} ${t}${' '.repeat(padding)}${cored}${i > 0 ? '| ' : ''}${texts[i] ?? texts[0] ?? ''}\n`;
  });
  return out;
}

export async function runPipelineStages(sh: Interpreter, cmd: Command & { kind: 'pipeline' }): Promise<number[]> {
  const control = jobControl(sh);
  // shopt lastpipe without job control: the last stage runs in this shell, reading the pipe
  // (set -m in this shell turns job control on even without a terminal; a subshell starts
  // without it)
  const inShell = sh.state.shopts.has('lastpipe') && !control && !sh.state.monitorHere;
  const mark = sh.pendingTraps.length;
  const { pids, pgid, lastInput } = await forkStages(sh, cmd, inShell);
  if (inShell) return lastStageInShell(sh, cmd, pids, lastInput!);
  const early = control && pgid ? await interruptedWhileStarting(sh, pids, pgid, mark) : undefined;
  return waitAll(sh, pids, pgid, commandText(cmd), cmd.cmds.map(commandText), early);
}

/**
 * Forks a pipeline's stages from this shell, each with its pipes (all of them, or all but the
 * last with `inShell`: that one's input is returned open). `background`: the stages of an
 * asynchronous pipeline, which ignore SIGINT and SIGQUIT without job control, the first
 * reading `background.input` (/dev/null) then.
 */
async function forkStages(sh: Interpreter, cmd: Command & { kind: 'pipeline' }, inShell: boolean, background?: { input?: number }): Promise<{ pids: number[]; pgid: number | undefined; lastInput?: number }> {
  const sys = sh.sys;
  const n = cmd.cmds.length;
  const pipes: [number, number][] = [];
  try {
    for (let i = 0; i < n - 1; i++) pipes.push(await pipelinePipe(sh));
  } catch (e) {
    for (const fd of pipes.flat()) sys.close(fd);
    throw e;
  }
  const pipeFds = pipes.flat();
  const control = jobControl(sh);
  const pids: number[] = [];
  let pgid: number | undefined = control ? 0 : undefined;
  try {
    for (let i = 0; i < (inShell ? n - 1 : n); i++) {
      const overrides = new Map<number, number>();
      if (i > 0) overrides.set(0, pipes[i - 1]![0]);
      else if (background?.input !== undefined) overrides.set(0, background.input);
      if (i < n - 1) {
        overrides.set(1, pipes[i]![1]);
        if (cmd.stderr[i]) overrides.set(2, pipes[i]![1]);
      }
      const stage = cmd.cmds[i]!;
      // bash runs a simple command's DEBUG trap before it forks (execute_simple_command)
      const debug = stage.kind === 'simple' ? sh.debugTrap(stage) : undefined;
      if (debug) await debug;
      // and names it in $BASH_COMMAND before it forks
      if (stage.kind === 'simple' && sh.trapDepth === 0) sh.state.current = stage;
      const pid = await sh.forkShell((sub) => {
        sub.debugDone = debug !== undefined;
        sub.pipeEnv = true;
        sub.parenEnv = false;
        // (the stages of an asynchronous pipeline all count the level)
        if (stage.kind === 'simple' && !background) {
          sub.state.level--;
          sub.state.levelLowered = true;
        }
        // a compound stage runs as a subshell (execute_in_subshell): outside the loops around it
        else sub.state.loopDepth = 0;
        if (background) {
          sub.state.jobs = [];
          if (!control) ignoreInterrupts(sub, stage);
        }
        return sub.runCommand(stage, true);
      }, {
        fds: sh.inheritable(overrides, background?.input === undefined ? pipeFds : [...pipeFds, background.input]),
        ...(pgid !== undefined ? { pgid } : {}),
        foreground: control && !background,
      });
      pids.push(pid);
      if (pgid === 0) pgid = pid;
    }
  } finally {
    for (const fd of pipeFds) if (!(inShell && fd === pipes[n - 2]![0])) sys.close(fd);
  }
  return { pids, pgid, ...(inShell ? { lastInput: pipes[n - 2]![0] } : {}) };
}

/**
 * Without job control an asynchronous list ignores SIGINT and SIGQUIT (POSIX). A program run
 * straight from it keeps them ignored; a subshell, group or function call ignores them for
 * itself, and what it runs gets them back as they were.
 */
function ignoreInterrupts(sub: Interpreter, stage: Command): void {
  const word = stage.kind === 'simple' ? stage.words[0]?.parts : undefined;
  const name = word?.length === 1 && word[0]!.kind === 'lit' ? word[0]!.text : undefined;
  const fn = stage.kind === 'simple' && name !== undefined && sub.state.functions.has(name);
  const compound = stage.kind !== 'simple' || fn;
  // (a function run in the background ignores SIGQUIT only: bash leaves its SIGINT alone)
  if (!fn) {
    if (compound && !sub.sys.ignoredSignals().includes(SIGNALS.SIGINT)) sub.state.asyncOwn = [SIGNALS.SIGINT];
    sub.sys.signal(SIGNALS.SIGINT, 'ignore');
  }
  sub.sys.signal(SIGNALS.SIGQUIT, 'ignore');
  if (!compound) sub.state.quitOwn = false;
}

/** lastpipe: the last stage with its standard input on the pipe, then the others' statuses. */
async function lastStageInShell(sh: Interpreter, cmd: Command & { kind: 'pipeline' }, pids: number[], input: number): Promise<number[]> {
  const sys = sh.sys;
  const saved = sys.isOpen(0) ? sys.dup(0) : undefined;
  if (saved !== undefined) sys.setCloexec(saved, true);
  sys.dup2(input, 0);
  sys.close(input);
  let last: number;
  try {
    last = await sh.runCommand(cmd.cmds[cmd.cmds.length - 1]!);
  } finally {
    if (saved === undefined) sys.close(0);
    else {
      sys.dup2(saved, 0);
      sys.close(saved);
    }
  }
  const statuses = await waitAll(sh, pids, undefined, commandText(cmd), cmd.cmds.slice(0, -1).map(commandText));
  return [...statuses, last];
}

/**
 * A ^C (or ^\) typed while the stages were still being started reached only those that
 * existed (the first took the terminal when it was forked): the job is sent it again so the
 * later stages get it too, as they would have had they all started at once. Returns the
 * statuses already collected.
 */
async function interruptedWhileStarting(sh: Interpreter, pids: number[], pgid: number, mark: number): Promise<Map<number, WaitStatus>> {
  const early = new Map<number, WaitStatus>();
  let signal = sh.interruptedStarting(mark) ? SIGNALS.SIGINT : 0;
  for (const pid of pids) {
    const r = await sh.sys.wait(pid, { noHang: true }).catch(() => null);
    if (!r || r.status.kind === 'stopped' || r.status.kind === 'continued') continue;
    early.set(pid, r.status);
    if (r.status.kind === 'signaled' && (r.status.signal === SIGNALS.SIGINT || r.status.signal === SIGNALS.SIGQUIT)) signal = r.status.signal;
  }
  if (signal && early.size < pids.length) {
    try {
      sh.sys.kill(-pgid, signal);
    } catch {
      // the job is gone already
    }
  }
  return early;
}

export async function startBackground(sh: Interpreter, cmd: Command): Promise<number> {
  const control = jobControl(sh);
  const overrides = new Map<number, number>();
  let nullFd: number | undefined;
  if (!control) {
    // without job control, a background job reads from /dev/null (POSIX); with no descriptor
    // left it keeps the shell's input, as bash's child does when that open fails
    nullFd = await sh.sys.open('/dev/null', { read: true }).catch((e: unknown) => {
      if (isSysError(e)) return undefined;
      throw e;
    });
    if (nullFd !== undefined) overrides.set(0, nullFd);
  }
  // a pipeline's stages are this shell's children, as a foreground one's: one job of them all,
  // $! the last; the job's status is the last one's ($! and `!` say nothing of the others)
  let pids: number[];
  let pgid: number | undefined;
  if (cmd.kind === 'pipeline' && cmd.cmds.length > 1 && !cmd.timed) {
    try {
      ({ pids, pgid } = await forkStages(sh, cmd, false, { input: nullFd }));
    } finally {
      if (nullFd !== undefined) sh.sys.close(nullFd);
    }
  } else {
    const debug = cmd.kind === 'simple' ? sh.debugTrap(cmd) : undefined;
    if (debug) await debug;
    const pid = await sh.forkShell((sub) => {
      sub.state.jobs = [];
      sub.debugDone = debug !== undefined;
      sub.pipeEnv = sub.parenEnv = false;
      if (cmd.kind !== 'simple') sub.state.loopDepth = 0;
      if (!control) ignoreInterrupts(sub, cmd.kind === 'pipeline' && cmd.cmds.length === 1 ? cmd.cmds[0]! : cmd);
      return sub.runCommand(cmd, true);
    }, {
      fds: sh.inheritable(overrides, nullFd === undefined ? [] : [nullFd]),
      ...(control ? { pgid: 0 } : {}),
    });
    if (nullFd !== undefined) sh.sys.close(nullFd);
    pids = [pid];
    pgid = control ? pid : undefined;
  }
  const pid = pids[pids.length - 1]!;
  sh.state.lastBg = pid;
  // set_current_job(): the new job is current and the previous is a live one, so jobs that
  // have ended (and been reaped: some time has passed since they started) keep no mark
  if (sh.state.jobs.length > 0) {
    await collectJobs(sh);
    const now = sh.sys.uptime();
    for (const j of sh.state.jobs) if (j.state === 'Done' && (j.started ?? now) < now) j.unmarked = true;
  }
  // every shell keeps a job table (kill %1 works in a script too); only an interactive one says so
  const job = addJob(sh, pgid ?? sh.sys.getpgid(), pids, commandText(cmd), 'Running', control);
  if (pids.length > 1 && cmd.kind === 'pipeline') job.texts = cmd.cmds.map(commandText);
  if (sh.state.interactive) await sh.write(2, `[${job.id}] ${pid}\n`);
  return pid;
}

function addJob(sh: Interpreter, pgid: number, pids: number[], command: string, state: Job['state'], group = true): Job {
  dropReportedJobs(sh.state);
  const jobs = sh.state.jobs;
  const id = jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
  const job: Job = { id, pgid, pids, command, state, status: 0, pending: new Set(pids), group, started: sh.sys.uptime(), wd: shellDirectory(sh), monitored: jobControl(sh) || sh.state.monitorHere };
  jobs.push(job);
  return job;
}

/** How `jobs` and the notices name a job's state: Running, Stopped, Done, Exit N, or the signal that ended it. */
export function jobLabel(job: Job): string {
  if (job.state !== 'Done') return job.state;
  const f = job.final;
  if (f?.kind === 'signaled') return `${SIGNAL_DESCRIPTIONS[f.signal] ?? `Unknown signal ${f.signal}`}${f.core ? ' (core dumped)' : ''}`;
  return job.status === 0 ? 'Done' : `Exit ${job.status}`;
}

/**
 * coproc_dispose(): the coprocess was reaped: its descriptors close (those still open as it
 * left them, close-on-exec) and NAME and NAME_PID are unset.
 */
function disposeCoproc(sh: Interpreter): void {
  const cp = sh.state.coproc!;
  sh.state.coproc = undefined;
  const open = sh.sys.openFds();
  for (const fd of cp.fds) if (open.some((f) => f.fd === fd && f.cloexec)) sh.sys.close(fd);
  for (const n of [`${cp.name}_PID`, cp.name]) {
    try {
      sh.state.unset(n);
    } catch {
      // a readonly one stays
    }
  }
}

/** bash's bgpids list is bounded (by the child process limit). */
const REAPED_MAX = 1024;

/**
 * waitchld(): collects the statuses of background jobs that changed, without reporting them
 * or taking them out of the table. A finished job's status is kept for `wait PID`.
 */
export async function collectJobs(sh: Interpreter): Promise<void> {
  const sys = sh.sys;
  // without set -m bash does not ask to hear of stops and continues: a stopped job stays Running
  const changes = sh.state.options.has('monitor') && sh.state.subshell === 0;
  for (const job of sh.state.jobs) {
    if (job.inherited) continue;
    // again while a pass found something: each wait lets the job's other processes run, so one
    // found running early in a pass may have ended before the pass is over (as bash's waitchld
    // reaps every child that has ended, not one per process asked about)
    for (let found = true; found && job.pending.size > 0;) {
      found = false;
      for (const pid of [...job.pending]) {
        try {
          const r = await sys.wait(pid, { noHang: true, untraced: changes, continued: changes });
          if (!r) continue;
          found = true;
          if (r.status.kind === 'stopped') job.state = 'Stopped';
          else if (r.status.kind === 'continued') job.state = 'Running';
          else finishProcess(sh, job, pid, r.status);
        } catch {
          job.pending.delete(pid);
        }
      }
    }
    if (job.pending.size === 0 && job.state !== 'Done') job.state = 'Done';
  }
}

/** Records how one of a job's processes ended (the job's status is its last process's). */
export function finishProcess(sh: Interpreter, job: Job, pid: number, status: WaitStatus): void {
  job.pending.delete(pid);
  if (sh.state.coproc?.pid === pid) disposeCoproc(sh);
  (job.ends ??= new Map()).set(pid, status);
  if (pid === job.pids[job.pids.length - 1]) {
    job.status = statusCode(status);
    job.final = status;
    const reaped = sh.state.reaped;
    reaped.delete(pid);
    reaped.set(pid, job.status);
    if (reaped.size > REAPED_MAX) reaped.delete(reaped.keys().next().value!);
  }
  if (job.pending.size === 0) job.state = 'Done';
}

/**
 * notify_of_job_status(): tells of jobs that ended and drops them from the table. A script
 * (or bash -c) reports only a job killed by a signal other than INT, TERM or PIPE (and not
 * trapped), as `NAME: line N: PID Killed   command`; the others go silently. An interactive
 * shell without job control says nothing. One with job control reports each job as `jobs`
 * lists it: all of them before a prompt (`atPrompt`), after a foreground job only those a
 * signal killed. `force`: these jobs go even when not reported (`wait` waited for them).
 */
export async function notifyJobs(sh: Interpreter, atPrompt: boolean, force: readonly Job[] = [], onlyForced = false): Promise<void> {
  const st = sh.state;
  const list = st.jobs;
  const gone = new Set<Job>();
  for (const job of list) {
    if (job.state !== 'Done' || job.inherited || (onlyForced && !force.includes(job))) continue;
    const f = job.final;
    const signal = f?.kind === 'signaled' ? f.signal : 0;
    const name = signal ? Object.entries(SIGNALS).find(([, v]) => v === signal)?.[0].slice(3) : undefined;
    const reportable = signal !== 0 && signal !== SIGNALS.SIGINT && signal !== SIGNALS.SIGTERM && signal !== SIGNALS.SIGPIPE && !(name && st.traps.has(name));
    if (!st.interactive) {
      if (reportable) {
        // a pipeline's job lists each of its processes, as jobs -l does
        const listing = job.texts && job.texts.length === job.pids.length ? `${processLines(job)}\n` : longListing([f], [job.pids[job.pids.length - 1]!], [job.command]);
        await sh.write(2, `${st.sourceName()}: line ${st.lineno || 1}: ${listing}`);
      }
      // with set -m the rest of the jobs a signal ended are listed as `jobs` shows them
      else if (signal !== 0 && st.options.has('monitor') && st.subshell === 0) await sh.write(2, `${jobLine(sh, job, false)}\n`);
      // in a script a job that exited stays until `jobs` shows it or a wait takes it (bash -c drops it)
      if (signal !== 0 || force.includes(job) || st.errorContext === 'command') gone.add(job);
    } else if (!st.options.has('monitor')) gone.add(job);
    else if (atPrompt || reportable) {
      await sh.write(2, `${jobLine(sh, job, false)}\n`);
      gone.add(job);
    } else if (force.includes(job)) gone.add(job);
  }
  for (const job of force) gone.add(job);
  if (gone.size > 0) dropJobs(st, (j) => gone.has(j));
}

/** The jobs that carry a mark, oldest first: the last is the current job (+), the one before it the previous (-). */
export function markedJobs(list: readonly Job[]): readonly Job[] {
  return list.some((j) => j.unmarked) ? list.filter((j) => !j.unmarked) : list;
}

/**
 * delete_job(): takes jobs out of the table. When the current or previous job goes,
 * reset_current() chooses among live jobs only, so the ended jobs left have no mark.
 */
/** A job that ended and was shown by `jobs` (bash's J_NOTIFIED dead job). */
export function reportedJob(j: Job): boolean {
  return j.state === 'Done' && !j.inherited && j.shownState === 'Done';
}

/** cleanup_dead_jobs(): before `jobs` lists them all and whenever the shell makes a child. */
export function dropReportedJobs(st: ShellState): void {
  dropJobs(st, reportedJob);
}

export function dropJobs(st: ShellState, gone: (j: Job) => boolean): void {
  const marked = markedJobs(st.jobs);
  const cur = marked[marked.length - 1];
  const prev = marked[marked.length - 2];
  const keep = st.jobs.filter((j) => !gone(j));
  if (keep.length === st.jobs.length) return;
  if ((cur && !keep.includes(cur)) || (prev && !keep.includes(prev))) for (const j of keep) if (j.state === 'Done') j.unmarked = true;
  st.jobs = keep;
}

/** One job as `jobs` lists it: `[1]+  Running                 sleep 5 &` (with -l, the pid after the mark). */
export function jobLine(sh: Interpreter, job: Job, long: boolean): string {
  const marked = markedJobs(sh.state.jobs);
  const k = job.unmarked ? -1 : marked.indexOf(job);
  const mark = k < 0 ? ' ' : k === marked.length - 1 ? '+' : k === marked.length - 2 ? '-' : ' ';
  const label = jobLabel(job);
  const tail = `${job.state === 'Running' ? ' &' : ''}${elsewhere(sh, job)}`;
  if (long && job.texts && job.texts.length === job.pids.length && job.state !== 'Stopped') return `[${job.id}]${mark} ${processLines(job)}${tail}`;
  return `[${job.id}]${mark} ${long ? String(job.pids[0]).padStart(5) : ''} ${label.padEnd(24)}${job.command}${tail}`;
}

/**
 * jobs -l for a pipeline's job (print_pipeline): a line for each process, its pid and status
 * (Running while the job runs; then how that process ended), a later one that stands as the
 * first does showing no status of its own, and `| ` before the later commands.
 */
function processLines(job: Job): string {
  const running = job.state === 'Running';
  const state = (pid: number): string => {
    const end = job.ends?.get(pid);
    if (running || !end) return running ? 'Running' : 'Done';
    if (end.kind === 'signaled') return `${SIGNAL_DESCRIPTIONS[end.signal] ?? `Unknown signal ${end.signal}`}`;
    return end.kind === 'exited' && end.code !== 0 ? `Exit ${end.code}` : 'Done';
  };
  const same = (a: number, b: number): boolean => {
    const x = job.ends?.get(a);
    const y = job.ends?.get(b);
    return job.pending.has(a) === job.pending.has(b) && (x === y || (!!x && !!y && x.kind === y.kind && statusCode(x) === statusCode(y)));
  };
  const first = job.pids[0]!;
  return job.pids
    .map((pid, i) => {
      let text = state(pid);
      if (i > 0 && same(pid, first)) text = '';
      const end = job.ends?.get(pid);
      const cored = end?.kind === 'signaled' && end.core ? '(core dumped) ' : '';
      return `${i > 0 ? '     ' : ''}${String(pid).padStart(5)} ${text}${' '.repeat(Math.max(0, 24 - (text.length || 2)))}${cored}${i > 0 ? '| ' : ''}${job.texts![i]}`;
    })
    .join('\n');
}

/** The shell's idea of its directory (the logical one), as a job records where it started. */
function shellDirectory(sh: Interpreter): string {
  const pwd = sh.state.get('PWD');
  if (pwd?.startsWith('/')) return pwd;
  try {
    return sh.sys.getcwd();
  } catch {
    return '';
  }
}

/** `  (wd: DIR)` after a job started in another directory than the shell's now (HOME as ~). */
function elsewhere(sh: Interpreter, job: Job): string {
  if (job.wd === undefined || job.wd === shellDirectory(sh)) return '';
  const home = sh.state.get('HOME') ?? '';
  const wd = home.length > 1 && job.wd.startsWith(home) && (job.wd.length === home.length || job.wd[home.length] === '/') ? `~${job.wd.slice(home.length)}` : job.wd;
  return `  (wd: ${wd})`;
}

/** Before a prompt: collects the jobs that changed, reports those that ended and drops them. */
export async function reapJobs(sh: Interpreter): Promise<void> {
  if (sh.state.jobs.length === 0) return;
  await collectJobs(sh);
  await notifyJobs(sh, true);
}

/** The highest free descriptor at or below 63, passing over `skip` free ones (where bash's land). */
function highFd(sh: Interpreter, skip: number): number {
  for (let fd = 63; fd >= 10; fd--) {
    if (sh.sys.isOpen(fd)) continue;
    if (skip-- > 0) continue;
    return fd;
  }
  return 10;
}

/**
 * coproc: the command runs in the background like `&`, its output on a pipe whose read end is
 * NAME[0] and its input on a pipe whose write end is NAME[1] (both close-on-exec, moved up high
 * as bash moves them); NAME_PID is its process.
 */
export async function startCoproc(sh: Interpreter, cmd: Command & { kind: 'coproc' }): Promise<number> {
  const sys = sh.sys;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.name)) {
    await sh.error(`\`${cmd.name}': not a valid identifier`);
    return -1;
  }
  // bash keeps one coprocess: a new one while the last is still there replaces it, with a
  // warning (the old one's variables stay as they are)
  const old = sh.state.coproc;
  if (old) await sh.error(`warning: execute_coproc: coproc [${old.pid}:${old.name}] still exists`);
  const [outR, outW] = await pipelinePipe(sh);
  const [inR, inW] = await pipelinePipe(sh);
  const pid = await sh.forkShell((sub) => {
    sub.state.jobs = [];
    sub.pipeEnv = sub.parenEnv = false;
    return sub.runCommand(cmd.body, true);
  }, { fds: sh.inheritable(new Map([[0, inR], [1, outW]]), [outR, outW, inR, inW]) });
  sys.close(outW);
  sys.close(inR);
  const move = (fd: number, skip: number): number => {
    const to = highFd(sh, skip);
    sys.dup2(fd, to);
    sys.close(fd);
    sys.setCloexec(to, true);
    return to;
  };
  const rd = move(outR, 0);
  const wr = move(inW, 2);
  sh.state.holder(cmd.name).set(cmd.name, { array: new Map([[0, String(rd)], [1, String(wr)]]) });
  sh.state.set(`${cmd.name}_PID`, String(pid));
  sh.state.coproc = { name: cmd.name, pid, fds: [rd, wr] };
  sh.state.lastBg = pid;
  addJob(sh, jobControl(sh) ? pid : sys.getpgid(), [pid], `coproc ${cmd.name} ${commandText(cmd.body)}`, 'Running', jobControl(sh));
  return pid;
}
