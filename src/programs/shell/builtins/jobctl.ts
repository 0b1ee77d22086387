// wait kill jobs fg bg trap
import { isSysError } from '../../../shared/errno';
import { statusCode } from '../../../shared/process';
import { parseSignal, SIGNALS, signalName } from '../../../shared/signals';
import type { Interpreter } from '../interpreter';
import { reapJobs, waitForeground } from '../jobs';
import type { Job } from '../state';
import type { Builtin } from './types';
import { badOption } from './types';

function findJob(sh: Interpreter, spec: string | undefined): Job | undefined {
  const jobs = sh.state.jobs;
  if (spec === undefined || spec === '%%' || spec === '%+' || spec === '%') return jobs[jobs.length - 1];
  if (spec === '%-') return jobs[jobs.length - 2];
  const m = /^%(\d+)$/.exec(spec);
  if (m) return jobs.find((j) => j.id === Number(m[1]));
  if (spec.startsWith('%')) return jobs.find((j) => j.command.startsWith(spec.slice(1)));
  return undefined;
}

export const wait: Builtin = async (sh, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-n' && a !== '-f');
  const sys = sh.sys;
  if (args.length === 0) {
    for (;;) {
      try {
        const r = await sys.wait(-1);
        if (!r) break;
      } catch (e) {
        if (isSysError(e) && e.errno === 'ECHILD') break;
        if (isSysError(e) && e.errno === 'EINTR') return 128 + SIGNALS.SIGINT;
        throw e;
      }
    }
    sh.state.jobs = [];
    return 0;
  }
  let status = 0;
  for (const a of args) {
    let pid: number;
    if (a.startsWith('%')) {
      const job = findJob(sh, a);
      if (!job) {
        await sh.error(`wait: ${a}: no such job`);
        status = 127;
        continue;
      }
      pid = job.pids[job.pids.length - 1]!;
    } else if (/^\d+$/.test(a)) pid = Number(a);
    else {
      await sh.error(`wait: \`${a}': not a pid or valid job spec`);
      status = 2;
      continue;
    }
    try {
      const r = await sys.wait(pid);
      status = r ? statusCode(r.status) : 127;
      for (const j of sh.state.jobs) j.pending.delete(pid);
      sh.state.jobs = sh.state.jobs.filter((j) => j.pending.size > 0);
    } catch (e) {
      if (isSysError(e) && e.errno === 'ECHILD') {
        await sh.error(`wait: pid ${pid} is not a child of this shell`);
        status = 127;
      } else throw e;
    }
  }
  return status;
};

const KILL_USAGE = 'kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]';

