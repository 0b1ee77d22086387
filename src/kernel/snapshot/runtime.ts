// The runtime state a reboot loses but a reloaded page must bring back: captured from the
// running machine's subsystems, and put back after a restored machine has booted from its disk.
// Putting back goes through the same doors an administrator would use (the unit manager's
// start and stop jobs, `docker start`, the network's netlink requests), then replaces the
// firewall's tables, counters included, last, so the rules are exactly those saved.
import { loadMetaMatches } from '../../subsystems/netfilter/match';
import type { Machine } from '../machine';
import { IFF, SCOPE, type VxlanData } from '../../shared/services/net';
import type { RuntimeState, SavedAddress, SavedRoute, SavedVxlan } from './types';

/** Links docker makes and removes with its containers and networks: not an administrator's. */
const DOCKER_LINK = /^(docker0|br-[0-9a-f]{12}|veth[0-9a-f]{7})$/;
/** Unit kinds whose running state is the learner's business (not targets, slices or scopes). */
const RUNNABLE = /\.(service|socket|timer|path)$/;
const RUNNING = new Set(['active', 'activating', 'reloading']);
const TABLE_LOCAL = 255;

export function captureRuntime(m: Machine): RuntimeState {
  const s = m.subsystems;
  // (a network nothing has used yet is as it was at boot: nothing of it to keep)
  const net = s.network;
  const links = net?.links() ?? [];
  const nameOf = new Map(links.map((l) => [l.ifindex, l.name]));
  const admin = (ifindex: number | undefined): boolean => ifindex === undefined || !DOCKER_LINK.test(nameOf.get(ifindex) ?? '');
  const addresses: SavedAddress[] = (net?.addresses() ?? []).filter((a) => admin(a.ifindex)).map((a) => ({
    link: nameOf.get(a.ifindex) ?? '',
    family: a.family,
    local: a.local,
    prefixlen: a.prefixlen,
    ...(a.address !== a.local ? { address: a.address } : {}),
    ...(a.broadcast ? { broadcast: a.broadcast } : {}),
    ...(a.label ? { label: a.label } : {}),
    scope: a.scope,
  }));
  const routes: SavedRoute[] = (net?.routes() ?? []).filter((r) => r.table !== TABLE_LOCAL && admin(r.oif)).map((r) => ({
    family: r.family,
    table: r.table,
    dst: r.dst ?? '',
    dstLen: r.dstLen,
    ...(r.gateway ? { gateway: r.gateway } : {}),
    ...(r.oif !== undefined ? { dev: nameOf.get(r.oif) ?? '' } : {}),
    protocol: r.protocol,
    scope: r.scope,
    type: r.type,
    priority: r.priority ?? 0,
    ...(r.prefsrc ? { prefsrc: r.prefsrc } : {}),
  }));
  const fw = s.netfilter.view();
  return {
    hostname: m.kernel.identity.hostname,
    // (none before the service manager has loaded: the services have not started yet)
    ...(s.manager ? { activeUnits: s.manager.view().units.filter((u) => RUNNABLE.test(u.id) && RUNNING.has(u.active)).map((u) => u.id) } : {}),
    firewall: { ipv4: fw.ipv4, ipv6: fw.ipv6 },
    links: links.filter((l) => !DOCKER_LINK.test(l.name)).map((l) => ({
      name: l.name, ...(l.kind ? { kind: l.kind } : {}), up: (l.flags & IFF.UP) !== 0, mtu: l.mtu, mac: l.address,
      ...(l.link !== undefined && nameOf.has(l.link) && !l.vlan ? { peer: nameOf.get(l.link)! } : {}),
      ...(l.master !== undefined && nameOf.has(l.master) ? { master: nameOf.get(l.master)! } : {}),
      ...(l.vlan && l.link !== undefined && nameOf.has(l.link) ? { vlan: { link: nameOf.get(l.link)!, ...l.vlan } } : {}),
      ...(l.macvlan && l.link !== undefined && nameOf.has(l.link) ? { macvlan: { link: nameOf.get(l.link)!, mode: l.macvlan.mode, flags: l.macvlan.flags, bcQueueLen: l.macvlan.bcQueueLen } } : {}),
      ...(l.vxlan ? { vxlan: savedVxlan(l.vxlan, nameOf) } : {}),
    })),
    addresses,
    routes,
    runningContainers: (s.docker?.view().containers ?? []).filter((c) => c.status === 'running').map((c) => c.id),
    modules: m.kernel.modules.list().map((x) => x.name).reverse(),
  };
}

const silent = { stdout: () => {}, stderr: () => {} };

