// systemctl is-system-running: the manager's overall state, as systemctl reads it from the
// running manager.
import type { Ctx } from '../../lib/context';
import { ask } from './manager-client';
import type { SystemctlOptions } from './options';

/** How often --wait looks again while the boot is still going on. */
const WAIT_POLL_MS = 100;

/**
 * Prints the state (unless --quiet): 0 when it is "running", 1 otherwise. With --wait, a
 * system still booting ("initializing", "starting") is waited for first.
 */
export async function isSystemRunning(ctx: Ctx, opts: SystemctlOptions): Promise<number> {
  for (;;) {
    const r = await ask(ctx, { kind: 'manager' });
    if (r.kind !== 'manager') return 1;
    const state = r.manager.state;
    if (opts.wait && (state === 'initializing' || state === 'starting')) {
      await ctx.sys.sleep(WAIT_POLL_MS);
      continue;
    }
    if (!opts.quiet) await ctx.print(`${state}\n`);
    return state === 'running' ? 0 : 1;
  }
}
