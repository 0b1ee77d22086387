// The IPv6 address label table (ip6_addrlbl): RFC 6724's default policy until an administrator
// changes it. Entries are kept with longer prefixes first, a new one ahead of an equally long
// one for any device (__ip6addrlbl_add); each prefix is stored masked to its length.
import type { AddrLabel, NetError } from '../../shared/services/net';
import { formatAddr, maskAddr, parseAddr } from '../../shared/services/net-addr';
import { err } from './fib';
import { linkByIndex, type NetState } from './state';

const DEFAULTS: [string, number, number][] = [
  ['::1', 128, 0], ['::', 96, 3], ['::ffff:0.0.0.0', 96, 4], ['2001::', 32, 6], ['2001:10::', 28, 7],
  ['3ffe::', 16, 12], ['2002::', 16, 2], ['fec0::', 10, 11], ['fc00::', 7, 5], ['::', 0, 1],
];

function table(s: NetState): AddrLabel[] {
  s.addrlabels ??= DEFAULTS.map(([prefix, prefixlen, label]) => ({ prefix, prefixlen, ifindex: 0, label }));
  return s.addrlabels;
}

export function addrLabels(s: NetState): AddrLabel[] {
  return table(s).map((x) => ({ ...x }));
}

/** The prefix masked to its length, or null when it is no IPv6 address. */
function masked(l: AddrLabel): string | null {
  const a = parseAddr(l.prefix);
  if (!a || a.family !== 6 || l.prefixlen > 128) return null;
  const text = formatAddr(maskAddr(a, l.prefixlen));
  // (an IPv4-mapped prefix keeps the dotted form)
  return text;
}

const same = (a: AddrLabel, b: AddrLabel): boolean => a.prefixlen === b.prefixlen && a.ifindex === b.ifindex && a.prefix === b.prefix;

export function addAddrLabel(s: NetState, req: AddrLabel): NetError | null {
  const prefix = masked(req);
  if (prefix === null || req.label === 0xffffffff) return err('EINVAL');
  if (req.ifindex && !linkByIndex(s, req.ifindex)) return err('EINVAL');
  const entry = { ...req, prefix };
  const list = table(s);
  if (list.some((p) => same(p, entry))) return err('EEXIST');
  const at = list.findIndex((p) => (p.prefixlen === entry.prefixlen && !p.ifindex) || p.prefixlen < entry.prefixlen);
  if (at < 0) list.push(entry);
  else list.splice(at, 0, entry);
  return null;
}

export function delAddrLabel(s: NetState, req: AddrLabel): NetError | null {
  const prefix = masked(req);
  if (prefix === null) return err('EINVAL');
  const list = table(s);
  const at = list.findIndex((p) => same(p, { ...req, prefix }));
  if (at < 0) return err('ESRCH');
  list.splice(at, 1);
  return null;
}