/** Brings a freshly booted machine (booted from the saved disk) to the saved runtime state. */
export async function applyRuntime(m: Machine, rt: RuntimeState): Promise<void> {
  await m.booted;
  const s = m.subsystems;
  const manager = await s.loadManager();
  // the network first, so links come back in their order, before docker makes its own
  await s.loadNetwork();
  restoreNetwork(m, rt);
  if (rt.modules) {
    await m.kernel.modules.ready();
    restoreModules(m, rt.modules);
  }

  // units: start what ran, stop what the learner had stopped (a machine saved before its
  // services started keeps those of its boot)
  const wanted = new Set(rt.activeUnits ?? []);
  const now = manager.view().units;
  for (const id of rt.activeUnits ?? []) {
    const u = now.find((x) => x.id === id);
    if (u && RUNNING.has(u.active)) continue;
    try {
      await manager.start(manager.unit(id), new Set());
    } catch {
      // a unit that no longer loads stays down, as it would at boot
    }
  }
  for (const u of manager.view().units) {
    if (!rt.activeUnits || !RUNNABLE.test(u.id) || !RUNNING.has(u.active) || wanted.has(u.id)) continue;
    try {
      await manager.stop(manager.unit(u.id));
    } catch {
      // (nothing to undo)
    }
  }

  // containers: as the learner left them
  const docker = s.docker;
  if (docker?.running) {
    const keep = new Set(rt.runningContainers);
    for (const c of docker.view().containers) {
      if (keep.has(c.id) && c.status !== 'running') await m.run(['/usr/bin/docker', 'start', c.id], silent);
      else if (!keep.has(c.id) && c.status === 'running') await m.run(['/usr/bin/docker', 'stop', '-t', '0', c.id], silent);
    }
  }

  if (rt.hostname && rt.hostname !== m.kernel.identity.hostname) m.kernel.identity.hostname = rt.hostname;
  // the chunk of the less common matches starts loading with the rules that may use them
  void m.kernel.clock.hold(loadMetaMatches());
  s.netfilter.restoreRulesets(rt.firewall);
}

function savedVxlan(d: VxlanData, nameOf: Map<number, string>): SavedVxlan {
  const { link, ...rest } = d;
  return link && nameOf.has(link) ? { ...rest, dev: nameOf.get(link)! } : rest;
}

function addrKey(a: { link: string; family: number; local: string; prefixlen: number }): string {
  return `${a.link}|${a.family}|${a.local}/${a.prefixlen}`;
}

function routeKey(r: SavedRoute): string {
  return `${r.family}|${r.table}|${r.dst}/${r.dstLen}|${r.gateway ?? ''}|${r.dev ?? ''}|${r.priority}|${r.type}`;
}

/** The modules loaded when saved come back (in their order); boot modules the learner removed go again. */
function restoreModules(m: Machine, saved: readonly string[]): void {
  const mods = m.kernel.modules;
  const keep = new Set(saved);
  for (const name of saved) {
    try {
      mods.load(name);
    } catch {
      // a name this kernel does not know (a hand-edited file): left out
    }
  }
  // newest first, so users go before the modules they use
  for (const { name } of mods.list()) {
    if (keep.has(name)) continue;
    try {
      mods.unload(name);
    } catch {
      // still in use: stays
    }
  }
}

