// What the long-running daemons of a Photon box have in common here: say what they would log at
// start (their stdout goes to the journal), then wait for signals. SIGTERM ends them (the
// default action); SIGHUP runs their reload hook.
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';

export interface DaemonOptions {
  /** Lines logged at start, as the daemon itself would. */
  startup?: string[];
  /** Called on SIGHUP (reload configuration). */
  reload?: () => Promise<string[]> | string[];
  /** Lines logged when SIGTERM arrives, before exiting. */
  shutdown?: string[];
}

/** Runs until a signal ends the process. */
export async function runDaemon(ctx: Ctx, opts: DaemonOptions = {}): Promise<number> {
  const sys = ctx.sys;
  for (const line of opts.startup ?? []) await ctx.print(`${line}\n`);
  await ctx.out.flush();
  await notifyReady(ctx);
  let hup = false;
  let term = false;
  sys.signal(1, () => {
    hup = true;
  });
  if (opts.shutdown) {
    sys.signal(15, () => {
      term = true;
    });
  }
  for (;;) {
    try {
      await sys.sleep(3_600_000);
    } catch (e) {
      // a handled signal interrupts the sleep (EINTR); anything else ends the daemon
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
    }
    if (term) {
      for (const line of opts.shutdown ?? []) await ctx.print(`${line}\n`);
      await ctx.out.flush();
      return 0;
    }
    if (hup) {
      hup = false;
      for (const line of (await opts.reload?.()) ?? []) await ctx.print(`${line}\n`);
      await ctx.out.flush();
    }
  }
}

/** sd_notify("READY=1"): ends a Type=notify unit's start job; harmless for other types. */
export async function notifyReady(ctx: Ctx): Promise<void> {
  await ctx.sys.call('systemd', { kind: 'notify', ready: true }).catch(() => undefined);
}

/**
 * Runs `step`, again when a handled signal interrupted one of its calls (EINTR), a few times at
 * most, and not once `stopping()` says a signal asked the daemon to end.
 */
export async function retryOnSignal(step: () => Promise<void>, stopping: () => boolean): Promise<void> {
  for (let i = 0; i < 5 && !stopping(); i++) {
    try {
      await step();
      return;
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
    }
  }
}
