// systemctl show (-p, --value, --all), is-active, is-failed, kill, reset-failed and
// daemon-reload: the verbs that read or poke single units.
import { parseSignal } from '../../../shared/signals';
import type { Ctx } from '../../lib/context';
import { ask, invalidNameError, unitArgs, units } from './manager-client';
import type { SystemctlOptions } from './options';
import { fileStates } from './status';


export async function show(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  if (args.length === 0) {
    const r = await ask(ctx, { kind: 'manager' });
    if (r.kind !== 'manager') return 1;
    const m = r.manager;
    const props: [string, string][] = [['Version', m.version], ['Features', '+PAM -AUDIT -SELINUX -APPARMOR -IMA -SMACK +SECCOMP +GCRYPT -GNUTLS +OPENSSL +ACL +BLKID +CURL'], ['Architecture', 'x86-64'], ['Virtualization', 'vmware'], ['SystemState', m.state], ['NNames', String(m.units)], ['NFailedUnits', String(m.failed)], ['NJobs', String(m.jobs)], ['DefaultTarget', m.defaultTarget]];
    await printProps(ctx, props, opts);
    return 0;
  }
  const names = await unitArgs(ctx, args, '.service', opts);
  if (!names) return 1;
  let first = true;
  for (const name of names) {
    const bad = invalidNameError(name);
    if (bad) {
      await ctx.err.write(`Failed to get properties: ${bad}\n`);
      return 1;
    }
    const [u] = await units(ctx, [name]);
    if (!u) continue;
    const files = await fileStates(ctx, [u.id]);
    // units are separated by a blank line, --value or not
    if (!first) await ctx.print('\n');
    first = false;
    const fs = files.get(u.id);
    // the Unit interface lists UnitFileState and UnitFilePreset right after the file paths
    const props = [...u.properties];
    let at = props.findIndex(([k]) => k === 'StateChangeTimestamp');
    if (at < 0) at = props.length;
    props.splice(at, 0, ['UnitFileState', fs?.state ?? ''], ['UnitFilePreset', fs?.state ? fs.preset ?? '' : '']);
    await printProps(ctx, props, opts);
  }
  return 0;
}

/**
 * bus_message_print_all_properties(): properties in the manager's order; -p picks some of them
 * (shown even when empty) and names that do not exist are skipped.
 */
async function printProps(ctx: Ctx, props: [string, string][], opts: SystemctlOptions): Promise<void> {
  const wanted = opts.properties?.flatMap((p) => p.split(','));
  let out = '';
  for (const [k, v] of props) {
    if (wanted ? !wanted.includes(k) : v === '' && !opts.all) continue;
    out += opts.valueOnly ? `${v}\n` : `${k}=${v}\n`;
  }
  await ctx.out.write(out);
}

export async function isActive(ctx: Ctx, args: string[], opts: SystemctlOptions, failed: boolean): Promise<number> {
  if (args.length === 0) {
    await ctx.err.write('Too few arguments.\n');
    return 1;
  }
  const names = await unitArgs(ctx, args, '.service', opts);
  if (!names) return 1;
  // check_unit_generic(): 0 when any unit is in a wanted state; LSB 4 when none of the units
  // exists (none at all included); else 3 (is-active) or 1 (is-failed)
  let hit = false;
  let notFound = true;
  let out = '';
  for (const name of names) {
    const bad = invalidNameError(name);
    if (bad) {
      await ctx.out.write(out);
      await ctx.err.write(`Failed to retrieve unit state: ${bad}\n`);
      return 1;
    }
    const [u] = await units(ctx, [name]);
    const state = u?.activeState ?? 'inactive';
    if (!opts.quiet) out += `${state}\n`;
    if (failed ? state === 'failed' : state === 'active' || state === 'reloading') hit = true;
    if (u && u.loadState !== 'not-found') notFound = false;
  }
  await ctx.out.write(out);
  if (hit) return 0;
  return notFound ? 4 : failed ? 1 : 3;
}

export async function kill(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  if (args.length === 0) {
    await ctx.err.write('Too few arguments.\n');
    return 1;
  }
  const names = await unitArgs(ctx, args, '.service', opts);
  if (!names) return 1;
  const signal = parseSignal(opts.signal ?? 'SIGTERM');
  if (signal === undefined) {
    await ctx.err.write(`Failed to parse signal string "${opts.signal}".\n`);
    return 1;
  }
  // KillUnit() for each unit in turn: a failure is reported and the others still get the signal
  let rc = 0;
  for (const n of names) {
    const r = await ask(ctx, { kind: 'kill', units: [n], signal, whom: (opts.killWhom as 'all' | 'main' | 'control' | undefined) ?? 'all' });
    if (r.kind === 'error') {
      await ctx.err.write(`Failed to kill unit ${n}: ${r.message}\n`);
      rc = 1;
    }
  }
  return rc;
}

export async function resetFailed(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  const names = await unitArgs(ctx, args, '.service', opts);
  if (!names) return 1;
  if (args.length === 0) {
    const r = await ask(ctx, { kind: 'reset-failed', units: [] });
    return r.kind === 'error' ? 1 : 0;
  }
  // ResetFailedUnit() per unit: one the manager does not know is an error, the others still run
  let rc = 0;
  for (const name of names) {
    const [u] = invalidNameError(name) ? [] : await units(ctx, [name]);
    if (!u || (u.loadState === 'not-found' && u.activeState === 'inactive')) {
      await ctx.err.write(`Failed to reset failed state of unit ${name}: Unit ${name} not loaded.\n`);
      rc = 1;
      continue;
    }
    const r = await ask(ctx, { kind: 'reset-failed', units: [name] });
    if (r.kind === 'error') {
      await ctx.err.write(`Failed to reset failed state of unit ${name}: ${r.message}\n`);
      rc = 1;
    }
  }
  return rc;
}

export async function daemonReload(ctx: Ctx, args: string[]): Promise<number> {
  if (args.length) {
    await ctx.err.write('This command expects no arguments.\n');
    return 1;
  }
  const r = await ask(ctx, { kind: 'daemon-reload' });
  if (r.kind === 'error') {
    await ctx.err.write(`Failed to reload daemon: ${r.message === 'Interactive authentication required.' ? 'Access denied' : r.message}\n`);
    return 1;
  }
  return 0;
}
