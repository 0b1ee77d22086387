// The subsystems a machine runs (kernel-side state such as netfilter's tables and the links and
// routes, and later the daemons' state) and their registration as services reachable through
// Sys.call. Each subsystem keeps its RAM apart from the disk and offers a view() for lessons.
import type { Kernel } from './kernel';
import { Netfilter } from '../subsystems/netfilter/netfilter';
import { Network } from '../subsystems/net/network';

export interface Subsystems {
  netfilter: Netfilter;
  net: Network;
}

export function startSubsystems(k: Kernel): Subsystems {
  const netfilter = new Netfilter();
  const net = new Network();
  k.services.set('netfilter', (caller, req) => netfilter.handle(caller, req));
  k.services.set('net', (caller, req) => net.handle(caller, req));
  return { netfilter, net };
}