function restoreNetwork(m: Machine, rt: RuntimeState): void {
  const net = m.subsystems.net;
  // links an administrator made (dummies, bridges) come back; up/down and MTU as they were
  for (const l of rt.links) {
    const mac = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(l.mac) ? l.mac.split(':').map((h) => parseInt(h, 16)) : undefined;
    const macOf = (text: string | undefined): { address?: number[] } => (text && /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(text) ? { address: text.split(':').map((h) => parseInt(h, 16)) } : {});
    if (net.ifindex(l.name) === undefined && l.kind === 'veth' && l.peer) {
      // the first end saved was registered first: it is the peer of the other
      net.newLink(l.peer, 'veth', { ...macOf(rt.links.find((x) => x.name === l.peer)?.mac), peer: { name: l.name, change: macOf(l.mac) } }, { create: true, excl: true });
    } else if (net.ifindex(l.name) === undefined && l.kind === 'vlan' && l.vlan) {
      // a VLAN sits on a device saved before it; it keeps using that device's address unless it had its own
      const lower = rt.links.find((x) => x.name === l.vlan!.link);
      const own = mac && lower?.mac !== l.mac ? { address: mac } : {};
      const { link, flags, ...tag } = l.vlan;
      net.newLink(l.name, 'vlan', { ...own, link: net.ifindex(link) ?? 0, vlan: { ...tag, flags: { flags, mask: 31 } } }, { create: true, excl: true });
    } else if (net.ifindex(l.name) === undefined && l.macvlan) {
      const { link, ...settings } = l.macvlan;
      net.newLink(l.name, l.kind ?? 'macvlan', { ...(mac ? { address: mac } : {}), link: net.ifindex(link) ?? 0, macvlan: settings }, { create: true, excl: true });
    } else if (net.ifindex(l.name) === undefined && l.vxlan) {
      const { dev, ...settings } = l.vxlan;
      const vxlan = { ...settings, link: dev !== undefined ? net.ifindex(dev) ?? 0 : 0 };
      net.newLink(l.name, 'vxlan', { ...(mac ? { address: mac } : {}), mtu: l.mtu, vxlan }, { create: true, excl: true });
    } else if (net.ifindex(l.name) === undefined && l.kind) net.newLink(l.name, l.kind, mac ? { address: mac } : {}, { create: true, excl: true });
    const ifindex = net.ifindex(l.name);
    if (ifindex === undefined) continue;
    const cur = net.links().find((x) => x.ifindex === ifindex);
    if (!cur) continue;
    const change: { up?: boolean; mtu?: number } = {};
    if (((cur.flags & IFF.UP) !== 0) !== l.up) change.up = l.up;
    if (cur.mtu !== l.mtu) change.mtu = l.mtu;
    if (change.up !== undefined || change.mtu !== undefined) net.setLink(ifindex, change);
  }
  // bridge ports join their bridges once every link exists
  for (const l of rt.links) {
    const ifindex = net.ifindex(l.name);
    const master = l.master !== undefined ? net.ifindex(l.master) : 0;
    if (ifindex === undefined || master === undefined) continue;
    if ((net.links().find((x) => x.ifindex === ifindex)?.master ?? 0) !== master) net.setLink(ifindex, { master });
  }
  const admin = new Set(rt.links.map((l) => l.name));
  const nameOf = new Map(net.links().map((l) => [l.ifindex, l.name]));

  const savedAddrs = new Map(rt.addresses.map((a) => [addrKey(a), a]));
  for (const a of net.addresses()) {
    const link = nameOf.get(a.ifindex) ?? '';
    if (!admin.has(link)) continue;
    if (!savedAddrs.has(addrKey({ link, family: a.family, local: a.local, prefixlen: a.prefixlen }))) {
      net.delAddress({ family: a.family, ifindex: a.ifindex, local: a.local, prefixlen: a.prefixlen });
    }
  }
  const haveAddrs = new Set(net.addresses().map((a) => addrKey({ link: nameOf.get(a.ifindex) ?? '', family: a.family, local: a.local, prefixlen: a.prefixlen })));
  for (const a of rt.addresses) {
    const ifindex = net.ifindex(a.link);
    if (ifindex === undefined || haveAddrs.has(addrKey(a))) continue;
    net.addAddress({ family: a.family, ifindex, local: a.local, address: a.address ?? a.local, prefixlen: a.prefixlen, ...(a.broadcast ? { broadcast: a.broadcast } : {}), ...(a.label ? { label: a.label } : {}), scope: a.scope });
  }

  const toSaved = (r: ReturnType<typeof net.routes>[number]): SavedRoute => ({
    family: r.family, table: r.table, dst: r.dst ?? '', dstLen: r.dstLen, ...(r.gateway ? { gateway: r.gateway } : {}),
    ...(r.oif !== undefined ? { dev: nameOf.get(r.oif) ?? '' } : {}), protocol: r.protocol, scope: r.scope, type: r.type, priority: r.priority ?? 0,
  });
  const savedRoutes = new Set(rt.routes.map(routeKey));
  for (const r of net.routes()) {
    if (r.table === TABLE_LOCAL) continue;
    const sr = toSaved(r);
    if (sr.dev !== undefined && !admin.has(sr.dev)) continue;
    if (!savedRoutes.has(routeKey(sr))) net.delRoute({ family: r.family, table: r.table, type: 0, protocol: 0, scope: SCOPE.NOWHERE, tos: r.tos, flags: 0, dst: r.dst, dstLen: r.dstLen, ...(r.gateway ? { gateway: r.gateway } : {}), ...(r.oif !== undefined ? { oif: r.oif } : {}), priority: r.priority ?? 0 });
  }
  const haveRoutes = new Set(net.routes().filter((r) => r.table !== TABLE_LOCAL).map((r) => routeKey(toSaved(r))));
  for (const r of rt.routes) {
    if (haveRoutes.has(routeKey(r))) continue;
    const oif = r.dev ? net.ifindex(r.dev) : undefined;
    if (r.dev && oif === undefined) continue;
    net.addRoute({ family: r.family, table: r.table, type: r.type, protocol: r.protocol, scope: r.scope, tos: 0, flags: 0, ...(r.dst ? { dst: r.dst } : {}), dstLen: r.dstLen, ...(r.gateway ? { gateway: r.gateway } : {}), ...(oif !== undefined ? { oif } : {}), priority: r.priority, ...(r.prefsrc ? { prefsrc: r.prefsrc } : {}) }, { create: true, excl: false });
  }
}
