// Routing tables: where a route goes in its table, what "exists" means for add/replace/append
// (fib_table_insert and fib6_add_rt2node), which route a delete removes (fib_table_delete),
// and longest-prefix lookups. IPv4 tables dump in trie key order (longer prefixes of one key
// first); IPv6 tables in the fib6 walker's order (more specific prefixes before the ones
// that contain them, so the default route comes last).
import { RTN, RTNH_F, SCOPE, TABLE, type NetError, type NlFlags } from '../../shared/services/net';
import { bitLen, compareAddr, parseAddr, samePrefix, type Family, type IpAddr } from '../../shared/services/net-addr';
import type { NetState, Route } from './state';

export function err(errno: NetError['errno'], msg?: string): NetError {
  return msg === undefined ? { ok: false, errno } : { ok: false, errno, msg };
}

function addrOf(text: string): IpAddr {
  const a = parseAddr(text);
  if (!a) throw new Error(`bad address in routing table: ${text}`);
  return a;
}

/** Position order of two routes of one table (0 when they share dst, length, tos and metric). */
export function routeOrder(a: Route, b: Route): number {
  const da = addrOf(a.dst);
  const db = addrOf(b.dst);
  if (a.family === 4) {
    const c = compareAddr(da, db);
    if (c !== 0) return c;
    if (a.dstLen !== b.dstLen) return b.dstLen - a.dstLen;
  } else {
    const common = Math.min(a.dstLen, b.dstLen);
    if (!samePrefix(da, db, common)) return compareAddr(da, db);
    if (a.dstLen !== b.dstLen) return b.dstLen - a.dstLen;
  }
  if (a.tos !== b.tos) return b.tos - a.tos;
  return a.priority - b.priority;
}

/** Table order of a full dump: the kernel walks its table hash (id mod 256) in bucket order. */
export function tableOrder(a: number, b: number): number {
  return (a & 255) - (b & 255) || a - b;
}

function sameMetrics(a: Route, b: Route): boolean {
  const ka = Object.entries(a.metrics ?? {});
  const kb = Object.entries(b.metrics ?? {});
  return ka.length === kb.length && ka.every(([k, v]) => b.metrics?.[Number(k)] === v) && (a.metricLocks ?? 0) === (b.metricLocks ?? 0);
}

function sameNexthops(a: Route, b: Route): boolean {
  const x = a.nexthops ?? [];
  const y = b.nexthops ?? [];
  return x.length === y.length && x.every((h, i) => h.gateway === y[i]!.gateway && h.oif === y[i]!.oif && h.weight === y[i]!.weight && h.flags === y[i]!.flags);
}

/** fib_info equality: the same origin, scope, source, metric and next hop(s). */
export function sameInfo(a: Route, b: Route): boolean {
  return a.protocol === b.protocol && a.scope === b.scope && a.prefsrc === b.prefsrc && a.priority === b.priority &&
    a.gateway === b.gateway && a.oif === b.oif && (a.flags & RTNH_F.ONLINK) === (b.flags & RTNH_F.ONLINK) &&
    a.pref === b.pref && sameMetrics(a, b) && sameNexthops(a, b);
}

function sameSlot(a: Route, b: Route): boolean {
  return a.family === b.family && a.table === b.table && a.dst === b.dst && a.dstLen === b.dstLen && a.tos === b.tos;
}

/** fib_new_table: a table exists from the first request that names it. */
export function ensureTable(s: NetState, family: Family, table: number): void {
  if (!s.tables[family].includes(table)) s.tables[family].push(table);
}

/** Index at which `r` goes: before the first route ordered after it (or after its equals when appending). */
function insertIndex(s: NetState, r: Route, afterEquals: boolean): number {
  let last = -1;
  for (let i = 0; i < s.routes.length; i++) {
    const o = s.routes[i]!;
    if (o.family !== r.family || o.table !== r.table) continue;
    const c = routeOrder(r, o);
    if (c < 0 || (c === 0 && !afterEquals)) return i;
    last = i;
  }
  return last + 1;
}

