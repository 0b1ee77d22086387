// The subsystems a machine runs (kernel-side state such as netfilter's tables and the links and
// routes, the journal, the service manager) and their registration as services reachable
// through Sys.call. Each subsystem keeps its RAM apart from the disk and offers a view().
import type { Kernel } from './kernel';
import { Netfilter } from '../subsystems/netfilter/netfilter';
import { Network } from '../subsystems/net/network';
import type { Journal } from '../subsystems/journald/journal';
import { Manager } from '../subsystems/systemd/manager';
import { ServiceHost, type HostHooks } from './service-host';
import { Sockets } from '../subsystems/sockets/sockets';
import { Bus } from '../subsystems/bus/bus';
import { Resolver } from '../subsystems/resolve/resolver';
import { handleDhcp } from '../subsystems/resolve/dhcp-server';
import { Traffic } from '../subsystems/traffic/traffic';
import { exchangePasses } from '../subsystems/traffic/firewall';
import type { DockerEngine } from '../subsystems/docker/engine';

export interface Subsystems {
  netfilter: Netfilter;
  net: Network;
  journal: Journal;
  manager: Manager;
  sockets: Sockets;
  bus: Bus;
  resolver: Resolver;
  traffic: Traffic;
  /** undefined until something first asks for docker (see loadDocker) */
  docker: DockerEngine | undefined;
}

export function startSubsystems(k: Kernel, journal: Journal, hooks: HostHooks): Subsystems {
  const netfilter = new Netfilter();
  const net = new Network({ now: () => k.clock.now() });
  const host = new ServiceHost(k, journal, hooks);
  const manager = new Manager(host);
  k.services.set('netfilter', (caller, req) => netfilter.handle(caller, req));
  k.services.set('net', (caller, req) => net.request(caller, req));
  net.filter = (packet) => exchangePasses(netfilter, () => k.clock.now(), packet);
  k.services.set('journal', (caller, req) => journal.handle(caller, req));
  k.services.set('systemd', (caller, req) => manager.handle(caller, req));
  const sockets = new Sockets({ comm: (pid) => k.procs.get(pid)?.comm ?? '' });
  k.services.set('sockets', (caller, req) => sockets.handle(caller, req));
  const bus = new Bus();
  k.services.set('bus', (caller, req) => bus.handle(caller, req));
  const resolver = new Resolver(net, {
    readFile: (p) => host.readFile(p), readDir: (p) => host.readDir(p), readLink: (p) => host.readLink(p),
    stubListener: () => {
      const s = sockets.listener('udp', '127.0.0.53', 53);
      return s && s.localAddress === '127.0.0.53' ? s.id : undefined;
    },
    hostname: () => k.identity.hostname, now: () => k.clock.now(), after: (ms, fn) => void k.clock.after(ms, fn),
  });
  k.services.set('resolve', (caller, req) => resolver.handle(caller, req));
  k.services.set('dhcp', (caller, req) => handleDhcp(net, caller, req));
  const traffic = new Traffic({ net, netfilter, sockets, now: () => k.clock.now(), random: () => k.random.next() / 0x1_0000_0000, sysctl: (key) => k.sysctl.get(key), readFile: (p) => host.readFile(p), hostname: () => k.identity.hostname, netns: k.netns });
  k.services.set('traffic', (caller, req) => traffic.handle(caller, req));
  // every process exit reaches the manager (main processes, control processes, cgroups emptying)
  k.exitListeners.add((p) => {
    sockets.processExited(p.pid);
    traffic.processExited(p.pid);
    bus.processExited(p.pid);
    const s = p.status;
    if (s?.kind === 'exited') manager.processExited(p.pid, { code: 'exited', status: s.code });
    else if (s?.kind === 'signaled') manager.processExited(p.pid, { code: s.core ? 'dumped' : 'killed', status: s.signal });
  });
  // docker's engine is loaded the first time anything asks for it (the docker CLI, dockerd):
  // a machine that never runs docker never loads its code
  const subs: Subsystems = { netfilter, net, journal, manager, sockets, bus, resolver, traffic, docker: undefined };
  let engine: Promise<DockerEngine> | undefined;
  const loadDocker = (): Promise<DockerEngine> =>
    (engine ??= import('./docker-start').then(({ startDocker }) => {
      const docker = startDocker(k, journal, { net, manager, resolver });
      subs.docker = docker;
      return docker;
    }));
  k.services.set('docker', async (caller, req) => (await loadDocker()).handle(caller, req));
  return subs;
}
