// systemctl's verbs that talk to the running manager (start, stop, status, list-units, show,
// daemon-reload, ...). The unit-file verbs (enable, disable, mask, list-unit-files, ...) live
// beside this file; index.ts dispatches here for every verb it does not own.
import type { SystemdReply } from '../../../shared/services/systemd';
import type { Ctx } from '../../lib/context';
import { environmentVerb } from './environment';
import { isJobVerb, runJobs } from './jobs';
import { listJobs, listSockets } from './list-sockets-jobs';
import { listDependencies, listTimers, listUnits } from './list-units';
import type { SystemctlOptions } from './options';
import { daemonReload, isActive, kill, resetFailed, show } from './show';
import { setProperty } from './set-property';
import { status } from './status';
import { isSystemRunning } from './system-state';

/** Runs a manager verb; undefined when `verb` is not one of them. */
export async function runRuntimeVerb(ctx: Ctx, verb: string, args: string[], opts: SystemctlOptions): Promise<number | undefined> {
  if (isJobVerb(verb)) return runJobs(ctx, verb, args, opts);
  switch (verb) {
    case 'status':
      return status(ctx, args, opts);
    case 'list-units':
      return listUnits(ctx, args, opts, false);
    case 'list-timers':
      return listTimers(ctx, args, opts);
    case 'list-sockets':
      return listSockets(ctx, args, opts);
    case 'list-jobs':
      return listJobs(ctx, args, opts);
    case 'list-dependencies':
      return listDependencies(ctx, args, opts);
    case 'show':
      return show(ctx, args, opts);
    case 'is-active':
    case 'check':
      return isActive(ctx, args, opts, false);
    case 'is-failed':
      return isActive(ctx, args, opts, true);
    case 'is-system-running':
      return isSystemRunning(ctx, opts);
    case 'kill':
      return kill(ctx, args, opts);
    case 'reset-failed':
      return resetFailed(ctx, args, opts);
    case 'show-environment':
    case 'set-environment':
    case 'unset-environment':
    case 'import-environment':
      return environmentVerb(ctx, verb, args, opts);
    case 'set-property':
      return setProperty(ctx, args, opts);
    case 'daemon-reload':
    case 'daemon-reexec':
      return daemonReload(ctx, args);
    case 'reboot':
    case 'poweroff':
    case 'halt':
    case 'kexec': {
      if (ctx.sys.geteuid() !== 0) {
        await ctx.err.write(`Failed to ${verb === 'poweroff' ? 'power off' : verb} system via logind: Interactive authentication required.\nFailed to start ${verb}.target: Interactive authentication required.\nSee system logs and 'systemctl status ${verb}.target' for details.\n`);
        return 1;
      }
      const r = (await ctx.sys.call('systemd', { kind: 'power', action: verb })) as SystemdReply;
      if (r.kind !== 'ok') return 1;
      // the shutdown ends every process, this one included
      for (;;) await ctx.sys.sleep(3_600_000);
    }
    default:
      return undefined;
  }
}

/** Asks the manager to reload unit files (what enable/disable do after changing links). */
export async function reloadManager(ctx: Ctx): Promise<void> {
  if (ctx.sys.geteuid() !== 0) return;
  await ctx.sys.call('systemd', { kind: 'daemon-reload' });
}
