// `ip address [show|flush]` and `ip link show` (ip/ipaddress.c ipaddr_list_flush_or_save):
// the selector words, which links and addresses pass them, the listing and the flush rounds.
import { isNetError, SCOPE, type AddrMsg, type LinkMsg } from '../../shared/services/net';
import { parseAddr, samePrefix } from '../../shared/services/net-addr';
import { strerror } from '../../shared/errno';
import { fnmatch } from '../lib/fnmatch';
import { FILTER_FLAGS, printAddr } from './ip-addr-print';
import { getPrefix, toIpAddr, type InetPrefix } from './ip-inet';
import { printLinkBrief, printLinkInfo, printStats } from './ip-link-print';
import { groupA2n, scopeA2n } from './ip-names';
import { hasName, type Ip } from './ip-session';
import { AF, Args, IpExit, matches } from './ip-util';

export interface AddrFilter {
  family: number;
  ifindex: number;
  scope: number;
  scopemask: number;
  flags: number;
  flagmask: number;
  up: boolean;
  label?: string;
  group: number;
  kind?: string;
  slaveKind?: string;
  /** A bridge's ifindex: only its ports; -1: only devices without a master (`nomaster`). */
  master: number;
  pfx?: InetPrefix;
}

export function newFilter(family: number): AddrFilter {
  return { family, ifindex: 0, scope: 0, scopemask: 0, flags: 0, flagmask: 0, up: false, group: -1, master: 0 };
}

/** get_filter: a flag name, `-name` for its absence; dynamic and primary invert permanent and secondary. */
function applyFlagFilter(f: AddrFilter, word: string): boolean {
  let inv = word.startsWith('-');
  let name = inv ? word.slice(1) : word;
  if (name === 'dynamic') {
    inv = !inv;
    name = 'permanent';
  } else if (name === 'primary') {
    inv = !inv;
    name = 'secondary';
  }
  const mask = FILTER_FLAGS.get(name);
  if (mask === undefined) return false;
  f.flags = inv ? f.flags & ~mask : f.flags | mask;
  f.flagmask |= mask;
  return true;
}

function familyOf(a: AddrMsg): number {
  return a.family === 4 ? AF.INET : AF.INET6;
}

/** The checks print_addrinfo makes before printing (and ipaddr_filter before keeping a link). */
export function addrPasses(f: AddrFilter, a: AddrMsg, devName = ''): boolean {
  if (f.ifindex && f.ifindex !== a.ifindex) return false;
  if ((f.scope ^ a.scope) & f.scopemask) return false;
  if ((f.flags ^ a.flags) & f.flagmask) return false;
  if (f.family && f.family !== familyOf(a)) return false;
  // an address without a label (IPv6) is matched by its device's name
  if (f.label !== undefined && !fnmatch(f.label, a.label ?? devName)) return false;
  if (f.pfx && f.pfx.family !== AF.UNSPEC && f.pfx.bitlen > 0) {
    const mine = parseAddr(a.local);
    if (f.pfx.family !== familyOf(a) || !mine || !samePrefix(mine, toIpAddr(f.pfx), f.pfx.bitlen)) return false;
  }
  return true;
}

interface Listing {
  filter: AddrFilter;
  dev?: string;
}

