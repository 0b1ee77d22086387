// The subsystems a machine runs (kernel-side state such as netfilter's tables and the links and
// routes, the journal, the service manager) and their registration as services reachable
// through Sys.call. Each subsystem keeps its RAM apart from the disk and offers a view().
import { loadMetaMatches, metaMatches } from '../subsystems/netfilter/match';
import type { Kernel } from './kernel';
import { loadNetfilterEngine, Netfilter, netfilterEngineLoaded } from '../subsystems/netfilter/netfilter';
import type { Network } from '../subsystems/net/network';
import type { Journal } from '../subsystems/journald/journal';
import type { Manager } from '../subsystems/systemd/manager';
import { ServiceHost, type HostHooks } from './service-host';
import { Sockets } from '../subsystems/sockets/sockets';
import { Bus } from '../subsystems/bus/bus';
import type { Resolver } from '../subsystems/resolve/resolver';
import type { Traffic } from '../subsystems/traffic/traffic';
import type { DockerEngine } from '../subsystems/docker/engine';
import type { NetServices } from './net-services';
import type { NamedNetns } from '../subsystems/net/namespaces';

export interface Subsystems {
  netfilter: Netfilter;
  /**
   * The network. Its code loads when something first needs it (loadNetwork: the services' start,
   * behind the first prompt on a page, or the first request); reading this before that throws.
   */
  readonly net: Network;
  /** the network once made, else undefined (nothing has used it yet: it is as it was at boot) */
  network: Network | undefined;
  loadNetwork(): Promise<Network>;
  journal: Journal;
  /** the service manager: undefined until its code is loaded (see loadManager) */
  manager: Manager | undefined;
  /** loads the service manager's code (once) and makes the manager */
  loadManager(): Promise<Manager>;
  sockets: Sockets;
  bus: Bus;
  /** the resolver and the packet path: undefined until loaded (see `load`) */
  resolver: Resolver | undefined;
  traffic: Traffic | undefined;
  /** loads every subsystem's code not loaded yet (the resolver and traffic load behind the boot) */
  load(): Promise<void>;
  /** undefined until something first asks for docker (see loadDocker) */
  docker: DockerEngine | undefined;
}