export const kill: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    await sh.write(2, `${sh.errPrefix()}kill: usage: ${KILL_USAGE}\n`);
    return 2;
  }
  let sig: number = SIGNALS.SIGTERM;
  let i = 0;
  const a0 = args[0]!;
  if (a0 === '-l' || a0 === '-L') {
    if (args.length > 1) {
      for (const s of args.slice(1)) {
        const n = Number(s);
        if (/^\d+$/.test(s)) {
          const name = signalName(n > 128 ? n - 128 : n);
          if (!name) {
            await sh.error(`kill: ${s}: invalid signal specification`);
            return 1;
          }
          await sh.write(1, `${name.slice(3)}\n`);
        } else {
          const v = parseSignal(s);
          if (v === undefined) {
            await sh.error(`kill: ${s}: invalid signal specification`);
            return 1;
          }
          await sh.write(1, `${v}\n`);
        }
      }
      return 0;
    }
    const names = Object.entries(SIGNALS).map(([n, v]) => `${String(v).padStart(2)}) ${n}`);
    let out = '';
    names.forEach((n, k) => {
      out += n.padEnd(16) + ((k + 1) % 5 === 0 ? '\n' : '\t');
    });
    await sh.write(1, `${out.replace(/\t$/, '')}\n`);
    return 0;
  }
  if (a0 === '-s' || a0 === '-n') {
    const v = args[1] === undefined ? undefined : parseSignal(args[1]);
    if (v === undefined) {
      await sh.error(`kill: ${args[1] ?? ''}: invalid signal specification`);
      return 1;
    }
    sig = v;
    i = 2;
  } else if (a0.startsWith('-') && a0 !== '--' && a0.length > 1 && !/^-\d+$/.test(a0) || /^-\d+$/.test(a0) && args.length > 1) {
    const v = parseSignal(a0.slice(1));
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
    await sh.write(2, `${sh.errPrefix()}kill: usage: ${KILL_USAGE}\n`);
    return 2;
  }
  let status = 0;
  for (const t of targets) {
    let pid: number;
    if (t.startsWith('%')) {
      const job = findJob(sh, t);
      if (!job) {
        await sh.error(`kill: ${t}: no such job`);
        status = 1;
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
  await reapJobs(sh, false);
  const onlyPids = argv.includes('-p');
  const long = argv.includes('-l');
  const list = sh.state.jobs;
  for (const [k, j] of list.entries()) {
    if (onlyPids) {
      await sh.write(1, `${j.pgid}\n`);
      continue;
    }
    const mark = k === list.length - 1 ? '+' : k === list.length - 2 ? '-' : ' ';
    const label = j.state === 'Running' ? 'Running' : j.state === 'Stopped' ? 'Stopped' : 'Done';
    await sh.write(1, `[${j.id}]${mark}  ${long ? `${j.pgid} ` : ''}${label.padEnd(24)}${j.command}${j.state === 'Running' ? ' &' : ''}\n`);
  }
  return 0;
};

export const fg: Builtin = async (sh, argv) => {
  const job = findJob(sh, argv[1]);
  if (!job) {
    await sh.error(`fg: ${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  await sh.write(1, `${job.command}\n`);
  sh.state.jobs = sh.state.jobs.filter((j) => j !== job);
  sh.sys.kill(-job.pgid, SIGNALS.SIGCONT);
  return waitForeground(sh, [...job.pending], job.pgid, job.command);
};

export const bg: Builtin = async (sh, argv) => {
  const job = findJob(sh, argv[1]);
  if (!job) {
    await sh.error(`bg: ${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  job.state = 'Running';
  sh.sys.kill(-job.pgid, SIGNALS.SIGCONT);
  await sh.write(1, `[${job.id}]+ ${job.command} &\n`);
  return 0;
};

const PSEUDO = new Set(['EXIT', 'ERR', 'DEBUG', 'RETURN']);

function trapName(spec: string): string | undefined {
  const up = spec.toUpperCase();
  if (PSEUDO.has(up)) return up;
  if (spec === '0') return 'EXIT';
  const n = parseSignal(spec);
  if (n === undefined) return undefined;
  return signalName(n)?.slice(3);
}

export const trap: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  const listTraps = async (names?: string[]): Promise<void> => {
    const traps = sh.state.traps.size === 0 && sh.state.parentTraps ? sh.state.parentTraps : sh.state.traps;
    for (const [name, action] of traps) {
      if (names && !names.includes(name)) continue;
      await sh.write(1, `trap -- '${action.replace(/'/g, "'\\''")}' ${PSEUDO.has(name) ? name : `SIG${name}`}\n`);
    }
  };
  if (args.length === 0) {
    await listTraps();
    return 0;
  }
  if (args[0] === '-l') {
    await kill(sh, ['kill', '-l']);
    return 0;
  }
  if (args[0] === '-p') {
    const names = args.slice(1).map(trapName).filter((n): n is string => !!n);
    await listTraps(names.length ? names : undefined);
    return 0;
  }
  if (args[0] === '--') args.shift();
  let action: string | undefined = args[0];
  let specs = args.slice(1);
  if (specs.length === 0) {
    // `trap SIG`: reset
    specs = [args[0]!];
    action = '-';
  } else if (/^\d+$/.test(action!) && trapName(action!)) {
    specs = args;
    action = '-';
  }
  let status = 0;
  for (const spec of specs) {
    const name = trapName(spec);
    if (!name) {
      await sh.error(`trap: ${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    const num = (SIGNALS as Record<string, number>)[`SIG${name}`];
    if (action === '-') {
      sh.state.traps.delete(name);
      if (num !== undefined) sh.sys.signal(num, name === 'INT' && sh.state.interactive ? interactiveInt(sh) : 'default');
      continue;
    }
    sh.state.traps.set(name, action!);
    if (num === undefined || num === SIGNALS.SIGKILL || num === SIGNALS.SIGSTOP) continue;
    if (action === '') sh.sys.signal(num, 'ignore');
    else sh.sys.signal(num, (s) => sh.pendingTraps.push(s));
  }
  return status;
};

/** The interactive shell's own ^C handling: abandon the current command line. */
export function interactiveInt(sh: Interpreter): (signal: number) => void {
  return () => {
    sh.interrupted = true;
  };
}