function parseSelectors(ip: Ip, args: Args, filter: AddrFilter, usage: () => never, links: readonly LinkMsg[]): Listing {
  let dev: string | undefined;
  for (; !args.done; args.advance()) {
    const w = args.cur;
    const next = (): string => {
      args.advance();
      if (args.done) ip.incomplete();
      return args.cur;
    };
    if (w === 'to') {
      const v = next();
      filter.pfx = getPrefix(ip, v, filter.family);
      if (filter.family === AF.UNSPEC) filter.family = filter.pfx.family;
    } else if (w === 'scope') {
      const v = next();
      filter.scopemask = -1;
      let scope = scopeA2n(v);
      if (scope === null) {
        if (v !== 'all') ip.invarg('invalid "scope"\n', v);
        scope = SCOPE.NOWHERE;
        filter.scopemask = 0;
      }
      filter.scope = scope;
    } else if (w === 'up') {
      filter.up = true;
    } else if (applyFlagFilter(filter, w)) {
      // a flag filter
    } else if (w === 'label') {
      filter.label = next();
    } else if (w === 'group') {
      const v = next();
      const g = groupA2n(v);
      if (g === null) ip.invarg('Invalid "group" value\n', v);
      filter.group = g;
    } else if (w === 'master') {
      const v = next();
      const idx = links.find((l) => hasName(l, v))?.ifindex;
      if (!idx) ip.invarg('Device does not exist\n', v);
      filter.master = idx;
    } else if (w === 'vrf') {
      ip.invarg('Not a valid VRF name\n', next());
    } else if (w === 'nomaster') {
      filter.master = -1;
    } else if (w === 'type') {
      // `bridge_slave` selects the ports of that kind of master
      const v = next();
      if (v.endsWith('_slave')) filter.slaveKind = v.slice(0, -'_slave'.length);
      else filter.kind = v;
    } else {
      let v = w;
      if (w === 'dev') v = next();
      else if (matches(w, 'help')) usage();
      if (dev !== undefined) ip.duparg2('dev', v);
      dev = v;
    }
  }
  return dev === undefined ? { filter } : { filter, dev };
}

/** print_linkinfo's own filters (up, group): -1 after the link's JSON object was opened. */
function linkPrinted(f: AddrFilter, l: LinkMsg): boolean {
  if (f.up && !(l.flags & 1)) return false;
  if (f.group !== -1 && l.group !== f.group) return false;
  return true;
}

/** The filters the kernel applies to the link dump: those links never reach the printer. */
function linkPasses(f: AddrFilter, l: LinkMsg): boolean {
  if (f.ifindex && l.ifindex !== f.ifindex) return false;
  if (f.kind !== undefined && (l.kind ?? '') !== f.kind) return false;
  if (f.slaveKind !== undefined && (l.slaveKind ?? '') !== f.slaveKind) return false;
  if (f.master > 0 && l.master !== f.master) return false;
  if (f.master === -1 && l.master !== undefined) return false;
  return true;
}

export type ListAction = 'list' | 'flush';

