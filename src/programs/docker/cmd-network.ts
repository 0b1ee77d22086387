// docker network ls/create/inspect/connect/disconnect/rm/prune (cli/command/network), their
// tables and the Engine API's network objects.
import type { NetworkInfo } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, list, str } from './flags';
import { formatRows, shortId } from './format';
import { printInspected } from './inspect';
import { confirm, naturalCompare } from './prompt';

const NETWORKS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';

/** Go's time.Time.String() of an RFC 3339 time: "2024-10-08 08:02:54.123456789 +0000 UTC". */
export function goTimeString(rfc: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(rfc);
  return m ? `${m[1]} ${m[2]}${(m[3] ?? '').replace(/0+$/, '').replace(/^\.$/, '')} +0000 UTC` : rfc;
}

function mapOf(v: unknown): Record<string, string> {
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, string>) } : {};
}

/** The Engine API's network object (api/types/network Inspect), in its key order. */
export function networkObject(n: NetworkInfo): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const [id, c] of Object.entries(n.containers)) containers[id] = { Name: c.name, EndpointID: c.endpointId, MacAddress: c.mac, IPv4Address: c.ip, IPv6Address: '' };
  return {
    Name: n.name, Id: n.id, Created: n.created, Scope: n.scope, Driver: n.driver, EnableIPv6: n.enableIPv6,
    IPAM: { Driver: 'default', Options: n.ipamOptions, Config: n.subnet ? [{ Subnet: n.subnet, Gateway: n.gateway }] : null },
    Internal: n.internal, Attachable: n.attachable, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false,
    Containers: containers, Options: n.options, Labels: n.labels,
  };
}

function matches(n: NetworkInfo, f: string): boolean {
  const eq = f.indexOf('=');
  const k = f.slice(0, eq);
  const v = f.slice(eq + 1);
  const re = (pattern: string, s: string): boolean => {
    try {
      return new RegExp(pattern).test(s);
    } catch {
      return s.includes(pattern);
    }
  };
  switch (k) {
    case 'name': return re(v, n.name);
    case 'id': return re(v, n.id);
    case 'driver': return n.driver === v;
    case 'scope': return n.scope === v;
    case 'type': return v === 'custom' ? !['bridge', 'host', 'none'].includes(n.name) : ['bridge', 'host', 'none'].includes(n.name);
    case 'label': {
      const i = v.indexOf('=');
      return i < 0 ? n.labels[v] !== undefined : n.labels[v.slice(0, i)] === v.slice(i + 1);
    }
    case 'dangling': return (v === 'true' || v === '1') === (Object.keys(n.containers).length === 0 && !['bridge', 'host', 'none'].includes(n.name));
    default: return true;
  }
}

const FILTERS = new Set(['name', 'id', 'driver', 'scope', 'type', 'label', 'dangling']);

export async function ls(ctx: Ctx, p: ParsedCommand): Promise<number> {
  for (const f of list(p, 'filter')) {
    const k = f.slice(0, f.indexOf('='));
    if (!FILTERS.has(k)) throw new DaemonError(`Error response from daemon: invalid filter '${k}'`, 'daemon', 400);
    if (k === 'type' && !['custom', 'builtin'].includes(f.slice(f.indexOf('=') + 1))) throw new DaemonError(`Error response from daemon: invalid filter: 'type'='${f.slice(f.indexOf('=') + 1)}'`, 'daemon', 400);
  }
  const r = await expect(ctx, { kind: 'networks' }, 'networks');
  // filters of one key match any of their values; different keys must all match
  const byKey = new Map<string, string[]>();
  for (const f of list(p, 'filter')) byKey.set(f.slice(0, f.indexOf('=')), [...(byKey.get(f.slice(0, f.indexOf('='))) ?? []), f]);
  const nets = r.networks.filter((n) => [...byKey.values()].every((fs) => fs.some((f) => matches(n, f)))).sort((a, b) => naturalCompare(a.name, b.name));
  const trunc = !bool(p, 'no-trunc');
  const format = str(p, 'format');
  if (bool(p, 'quiet') && !format) {
    for (const n of nets) await ctx.print(`${trunc ? shortId(n.id) : n.id}\n`);
    return 0;
  }
  const rows = nets.map((n) => ({
    ID: trunc ? shortId(n.id) : n.id, Name: n.name, Driver: n.driver, Scope: n.scope, IPv6: String(n.enableIPv6), Internal: String(n.internal),
    Labels: Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(','), CreatedAt: goTimeString(n.created), Label: (name: string) => n.labels[name] ?? '',
  }));
  await ctx.print(formatRows(!format || format === 'table' ? NETWORKS_TABLE : format, rows, 'NETWORK ID', '*network.networkContext', { Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' }));
  return 0;
}

export async function create(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const subnets = list(p, 'subnet');
  const gateways = list(p, 'gateway');
  const ranges = list(p, 'ip-range');
  if ((gateways.length || ranges.length) && !subnets.length) {
    await ctx.err.write('every ip-range or gateway must have a corresponding subnet\n');
    return 1;
  }
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) labels[l.split('=')[0]!] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const r = await expect(ctx, {
    kind: 'network-create', name: p.args[0]!, driver: str(p, 'driver') || 'bridge', ...(subnets[0] ? { subnet: subnets[0] } : {}), ...(gateways[0] ? { gateway: gateways[0] } : {}),
    ...(ranges[0] ? { ipRange: ranges[0] } : {}), internal: bool(p, 'internal'), attachable: bool(p, 'attachable'), labels, options: mapOf(p.flags.opt),
  }, 'network-created');
  await ctx.print(`${r.id}\n`);
  return 0;
}

export async function inspect(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const objects: unknown[] = [];
  const errors: string[] = [];
  for (const ref of p.args) {
    try {
      const r = await expect(ctx, { kind: 'network-inspect', ref }, 'networks');
      objects.push(networkObject(r.networks[0]!));
    } catch (e) {
      if (!(e instanceof DaemonError) || e.kind !== 'daemon') throw e;
      errors.push(e.message);
    }
  }
  return printInspected(ctx, objects, errors, str(p, 'format'));
}

export async function connect(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const ip = str(p, 'ip');
  await call(ctx, { kind: 'network-connect', network: p.args[0]!, container: p.args[1]!, aliases: list(p, 'alias'), ...(ip ? { ip } : {}) });
  return 0;
}

export async function disconnect(ctx: Ctx, p: ParsedCommand): Promise<number> {
  await call(ctx, { kind: 'network-disconnect', network: p.args[0]!, container: p.args[1]!, force: bool(p, 'force') });
  return 0;
}

export async function rm(ctx: Ctx, p: ParsedCommand): Promise<number> {
  let status = 0;
  for (const ref of p.args) {
    try {
      await call(ctx, { kind: 'network-rm', ref });
      await ctx.print(`${ref}\n`);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      if (bool(p, 'force') && e.status === 404) continue;
      await ctx.out.flush();
      await ctx.err.write(`${e.message}\n`);
      status = 1;
    }
  }
  return status;
}

export async function prune(ctx: Ctx, p: ParsedCommand): Promise<number> {
  if (!bool(p, 'force') && !(await confirm(ctx, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?'))) return 0;
  const r = await expect(ctx, { kind: 'prune', what: 'networks' }, 'pruned');
  if (r.deleted.length) await ctx.print(`Deleted Networks:\n${r.deleted.map((d) => `${d}\n`).join('')}\n`);
  return 0;
}
