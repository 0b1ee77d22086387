// Protocol names and numbers as iptables resolves them: its own table first (xtables_chain_protos),
// then /etc/protocols (getprotobyname/getprotobynumber).
import { paramError } from './errors';
import type { NetDb } from './netdb';
import { strtouiWhole } from './strtoul';

const CHAIN_PROTOS: readonly [string, number][] = [
  ['tcp', 6],
  ['sctp', 132],
  ['udp', 17],
  ['udplite', 136],
  ['icmp', 1],
  ['ipv6-icmp', 58],
  ['icmpv6', 58],
  ['esp', 50],
  ['ah', 51],
  ['mobility-header', 135],
  ['ipv6-mh', 135],
  ['mh', 135],
  ['all', 0],
];

/** xtables_parse_protocol */
export function parseProtocol(s: string, db: NetDb): number {
  const n = strtouiWhole(s, 0, 255);
  if (n !== null) return n;
  const own = CHAIN_PROTOS.find(([name]) => name === s);
  if (own) return own[1];
  const p = db.protoByName(s);
  if (p !== undefined) return p;
  throw paramError(`unknown protocol "${s}" specified`);
}

/** proto_to_name: iptables' table, then (unless numeric) /etc/protocols for non-zero numbers. */
export function protoName(num: number, nolookup: boolean, db: NetDb): string | undefined {
  const own = CHAIN_PROTOS.find(([, n]) => n === num);
  if (own) return own[0];
  if (num !== 0 && !nolookup) return db.protoByNumber(num);
  return undefined;
}