export async function listOrFlush(ip: Ip, argv: string[], action: ListAction, linkCommand: boolean, usage: () => never): Promise<number> {
  // ipaddress.c's do_link is a static set by `ip link show` and never cleared, so later
  // address listings in the same -batch run print like link listings
  if (linkCommand) ip.linkListed = true;
  const doLink = ip.linkListed;
  const family = linkCommand ? AF.PACKET : ip.family;
  if (action === 'flush') {
    if (argv.length === 0) {
      ip.err('Flush requires arguments.\n');
      return 1;
    }
    if (family === AF.PACKET) {
      ip.err('Cannot flush link addresses.\n');
      return 1;
    }
  }
  const { filter, dev } = parseSelectors(ip, new Args(argv), newFilter(family), usage, await ip.allLinks());
  if (dev !== undefined) {
    filter.ifindex = await ip.index(dev);
    if (filter.ifindex <= 0) {
      ip.err(`Device "${dev}" does not exist.\n`);
      return 1;
    }
  }
  if (action === 'flush') return flush(ip, filter);
  // a device named without a group, do_link set: the device alone is fetched and printed
  // (iplink_get), so an address listing after `link show` in one batch shows no addresses
  // (brief, it prints the address form's name and state columns, and nothing after them)
  const linkOnly = dev !== undefined && filter.group === -1 && doLink;
  if (linkOnly && !ip.opts.brief) filter.family = AF.PACKET;
  const p = ip.printer;
  p.start();
  const links = (await ip.allLinks()).filter((l) => !filter.ifindex || l.ifindex === filter.ifindex);
  let addrs: AddrMsg[] = [];
  let shown = links;
  if (filter.family !== AF.PACKET && !linkOnly) {
    const reply = await ip.call({ kind: 'getaddrs' });
    addrs = 'addrs' in reply ? reply.addrs : [];
    shown = links.filter((l) => {
      const own = addrs.filter((a) => a.ifindex === l.ifindex);
      if (own.length === 0) return filter.family === AF.UNSPEC;
      return own.some((a) => addrPasses({ ...filter, ifindex: 0 }, a, l.name));
    });
    // the IPv6 link dump lists only devices with IPv6 state
    if (filter.family === AF.INET6) shown = shown.filter((l) => l.inet6);
  }
  const noLink = filter.family !== AF.PACKET && ip.opts.oneline;
  if (ip.opts.details && shown.some((l) => l.tun && (l.tun.owner !== undefined || l.tun.group !== undefined))) await ip.loadAccounts();
  for (const l of shown) {
    if (!linkPasses(filter, l)) continue;
    p.openObject();
    if ((ip.opts.brief || !noLink) && !linkPrinted(filter, l)) {
      // (JSON keeps the empty object; one-line address lists never look at the link)
      p.closeObject();
      continue;
    }
    let printed = 0;
    if (ip.opts.brief) {
      // a label selects addresses only: the brief link columns are left out
      if (filter.label === undefined) printLinkBrief(ip, l, filter.family === AF.PACKET);
    } else if (!noLink && filter.label === undefined) {
      printLinkInfo(ip, l, doLink, filter.family === AF.INET6 && !filter.ifindex, filter.family === AF.UNSPEC || filter.family === AF.PACKET || ip.opts.details > 0);
      printed = 1;
    }
    if (filter.family !== AF.PACKET && !linkOnly) {
      p.openArrayJsonOnly('addr_info');
      for (const a of addrs) {
        if (a.ifindex !== l.ifindex || (filter.family && filter.family !== familyOf(a))) continue;
        // print_addrinfo filters inside the object it was given: JSON keeps an empty one
        p.openObject();
        if (!addrPasses(filter, a, l.name)) {
          p.closeObject();
          continue;
        }
        printAddr(ip, a, noLink ? l.name : undefined);
        p.closeObject();
      }
      p.closeArrayJsonOnly();
      if (ip.opts.brief) p.fp('\n');
    }
    if (printed && !doLink && ip.opts.stats) {
      printStats(ip, l.stats, l.carrierChanges);
      p.nl();
    }
    p.closeObject();
  }
  p.finish();
  return 0;
}

async function flush(ip: Ip, filter: AddrFilter): Promise<number> {
  const stats = ip.opts.stats;
  const loops = ip.opts.loops;
  for (let round = 0; loops === 0 || round < loops; ) {
    await ip.ctx.tick();
    const reply = await ip.call({ kind: 'getaddrs' });
    const links = await ip.allLinks();
    const devName = (i: number): string => links.find((l) => l.ifindex === i)?.name ?? '';
    const addrs = ('addrs' in reply ? reply.addrs : []).filter((a) => addrPasses(filter, a, devName(a.ifindex)));
    if (addrs.length === 0) {
      if (stats) ip.out(round === 0 ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
    if (stats > 1) for (const a of addrs) printAddr(ip, a, await ip.name(a.ifindex));
    round++;
    for (const a of addrs) {
      const spec = { family: a.family, ifindex: a.ifindex, local: a.local, address: a.address, prefixlen: a.prefixlen, ...(a.label !== undefined ? { label: a.label } : {}) };
      const r = await ip.call({ kind: 'deladdr', addr: spec });
      // the kernel may already have removed secondaries along with their primary
      if (isNetError(r) && r.errno !== 'EADDRNOTAVAIL') {
        ip.err(`Failed to send flush request: ${strerror(r.errno)}\n`);
        throw new IpExit(255);
      }
    }
    if (stats) ip.out(`\n*** Round ${round}, deleting ${addrs.length} addresses ***\n`);
    // with `primary` only one round: later ones would flush promoted secondaries
    if (!(filter.flags & 0x01) && filter.flagmask & 0x01) {
      if (stats) ip.out(`*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
  }
  ip.err(`*** Flush remains incomplete after ${loops} rounds. ***\n`);
  return 1;
}
