// networkd's rtnetlink socket: typed wrappers over the 'net' service, and the text networkd logs
// for a failed request ("MESSAGE: EXTACK. STRERROR", log_link_message_full_errno()).
import { strerror } from '../../../shared/errno';
import type { AddrMsg, AddrSpec, LinkChange, LinkMsg, NetError, NetReply, NetRequest, RouteMsg, RouteSpec } from '../../../shared/services/net';
import { isNetError } from '../../../shared/services/net';
import type { Sys } from '../../../shared/sys';

export class Netlink {
  constructor(private readonly sys: Sys) {}

  async call(req: NetRequest): Promise<NetReply> {
    return (await this.sys.call('net', req)) as NetReply;
  }

  async links(): Promise<LinkMsg[]> {
    const r = await this.call({ kind: 'getlinks' });
    return 'links' in r ? r.links : [];
  }

  async addrs(): Promise<AddrMsg[]> {
    const r = await this.call({ kind: 'getaddrs' });
    return 'addrs' in r ? r.addrs : [];
  }

  async routes(): Promise<RouteMsg[]> {
    const r = await this.call({ kind: 'getroutes' });
    return 'routes' in r ? r.routes : [];
  }

  async setLink(ifindex: number, change: LinkChange): Promise<NetError | undefined> {
    return failure(await this.call({ kind: 'setlink', ifindex, change }));
  }

  async addAddr(addr: AddrSpec): Promise<NetError | undefined> {
    return failure(await this.call({ kind: 'newaddr', nlflags: { create: true, replace: true }, addr }));
  }

  async delAddr(addr: AddrSpec): Promise<NetError | undefined> {
    return failure(await this.call({ kind: 'deladdr', addr }));
  }

  async addRoute(route: RouteSpec): Promise<NetError | undefined> {
    return failure(await this.call({ kind: 'newroute', nlflags: { create: true, replace: true }, route }));
  }

  async delRoute(route: RouteSpec): Promise<NetError | undefined> {
    return failure(await this.call({ kind: 'delroute', route }));
  }

  /** Waits for the next change after `seq` (the rtnetlink multicast groups); returns the new number. */
  async wait(seq: number): Promise<number> {
    const r = await this.call({ kind: 'wait', afterSeq: seq });
    return 'seq' in r ? r.seq : seq;
  }
}

function failure(r: NetReply): NetError | undefined {
  return isNetError(r) ? r : undefined;
}

/** "MSG: EXTACK. STRERROR" as networkd logs a refused netlink request. */
export function netlinkError(message: string, e: NetError): string {
  const ext = e.msg ? `${e.msg}${e.msg.endsWith('.') ? '' : '.'} ` : '';
  return `${message}: ${ext}${strerror(e.errno)}`;
}

/** The route spec that deletes `r` (what `ip route del` would send for it). */
export function routeSpecOf(r: RouteMsg): RouteSpec {
  return {
    family: r.family, table: r.table, type: r.type, protocol: r.protocol, scope: r.scope, tos: r.tos, flags: 0,
    dst: r.dst, dstLen: r.dstLen, gateway: r.gateway, oif: r.oif, priority: r.priority,
  };
}
