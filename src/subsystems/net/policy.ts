// Route lookups through the policy rules (fib_rules_lookup): once an administrator has added
// rules, each matching rule in priority order names a table to look in (or refuses, jumps, or
// does nothing); the first table with a usable route answers. With only the boot-time rules
// the kernel keeps its merged local+main lookup (fib.ts lookup), which this leaves alone.
import { RTN, TABLE, type NetError } from '../../shared/services/net';
import { parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';
import { err, lookup } from './fib';
import { linkByIndex, type NetState, type Route } from './state';
import type { FibRule } from './rules';

export interface Flow {
  dst: IpAddr;
  src?: IpAddr;
  /** Input device name; `lo` for locally generated traffic. */
  iif: string;
  oif?: number;
  mark: number;
  tos: number;
  uid: number;
}

/** The boot-time rules: with only these the merged lookup answers. */

function ruleMatches(s: NetState, r: FibRule, f: Flow): boolean {
  const zero: IpAddr = { family: f.dst.family, bytes: new Array<number>(f.dst.bytes.length).fill(0) };
  let ok = true;
  if (r.srcLen && !(r.src !== undefined && samePrefix(f.src ?? zero, parseAddr(r.src) ?? zero, r.srcLen))) ok = false;
  if (ok && r.dstLen && !(r.dst !== undefined && samePrefix(f.dst, parseAddr(r.dst) ?? zero, r.dstLen))) ok = false;
  if (ok && r.iif !== undefined && r.iif !== f.iif) ok = false;
  if (ok && r.oif !== undefined && (f.oif === undefined || linkByIndex(s, f.oif)?.name !== r.oif)) ok = false;
  if (ok && r.fwmark !== undefined && ((f.mark ^ r.fwmark) & (r.fwmask ?? 0xffffffff)) !== 0) ok = false;
  if (ok && r.tos && r.tos !== f.tos) ok = false;
  if (ok && r.uidrange && (f.uid < r.uidrange[0] || f.uid > r.uidrange[1])) ok = false;
  if (ok && (r.ipproto !== undefined || r.sport || r.dport)) ok = false;
  return r.not ? !ok : ok;
}

/** fib_rules_lookup: the route and the table it came from, or the error a rule or the end gives. */
export function policyLookup(s: NetState, rules: readonly FibRule[], f: Flow): { route: Route; table: number } | NetError {
  const list = rules.filter((r) => r.family === f.dst.family);
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    if (!ruleMatches(s, r, f)) continue;
    if (r.action === 2) {
      // goto: on to the first rule at or after the target priority
      const j = list.findIndex((x) => x.pref >= (r.target ?? 0));
      if (j < 0) break;
      i = j - 1;
      continue;
    }
    if (r.action === 3) continue;
    if (r.action === 6) return err('EINVAL');
    if (r.action === 7) return err('ENETUNREACH');
    if (r.action === 8) return err('EACCES');
    const table = r.table || TABLE.MAIN;
    const route = lookup(s, f.dst, { table, ...(f.oif !== undefined ? { oif: f.oif } : {}) });
    if (!route || route.type === RTN.THROW) continue;
    // suppress_prefixlength N: a route this short or shorter does not count
    if (r.suppressPrefixlen !== undefined && route.dstLen <= r.suppressPrefixlen) continue;
    return { route, table };
  }
  return err('ENETUNREACH');
}