export function startSubsystems(k: Kernel, journal: Journal, hooks: HostHooks): Subsystems {
  const netfilter = new Netfilter();
  // the network's code (links, addresses, routes) loads when something first uses it, with the
  // clock held as for any code the machine loads; it is then made as it was at boot (bootAt)
  const bootAt = k.clock.now();
  let networking: Promise<Network> | undefined;
  let routeOps: typeof import('../subsystems/net/route-ops') | undefined;
  const loadNetwork = (): Promise<Network> => {
    if (subs.network) return Promise.resolve(subs.network);
    return (networking ??= k.clock.hold(Promise.all([import('../subsystems/net/network'), import('../subsystems/net/route-ops')])).then(([{ Network }, ops]) => {
      routeOps = ops;
      return (subs.network ??= new Network({ now: () => k.clock.now(), sysctl: (key) => k.sysctl.get(key), bootAt }));
    }));
  };
  const net = (): Network => {
    if (!subs.network) throw new Error('the network is read before its code has loaded (Subsystems.loadNetwork)');
    return subs.network;
  };
  const host = new ServiceHost(k, journal, hooks);
  // the service manager's code (units, their files, services) loads when the services start,
  // behind the first prompt on a page, or when something asks for systemd first (the clock held)
  let managing: Promise<Manager> | undefined;
  const loadManager = (): Promise<Manager> =>
    (managing ??= k.clock.hold(import('../subsystems/systemd/manager')).then(({ Manager }) => (subs.manager = new Manager(host))));
  const sockets = new Sockets({ comm: (pid) => k.procs.get(pid)?.comm ?? '' });
  const bus = new Bus();
  const subs: Subsystems = { netfilter, get net() { return net(); }, network: undefined, loadNetwork, journal, manager: undefined, loadManager, sockets, bus, resolver: undefined, traffic: undefined, docker: undefined, load: () => loadNet().then(() => undefined) };
  // (a batch of rules may use the matches of a chunk of their own: it is loaded first)
  // (held like any code the machine loads: the skipping clock must not jump over it, or what
  // runs meanwhile, and so the seeded random stream, would depend on the host's speed)
  const loadMeta = (): Promise<void> => k.clock.hold(Promise.all([loadMetaMatches(), loadNetfilterEngine()]).then(() => undefined));
  // namespaces made by `ip netns add` have stacks of their own (loaded with the first of them)
  let named: NamedNetns | undefined;
  const loadNamed = async (): Promise<NamedNetns> => (named ??= new (await k.clock.hold(Promise.all([import('../subsystems/net/namespaces'), loadNetwork()])))[0].NamedNetns({
    now: () => k.clock.now(), net: net(), create: () => k.netns.create(), remove: (id) => k.netns.remove(id),
    netnsOf: (pid) => k.procs.get(pid)?.netns, setNetns: (pid, id) => void (k.procs.get(pid)!.netns = id),
    processes: () => [...k.procs.values()].filter((p) => p.state !== 'zombie').map((p) => ({ pid: p.pid, netns: p.netns })),
  }));
  k.services.set('netns', async (caller, req) => (await loadNamed()).handle(caller, req));
  k.services.set('netfilter', (caller, req) => {
    const nf = (caller.netns && named?.netfilter(caller.netns)) || netfilter;
    return metaMatches() && netfilterEngineLoaded() ? nf.handle(caller, req) : loadMeta().then(() => nf.handle(caller, req));
  });
  // a route query may need policy routing's chunk (ip route get): loaded first, the clock held
  const netRequest = (caller: Parameters<Network['request']>[0], req: unknown): ReturnType<Network['request']> | Promise<ReturnType<Network['request']>> => {
    const n = (caller.netns && named?.net(caller.netns)) || net();
    const ops = routeOps!;
    if (ops.policyLoaded() || !ops.needsLateCode(req)) return n.request(caller, req);
    return k.clock.hold(ops.loadPolicy()).then(() => n.request(caller, req));
  };
  k.services.set('net', (caller, req) => (subs.network && routeOps ? netRequest(caller, req) : loadNetwork().then(() => netRequest(caller, req))));
  // the trusted fields journald adds: the sender's command, program, arguments and unit
  journal.origin = (pid) => {
    const p = k.procs.get(pid);
    if (!p) return undefined;
    const unit = /[^/]+\.(service|scope|socket|mount|swap|timer)$/.exec(p.cgroup)?.[0];
    return { comm: p.comm, ...(p.exe ? { exe: p.exe } : {}), cmdline: p.argv.join(' '), ...(unit ? { unit } : {}) };
  };
  k.services.set('journal', (caller, req) => journal.handle(caller, req));
  k.services.set('systemd', (caller, req) => (subs.manager ? subs.manager.handle(caller, req) : loadManager().then((m) => m.handle(caller, req))));
  k.services.set('sockets', (caller, req) => sockets.handle(caller, req));
  k.services.set('bus', (caller, req) => bus.handle(caller, req));
  // the resolver, DHCP and the packet path (ping, curl, the lessons' probes) are not needed for
  // the first prompt: their code loads when the services start (behind the prompt on a page) or
  // when something asks for them first, whichever comes first
  let late: Promise<NetServices> | undefined;
  function loadNet(): Promise<NetServices> {
    if (late) return late;
    // (a skipping clock waits for the load, as for any work in progress)
    late = k.clock.hold(Promise.all([import('./net-services'), loadNetfilterEngine(), loadNetwork()]).then(([ns]) => ns))
      .then(({ startNetServices, exchangePasses }) => {
        // the resolver's packets cross the firewall too (before this, nothing sends any)
        net().filter = (packet) => exchangePasses(netfilter, () => k.clock.now(), packet);
        const ns = startNetServices(k, host, { net: net(), netfilter, sockets });
        subs.resolver = ns.resolver;
        subs.traffic = ns.traffic;
        return ns;
      });
    return late;
  }
  k.services.set('resolve', async (caller, req) => (await loadNet()).resolver.handle(caller, req));
  k.services.set('dhcp', async (caller, req) => (await loadNet()).dhcp(caller, req));
  k.services.set('traffic', async (caller, req) => (await loadNet()).traffic.handle(caller, req));
  // every process exit reaches the manager (main processes, control processes, cgroups emptying)
  k.exitListeners.add((p) => {
    sockets.processExited(p.pid);
    subs.traffic?.processExited(p.pid);
    bus.processExited(p.pid);
    const s = p.status;
    const manager = subs.manager;
    if (!manager) return;
    if (s?.kind === 'exited') manager.processExited(p.pid, { code: 'exited', status: s.code });
    else if (s?.kind === 'signaled') manager.processExited(p.pid, { code: s.core ? 'dumped' : 'killed', status: s.signal });
  });
  // docker's engine is loaded the first time anything asks for it (the docker CLI, dockerd):
  // a machine that never runs docker never loads its code
  let engine: Promise<DockerEngine> | undefined;
  const loadDocker = (): Promise<DockerEngine> =>
    // (held like any code the machine loads: a skipping clock jumping over the fetch would time
    // out the start of docker.service that is waiting for it)
    (engine ??= k.clock.hold(Promise.all([import('./docker-start'), loadNet(), loadManager(), loadNetwork()])).then(([{ startDocker }, { resolver }, manager]) => {
      const docker = startDocker(k, journal, { net: net(), manager, resolver });
      subs.docker = docker;
      return docker;
    }));
  k.services.set('docker', async (caller, req) => (await loadDocker()).handle(caller, req));
  return subs;
}