/** RTM_NEWROUTE. Returns null on success. */
export function insertRoute(s: NetState, r: Route, nl: NlFlags): NetError | null {
  const slot = s.routes.filter((o) => sameSlot(o, r));
  const samePrio = slot.filter((o) => o.priority === r.priority);
  if (samePrio.length > 0) {
    if (nl.excl) return err('EEXIST');
    const match = samePrio.find((o) => o.type === r.type && sameInfo(o, r));
    if (nl.replace) {
      // IPv4: an identical route already first in line is success, elsewhere a duplicate;
      // IPv6 puts the new route (its expiry, metrics) in the old one's place all the same
      if (match && r.family === 4) return match === samePrio[0] ? null : err('EEXIST');
      const i = s.routes.indexOf(samePrio[0]!);
      s.routes[i] = r;
      // IPv6 replaces an ECMP route with all its siblings (fib6_add_rt2node purges them)
      if (r.family === 6 && samePrio[0]!.gateway !== undefined) {
        const siblings = new Set(samePrio.slice(1).filter((o) => o.gateway !== undefined));
        s.routes = s.routes.filter((o) => !siblings.has(o));
      }
      return null;
    }
    if (match) return err('EEXIST');
    if (!nl.create) return err('ENOENT');
    // IPv6 keeps one list per prefix: a new route goes after those of its metric (fib6_add_rt2node)
    const after = nl.append || r.family === 6;
    const anchor = after ? samePrio[samePrio.length - 1]! : samePrio[0]!;
    const at = s.routes.indexOf(anchor);
    s.routes.splice(after ? at + 1 : at, 0, r);
    ensureTable(s, r.family, r.table);
    return null;
  }
  if (!nl.create) {
    // fib6_add_1: a replace finding no node for the prefix says so; one finding the prefix with
    // other metrics only fails
    if (r.family === 6 && nl.replace && slot.length === 0) return err('ENOENT', 'Can not replace route - no match found');
    return err('ENOENT');
  }
  s.routes.splice(insertIndex(s, r, true), 0, r);
  ensureTable(s, r.family, r.table);
  return null;
}

export interface RouteMatch {
  family: Family;
  table: number;
  dst: string;
  dstLen: number;
  tos: number;
  type: number;
  protocol: number;
  scope: number;
  gateway?: string;
  oif?: number;
  prefsrc?: string;
  priority?: number;
  multipath?: { gateway?: string; oif?: number }[];
}

/** fib_nh_match for the next hops of a request: each of the route's, in order, agrees. */
function nexthopsMatch(r: Route, m: RouteMatch): boolean {
  const hops = r.nexthops ?? [{ gateway: r.gateway, oif: r.oif ?? 0 }];
  if (m.gateway !== undefined || m.oif !== undefined) {
    const first = hops[0]!;
    return (m.oif === undefined || first.oif === m.oif) && (m.gateway === undefined || first.gateway === m.gateway);
  }
  if (!m.multipath) return true;
  return hops.every((h, i) => {
    const want = m.multipath![i];
    return want !== undefined && (!want.oif || want.oif === h.oif) && (want.gateway === undefined || want.gateway === h.gateway);
  });
}

