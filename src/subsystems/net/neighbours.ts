// The neighbour (ARP and NDP) caches. Entries age from REACHABLE to STALE after the base
// reachable time; a link going down empties its cache. The kernel dumps its hash buckets in
// an order that depends on a random seed; entries here keep the order they were created in.
import { IFF, NTF, NUD, type NeighMsg, type NeighSpec, type NetError, type NlFlags } from '../../shared/services/net';
import { formatMac, isIPv4Multicast, parseAddr } from '../../shared/services/net-addr';
import { err } from './fib';
import { ipv6Enabled } from './kernel-routes';
import { linkByIndex, type Link, type Neigh, type NetState } from './state';

/** base_reachable_time_ms: 30 s (the kernel randomises between half and one and a half of it). */
const REACHABLE_MS = 30_000;
/** delay_first_probe_time: 5 s. */
const DELAY_PROBE_MS = 5_000;
/** retrans_time: 1 s between probes; ucast_probes: 3 before an entry in PROBE fails. */
const RETRANS_MS = 1_000;
const UCAST_PROBES = 3;

/** States in which an entry holds a usable link-layer address (NUD_VALID). */
const NUD_VALID = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE | NUD.PROBE | NUD.STALE | NUD.DELAY;
/** States that count as confirmed (NUD_CONNECTED). */
const NUD_CONNECTED = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE;
/** States with a running timer, which holds a reference (NUD_IN_TIMER, less INCOMPLETE set by hand). */
const NUD_TIMER = NUD.REACHABLE | NUD.DELAY | NUD.PROBE;

/**
 * arp_constructor / ndisc_constructor: the address a new entry starts with (in state NOARP)
 * where none has to be learnt: the device's own on the loopback or a device without ARP, the
 * mapped group address for a multicast destination, the broadcast address on an IPv4
 * point-to-point device. Undefined where the entry has to learn one.
 */
function constructed(dev: Link | undefined, family: number, dst: string): number[] | undefined {
  if (!dev || dev.mac.length === 0) return undefined;
  if (dev.linkType === 'loopback' || dev.flags & IFF.NOARP) return [...dev.mac];
  const a = parseAddr(dst);
  if (a && family === 4 && isIPv4Multicast(a)) return [0x01, 0x00, 0x5e, a.bytes[1]! & 0x7f, a.bytes[2]!, a.bytes[3]!];
  if (a && family === 6 && a.bytes[0] === 0xff) return [0x33, 0x33, ...a.bytes.slice(12)];
  if (family === 4 && dev.flags & IFF.POINTOPOINT) return [...dev.brd];
  return undefined;
}

/** Enters PROBE at `at`: a probe goes out at once and then every retrans_time. */
function startProbe(n: Neigh, at: number): void {
  n.state = NUD.PROBE;
  n.updated = at;
  n.probeStart = at;
  n.probes = 1;
}

/** neigh_timer_handler, run for the time that passed. */
function runTimer(n: Neigh, now: number): void {
  if (n.state === NUD.REACHABLE && now - n.confirmed > REACHABLE_MS) {
    const at = n.confirmed + REACHABLE_MS;
    if (at <= n.used + DELAY_PROBE_MS) {
      n.state = NUD.DELAY;
      n.updated = at;
    } else {
      n.state = NUD.STALE;
      n.updated = at;
    }
  }
  if (n.state === NUD.DELAY && now >= n.updated + DELAY_PROBE_MS) {
    // no confirmation came during the delay: probing starts
    const at = n.updated + DELAY_PROBE_MS;
    if (at <= n.confirmed + DELAY_PROBE_MS) {
      n.state = NUD.REACHABLE;
      n.updated = at;
    } else {
      startProbe(n, at);
    }
  }
  if (n.state === NUD.PROBE && n.probeStart !== undefined) {
    const sent = Math.floor((now - n.probeStart) / RETRANS_MS);
    if (sent >= UCAST_PROBES) {
      n.state = NUD.FAILED;
      n.updated = n.probeStart + UCAST_PROBES * RETRANS_MS;
      n.probes = UCAST_PROBES;
      delete n.probeStart;
    } else {
      n.probes = sent + 1;
    }
  }
}

export function ageNeighbours(s: NetState, now: number): void {
  for (const n of s.neighs) runTimer(n, now);
}

