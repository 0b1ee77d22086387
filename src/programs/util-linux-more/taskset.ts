// taskset (util-linux 2.38): shows or sets the CPU affinity of a process, as a hex mask or
// (with -c) a CPU list, or runs a command bound to those CPUs (sched_setaffinity(2)).
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { errx, NumError, s32, shortName, tryHelp, utilLinuxVersion, warnx } from './common';
import { CPUS, taskOf, tasksOf } from './sched';

const HELP = `Usage: taskset [options] [mask | cpu-list] [pid|cmd [args...]]


Show or change the CPU affinity of a process.

Options:
 -a, --all-tasks         operate on all the tasks (threads) for a given pid
 -p, --pid               operate on existing given pid
 -c, --cpu-list          display and specify cpus in list format
 -h, --help              display this help
 -V, --version           display version

The default behavior is to run a new command:
    taskset 03 sshd -b 1024
You can retrieve the mask of an existing task:
    taskset -p 700
Or set it:
    taskset -p 03 700
List format uses a comma-separated list instead of a mask:
    taskset -pc 0,3,7-11 700
Ranges in list format can take a stride argument:
    e.g. 0-31:2 is equivalent to mask 0x55555555

For more details see taskset(1).
`;

const ONLINE = (1n << BigInt(CPUS)) - 1n;

/** cpumask_parse: hex digits (an optional 0x), the lowest CPU in the last digit. */
function parseMask(text: string): bigint | undefined {
  const digits = text.replace(/^0[xX]/, '');
  if (!/^[0-9a-fA-F]*$/.test(digits)) return undefined;
  return digits === '' ? 0n : BigInt(`0x${digits}`);
}

/** cpulist_parse: CPUs, ranges a-b and strided ranges a-b:s, separated by commas. */
function parseList(text: string): bigint | undefined {
  let set = 0n;
  for (const item of text.split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(item);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    const s = m[3] === undefined ? 1 : Number(m[3]);
    if (b < a || s < 1) return undefined;
    for (let c = a; c <= b && c < 8192; c += s) set |= 1n << BigInt(c);
  }
  return set;
}

/** cpulist_create: the CPUs of the mask, runs of three or more as a range. */
function listOf(mask: bigint): string {
  const out: string[] = [];
  for (let i = 0; i < CPUS; i++) {
    if (!((mask >> BigInt(i)) & 1n)) continue;
    let run = 0;
    while (i + run + 1 < CPUS && (mask >> BigInt(i + run + 1)) & 1n) run++;
    if (run === 0) out.push(`${i}`);
    else if (run === 1) out.push(`${i}`, `${i + 1}`);
    else out.push(`${i}-${i + run}`);
    i += run;
  }
  return out.join(',');
}

class AffinityError extends Error {
  constructor(readonly what: string, readonly errno: Errno) {
    super(what);
  }
}

export default defineProgram({
  name: 'taskset',
  installPath: '/usr/bin/taskset',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'a', short: 'a', long: 'all-tasks' },
    { key: 'p', short: 'p', long: 'pid' },
    { key: 'c', short: 'c', long: 'cpu-list' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
  ],
  async main(ctx, args) {
    let pid = 0;
    let all = false;
    let useList = false;
    const argv = ctx.argv;
    try {
      for (const { key } of args.order) {
        if (key === 'p') pid = s32(argv[argv.length - 1] ?? '', 'invalid PID argument');
        else if (key === 'a') all = true;
        else if (key === 'c') useList = true;
        else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        else if (key === 'h') return ctx.print(HELP).then(() => 0);
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
    const rest = args.operands;
    if ((!pid && rest.length < 2) || (pid && (rest.length < 1 || rest.length > 2))) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    const getOnly = pid !== 0 && rest.length === 1;
    let wanted = 0n;
    if (!getOnly) {
      const parsed = useList ? parseList(rest[0]!) : parseMask(rest[0]!);
      if (parsed === undefined) return errx(ctx, `failed to parse CPU ${useList ? 'list' : 'mask'}: ${rest[0]!}`);
      wanted = parsed;
    }
    const show = (id: number, when: string, mask: bigint): Promise<void> =>
      ctx.print(`pid ${id}'s ${when} affinity ${useList ? `list: ${listOf(mask)}` : `mask: ${mask.toString(16)}`}\n`);
    try {
      const tasks = pid ? (all ? tasksOf(ctx, pid) : taskOf(ctx, pid) ? [taskOf(ctx, pid)!] : undefined) : [{ pid: ctx.sys.pid, rtprio: 0, policy: 0, affinity: 3 }];
      if (!tasks) throw new AffinityError(`failed to get pid ${pid}'s affinity`, 'ESRCH');
      for (const t of tasks) {
        if (pid) await show(t.pid, 'current', BigInt(t.affinity));
        if (getOnly) continue;
        // the kernel keeps the CPUs that are online; none of them is refused
        if (!(wanted & ONLINE)) throw new AffinityError(`failed to set pid ${t.pid}'s affinity`, 'EINVAL');
        try {
          ctx.sys.schedSet(pid ? t.pid : 0, { affinity: Number(wanted & ONLINE) });
        } catch (e) {
          if (!isSysError(e)) throw e;
          throw new AffinityError(`failed to set pid ${t.pid}'s affinity`, e.errno);
        }
        if (pid) await show(t.pid, 'new', BigInt(taskOf(ctx, t.pid)!.affinity));
      }
    } catch (e) {
      if (e instanceof AffinityError) return errx(ctx, `${e.what}: ${strerror(e.errno)}`);
      throw e;
    }
    if (pid) return 0;
    return execvp(ctx, rest.slice(1), ctx.env, async (e) => {
      await warnx(ctx, `failed to execute ${rest[1]!}: ${strerror(e.errno)}`);
    });
  },
});
