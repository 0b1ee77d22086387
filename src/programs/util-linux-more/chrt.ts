// chrt (util-linux 2.38): shows or sets the scheduling policy and real-time priority of a
// process, or runs a command with them (sched_getscheduler(2), sched_setscheduler(2)).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { errx, NumError, s32, shortName, tryHelp, u64, utilLinuxVersion, warnx } from './common';
import { taskOf, tasksOf } from './sched';

const HELP = `Show or change the real-time scheduling attributes of a process.

Set policy:
 chrt [options] <priority> <command> [<arg>...]
 chrt [options] --pid <priority> <pid>

Get policy:
 chrt [options] -p <pid>

Policy options:
 -b, --batch          set policy to SCHED_BATCH
 -d, --deadline       set policy to SCHED_DEADLINE
 -f, --fifo           set policy to SCHED_FIFO
 -i, --idle           set policy to SCHED_IDLE
 -o, --other          set policy to SCHED_OTHER
 -r, --rr             set policy to SCHED_RR (default)

Scheduling options:
 -R, --reset-on-fork       set reset-on-fork flag
 -T, --sched-runtime <ns>  runtime parameter for DEADLINE
 -P, --sched-period <ns>   period parameter for DEADLINE
 -D, --sched-deadline <ns> deadline parameter for DEADLINE

Other options:
 -a, --all-tasks      operate on all the tasks (threads) for a given pid
 -m, --max            show min and max valid priorities
 -p, --pid            operate on existing given pid
 -v, --verbose        display status information

 -h, --help           display this help
 -V, --version        display version

For more details see chrt(1).
`;

/** The policies by number (sched.h), with their priority ranges. */
const POLICIES: Record<number, { name: string; min: number; max: number }> = {
  0: { name: 'SCHED_OTHER', min: 0, max: 0 },
  1: { name: 'SCHED_FIFO', min: 1, max: 99 },
  2: { name: 'SCHED_RR', min: 1, max: 99 },
  3: { name: 'SCHED_BATCH', min: 0, max: 0 },
  5: { name: 'SCHED_IDLE', min: 0, max: 0 },
  6: { name: 'SCHED_DEADLINE', min: 0, max: 0 },
};
const POLICY_KEYS: Record<string, number> = { o: 0, f: 1, r: 2, b: 3, i: 5, d: 6 };

export default defineProgram({
  name: 'chrt',
  installPath: '/usr/bin/chrt',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'a', short: 'a', long: 'all-tasks' },
    { key: 'b', short: 'b', long: 'batch' },
    { key: 'd', short: 'd', long: 'deadline' },
    { key: 'f', short: 'f', long: 'fifo' },
    { key: 'R', short: 'R', long: 'reset-on-fork' },
    { key: 'i', short: 'i', long: 'idle' },
    { key: 'm', short: 'm', long: 'max' },
    { key: 'o', short: 'o', long: 'other' },
    { key: 'p', short: 'p', long: 'pid' },
    { key: 'r', short: 'r', long: 'rr' },
    { key: 'T', short: 'T', long: 'sched-runtime', arg: 'required' },
    { key: 'P', short: 'P', long: 'sched-period', arg: 'required' },
    { key: 'D', short: 'D', long: 'sched-deadline', arg: 'required' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    let policy = 2;
    let policySet = false;
    let pid = -1;
    let all = false;
    let verbose = false;
    let resetOnFork = false;
    let deadlineParams = false;
    const argv = ctx.argv;
    try {
      for (const { key, value } of args.order) {
        if (key in POLICY_KEYS) {
          policy = POLICY_KEYS[key]!;
          policySet = true;
        } else if (key === 'a') all = true;
        else if (key === 'R') resetOnFork = true;
        else if (key === 'v') verbose = true;
        else if (key === 'p') {
          // the pid is the last argument, whatever comes between
          pid = s32(argv[argv.length - 1] ?? '', 'invalid PID argument');
        } else if (key === 'T' || key === 'P' || key === 'D') {
          const what = key === 'T' ? 'runtime' : key === 'P' ? 'period' : 'deadline';
          u64(value ?? '', `invalid ${what} argument`);
          deadlineParams = true;
        } else if (key === 'm') {
          for (const n of [0, 1, 2, 3, 5, 6]) {
            const p = POLICIES[n]!;
            await ctx.print(`${p.name} min/max priority\t: ${p.min}/${p.max}\n`);
          }
          return 0;
        } else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        else if (key === 'h') return ctx.print(HELP).then(() => 0);
      }
      const rest = args.operands;
      if ((pid > -1 && rest.length < 1) || (pid === -1 && rest.length < 2)) {
        await warnx(ctx, 'bad usage');
        return await tryHelp(ctx);
      }
      const show = async (when: 'current' | 'new', pol: number, prio: number, reset: boolean): Promise<boolean> => {
        const tasks = all ? tasksOf(ctx, pid) : taskOf(ctx, pid) ? [taskOf(ctx, pid)!] : undefined;
        if (!tasks) {
          await errx(ctx, `failed to get pid ${pid}'s policy: ${strerror('ESRCH')}`);
          return false;
        }
        for (const t of tasks) {
          const p = when === 'new' ? pol : t.policy;
          const pr = when === 'new' ? prio : t.rtprio;
          const flag = when === 'new' && reset ? '|SCHED_RESET_ON_FORK' : '';
          // ("pid 0" would confuse: chrt names the process itself)
          const shown = t.pid;
          await ctx.print(`pid ${shown}'s ${when} scheduling policy: ${POLICIES[p]!.name}${flag}\n`);
          await ctx.print(`pid ${shown}'s ${when} scheduling priority: ${pr}\n`);
        }
        return true;
      };
      if (pid > -1 && (verbose || rest.length === 1)) {
        if (!(await show('current', 0, 0, false))) return 1;
        if (rest.length === 1) return 0;
      }
      const priority = s32(rest[0]!, 'invalid priority argument');
      if (deadlineParams && policy !== 6) {
        return await errx(ctx, '--sched-{runtime,deadline,period} options are supported for SCHED_DEADLINE only');
      }
      const range = POLICIES[policy]!;
      if (priority < range.min || priority > range.max) {
        return await errx(ctx, `unsupported priority value for the policy: ${priority}: see --max for valid range`);
      }
      const target = pid === -1 ? 0 : pid;
      // SCHED_DEADLINE needs a runtime within its deadline and period: none given is refused
      let refusal = !taskOf(ctx, target) ? 'ESRCH' : policy === 6 && !deadlineParams ? 'EINVAL' : undefined;
      if (!refusal && policy !== 6) {
        try {
          ctx.sys.schedSet(target, { policy, priority });
        } catch (e) {
          if (!isSysError(e)) throw e;
          refusal = e.errno;
        }
      }
      if (refusal) return await errx(ctx, `failed to set pid ${target}'s policy: ${strerror(refusal as never)}`);
      if (verbose && pid > -1) {
        if (!(await show('new', policy, priority, resetOnFork))) return 1;
      }
      if (pid > -1) return 0;
      return await execvp(ctx, rest.slice(1), ctx.env, async (e) => {
        await warnx(ctx, `failed to execute ${rest[1]!}: ${strerror(e.errno)}`);
      });
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      throw e;
    }
  },
});
