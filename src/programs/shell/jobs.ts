// Foreground waiting, pipelines, background jobs and the job table. In an interactive
// shell every job gets its own process group, which owns the terminal while it runs.
import { isSysError } from '../../shared/errno';
import { statusCode, type WaitStatus } from '../../shared/process';
import { SIGNAL_DESCRIPTIONS, SIGNALS } from '../../shared/signals';
import type { Command } from './ast';
import { Interrupted } from './control';
import type { Interpreter } from './interpreter';
import type { Job } from './state';
import { commandText } from './unparse';

function jobControl(sh: Interpreter): boolean {
  return sh.state.options.has('monitor') && sh.sys.isatty(0);
}

/** Waits for the processes of a foreground job; returns their statuses in order. */
export async function waitForeground(sh: Interpreter, pids: number[], pgid: number | undefined, text = ''): Promise<number> {
  const statuses = await waitAll(sh, pids, pgid, text);
  return statuses[statuses.length - 1] ?? 0;
}

async function waitAll(sh: Interpreter, pids: number[], pgid: number | undefined, text: string): Promise<number[]> {
  const sys = sh.sys;
  const control = jobControl(sh) && pgid !== undefined;
  if (control) sys.tcsetpgrp(0, pgid);
  const results = new Map<number, WaitStatus>();
  let stopped: WaitStatus | undefined;
  try {
    for (const pid of pids) {
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
  const last = results.get(pids[pids.length - 1]!);
  if (last?.kind === 'signaled') await reportSignal(sh, last.signal, last.core);
  return statuses;
}

async function reportSignal(sh: Interpreter, signal: number, core: boolean): Promise<void> {
  if (signal === SIGNALS.SIGINT) {
    // an interactive shell abandons the command line (the prompt loop prints the newline)
    if (sh.state.interactive) throw new Interrupted();
    return;
  }
  if (signal === SIGNALS.SIGPIPE) return;
  const desc = SIGNAL_DESCRIPTIONS[signal] ?? `Unknown signal ${signal}`;
  if (sh.state.interactive) await sh.write(2, `${desc}${core ? ' (core dumped)' : ''}\n`);
}

export async function runPipelineStages(sh: Interpreter, cmd: Command & { kind: 'pipeline' }): Promise<number[]> {
  const sys = sh.sys;
  const n = cmd.cmds.length;
  const pipes: [number, number][] = [];
  for (let i = 0; i < n - 1; i++) pipes.push(sys.pipe());
  const pipeFds = pipes.flat();
  const control = jobControl(sh);
  const pids: number[] = [];
  let pgid: number | undefined = control ? 0 : undefined;
  try {
    for (let i = 0; i < n; i++) {
      const overrides = new Map<number, number>();
      if (i > 0) overrides.set(0, pipes[i - 1]![0]);
      if (i < n - 1) {
        overrides.set(1, pipes[i]![1]);
        if (cmd.stderr[i]) overrides.set(2, pipes[i]![1]);
      }
      const stage = cmd.cmds[i]!;
      // bash runs a simple command's DEBUG trap before it forks (execute_simple_command)
      const debug = stage.kind === 'simple' ? sh.debugTrap(stage) : undefined;
      if (debug) await debug;
      const pid = await sh.forkShell((sub) => {
        sub.debugDone = debug !== undefined;
        return sub.runCommand(stage, true);
      }, {
        fds: sh.inheritable(overrides, pipeFds),
        ...(pgid !== undefined ? { pgid } : {}),
        foreground: control,
      });
      pids.push(pid);
      if (pgid === 0) pgid = pid;
    }
  } finally {
    for (const fd of pipeFds) sys.close(fd);
  }
  return waitAll(sh, pids, pgid, commandText(cmd));
}

export async function startBackground(sh: Interpreter, cmd: Command): Promise<number> {
  const control = jobControl(sh);
  const overrides = new Map<number, number>();
  let nullFd: number | undefined;
  if (!control) {
    // without job control, a background job reads from /dev/null (POSIX)
    nullFd = await sh.sys.open('/dev/null', { read: true });
    overrides.set(0, nullFd);
  }
  const debug = cmd.kind === 'simple' ? sh.debugTrap(cmd) : undefined;
  if (debug) await debug;
  const pid = await sh.forkShell((sub) => {
    sub.debugDone = debug !== undefined;
    return sub.runCommand(cmd, true);
  }, {
    fds: sh.inheritable(overrides, nullFd === undefined ? [] : [nullFd]),
    ...(control ? { pgid: 0 } : {}),
  });
  if (nullFd !== undefined) sh.sys.close(nullFd);
  sh.state.lastBg = pid;
  if (sh.state.interactive) {
    const job = addJob(sh, pid, [pid], commandText(cmd), 'Running');
    await sh.write(2, `[${job.id}] ${pid}\n`);
  }
  return pid;
}

function addJob(sh: Interpreter, pgid: number, pids: number[], command: string, state: Job['state']): Job {
  const jobs = sh.state.jobs;
  const id = jobs.reduce((m, j) => Math.max(m, j.id), 0) + 1;
  const job: Job = { id, pgid, pids, command, state, status: 0, pending: new Set(pids) };
  jobs.push(job);
  return job;
}

/** Reaps finished background jobs; an interactive shell reports them before the prompt. */
export async function reapJobs(sh: Interpreter, report: boolean): Promise<void> {
  const sys = sh.sys;
  for (const job of sh.state.jobs) {
    for (const pid of [...job.pending]) {
      try {
        const r = await sys.wait(pid, { noHang: true, untraced: true, continued: true });
        if (!r) continue;
        if (r.status.kind === 'stopped') job.state = 'Stopped';
        else if (r.status.kind === 'continued') job.state = 'Running';
        else {
          job.pending.delete(pid);
          if (pid === job.pids[job.pids.length - 1]) job.status = statusCode(r.status);
        }
      } catch {
        job.pending.delete(pid);
      }
    }
    if (job.pending.size === 0 && job.state !== 'Done') job.state = 'Done';
  }
  const done = sh.state.jobs.filter((j) => j.state === 'Done');
  if (report) {
    for (const job of done) {
      const label = job.status === 0 ? 'Done' : `Exit ${job.status}`;
      const mark = job === sh.state.jobs[sh.state.jobs.length - 1] ? '+' : '-';
      await sh.write(2, `[${job.id}]${mark}  ${label.padEnd(24)}${job.command}\n`);
    }
  }
  sh.state.jobs = sh.state.jobs.filter((j) => j.state !== 'Done');
}
