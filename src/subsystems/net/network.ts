// Links, addresses, routes and neighbours in the kernel. Programs reach it as the `net`
// service with rtnetlink-like requests (shared/services/net.ts); daemons in the worker
// (systemd-networkd, a DHCP client) call the same operations directly. Only root changes
// state, as CAP_NET_ADMIN is required on Linux; anyone may read it.
import type { Caller } from '../../shared/sys';
import {
  TABLE, isNetError, type AddrMsg, type AddrSpec, type LinkChange, type LinkMsg, type NeighMsg, type NeighSpec,
  type NetError, type NetReply, type NetRequest, type NlFlags, type RouteMsg, type RouteSpec,
} from '../../shared/services/net';
import { addAddress, addrMsg, ageAddresses, delAddress } from './addresses';
import { applyPlaceholderDhcp, bootLinks } from './boot';
import { dumpRoutes, err } from './fib';
import { createLink, deleteGroup, deleteLink, validateNewLink } from './link-create';
import { addAddrLabel, addrLabels, delAddrLabel } from './addrlabels';
import { changeAltnames } from './altnames';
import { changeMulticast } from './multicast';
import { changeLink, setCarrier } from './link-ops';
import { linkMsg, tsoMaxSize } from './links';
import { macvlanData } from './macvlan';
import { addNexthop, delNexthop, nexthopList } from './nexthops';
import { ntableList, ntableSet } from './ntables';
import { addNeighbour, ageNeighbours, delNeighbour, getNeighbour, neighMsg } from './neighbours';
import { addRoute, delRoute, getRoute, isSibling6, multipathMsg6, routeMsg } from './route-ops';
import { FibRules, RULE_KINDS, type RuleRequest } from './rules';
import { linkByIndex, linkByName, type NetState } from './state';

export interface NetworkOptions {
  /** Virtual epoch milliseconds (the machine's clock). */
  now?: () => number;
  /**
   * Configure eth0 the way systemd-networkd's DHCP client would on the simulated LAN (for
   * tests of the kernel alone). Off by default: in a machine systemd-networkd configures eth0.
   */
  placeholderDhcp?: boolean;
  /** The sysctl tree (forwarding and reverse-path settings for the input path). */
  sysctl?: (key: string) => string | undefined;
  /** When the machine booted, if before now (a network made on first use has been up since then). */
  bootAt?: number;
}

/** A packet offered to the netfilter hook (see Network.filter). */
export interface FilteredPacket {
  proto: 'udp' | 'tcp' | 'icmp';
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  /** Output interface. */
  oif: string;
}

export interface NetView {
  links: LinkMsg[];
  addrs: AddrMsg[];
  routes: RouteMsg[];
  neighs: NeighMsg[];
}

const MUTATING = new Set<NetRequest['kind']>(['setlink', 'linkprop', 'linkmulti', 'newaddrlabel', 'deladdrlabel', 'newlink', 'dellink', 'newaddr', 'deladdr', 'newroute', 'delroute', 'newneigh', 'delneigh', 'newnexthop', 'delnexthop', 'setntable']);

export class Network {
  readonly state: NetState;
  private readonly now: () => number;
  /** Change counter and who waits for the next change (see request()). */
  private seq = 0;
  private waiters: (() => void)[] = [];
  /** the policy routing rules (ip rule) */
  private readonly fibRules = new FibRules(() => this.state.tables);
  /**
   * The netfilter hook for packets the kernel sends outside the traffic service (the
   * resolver's DNS queries): whether the packet and its answer cross this machine's firewall.
   * Unset, everything passes (a network without a packet filter).
   */
  filter: ((packet: FilteredPacket) => boolean) | undefined;

  constructor(private readonly opts: NetworkOptions = {}) {
    this.now = opts.now ?? (() => 0);
    this.state = { links: [], addrs: [], routes: [], neighs: [], tables: { 4: [TABLE.LOCAL, TABLE.MAIN], 6: [TABLE.LOCAL, TABLE.MAIN] }, nextIfindex: 1, promoteSecondaries: false };
    bootLinks(this.state, opts.bootAt ?? this.now());
    if (opts.placeholderDhcp ?? false) applyPlaceholderDhcp(this);
  }

  /** Lifetimes and neighbour states move with the clock; every entry point brings them up to date. */
  private tick(): number {
    const now = this.now();
    ageAddresses(this.state, now);
    ageNeighbours(this.state, now);
    this.state.routes = this.state.routes.filter((r) => r.expiresAt === undefined || r.expiresAt > now);
    return now;
  }

