// systemctl show (-p, --value, --all), is-active, is-failed, kill, reset-failed and
// daemon-reload: the verbs that read or poke single units.
import { parseSignal } from '../../../shared/signals';
import type { Ctx } from '../../lib/context';
import { ask, unitArgs, units } from './manager-client';
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
  const names = await unitArgs(ctx, args);
  if (!names) return 1;
  const snaps = await units(ctx, names);
  const files = await fileStates(ctx, snaps.map((u) => u.id));
  let first = true;
  for (const u of snaps) {
    if (!first && !opts.valueOnly) await ctx.print('\n');
    first = false;
    const fs = files.get(u.id);
    const props: [string, string][] = [...u.properties, ['UnitFileState', fs?.state ?? ''], ['UnitFilePreset', fs?.state ? fs.preset ?? '' : '']];
    await printProps(ctx, props, opts);
  }
  return 0;
}

async function printProps(ctx: Ctx, props: [string, string][], opts: SystemctlOptions): Promise<void> {
  const wanted = opts.properties?.flatMap((p) => p.split(','));
  let out = '';
  const list = wanted ? wanted.map((w) => props.find(([k]) => k === w) ?? [w, '']) : props;
  for (const [k, v] of list) {
    if (!wanted && v === '' && !opts.all) continue;
    out += opts.valueOnly ? `${v}\n` : `${k}=${v}\n`;
  }
  await ctx.out.write(out);
}

export async function isActive(ctx: Ctx, args: string[], opts: SystemctlOptions, failed: boolean): Promise<number> {
  if (args.length === 0) {
    await ctx.err.write('Too few arguments.\n');
    return 1;
  }
  const names = await unitArgs(ctx, args);
  if (!names) return 1;
  const snaps = await units(ctx, names);
  let hit = false;
  let notFound = false;
  for (const u of snaps) {
    const state = u.activeState;
    if (!opts.quiet) await ctx.print(`${state}\n`);
    if (failed ? state === 'failed' : state === 'active' || state === 'reloading') hit = true;
    if (u.loadState === 'not-found') notFound = true;
  }
  if (hit) return 0;
  if (failed) return 1;
  return notFound && snaps.length === 1 ? 4 : 3;
}

export async function kill(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  if (args.length === 0) {
    await ctx.err.write('Too few arguments.\n');
    return 1;
  }
  const names = await unitArgs(ctx, args);
  if (!names) return 1;
  const signal = parseSignal(opts.signal ?? 'SIGTERM');
  if (signal === undefined) {
    await ctx.err.write(`Failed to parse signal string ${opts.signal}.\n`);
    return 1;
  }
  const snaps = await units(ctx, names);
  for (const u of snaps) {
    if (u.loadState === 'not-found') {
      await ctx.err.write(`Failed to kill unit ${u.id}: Unit ${u.id} not loaded.\n`);
      return 1;
    }
  }
  const r = await ask(ctx, { kind: 'kill', units: names, signal, whom: (opts.killWhom as 'all' | 'main' | 'control' | undefined) ?? 'all' });
  if (r.kind === 'error') {
    for (const n of names) await ctx.err.write(`Failed to kill unit ${n}: ${r.message}\n`);
    return 1;
  }
  return 0;
}

export async function resetFailed(ctx: Ctx, args: string[]): Promise<number> {
  const names = await unitArgs(ctx, args);
  if (!names) return 1;
  const r = await ask(ctx, { kind: 'reset-failed', units: names });
  if (r.kind === 'error') {
    await ctx.err.write(`Failed to reset failed state of unit ${names[0] ?? ''}: ${r.message}\n`);
    return 1;
  }
  return 0;
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
