// Named network namespaces (`ip netns add NAME`): each one a stack of its own, with only a
// loopback that is down, no routes, and empty netfilter tables, as unshare(CLONE_NEWNET) makes
// them. Programs reach it as the `netns` service: `add` and `delete` bind or forget a name
// (ip itself creates and removes /run/netns/NAME), `enter` moves the caller into a namespace
// (setns), `identify` and `pids` answer from the processes' namespaces. The `net` and
// `netfilter` services answer a process inside one from that namespace's stack. This module is
// loaded the first time something asks for the service.
import type { Caller } from '../../shared/sys';
import { Netfilter } from '../netfilter/netfilter';
import { loopbackLink } from './links';
import { Network } from './network';

/** What the kernel lends: namespace numbers and the processes' namespaces. */
export interface NetnsHost {
  now(): number;
  /** A new namespace number (the kernel's table). */
  create(): number;
  remove(id: number): void;
  /** The namespace of process `pid` (undefined: no such process). */
  netnsOf(pid: number): number | undefined;
  setNetns(pid: number, id: number): void;
  /** Live processes and their namespaces. */
  processes(): { pid: number; netns: number }[];
}

export type NetnsRequest =
  | { kind: 'add'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'enter'; name: string }
  | { kind: 'identify'; pid?: number }
  | { kind: 'pids'; name: string };

export type NetnsReply = { ok: true; names?: string[]; pids?: number[] } | { ok: false; errno: string };

interface Stack {
  id: number;
  net: Network;
  netfilter: Netfilter;
}

/** A fresh namespace's network: the loopback alone, down, never up (qdisc noop). */
function freshNetwork(now: () => number): Network {
  const net = new Network({ now });
  const s = net.state;
  s.links = [{ ...loopbackLink(1), qdisc: 'noop' }];
  s.addrs = [];
  s.routes = [];
  s.neighs = [];
  s.nextIfindex = 2;
  return net;
}

export class NamedNetns {
  private readonly byName = new Map<string, Stack>();
  private readonly byId = new Map<number, Stack>();

  constructor(private readonly host: NetnsHost) {}

  /** The stack of namespace `id`, when it is one of these. */
  net(id: number): Network | undefined {
    return this.byId.get(id)?.net;
  }

  netfilter(id: number): Netfilter | undefined {
    return this.byId.get(id)?.netfilter;
  }

  handle(caller: Caller, request: unknown): NetnsReply {
    const req = request as NetnsRequest;
    if (typeof req !== 'object' || req === null) return { ok: false, errno: 'EINVAL' };
    if (req.kind !== 'identify' && req.kind !== 'pids' && caller.euid !== 0) return { ok: false, errno: 'EPERM' };
    switch (req.kind) {
      case 'add': {
        if (this.byName.has(req.name)) return { ok: false, errno: 'EEXIST' };
        const id = this.host.create();
        const stack = { id, net: freshNetwork(() => this.host.now()), netfilter: new Netfilter() };
        this.byName.set(req.name, stack);
        this.byId.set(id, stack);
        return { ok: true };
      }
      case 'delete': {
        const stack = this.byName.get(req.name);
        if (!stack) return { ok: false, errno: 'ENOENT' };
        this.byName.delete(req.name);
        // the namespace lives on while processes are in it
        if (!this.host.processes().some((p) => p.netns === stack.id)) {
          this.byId.delete(stack.id);
          this.host.remove(stack.id);
        }
        return { ok: true };
      }
      case 'enter': {
        // setns(2) of a file that is no namespace: EINVAL
        const stack = this.byName.get(req.name);
        if (!stack) return { ok: false, errno: 'EINVAL' };
        this.host.setNetns(caller.pid, stack.id);
        return { ok: true };
      }
      case 'identify': {
        const id = this.host.netnsOf(req.pid ?? caller.pid);
        if (id === undefined) return { ok: false, errno: 'ENOENT' };
        return { ok: true, names: [...this.byName].filter(([, s]) => s.id === id).map(([n]) => n) };
      }
      case 'pids': {
        const stack = this.byName.get(req.name);
        if (!stack) return { ok: false, errno: 'EINVAL' };
        return { ok: true, pids: this.host.processes().filter((p) => p.netns === stack.id).map((p) => p.pid) };
      }
      default:
        return { ok: false, errno: 'EINVAL' };
    }
  }
}
