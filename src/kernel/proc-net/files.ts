// The files of /proc/<pid>/net, generated from the network and socket services as the
// namespace of process `p` sees them, in Linux 6.1's layouts (net/core/net-procfs.c,
// net/ipv4/{arp,fib_trie,proc,tcp_ipv4,udp}.c, net/ipv6/{addrconf,ip6_fib,datagram}.c).
// Loaded on first open (proc-net-load.ts).
import type { Kernel } from '../kernel';
import type { Process } from '../process';
import type { AddrMsg, LinkMsg, NeighMsg, NetReply, RouteMsg } from '../../shared/services/net';
import type { SocketInfo, SocketReply } from '../../shared/services/sockets';
import type { Caller } from '../../shared/sys';
import { arpFile, devFile, ifInet6File, ipv6RouteFile, routeFile } from './routing';
import { tcpFile, udpFile, unixFile } from './sockets';
import { netstatFile, snmpFile, sockstatFile } from './snmp';
import { FibTries } from './fib-trie';

/** What the generators read: the namespace's links, addresses, routes, neighbours and sockets. */
export interface NetSource {
  links(): LinkMsg[];
  addrs(family: 4 | 6): AddrMsg[];
  routes(family: 4 | 6): RouteMsg[];
  neighs(family: 4 | 6): NeighMsg[];
  sockets(): SocketInfo[];
  sysctl(key: string): string | undefined;
  /** The local table still shares main's trie (no IPv4 policy rule was ever changed). */
  tablesMerged(): boolean;
}

function source(k: Kernel, p: Process): NetSource {
  const c = p.cred;
  const caller: Caller = { pid: p.pid, uid: c.uid, euid: c.euid, gid: c.gid, egid: c.egid, groups: c.groups, netns: p.netns };
  // the dumps are answered at once (only route lookups may wait for code: not asked here)
  const ask = (service: string, req: object): unknown => {
    const r = k.services.get(service)?.(caller, req);
    return r instanceof Promise ? undefined : r;
  };
  const net = (req: object): NetReply | undefined => ask('net', req) as NetReply | undefined;
  return {
    links: () => {
      const r = net({ kind: 'getlinks' });
      return r && 'links' in r ? r.links : [];
    },
    addrs: (family) => {
      const r = net({ kind: 'getaddrs', family });
      return r && 'addrs' in r ? r.addrs : [];
    },
    routes: (family) => {
      const r = net({ kind: 'getroutes', family });
      return r && 'routes' in r ? r.routes : [];
    },
    neighs: (family) => {
      const r = net({ kind: 'getneighs', family });
      return r && 'neighs' in r ? r.neighs : [];
    },
    sockets: () => {
      const r = ask('sockets', { kind: 'list' }) as SocketReply | undefined;
      return r?.kind === 'list' ? r.sockets : [];
    },
    sysctl: (key) => k.sysctl.get(key),
    tablesMerged: () => {
      const r = ask('net', { kind: 'getrules', family: 4 }) as { unmerged?: boolean } | undefined;
      return !r?.unmerged;
    },
  };
}

/**
 * Each machine's tries, created on the first read of fib_trie and from then on brought up to
 * date after every change of the routing state (the net service's `wait`), so that their
 * shapes follow the history of changes as the kernel's do.
 */
const tries = new WeakMap<Kernel, FibTries>();

function fibTrie(k: Kernel, s: NetSource): string {
  let t = tries.get(k);
  if (!t) {
    const created = new FibTries();
    t = created;
    tries.set(k, created);
    created.sync(s.routes(4), s.tablesMerged());
    const handler = k.services.get('net');
    const caller: Caller = { pid: 1, uid: 0, euid: 0, gid: 0, egid: 0, groups: [] };
    const follow = async (seq: number): Promise<void> => {
      for (;;) {
        const r = (await handler?.(caller, { kind: 'wait', afterSeq: seq })) as { seq?: number } | undefined;
        if (typeof r?.seq !== 'number') return;
        seq = r.seq;
        created.sync(s.routes(4), s.tablesMerged());
      }
    };
    const first = handler?.(caller, { kind: 'wait' }) as { seq?: number } | undefined;
    if (typeof first?.seq === 'number') void follow(first.seq);
  }
  return t.text();
}

const FILES: Record<string, (s: NetSource) => string> = {
  arp: arpFile,
  dev: devFile,

  if_inet6: ifInet6File,
  ipv6_route: ipv6RouteFile,
  netstat: netstatFile,
  route: routeFile,
  snmp: snmpFile,
  sockstat: sockstatFile,
  tcp: (s) => tcpFile(s, 4),
  tcp6: (s) => tcpFile(s, 6),
  udp: (s) => udpFile(s, 4),
  udp6: (s) => udpFile(s, 6),
  unix: unixFile,
};

export function procNetFile(k: Kernel, name: string, p: Process): string {
  if (name === 'fib_trie') return fibTrie(k, source(k, p));
  const gen = FILES[name];
  return gen ? gen(source(k, p)) : '';
}