export function neighMsg(n: Neigh, now: number): NeighMsg {
  const secs = (t: number): number => Math.max(0, Math.floor((now - t) / 1000));
  const msg: NeighMsg = {
    family: n.family, ifindex: n.ifindex, dst: n.dst, state: n.state, flags: n.flags,
    used: secs(n.used), confirmed: secs(n.confirmed), updated: secs(n.updated),
    refcnt: n.state & NUD_TIMER ? 1 : 0, probes: n.probes ?? 0,
  };
  // an entry without a valid state reports no link-layer address
  if (n.lladdr && n.state & NUD_VALID) msg.lladdr = formatMac(n.lladdr);
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
  // ndisc_allow_add: a device whose MTU turned IPv6 off takes no IPv6 neighbours
  const dev = linkByIndex(s, spec.ifindex);
  if (spec.family === 6 && dev && !ipv6Enabled(dev)) return err('EINVAL', 'IPv6 is disabled on this device');
  // a shorter address than the device's is refused; a longer one is cut to its length
  if (spec.lladdr && spec.lladdr.length < 6) return err('EINVAL', 'Invalid link address');
  const found = find(s, spec.family, spec.ifindex, spec.dst);
  if (found) {
    if (nl.excl) return err('EEXIST');
  } else if (!nl.create) {
    return err('ENOENT');
  }
  // arp_constructor: on a loopback or point-to-point device an entry's key becomes 0.0.0.0,
  // so the device has one entry, which a new one for any address turns out to be
  const key = spec.family === 4 && dev && (dev.linkType === 'loopback' || dev.flags & IFF.POINTOPOINT) ? '0.0.0.0' : spec.dst;
  const existing = found ?? (key !== spec.dst ? find(s, spec.family, spec.ifindex, key) : undefined);
  const lladdr = spec.lladdr?.slice(0, 6) ?? (existing ? (existing.state & NUD_VALID ? existing.lladdr : undefined) : constructed(dev, spec.family, key));
  if (spec.state & NUD_VALID && !lladdr) {
    // neigh_add has created the entry before __neigh_update refuses: it stays, in state NONE
    if (!existing) s.neighs.push({ family: spec.family, ifindex: spec.ifindex, dst: key, state: NUD.NONE, flags: 0, updated: now, confirmed: now, used: now });
    return err('EINVAL', 'No link layer address given');
  }
  // a new entry counts as confirmed two reachable times ago (neigh_alloc)
  const n: Neigh = existing ?? { family: spec.family, ifindex: spec.ifindex, dst: key, state: 0, flags: 0, updated: now, confirmed: now - 2 * REACHABLE_MS, used: now };
  n.flags = spec.flags;
  if (lladdr) n.lladdr = [...lladdr];
  if (spec.protocol !== undefined) n.protocol = spec.protocol;
  if (!existing) s.neighs.push(n);
  delete n.probeStart;
  if (!(spec.state & NUD_VALID)) {
    // __neigh_update: an invalid state stops the timer and keeps the timestamps
    n.state = spec.state;
    return null;
  }
  n.updated = now;
  if (spec.state & NUD_CONNECTED) n.confirmed = now;
  n.state = spec.state;
  if (spec.state === NUD.PROBE) startProbe(n, now);
  else if (spec.state === NUD.DELAY) {
    // the timer fires at once: a recent confirmation makes it REACHABLE, else it probes
    if (now <= n.confirmed + DELAY_PROBE_MS) n.state = NUD.REACHABLE;
    else startProbe(n, now);
  }
  return null;
}

export function delNeighbour(s: NetState, spec: NeighSpec): NetError | null {
  const n = find(s, spec.family, spec.ifindex, spec.dst, (spec.flags & NTF.PROXY) !== 0);
  if (!n) return err('ENOENT');
  s.neighs.splice(s.neighs.indexOf(n), 1);
  return null;
}

export function getNeighbour(s: NetState, family: number, ifindex: number, dst: string, proxy = false): Neigh | NetError {
  return find(s, family, ifindex, dst, proxy) ?? err('ENOENT', proxy ? 'Proxy neighbour entry not found' : 'Neighbour entry not found');
}

/** neigh_ifdown: a device going down loses every entry, permanent ones included. */
export function flushDeviceNeighbours(s: NetState, ifindex: number): void {
  s.neighs = s.neighs.filter((n) => n.ifindex !== ifindex);
}
