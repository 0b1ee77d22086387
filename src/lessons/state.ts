// The state inspector's picture of a machine (MachineState): plain data from the subsystems'
// views and the disk, the same sources the checks read.
import type { Machine } from '../kernel/machine';
import { NetDb } from '../programs/netfilter/netdb';
import { listingOrder, saveRule } from '../programs/netfilter/save-rule';
import { RTPROT, TABLE, type RouteMsg } from '../shared/services/net';
import type { MachineState } from '../shared/lessons';
import { memberships } from './checks/accounts';
import { EvalContext } from './checks/outcome';
import { installedPackages } from './checks/packages';
import { passwd } from './host';
import { MachineHost } from './machine-host';

const PROTOCOLS: Record<number, string> = { [RTPROT.KERNEL]: 'kernel', [RTPROT.BOOT]: 'boot', [RTPROT.STATIC]: 'static', [RTPROT.DHCP]: 'dhcp', [RTPROT.RA]: 'ra' };

function routeLine(r: RouteMsg, linkName: (i?: number) => string): string {
  let s = r.dstLen === 0 ? 'default' : `${r.dst}/${r.dstLen}`;
  if (r.gateway) s += ` via ${r.gateway}`;
  if (r.oif !== undefined) s += ` dev ${linkName(r.oif)}`;
  const proto = PROTOCOLS[r.protocol];
  if (proto) s += ` proto ${proto}`;
  if (r.prefsrc) s += ` src ${r.prefsrc}`;
  if (r.priority !== undefined) s += ` metric ${r.priority}`;
  return s;
}

let netdb: NetDb | undefined;

export async function machineState(machine: Machine): Promise<MachineState> {
  const host = new MachineHost(machine);
  const ctx = new EvalContext(host);
  const subs = machine.subsystems;
  const manager = await subs.loadManager();
  const units = [];
  for (const u of manager.view().units.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (u.load === 'not-found' && u.active === 'inactive') continue;
    units.push({ id: u.id, active: u.active, sub: u.sub, enabled: await host.unitFileState(u.id), description: manager.unit(u.id).description });
  }
  const net = (await subs.loadNetwork()).view();
  const linkName = (i?: number): string => net.links.find((l) => l.ifindex === i)?.name ?? String(i);
  const links = net.links.map((l) => ({
    name: l.name,
    state: l.operstate,
    mac: l.address,
    addresses: net.addrs.filter((a) => a.ifindex === l.ifindex).map((a) => `${a.local}/${a.prefixlen}`),
  }));
  const routes = net.routes.filter((r) => r.table === TABLE.MAIN).map((r) => routeLine(r, linkName));
  netdb ??= NetDb.fromText(null, null, '');
  const firewall: MachineState['firewall'] = [];
  for (const t of subs.netfilter.ruleset('ipv4').tables) {
    if (!t.exists) continue;
    for (const c of listingOrder(t.chains)) {
      firewall.push({
        table: t.name,
        chain: c.name,
        ...(c.builtin ? { policy: c.present ? c.policy : 'ACCEPT' } : {}),
        rules: c.rules.map((r) => ({ spec: saveRule(c.name, r, 'ipv4', { bracketCounters: false, inlineCounters: false }, netdb!).trim(), packets: r.counters.packets, bytes: r.counters.bytes })),
      });
    }
  }
  const listening = host
    .sockets()
    .filter((s) => (s.proto === 'tcp' ? s.state === 'LISTEN' : true))
    .map((s) => ({ proto: s.proto, address: s.localAddress, port: s.localPort, process: s.comm }));
  const packages = installedPackages(ctx)
    .map((p) => ({ name: p.name, version: `${p.version}-${p.release}` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const docker = subs.docker?.view() ?? { running: false, containers: [], images: [] };
  const containers = docker.containers.map((c) => ({
    id: c.id.slice(0, 12),
    name: c.name.replace(/^\//, ''),
    image: c.config.Image,
    status: c.status === 'exited' ? `exited (${c.exitCode})` : c.status,
    ports: Object.entries(c.published)
      .flatMap(([k, list]) => list.map((b) => `${b.HostIp || '0.0.0.0'}:${b.HostPort}->${k}`))
      .join(', '),
  }));
  const images = docker.images.flatMap((i) => {
    const id = i.id.replace(/^sha256:/, '').slice(0, 12);
    if (i.repoTags.length === 0) return [{ repository: '<none>', tag: '<none>', id }];
    return i.repoTags.map((t) => {
      const colon = t.lastIndexOf(':');
      return { repository: t.slice(0, colon), tag: t.slice(colon + 1), id };
    });
  });
  const users = passwd(host).map((p) => ({ name: p.name, uid: p.uid, groups: memberships(ctx, p.name), shell: p.shell }));
  return { hostname: machine.kernel.identity.hostname, units, links, routes, firewall, listening, packages, containers, images, users };
}
