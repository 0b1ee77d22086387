// The neighbour tables' settings (`ip ntable`, neightbl_dump_info / neightbl_set): ARP's
// arp_cache and IPv6's ndisc_cache, each with its garbage-collection thresholds and default
// parameters, and a set of parameters per device (newest device first, as the kernel lists them).
import type { NetError, NtableMsg, NtableParms, NtableSpec } from '../../shared/services/net';
import { err } from './fib';
import { ipv6Enabled } from './kernel-routes';
import type { NetState } from './state';

const NAMES = { 4: 'arp_cache', 6: 'ndisc_cache' } as const;

function defaults(family: 4 | 6): NtableParms {
  return {
    baseReachable: 30000, retrans: 1000, gcStale: 60000, delayProbe: 5000, queue: 101, appProbes: 0, ucastProbes: 3,
    mcastProbes: 3, anycastDelay: 1000, proxyDelay: 800, proxyQueue: 64, locktime: family === 4 ? 1000 : 0,
  };
}

interface Table {
  thresh: [number, number, number];
  gcInt: number;
  parms: Map<number, NtableParms>;
}

function table(s: NetState, family: 4 | 6): Table {
  s.ntables ??= {};
  return (s.ntables[family] ??= { thresh: [128, 512, 1024], gcInt: 30000, parms: new Map() });
}

function parmsOf(s: NetState, family: 4 | 6, ifindex: number): NtableParms {
  const t = table(s, family);
  let p = t.parms.get(ifindex);
  if (!p) {
    // a device's parameters start as a copy of the table's defaults
    p = { ...(ifindex ? parmsOf(s, family, 0) : defaults(family)) };
    t.parms.set(ifindex, p);
  }
  return p;
}

/** neigh_rand_reach_time: a time between half and one and a half of the base (fixed per entry here). */
function reachable(family: number, ifindex: number, base: number): number {
  let h = 2166136261 ^ (family * 131 + ifindex * 7919 + base);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return base ? Math.floor(base / 2) + ((h ^ (h >>> 16)) >>> 0) % base : 0;
}

/** RTM_GETNEIGHTBL: each table, then its devices' parameters, newest device first. */
export function ntableList(s: NetState): NtableMsg[] {
  const out: NtableMsg[] = [];
  for (const family of [4, 6] as const) {
    const t = table(s, family);
    const name = NAMES[family];
    const top = parmsOf(s, family, 0);
    out.push({ family, name, thresh: [...t.thresh], gcInt: t.gcInt, parms: { ...top }, reachable: reachable(family, 0, top.baseReachable) });
    const links = s.links.filter((l) => family === 4 || ipv6Enabled(l)).sort((a, b) => b.ifindex - a.ifindex);
    for (const l of links) {
      const p = parmsOf(s, family, l.ifindex);
      out.push({ family, name, ifindex: l.ifindex, parms: { ...p }, reachable: reachable(family, l.ifindex, p.baseReachable) });
    }
  }
  return out;
}

/** RTM_SETNEIGHTBL. */
export function ntableSet(s: NetState, spec: NtableSpec): NetError | null {
  const family = spec.name === NAMES[4] ? 4 : spec.name === NAMES[6] ? 6 : 0;
  if (!family || (spec.family && spec.family !== family)) return err('ENOENT');
  if (spec.ifindex && !s.links.some((l) => l.ifindex === spec.ifindex && (family === 4 || ipv6Enabled(l)))) return err('ENOENT');
  const t = table(s, family);
  spec.thresh?.forEach((v, i) => {
    if (v !== undefined) t.thresh[i] = v;
  });
  if (spec.gcInt !== undefined) t.gcInt = spec.gcInt;
  Object.assign(parmsOf(s, family, spec.ifindex ?? 0), spec.parms ?? {});
  return null;
}
