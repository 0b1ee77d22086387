import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { resolveCommand } from '../lib/execvp';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { operand2sig, sig2str } from './operand2sig';
import { parseInterval } from './sleep';

const EXIT_TIMEDOUT = 124;
const EXIT_CANCELED = 125;
/** How long timeout sleeps at most before it looks at its child again (virtual ms). */
const POLL_MS = 50;

const spec = {
  name: 'timeout',
  installPath: '/usr/bin/timeout',
  pkg: 'coreutils',
  usageStatus: EXIT_CANCELED,
  posixOrder: true,
  usage: 'timeout [OPTION] DURATION COMMAND [ARG]...\ntimeout [OPTION]',
  help: `Run COMMAND, and send it a signal if it is still running after DURATION.

Long options take the same arguments as their short forms.
      --preserve-status  exit with COMMAND's status even when it timed out
      --foreground       let COMMAND use the terminal; do not signal its children
  -k, --kill-after=DURATION  send KILL if COMMAND is still running DURATION
                         after the first signal
  -s, --signal=SIGNAL    the signal to send on timeout (default TERM)
  -v, --verbose          report each signal sent
${HELP_LINES}

DURATION is a number with an optional suffix: s (seconds, the default), m, h
or d. 0 disables the timeout.

Exit status: 124 if COMMAND timed out (and --preserve-status was not given),
125 if timeout itself failed, 126 if COMMAND could not be run, 127 if it was
not found, 137 if COMMAND (or timeout) got KILL, otherwise COMMAND's status.
${coreutilsHelpFooter('timeout')}`,
  version: coreutilsVersion('timeout', ['Padraig Brady']),
  options: [
    { key: 'foreground', long: 'foreground' },
    { key: 'k', short: 'k', long: 'kill-after', arg: 'required' as const },
    { key: 'preserve', long: 'preserve-status' },
    { key: 's', short: 's', long: 'signal', arg: 'required' as const },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
};

// signals by name or number as coreutils' operand2sig reads them (RTMIN+1, SIGrtmax, 137),
// named in -v's messages as sig2str does (EXIT for 0, POLL for 29, RTMAX-14)
const sigName = (n: number): string => sig2str(n) ?? String(n);

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const tryHelp = async (): Promise<number> => {
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return EXIT_CANCELED;
    };
    const duration = async (s: string): Promise<number | undefined> => {
      const v = parseInterval(s);
      if (v === undefined) {
        await ctx.error(`invalid time interval ${quote(s)}`);
        await tryHelp();
      }
      return v;
    };
    let killAfter = 0;
    let termSignal: number = SIGNALS.SIGTERM;
    for (const { key, value } of args.order) {
      if (key === 'k') {
        const d = await duration(value!);
        if (d === undefined) return EXIT_CANCELED;
        killAfter = d;
      } else if (key === 's') {
        const sig = operand2sig(value!);
        if (sig === undefined) {
          await ctx.error(`${quote(value!)}: invalid signal`);
          return tryHelp();
        }
        termSignal = sig;
      }
    }
    // too few operands: only the "Try --help" line (usage (EXIT_CANCELED))
    if (args.operands.length < 2) return tryHelp();
    const timeout = await duration(args.operands[0]!);
    if (timeout === undefined) return EXIT_CANCELED;
    const argv = args.operands.slice(1);
    return run(ctx, argv, { timeout, killAfter, termSignal, foreground: flag(args, 'foreground'), verbose: flag(args, 'v'), preserve: flag(args, 'preserve') });
  },
});

interface RunOpts {
  timeout: number;
  killAfter: number;
  termSignal: number;
  foreground: boolean;
  verbose: boolean;
  preserve: boolean;
}

