// The neighbour (ARP and NDP) caches. Entries age from REACHABLE to STALE after the base
// reachable time; a link going down empties its cache. The kernel dumps its hash buckets in
// an order that depends on a random seed; entries here keep the order they were created in.
import { NTF, NUD, type NeighMsg, type NeighSpec, type NetError, type NlFlags } from '../../shared/services/net';
import { formatMac } from '../../shared/services/net-addr';
import { err } from './fib';
import type { Neigh, NetState } from './state';

/** base_reachable_time_ms: 30 s (the kernel randomises between half and one and a half of it). */
const REACHABLE_MS = 30_000;

/** States in which an entry holds a usable link-layer address (NUD_VALID). */
const NUD_VALID = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE | NUD.PROBE | NUD.STALE | NUD.DELAY;

export function ageNeighbours(s: NetState, now: number): void {
  for (const n of s.neighs) {
    if (n.state === NUD.REACHABLE && now - n.confirmed > REACHABLE_MS) n.state = NUD.STALE;
  }
}

export function neighMsg(n: Neigh, now: number): NeighMsg {
  const secs = (t: number): number => Math.max(0, Math.floor((now - t) / 1000));
  const msg: NeighMsg = {
    family: n.family, ifindex: n.ifindex, dst: n.dst, state: n.state, flags: n.flags,
    used: secs(n.used), confirmed: secs(n.confirmed), updated: secs(n.updated), refcnt: 0, probes: 0,
  };
  if (n.lladdr) msg.lladdr = formatMac(n.lladdr);
  if (n.protocol !== undefined) msg.protocol = n.protocol;
  return msg;
}

/** Proxy entries (NTF_PROXY) live in their own table (pneigh) beside the cache. */
function find(s: NetState, family: number, ifindex: number, dst: string, proxy = false): Neigh | undefined {
  return s.neighs.find((n) => n.family === family && n.ifindex === ifindex && n.dst === dst && ((n.flags & NTF.PROXY) !== 0) === proxy);
}

/** RTM_NEWNEIGH (neigh_add / __neigh_update). */
export function addNeighbour(s: NetState, spec: NeighSpec, nl: NlFlags, now: number): NetError | null {
  if (spec.flags & NTF.PROXY) {
    // pneigh_lookup(..., creat): an existing proxy entry is kept as it is
    if (!find(s, spec.family, spec.ifindex, spec.dst, true)) s.neighs.push({ family: spec.family, ifindex: spec.ifindex, dst: spec.dst, state: 0, flags: NTF.PROXY, updated: now, confirmed: now, used: now });
    return null;
  }
  const existing = find(s, spec.family, spec.ifindex, spec.dst);
  if (existing) {
    if (nl.excl) return err('EEXIST');
  } else if (!nl.create) {
    return err('ENOENT');
  }
  if (spec.lladdr && spec.lladdr.length !== 6) return err('EINVAL');
  const lladdr = spec.lladdr ?? existing?.lladdr;
  if (spec.state & NUD_VALID && !lladdr) return err('EINVAL', 'No link layer address given');
  const n: Neigh = existing ?? { family: spec.family, ifindex: spec.ifindex, dst: spec.dst, state: 0, flags: 0, updated: now, confirmed: now, used: now };
  n.state = spec.state;
  n.flags = spec.flags;
  if (lladdr) n.lladdr = [...lladdr];
  if (spec.protocol !== undefined) n.protocol = spec.protocol;
  n.updated = now;
  n.confirmed = now;
  if (!existing) s.neighs.push(n);
  return null;
}

export function delNeighbour(s: NetState, spec: NeighSpec): NetError | null {
  const n = find(s, spec.family, spec.ifindex, spec.dst, (spec.flags & NTF.PROXY) !== 0);
  if (!n) return err('ENOENT');
  s.neighs.splice(s.neighs.indexOf(n), 1);
  return null;
}

export function getNeighbour(s: NetState, family: number, ifindex: number, dst: string): Neigh | NetError {
  return find(s, family, ifindex, dst) ?? err('ENOENT', 'Neighbour entry not found');
}

/** neigh_ifdown: a device going down loses every entry, permanent ones included. */
export function flushDeviceNeighbours(s: NetState, ifindex: number): void {
  s.neighs = s.neighs.filter((n) => n.ifindex !== ifindex);
}
