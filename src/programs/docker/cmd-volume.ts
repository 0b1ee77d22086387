// docker volume create/ls/inspect/rm/prune (cli/command/volume) and the Engine API's volume object.
import { humanSize } from '../../shared/docker-units';
import type { VolumeInfo } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, list, str } from './flags';
import { formatRows } from './format';
import { printInspected } from './inspect';
import { confirm, naturalCompare } from './prompt';

const VOLUMES_TABLE = 'table {{.Driver}}\t{{.Name}}';

export function volumeObject(v: VolumeInfo): Record<string, unknown> {
  return { CreatedAt: v.created, Driver: v.driver, Labels: v.labels, Mountpoint: v.mountpoint, Name: v.name, Options: v.options, Scope: 'local' };
}

function matches(v: VolumeInfo, f: string): boolean {
  const eq = f.indexOf('=');
  const k = f.slice(0, eq);
  const val = f.slice(eq + 1);
  switch (k) {
    case 'name':
      try {
        return new RegExp(val).test(v.name);
      } catch {
        return v.name.includes(val);
      }
    case 'driver': return v.driver === val;
    case 'dangling': return (val === 'true' || val === '1') === (v.refs === 0);
    case 'label': {
      const i = val.indexOf('=');
      const labels = v.labels ?? {};
      return i < 0 ? labels[val] !== undefined : labels[val.slice(0, i)] === val.slice(i + 1);
    }
    default: return true;
  }
}

export async function ls(ctx: Ctx, p: ParsedCommand): Promise<number> {
  for (const f of list(p, 'filter')) {
    const k = f.slice(0, f.indexOf('='));
    if (!['name', 'driver', 'dangling', 'label'].includes(k)) throw new DaemonError(`Error response from daemon: invalid filter '${k}'`, 'daemon', 400);
  }
  const r = await expect(ctx, { kind: 'volumes' }, 'volumes');
  const vols = r.volumes.filter((v) => list(p, 'filter').every((f) => matches(v, f))).sort((a, b) => naturalCompare(a.name, b.name));
  const format = str(p, 'format');
  if (bool(p, 'quiet') && !format) {
    for (const v of vols) await ctx.print(`${v.name}\n`);
    return 0;
  }
  const rows = vols.map((v) => ({
    Driver: v.driver, Name: v.name, Scope: 'local', Mountpoint: v.mountpoint, Labels: Object.entries(v.labels ?? {}).map(([k, x]) => `${k}=${x}`).join(','),
    Links: 'N/A', Size: 'N/A', CreatedAt: v.created, Label: (name: string) => v.labels?.[name] ?? '',
  }));
  await ctx.print(formatRows(!format || format === 'table' ? VOLUMES_TABLE : format, rows, 'ID', '*formatter.volumeContext', { Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Links: 'LINKS', Scope: 'SCOPE', Driver: 'DRIVER' }));
  return 0;
}

export async function create(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const byFlag = str(p, 'name');
  if (byFlag && p.args[0] && byFlag !== p.args[0]) {
    await ctx.err.write('conflicting options: either specify --name or provide positional arg, not both\n');
    return 1;
  }
  const name = p.args[0] ?? (byFlag || undefined);
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) labels[l.split('=')[0]!] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const opt = p.flags.opt;
  const options = opt && typeof opt === 'object' && !Array.isArray(opt) ? { ...(opt as Record<string, string>) } : {};
  const r = await expect(ctx, { kind: 'volume-create', ...(name ? { name } : {}), driver: str(p, 'driver') || 'local', labels, options }, 'volumes');
  await ctx.print(`${r.volumes[0]!.name}\n`);
  return 0;
}

export async function inspect(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const objects: unknown[] = [];
  const errors: string[] = [];
  for (const name of p.args) {
    try {
      objects.push(volumeObject((await expect(ctx, { kind: 'volume-inspect', name }, 'volumes')).volumes[0]!));
    } catch (e) {
      if (!(e instanceof DaemonError) || e.kind !== 'daemon') throw e;
      errors.push(e.message);
    }
  }
  return printInspected(ctx, objects, errors, str(p, 'format'));
}

export async function rm(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const errors: string[] = [];
  for (const name of p.args) {
    try {
      await call(ctx, { kind: 'volume-rm', name, force: bool(p, 'force') });
      await ctx.print(`${name}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      errors.push(e.message);
    }
  }
  if (errors.length) await ctx.err.write(`${errors.join('\n')}\n`);
  return errors.length ? 1 : 0;
}

export async function prune(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const all = bool(p, 'all');
  const warning = all ? 'WARNING! This will remove all local volumes not used by at least one container.' : 'WARNING! This will remove anonymous local volumes not used by at least one container.';
  if (!bool(p, 'force') && !(await confirm(ctx, `${warning}\nAre you sure you want to continue?`))) return 0;
  const r = await expect(ctx, { kind: 'prune', what: 'volumes', all }, 'pruned');
  if (r.deleted.length) await ctx.print(`Deleted Volumes:\n${r.deleted.map((d) => `${d}\n`).join('')}\n`);
  await ctx.print(`Total reclaimed space: ${humanSize(r.reclaimed)}\n`);
  return 0;
}