/** The first route a delete request names: every attribute the request gives must agree. */
export function findForDelete(s: NetState, m: RouteMatch): Route | undefined {
  if (m.family === 4) {
    return s.routes.find((r) =>
      r.family === 4 && r.table === m.table && r.dst === m.dst && r.dstLen === m.dstLen && r.tos === m.tos &&
      (m.type === RTN.UNSPEC || r.type === m.type) &&
      (m.scope === SCOPE.NOWHERE || r.scope === m.scope) &&
      (m.protocol === 0 || r.protocol === m.protocol) &&
      (m.prefsrc === undefined || r.prefsrc === m.prefsrc) &&
      (m.priority === undefined || m.priority === 0 || r.priority === m.priority) &&
      nexthopsMatch(r, m));
  }
  return s.routes.find((r) =>
    r.family === m.family && r.table === m.table && r.dst === m.dst && r.dstLen === m.dstLen && r.tos === m.tos &&
    (m.type === RTN.UNSPEC || r.type === m.type) &&
    (m.scope === SCOPE.NOWHERE || r.scope === m.scope) &&
    (m.protocol === 0 || r.protocol === m.protocol) &&
    (m.prefsrc === undefined || r.prefsrc === m.prefsrc) &&
    (m.priority === undefined || m.priority === 0 || r.priority === m.priority) &&
    (m.oif === undefined || r.oif === m.oif) &&
    (m.gateway === undefined || r.gateway === m.gateway));
}

export function removeRoute(s: NetState, r: Route): void {
  const i = s.routes.indexOf(r);
  if (i >= 0) s.routes.splice(i, 1);
}

/** Routes of one family (and table) in dump order. */
export function dumpRoutes(s: NetState, family: Family | undefined, table: number | undefined): Route[] {
  const fams: Family[] = family ? [family] : [4, 6];
  const out: Route[] = [];
  for (const f of fams) {
    const tables = [...new Set(s.routes.filter((r) => r.family === f).map((r) => r.table))].sort(tableOrder);
    for (const t of tables) {
      if (table !== undefined && table !== t) continue;
      out.push(...s.routes.filter((r) => r.family === f && r.table === t));
    }
  }
  return out;
}

export interface LookupOptions {
  oif?: number;
  /** Routes whose scope is narrower than this one are not candidates (fib lookups by scope). */
  minScope?: number;
  /** Only this table (a gateway check in a named table); otherwise the policy order. */
  table?: number;
}

/** The policy order of tables: local and main (merged in the IPv4 trie), then default. */
function lookupTables(family: Family, opts: LookupOptions): number[][] {
  if (opts.table !== undefined) return [[opts.table]];
  return family === 4 ? [[TABLE.LOCAL, TABLE.MAIN], [TABLE.DEFAULT]] : [[TABLE.LOCAL], [TABLE.MAIN], [TABLE.DEFAULT]];
}

const ERROR_TYPES = new Set<number>([RTN.UNREACHABLE, RTN.PROHIBIT, RTN.BLACKHOLE, RTN.THROW]);

/** Longest-prefix match. A route of an error type answers whatever the next hop constraints. */
export function lookup(s: NetState, dst: IpAddr, opts: LookupOptions = {}): Route | undefined {
  for (const tables of lookupTables(dst.family, opts)) {
    const candidates = s.routes
      .filter((r) => r.family === dst.family && tables.includes(r.table) && samePrefix(addrOf(r.dst), dst, r.dstLen))
      .sort((a, b) => b.dstLen - a.dstLen);
    for (const r of candidates) {
      if (r.scope < (opts.minScope ?? 0)) continue;
      if (ERROR_TYPES.has(r.type)) {
        if (r.type === RTN.THROW) break;
        return r;
      }
      if (opts.oif !== undefined && r.oif !== opts.oif && !r.nexthops?.some((h) => h.oif === opts.oif)) continue;
      return r;
    }
  }
  return undefined;
}

export function isErrorType(type: number): boolean {
  return ERROR_TYPES.has(type);
}

/** fib_valid_key_len: the bits past the prefix length must be zero. */
export function prefixIsMasked(dst: string, len: number, family: Family): boolean {
  const a = addrOf(dst);
  return len <= bitLen(family) && samePrefix(a, a, len) && a.bytes.every((b, i) => {
    const keep = Math.max(0, Math.min(8, len - i * 8));
    return (b & (0xff >> keep)) === 0;
  });
}
