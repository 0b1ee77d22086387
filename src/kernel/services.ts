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
import { DockerEngine } from '../subsystems/docker/engine';
import { offlineRegistry } from '../subsystems/docker/registry-source';
import { KernelDockerHost } from './docker-host';

export interface Subsystems {
  netfilter: Netfilter;
  net: Network;
  journal: Journal;
  manager: Manager;
  sockets: Sockets;
  bus: Bus;
  resolver: Resolver;
  traffic: Traffic;
  docker: DockerEngine;
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
  let daemonPid = 0;
  const dockerHost: KernelDockerHost = new KernelDockerHost(k, journal, net, async (): Promise<boolean> => (await manager.start(manager.unit('docker.service'), new Set())) === 'done', (): number => daemonPid);
  const docker: DockerEngine = new DockerEngine(dockerHost, offlineRegistry);
  docker.onDaemon = (pid) => {
    daemonPid = pid;
  };
  // a container's processes resolve names through its own files and docker's embedded DNS
  resolver.containerDns = (netns) => docker.dnsView(netns);
  k.services.set('docker', (caller, req) => docker.handle(caller, req));
  k.exitListeners.add((p) => {
    const s = p.status;
    const info = s?.kind === 'signaled' ? { code: 'killed' as const, status: s.signal } : { code: 'exited' as const, status: s?.kind === 'exited' ? s.code : 0 };
    dockerHost.exited(p.pid, info);
    docker.processExited(p.pid, info.code === 'exited' ? { code: info.status } : { code: 128 + info.status, signal: info.status });
  });
  return { netfilter, net, journal, manager, sockets, bus, resolver, traffic, docker };
}
