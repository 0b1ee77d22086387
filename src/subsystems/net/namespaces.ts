// Named network namespaces (`ip netns add NAME`): each one a stack of its own, with only a
// loopback that is down, no routes, and empty netfilter tables, as unshare(CLONE_NEWNET) makes
// them. Programs reach it as the `netns` service: `add` and `delete` bind or forget a name
// (ip itself creates and removes /run/netns/NAME), `enter` moves the caller into a namespace
// (setns), `identify` and `pids` answer from the processes' namespaces. The `net` and
// `netfilter` services answer a process inside one from that namespace's stack. This module is
// loaded the first time something asks for the service.
import { TABLE } from '../../shared/services/net';
import type { Caller } from '../../shared/sys';
import { Netfilter } from '../netfilter/netfilter';
import { insertSorted, unregisterStack, unregisterWithPeer } from './link-create';
import { loopbackLink } from './links';
import { Network } from './network';
import { linkByIndex, linkByName, vethPeer, type Link, type NetState } from './state';

/** What the kernel lends: namespace numbers and the processes' namespaces. */
export interface NetnsHost {
  now(): number;
  /** The machine's own stack (namespace 0). */
  net: Network;
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
  /** A name for the namespace process `pid` is in. */
  | { kind: 'attach'; name: string; pid: number }
  | { kind: 'delete'; name: string }
  | { kind: 'enter'; name: string }
  | { kind: 'identify'; pid?: number }
  | { kind: 'pids'; name: string }
  /** IFLA_NET_NS_FD / IFLA_NET_NS_PID: device `ifindex` of the caller's namespace moves to another. */
  | { kind: 'move'; ifindex: number; name?: string; pid?: number; created?: boolean }
  /** The namespaces the caller numbers, with their names when bound to one (RTM_GETNSID). */
  | { kind: 'nsids' }
  /** RTM_NEWNSID: the caller's number for the named namespace (`auto`: the lowest free one). */
  | { kind: 'setnsid'; name: string; nsid: number | 'auto' };

export type NetnsReply = { ok: true; names?: string[]; pids?: number[]; nsids?: Record<string, number>; ids?: { nsid: number; name?: string }[] } | { ok: false; errno: string; msg?: string };

interface Stack {
  id: number;
  /** (the machine's own for its namespace and for namespaces of other kinds, a container's) */
  net: Network;
  netfilter?: Netfilter;
}

/** A fresh namespace's network: the loopback alone, down, never up (qdisc noop), no routes. */
function freshNetwork(now: () => number): Network {
  const net = new Network({ now });
  const s = net.state;
  s.links = [{ ...loopbackLink(1), qdisc: 'noop' }];
  s.addrs = [];
  s.routes = [];
  s.neighs = [];
  s.nextIfindex = 2;
  // IPv4's local table is made with its first route (when lo comes up); main is there from the start
  s.tables[4] = s.tables[4].filter((t) => t !== TABLE.LOCAL);
  return net;
}

export class NamedNetns {
  private readonly byName = new Map<string, Stack>();
  private readonly byId = new Map<number, Stack>();
  /** Each namespace's numbers for the others (peernet2id): namespace -> (other -> nsid). */
  private readonly nsids = new Map<number, Map<number, number>>();

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
    // (the traffic service's question, in the kernel: the firewall of the caller's namespace)
    if ((req as { kind: string }).kind === 'firewall') {
      const dst = (req as { dst?: string }).dst;
      // the other namespace (of ip netns add's) whose up device holds `dst` (a veth's far end)
      const peer = [...this.byId.values()].find((st) => st.id !== caller.netns && st.netfilter && st.net.addresses(4).some((a) => a.local === dst && ((st.net.links().find((l) => l.ifindex === a.ifindex)?.flags ?? 0) & 1) !== 0));
      return { ok: true, netfilter: this.netfilter(caller.netns ?? 0), net: this.net(caller.netns ?? 0), ...(peer ? { peer: { netns: peer.id, netfilter: peer.netfilter, net: peer.net } } : {}) } as NetnsReply;
    }
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
      case 'attach': {
        if (this.byName.has(req.name)) return { ok: false, errno: 'EEXIST' };
        const id = this.host.netnsOf(req.pid);
        if (id === undefined) return { ok: false, errno: 'ENOENT' };
        this.byName.set(req.name, this.byId.get(id) ?? { id, net: this.host.net });
        return { ok: true };
      }
      case 'delete': {
        const stack = this.byName.get(req.name);
        if (!stack) return { ok: false, errno: 'ENOENT' };
        this.byName.delete(req.name);
        // the namespace lives on while processes are in it or another name holds it
        const held = [...this.byName.values()].includes(stack) || this.host.processes().some((p) => p.netns === stack.id);
        if (!held && this.byId.get(stack.id) === stack) this.destroy(stack);
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
      case 'move': return this.move(caller.netns ?? 0, req);
      case 'nsids': {
        const mine = this.nsids.get(caller.netns ?? 0) ?? new Map<number, number>();
        const out: Record<string, number> = {};
        for (const [name, st] of this.byName) {
          const id = mine.get(st.id);
          if (id !== undefined) out[name] = id;
        }
        const ids = [...mine].sort((a, b) => a[1] - b[1]).map(([ns, nsid]) => {
          const name = [...this.byName].find(([, st]) => st.id === ns)?.[0];
          return name !== undefined ? { nsid, name } : { nsid };
        });
        return { ok: true, nsids: out, ids };
      }
      case 'setnsid': {
        const stack = this.byName.get(req.name);
        if (!stack) return { ok: false, errno: 'EINVAL' };
        const from = caller.netns ?? 0;
        const mine = this.nsids.get(from);
        if (mine?.has(stack.id)) return { ok: false, errno: 'EEXIST', msg: 'Peer netns already has a nsid assigned' };
        if (req.nsid === 'auto') {
          this.nsid(from, stack.id);
          return { ok: true };
        }
        if ([...(mine?.values() ?? [])].includes(req.nsid)) return { ok: false, errno: 'EEXIST', msg: 'The specified nsid is already used' };
        if (!mine) this.nsids.set(from, new Map([[stack.id, req.nsid]]));
        else mine.set(stack.id, req.nsid);
        return { ok: true };
      }
      default:
        return { ok: false, errno: 'EINVAL' };
    }
  }

