// A DNS query sent to one server of the simulated world: the server must be reachable (see
// reach.ts) and run a DNS service; the LAN's router answers for the lab's names and the
// internet's, public resolvers only for the internet's. Times are the round trips of world.ts.
import { parseIPv4 } from '../../shared/services/net-addr';
import { hostByAddress, lookupName, type RemoteHost } from '../lan/world';
import type { Network } from '../net/network';
import { reachHost } from './reach';
import { serverAddress } from './files';

/** How long a resolver waits for a server that does not answer before giving up on it. */
export const QUERY_TIMEOUT_MS = 5000;

export type ServerAnswer =
  | { kind: 'found'; host: RemoteHost; rttUs: number; ifindex: number }
  | { kind: 'nxdomain'; rttUs: number }
  /** Sent, but no answer came (resolvers wait QUERY_TIMEOUT_MS for it). */
  | { kind: 'timeout' }
  /** Not sent: no route to the server (the failure is immediate). */
  | { kind: 'unreachable' };

/** Sends a query for `name` to `server` (an address, optionally with `#tls-name`). */
export function queryServer(net: Network, server: string, name: string): ServerAnswer {
  const address = serverAddress(server);
  if (!parseIPv4(address)) return { kind: 'unreachable' }; // the simulated world has no IPv6 routes
  const reach = reachHost(net, address, { proto: 'udp', sport: 53000, dport: 53 });
  if (reach === 'no-route') return { kind: 'unreachable' };
  if (reach === 'lost' || !reach.host.services.some((s) => s.proto === 'udp' && s.port === 53)) return { kind: 'timeout' };
  const server_ = reach.host;
  const target = lookupName(name);
  // a public resolver knows nothing of the lab's private zone
  const known = target && (server_.where === 'lan' || target.where === 'internet');
  // the router forwards what it does not serve itself: one more round trip upstream
  const forwarded = server_.where === 'lan' && (!target || target.where === 'internet') ? 20 : 0;
  const rttUs = Math.round((2 * server_.rttMs + forwarded + 0.6) * 1000);
  if (!known) return { kind: 'nxdomain', rttUs };
  return { kind: 'found', host: target, rttUs, ifindex: reach.ifindex };
}

/** A PTR query for `address` sent to `server`: the world's hosts have reverse records. */
export function queryServerReverse(net: Network, server: string, address: string): ServerAnswer {
  const via = serverAddress(server);
  if (!parseIPv4(via)) return { kind: 'unreachable' };
  const reach = reachHost(net, via, { proto: 'udp', sport: 53000, dport: 53 });
  if (reach === 'no-route') return { kind: 'unreachable' };
  if (reach === 'lost' || !reach.host.services.some((s) => s.proto === 'udp' && s.port === 53)) return { kind: 'timeout' };
  const target = hostByAddress(address);
  const known = target && (reach.host.where === 'lan' || target.where === 'internet');
  const rttUs = Math.round((2 * reach.host.rttMs + 0.6) * 1000);
  return known ? { kind: 'found', host: target, rttUs, ifindex: reach.ifindex } : { kind: 'nxdomain', rttUs };
}
