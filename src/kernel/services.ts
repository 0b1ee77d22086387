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

export interface Subsystems {
  netfilter: Netfilter;
  net: Network;
  journal: Journal;
  manager: Manager;
  sockets: Sockets;
}

export function startSubsystems(k: Kernel, journal: Journal, hooks: HostHooks): Subsystems {
  const netfilter = new Netfilter();
  const net = new Network({ now: () => k.clock.now() });
  const host = new ServiceHost(k, journal, hooks);
  const manager = new Manager(host);
  k.services.set('netfilter', (caller, req) => netfilter.handle(caller, req));
  k.services.set('net', (caller, req) => net.handle(caller, req));
  k.services.set('journal', (caller, req) => journal.handle(caller, req));
  k.services.set('systemd', (caller, req) => manager.handle(caller, req));
  const sockets = new Sockets({ comm: (pid) => k.procs.get(pid)?.comm ?? '' });
  k.services.set('sockets', (caller, req) => sockets.handle(caller, req));
  // every process exit reaches the manager (main processes, control processes, cgroups emptying)
  k.exitListeners.add((p) => {
    sockets.processExited(p.pid);
    const s = p.status;
    if (s?.kind === 'exited') manager.processExited(p.pid, { code: 'exited', status: s.code });
    else if (s?.kind === 'signaled') manager.processExited(p.pid, { code: s.core ? 'dumped' : 'killed', status: s.signal });
  });
  return { netfilter, net, journal, manager, sockets };
}