async function run(ctx: Ctx, argv: string[], o: RunOpts): Promise<number> {
  const sys = ctx.sys;
  const inheritedIgnores = sys.ignoredSignals();
  if (!o.foreground) {
    try {
      sys.setpgid(0, 0);
    } catch {
      // already a group leader
    }
  }
  let pid = 0;
  let timedOut = false;
  let termSignal = o.termSignal;
  let killAfter = o.killAfter;
  let deadline = o.timeout > 0 ? sys.now() + o.timeout * 1000 : Infinity;
  let childChanged = false;
  /** Signals received (and the alarm), handled in order by the loop below. */
  const pending: number[] = [];
  const send = (target: number, sig: number): void => {
    if (target === 0) {
      try {
        sys.signal(sig, 'ignore');
      } catch {
        // KILL cannot be ignored: timeout dies with its group, as it does for real
      }
    }
    try {
      sys.kill(target, sig);
    } catch {
      // already gone
    }
  };
  const cleanup = async (sigIn: number): Promise<void> => {
    let sig = sigIn;
    if (sig === SIGNALS.SIGALRM) {
      timedOut = true;
      sig = termSignal;
    }
    if (!pid) return;
    if (killAfter) {
      termSignal = SIGNALS.SIGKILL;
      deadline = sys.now() + killAfter * 1000;
      killAfter = 0;
    } else if (sigIn === SIGNALS.SIGALRM) deadline = Infinity;
    if (o.verbose) {
      await ctx.error(`sending signal ${sigName(sig)} to command ${quote(argv[0]!)}`);
      await ctx.flush();
    }
    send(pid, sig);
    if (!o.foreground) {
      send(0, sig);
      if (sig !== SIGNALS.SIGKILL && sig !== SIGNALS.SIGCONT) {
        send(pid, SIGNALS.SIGCONT);
        send(0, SIGNALS.SIGCONT);
      }
    }
  };
  for (const s of new Set([SIGNALS.SIGALRM, SIGNALS.SIGINT, SIGNALS.SIGQUIT, SIGNALS.SIGHUP, SIGNALS.SIGTERM, termSignal])) {
    if (s !== SIGNALS.SIGKILL && s !== SIGNALS.SIGSTOP) sys.signal(s, (sig) => void pending.push(sig));
  }
  sys.signal(SIGNALS.SIGTTIN, 'ignore');
  sys.signal(SIGNALS.SIGTTOU, 'ignore');
  sys.signal(SIGNALS.SIGCHLD, () => (childChanged = true));
  const path = await resolveCommand(ctx, argv[0]!, ctx.env);
  if (typeof path !== 'string') {
    await ctx.perror(path, `failed to run command ${quote(argv[0]!)}`);
    return path.errno === 'ENOENT' ? 127 : 126;
  }
  await ctx.flush();
  try {
    pid = await sys.spawn({ path, argv, env: new Map(ctx.env), ignore: inheritedIgnores });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.perror(e, `failed to run command ${quote(argv[0]!)}`);
    return e.errno === 'ENOENT' ? 127 : 126;
  }
  let result: Awaited<ReturnType<typeof sys.wait>> = null;
  for (;;) {
    for (const sig of pending.splice(0)) await cleanup(sig);
    childChanged = false;
    result = await sys.wait(pid, { noHang: true });
    if (result) break;
    const now = sys.now();
    if (now >= deadline) {
      await cleanup(SIGNALS.SIGALRM);
      continue;
    }
    try {
      if (!childChanged && !pending.length) await sys.sleep(Math.min(POLL_MS, deadline - now));
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
    }
  }
  const st = result.status;
  let preserve = o.preserve;
  let status: number;
  if (st.kind === 'exited') status = st.code;
  else if (st.kind === 'signaled') {
    if (!timedOut) {
      // die the same way, so the caller sees the signal (no core dump here)
      await ctx.flush();
      sys.signal(st.signal, 'default');
      sys.kill(sys.pid, st.signal);
      await sys.sleep(1);
    }
    if (timedOut && st.signal === SIGNALS.SIGKILL) preserve = true;
    status = 128 + st.signal;
  } else status = 1;
  if (timedOut && !preserve) status = EXIT_TIMEDOUT;
  return status;
}