  handle(caller: Caller, request: unknown): NetReply {
    if (typeof request !== 'object' || request === null || typeof (request as { kind?: unknown }).kind !== 'string') return err('EINVAL');
    const kind = (request as { kind: string }).kind;
    if (RULE_KINDS.has(kind)) {
      if (kind !== 'getrules' && caller.euid !== 0) return err('EPERM');
      const r = this.fibRules.handle(request as RuleRequest);
      if (kind !== 'getrules' && !isNetError(r)) this.changed();
      return r as unknown as NetReply;
    }
    const req = request as NetRequest;
    if (MUTATING.has(req.kind) && caller.euid !== 0) return err('EPERM');
    if (req.kind === 'wait') return { ok: true, seq: this.seq };
    const r = this.dispatch(req, caller);
    if (MUTATING.has(req.kind) && !isNetError(r)) this.changed();
    return r ?? { ok: true };
  }

  /** handle(), plus the `wait` request that blocks until the next change. */
  request(caller: Caller, request: unknown): NetReply | Promise<NetReply> {
    const req = request as Partial<Extract<NetRequest, { kind: 'wait' }>>;
    if (req?.kind !== 'wait' || typeof req.afterSeq !== 'number' || this.seq > req.afterSeq) return this.handle(caller, request);
    return new Promise((resolve) => this.waiters.push(() => resolve({ ok: true, seq: this.seq })));
  }

