// start, stop, restart, reload and their try-/or- forms, isolate: queue jobs with the manager and
// report failures as systemctl does (src/systemctl/systemctl-start-unit.c,
// src/shared/bus-wait-for-jobs.c).
import type { JobOutcome, UnitResult } from '../../../shared/services/systemd';
import type { Ctx } from '../../lib/context';
import { ask, unitArgs, units } from './manager-client';
import type { SystemctlOptions } from './options';

type JobVerb = 'start' | 'stop' | 'restart' | 'reload' | 'try-restart' | 'reload-or-restart' | 'try-reload-or-restart' | 'isolate';

const VERB_ALIASES: Record<string, JobVerb> = {
  start: 'start', stop: 'stop', restart: 'restart', reload: 'reload', 'try-restart': 'try-restart', condrestart: 'try-restart',
  'reload-or-restart': 'reload-or-restart', 'force-reload': 'try-reload-or-restart', 'try-reload-or-restart': 'try-reload-or-restart',
  'reload-or-try-restart': 'try-reload-or-restart', isolate: 'isolate',
};

export function isJobVerb(verb: string): boolean {
  return verb in VERB_ALIASES;
}

const REASONS: Partial<Record<UnitResult, string>> = {
  'exit-code': 'the control process exited with error code',
  signal: 'a fatal signal was delivered to the control process',
  'core-dump': 'a fatal signal was delivered causing the control process to dump core',
  timeout: 'a timeout was exceeded',
  'start-limit-hit': 'start of the service was attempted too often',
  resources: 'of unavailable resources or another system error',
  protocol: 'the service did not take the steps required by its unit configuration',
};

async function report(ctx: Ctx, o: JobOutcome): Promise<number> {
  if (o.result === 'done' || o.result === 'skipped') return 0;
  if (o.result === 'dependency') {
    await ctx.err.write(`A dependency job for ${o.unit} failed. See 'journalctl -xe' for details.\n`);
    return 1;
  }
  if (o.result === 'canceled') {
    await ctx.err.write(`Job for ${o.unit} canceled.\n`);
    return 1;
  }
  // check_wait_response(): the job results that are not a unit failure
  const plain: Partial<Record<JobOutcome['result'], string>> = {
    timeout: `Job for ${o.unit} timed out.`,
    invalid: `${o.unit} is not active, cannot reload.`,
    unsupported: `Operation on or unit type of ${o.unit} not supported on this system.`,
  };
  const text = plain[o.result];
  if (text) {
    await ctx.err.write(`${text}\n`);
    return 1;
  }
  const why = REASONS[o.unitResult ?? 'exit-code'] ?? 'the control process exited with error code';
  await ctx.err.write(`Job for ${o.unit} failed because ${why}.\nSee "systemctl status ${o.unit}" and "journalctl -xeu ${o.unit}" for details.\n`);
  return 1;
}

export async function runJobs(ctx: Ctx, verbIn: string, args: string[], opts: SystemctlOptions): Promise<number> {
  const verb = VERB_ALIASES[verbIn]!;
  if (args.length === 0) {
    await ctx.err.write('Too few arguments.\n');
    return 1;
  }
  if (verb === 'isolate' && args.length > 1) {
    await ctx.err.write('Too many arguments.\n');
    return 1;
  }
  const names = await unitArgs(ctx, args, verb === 'isolate' ? '.target' : '.service', opts);
  if (!names) return 1;
  if (verbIn === 'start' && !opts.all && !opts.quiet && args.some((a) => /[*?[]/.test(a))) {
    await ctx.err.write(
      'Warning: systemctl start called with a glob pattern.\n' +
        'Hint: unit globs expand to loaded units, so start will usually have no effect.\n' +
        '      Passing --all will also load units which are pulled in by other units.\n' +
        '      See systemctl(1) for more details.\n',
    );
  }
  if (ctx.sys.geteuid() !== 0) {
    for (const n of names) {
      await ctx.err.write(`Failed to ${verbIn} ${n}: Interactive authentication required.\nSee system logs and 'systemctl status ${n}' for details.\n`);
    }
    return 4;
  }
  // a unit whose file changed since it was loaded gets systemd's warning first
  for (const u of await units(ctx, names)) {
    if (u.needDaemonReload && u.loadState !== 'not-found') {
      await ctx.err.write(`Warning: The unit file, source configuration file or drop-ins of ${u.id} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`);
    }
  }
  const r = await ask(ctx, { kind: 'job', verb, units: names, noBlock: opts.noBlock });
  if (r.kind === 'error') {
    await ctx.err.write(`${r.message}\n`);
    return r.code;
  }
  if (r.kind !== 'jobs') return 1;
  let status = 0;
  const stopped: string[] = [];
  for (const o of r.outcomes) {
    if (o.error) {
      await ctx.err.write(`Failed to ${verbIn} ${o.unit}: ${o.error}\n`);
      // no hint for a missing or masked unit or a job type the unit does not have
      // (NoSuchUnit, UnitMasked, JobTypeNotApplicable); those exit 5, 1 and 3
      const hint = o.errorCode !== 5 && o.errorCode !== 3 && !/ is masked\.$/.test(o.error);
      if (hint) await ctx.err.write(`See system logs and 'systemctl status ${o.unit}' for details.\n`);
      // the first failure decides the exit status
      if (!status) status = o.errorCode ?? 1;
      continue;
    }
    if (verb === 'stop') stopped.push(o.unit);
    if (opts.noBlock) continue;
    const s = await report(ctx, o);
    if (s && !status) status = s;
  }
  if (!opts.noBlock && !opts.quiet) for (const n of stopped) await warnTriggers(ctx, n);
  return status;
}

/** check_triggering_units(): a stopped unit that an active socket, timer or path can start again. */
async function warnTriggers(ctx: Ctx, name: string): Promise<void> {
  const [u] = await units(ctx, [name]);
  if (!u || u.loadState === 'masked' || u.triggeredBy.length === 0) return;
  const active = (await units(ctx, u.triggeredBy)).filter((t) => t.activeState === 'active' || t.activeState === 'reloading');
  if (active.length === 0) return;
  await ctx.err.write(`Warning: Stopping ${u.id}, but it can still be activated by:\n${active.map((t) => `  ${t.id}\n`).join('')}`);
}