  private stateOf(id: number): NetState | undefined {
    return id === 0 ? this.host.net.state : this.byId.get(id)?.net.state;
  }

  /** peernet2id_alloc: the number `from` gives `to`, the lowest free one the first time. */
  private nsid(from: number, to: number): number {
    let ids = this.nsids.get(from);
    if (!ids) this.nsids.set(from, (ids = new Map()));
    let id = ids.get(to);
    if (id === undefined) {
      const used = new Set(ids.values());
      for (id = 0; used.has(id); id++);
      ids.set(to, id);
    }
    return id;
  }

  /**
   * dev_change_net_namespace: the device is unregistered here (down, addresses, routes and
   * neighbours gone, VLANs on it deleted, out of its bridge) and registered there under the
   * same index when it is free; a veth pair split so names each other's namespace.
   */
  private move(from: number, req: { ifindex: number; name?: string; pid?: number; created?: boolean }): NetnsReply {
    let to: number | undefined;
    if (req.name !== undefined) to = this.byName.get(req.name)?.id;
    else if (req.pid !== undefined) to = this.host.netnsOf(req.pid);
    if (to === undefined) return { ok: false, errno: req.name !== undefined ? 'EINVAL' : 'ESRCH' };
    const src = this.stateOf(from);
    const dst = this.stateOf(to);
    const l = src && linkByIndex(src, req.ifindex);
    if (!src || !dst || !l) return { ok: false, errno: 'ENODEV' };
    if (from === to) return { ok: true };
    // the loopback and bridges stay in their namespace (NETIF_F_NETNS_LOCAL)
    if (l.linkType === 'loopback' || l.bridge) return { ok: false, errno: 'EINVAL', msg: 'The interface netns is immutable' };
    if (linkByName(dst, l.name)) return { ok: false, errno: 'EEXIST', msg: 'An interface with the same name exists in the target netns' };
    const now = this.host.now();
    const peer = vethPeer(src, l);
    unregisterStack(src, l, now);
    const old = l.ifindex;
    if (req.created || linkByIndex(dst, l.ifindex)) {
      while (linkByIndex(dst, dst.nextIfindex)) dst.nextIfindex++;
      l.ifindex = dst.nextIfindex++;
    }
    insertSorted(dst, l);
    // a veth's peer asked for in another namespace is made there (veth_newlink): the end left
    // here has the index the peer took first
    const here = peer?.link;
    if (req.created && here && peer.state === src && here.ifindex === old + 1 && src.nextIfindex === old + 2) {
      src.links.splice(src.links.indexOf(here), 1);
      here.ifindex = old;
      src.nextIfindex = old + 1;
      insertSorted(src, here);
    }
    // the device is announced where it lands (its peer's namespace numbered there then); a
    // veth's peer made there was announced before the pair was joined, its other end after
    if (peer) this.join(l, to, dst, peer.link, peer.state === src ? from : this.idOfState(peer.state), req.created ? peer.link : l);
    return { ok: true };
  }

  private idOfState(s: NetState): number {
    if (s === this.host.net.state) return 0;
    for (const st of this.byId.values()) if (st.net.state === s) return st.id;
    return 0;
  }

  /** Points the ends of a veth pair at each other, across namespaces or not; `announced` numbers its peer's namespace now. */
  private join(a: Link, aNs: number, aState: NetState, b: Link, bNs: number, announced: Link): void {
    const bState = this.stateOf(bNs)!;
    a.peer = b.ifindex;
    b.peer = a.ifindex;
    for (const [x, xNs, y, yNs, yState] of [[a, aNs, b, bNs, bState], [b, bNs, a, aNs, aState]] as const) {
      if (xNs === yNs) {
        delete x.peerElsewhere;
        delete x.remotePeer;
      } else {
        x.peerElsewhere = true;
        const remote = { link: y, state: yState, nsid: () => this.nsid(xNs, yNs) };
        Object.defineProperty(x, 'remotePeer', { value: remote, enumerable: false, writable: true, configurable: true });
        if (x === announced) remote.nsid();
      }
    }
  }

  /** The namespace ends: its veth ends go with their peers, other devices return to the machine's. */
  private destroy(stack: Stack): void {
    this.byId.delete(stack.id);
    this.host.remove(stack.id);
    this.nsids.delete(stack.id);
    for (const ids of this.nsids.values()) ids.delete(stack.id);
    const s = stack.net.state;
    const now = this.host.now();
    for (const l of [...s.links]) {
      if (!s.links.includes(l) || l.linkType === 'loopback') continue;
      // (a peer in this namespace goes at once: the loop then passes over it)
      if (!unregisterWithPeer(s, l, now) && !l.kind) {
        const home = this.host.net.state;
        if (linkByName(home, l.name) || linkByIndex(home, l.ifindex)) continue;
        insertSorted(home, l);
      }
    }
  }
}