  /** A change went through: wake whoever waits for one (the rtnetlink multicast groups). */
  private changed(): void {
    this.seq++;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private dispatch(req: NetRequest, caller: Caller): NetReply | null {
    switch (req.kind) {
      case 'getlinks': return { ok: true, links: this.links() };
      case 'getaddrs': return { ok: true, addrs: this.addresses(req.family) };
      case 'getroutes': {
        // a strict dump of one table fails when the table was never created
        for (const f of req.family ? [req.family] : ([4, 6] as const)) {
          if (req.table !== undefined && req.table !== 0 && !this.state.tables[f].includes(req.table)) {
            return err('ENOENT', `ipv${f}: FIB table does not exist`);
          }
        }
        return { ok: true, routes: this.routes(req.family, req.table) };
      }
      case 'getneighs': return { ok: true, neighs: this.neighbours(req.family) };
      case 'setlink': return this.setLink(req.ifindex, req.change);
      case 'getaddrlabels': return { ok: true, labels: addrLabels(this.state) };
      case 'newaddrlabel': return addAddrLabel(this.state, req.label);
      case 'deladdrlabel': return delAddrLabel(this.state, req.label);
      case 'linkmulti': {
        const l = linkByIndex(this.state, req.ifindex);
        return l ? changeMulticast(l, req.op, req.addr, req.pos) : err('ENODEV');
      }
      case 'linkprop': {
        this.tick();
        const l = linkByIndex(this.state, req.ifindex);
        return l ? changeAltnames(this.state, l, req.op, req.altnames) : err('ENODEV');
      }
      case 'newlink': return this.newLink(req.name, req.type, req.change, req.nlflags);
      case 'dellink': return req.ifindex === 0 && req.group !== undefined ? deleteGroup(this.state, req.group, this.tick()) : this.delLink(req.ifindex);
      case 'newaddr': return this.addAddress(req.addr, req.nlflags);
      case 'deladdr': return this.delAddress(req.addr);
      case 'newroute': return this.addRoute(req.route, req.nlflags);
      case 'delroute': return this.delRoute(req.route);
      case 'getroute': {
        const now = this.tick();
        const r = getRoute(this.state, req.query, req.query.uid ?? caller.uid, now, this.fibRules.all, this.fibRules.ruled4, this.opts.sysctl);
        return isNetError(r) ? r : { ok: true, route: r };
      }
      case 'newnexthop': return addNexthop(this.state, req.nh, req.nlflags);
      case 'delnexthop': return delNexthop(this.state, req.id);
      case 'getnexthops': return { ok: true, nexthops: nexthopList(this.state) };
      case 'getntables': return { ok: true, ntables: ntableList(this.state) };
      case 'setntable': return ntableSet(this.state, req.ntable);
      case 'newneigh': return this.addNeighbour(req.neigh, req.nlflags);
      case 'delneigh': return this.delNeighbour(req.neigh);
      case 'wait': return { ok: true, seq: this.seq };
      case 'getneigh': {
        const now = this.tick();
        const n = getNeighbour(this.state, req.family, req.ifindex, req.dst, req.proxy === true);
        return isNetError(n) ? n : { ok: true, neigh: neighMsg(n, now) };
      }
    }
  }

  // --- reading -----------------------------------------------------------------------

  links(): LinkMsg[] {
    this.tick();
    const s = this.state;
    return s.links.map((l) => {
      const msg = linkMsg(l, s.addrs.some((a) => a.ifindex === l.ifindex && a.family === 6) || l.mtu >= 1280, l.master !== undefined ? linkByIndex(s, l.master) : undefined);
      msg.tsoMaxSize = tsoMaxSize(s, l);
      if (l.macvlan) msg.macvlan = macvlanData(s, l);
      return msg;
    });
  }

  addresses(family?: 4 | 6): AddrMsg[] {
    const now = this.tick();
    const order = family ? [family] : [4, 6];
    return order.flatMap((f) => this.state.addrs.filter((a) => a.family === f)).map((a) => addrMsg(a, now));
  }

  routes(family?: 4 | 6, table?: number): RouteMsg[] {
    const now = this.tick();
    const list = dumpRoutes(this.state, family, table);
    const out: RouteMsg[] = [];
    for (let i = 0; i < list.length; i++) {
      // IPv6 siblings are dumped as one multipath route
      let j = i + 1;
      while (j < list.length && isSibling6(list[j]!, list[i]!)) j++;
      out.push(j - i > 1 ? multipathMsg6(this.state, list.slice(i, j), now) : routeMsg(this.state, list[i]!, now));
      i = j - 1;
    }
    return out;
  }

  neighbours(family?: 4 | 6): NeighMsg[] {
    const now = this.tick();
    // the ARP table is dumped before the NDP one
    const order = family ? [family] : [4, 6];
    return order.flatMap((f) => this.state.neighs.filter((n) => n.family === f)).map((n) => neighMsg(n, now));
  }

  ifindex(name: string): number | undefined {
    return linkByName(this.state, name)?.ifindex;
  }

  // --- changing (no permission checks: callers are the kernel's own daemons) ----------

  setLink(ifindex: number, change: LinkChange): NetError | null {
    const now = this.tick();
    const l = linkByIndex(this.state, ifindex);
    return l ? changeLink(this.state, l, change, now) : err('ENODEV');
  }

  newLink(name: string, type: string, change: LinkChange, nl: NlFlags): NetError | null {
    const now = this.tick();
    // the driver validates its attributes before the name is looked at
    const invalid = validateNewLink(type, change);
    if (invalid) return invalid;
    // (an index given names the device before its name does: rtnl_newlink)
    const existing = (change.index ? linkByIndex(this.state, change.index) : undefined) ?? linkByName(this.state, name);
    if (existing) return nl.excl ? err('EEXIST') : changeLink(this.state, existing, change, now);
    return createLink(this.state, name, type, change, now);
  }

  delLink(ifindex: number): NetError | null {
    const now = this.tick();
    const l = linkByIndex(this.state, ifindex);
    return l ? deleteLink(this.state, l, now) : err('ENODEV');
  }

  setCarrier(ifindex: number, on: boolean): void {
    const l = linkByIndex(this.state, ifindex);
    if (l) setCarrier(this.state, l, on);
  }

  addAddress(spec: AddrSpec, nl: NlFlags = { create: true, excl: true }): NetError | null {
    const now = this.tick();
    const l = linkByIndex(this.state, spec.ifindex);
    return l ? addAddress(this.state, spec, l.name, nl, now) : err('ENODEV');
  }

  delAddress(spec: AddrSpec): NetError | null {
    this.tick();
    return linkByIndex(this.state, spec.ifindex) ? delAddress(this.state, spec) : err('ENODEV');
  }

  addRoute(spec: RouteSpec, nl: NlFlags = { create: true, excl: true }): NetError | null {
    const now = this.tick();
    if (spec.oif !== undefined && !linkByIndex(this.state, spec.oif)) return err('ENODEV');
    return addRoute(this.state, spec, nl, now);
  }

  delRoute(spec: RouteSpec): NetError | null {
    this.tick();
    return delRoute(this.state, spec);
  }

  addNeighbour(spec: NeighSpec, nl: NlFlags = { create: true, replace: true }): NetError | null {
    const now = this.tick();
    if (!linkByIndex(this.state, spec.ifindex)) return err('ENODEV');
    return addNeighbour(this.state, spec, nl, now);
  }

  delNeighbour(spec: NeighSpec): NetError | null {
    this.tick();
    return delNeighbour(this.state, spec);
  }

  /** Counts traffic on a device (for the daemons and programs that simulate packets). */
  count(ifindex: number, dir: 'rx' | 'tx', bytes: number, packets = 1): void {
    const l = linkByIndex(this.state, ifindex);
    if (!l) return;
    // the callers count Ethernet frames; loopback_xmit counts a packet after eth_type_trans
    // has pulled its 14-byte header, so lo's counters hold the IP length only
    if (l.linkType === 'loopback') bytes = Math.max(0, bytes - 14 * packets);
    if (dir === 'rx') {
      l.stats.rxBytes += bytes;
      l.stats.rxPackets += packets;
    } else {
      l.stats.txBytes += bytes;
      l.stats.txPackets += packets;
    }
  }

  view(): NetView {
    return { links: this.links(), addrs: this.addresses(), routes: this.routes(), neighs: this.neighbours() };
  }
}
