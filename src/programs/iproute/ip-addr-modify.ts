// `ip address add|change|replace|del` (ip/ipaddress.c ipaddr_modify): the IFADDR grammar,
// broadcast `+`/`-`, lifetimes and flags, then one RTM_NEWADDR or RTM_DELADDR.
import { FOREVER, IFA_F, SCOPE, type AddrSpec, type NlFlags } from '../../shared/services/net';
import { formatAddr, hostBitsSet, isIPv4Multicast, maskAddr } from '../../shared/services/net-addr';
import { printAddr, SETTABLE_FLAGS } from './ip-addr-print';
import { getAddr, getPrefix, prefixText, toIpAddr, type InetPrefix } from './ip-inet';
import { scopeA2n } from './ip-names';
import type { Ip } from './ip-session';
import { AF, Args, getUnsigned, matches } from './ip-util';

function lifetime(v: string): number | null {
  if (v === 'forever') return FOREVER;
  return getUnsigned(v);
}

export async function modifyAddress(ip: Ip, argv: string[], del: boolean, nl: NlFlags, usage: () => never): Promise<number> {
  let family = ip.family;
  const args = new Args(argv);
  let dev: string | undefined;
  let label: string | undefined;
  let lcl: InetPrefix | undefined;
  let lclArg = '';
  let peer: InetPrefix | undefined;
  let brd: string | '+' | '-' | undefined;
  let anycast: string | undefined;
  let scope: number | undefined;
  let metric: number | undefined;
  let validArg: string | undefined;
  let preferredArg: string | undefined;
  let valid = FOREVER;
  let preferred = FOREVER;
  let flags = 0;
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (w === 'peer' || w === 'remote') {
      const v = next();
      if (peer) ip.duparg('peer', v);
      peer = getPrefix(ip, v, family);
      if (family === AF.UNSPEC) family = peer.family;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      const v = next();
      if (brd !== undefined) ip.duparg('broadcast', v);
      if (v === '+' || v === '-') {
        brd = v;
      } else {
        const a = getAddr(ip, v, family);
        if (family === AF.UNSPEC) family = a.family;
        brd = prefixText(a) ?? '';
      }
    } else if (w === 'anycast') {
      const v = next();
      if (anycast !== undefined) ip.duparg('anycast', v);
      const a = getAddr(ip, v, family);
      if (family === AF.UNSPEC) family = a.family;
      anycast = prefixText(a) ?? '';
    } else if (w === 'scope') {
      const v = next();
      const sc = scopeA2n(v);
      if (sc === null) ip.invarg('invalid scope value.', v);
      scope = sc;
    } else if (w === 'dev') {
      dev = next();
    } else if (w === 'label') {
      label = next();
    } else if (matches(w, 'metric') || matches(w, 'priority') || matches(w, 'preference')) {
      const v = next();
      const m = getUnsigned(v);
      if (m === null) ip.invarg('"metric" value is invalid\n', v);
      metric = m;
    } else if (matches(w, 'valid_lft')) {
      if (validArg !== undefined) ip.duparg('valid_lft', w);
      const v = next();
      validArg = v;
      const t = lifetime(v);
      if (t === null) ip.invarg('valid_lft value', v);
      valid = t;
    } else if (matches(w, 'preferred_lft')) {
      if (preferredArg !== undefined) ip.duparg('preferred_lft', w);
      const v = next();
      preferredArg = v;
      const t = lifetime(v);
      if (t === null) ip.invarg('preferred_lft value', v);
      preferred = t;
    } else if (SETTABLE_FLAGS.has(w)) {
      const f = SETTABLE_FLAGS.get(w)!;
      if (f.readonly) ip.err(`Warning: ${w} option is not mutable from userspace\n`);
      else if (f.v6only && family !== AF.INET6) ip.err(`Warning: ${w} option can be set only for IPv6 addresses\n`);
      else flags |= f.mask;
    } else {
      let v = w;
      if (w === 'local') v = next();
      if (matches(v, 'help')) usage();
      if (lcl) ip.duparg2('local', v);
      lclArg = v;
      lcl = getPrefix(ip, v, family);
      if (family === AF.UNSPEC) family = lcl.family;
    }
  }
  if (dev === undefined) {
    ip.err('Not enough information: "dev" argument is required.\n');
    return 1;
  }
  const spec: AddrSpec = { family: family === AF.INET ? 4 : family === AF.INET6 ? 6 : 0, ifindex: 0, prefixlen: 0 };
  if (peer) {
    spec.address = prefixText(peer);
    spec.prefixlen = Math.max(0, peer.bitlen);
  }
  if (lcl) {
    spec.local = prefixText(lcl);
    if (!peer) {
      if (del && lcl.family === AF.INET && !lcl.prefixlenSpecified) {
        ip.err(`Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (${lclArg}/${lcl.bytelen * 8}) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n`);
      } else {
        spec.address = spec.local;
      }
    }
  }
  if (spec.prefixlen === 0 && lcl) spec.prefixlen = Math.max(0, lcl.bitlen);
  if ((brd === '+' || brd === '-') && !del) {
    if (family !== AF.INET) {
      ip.err('Broadcast can be set only for IPv4 addresses\n');
      return 1;
    }
    const base = peer ?? lcl;
    if (base && base.bitlen <= 30) {
      const a = toIpAddr(base);
      spec.broadcast = formatAddr(brd === '+' ? hostBitsSet(a, base.bitlen) : maskAddr(a, base.bitlen));
    }
  } else if (brd !== undefined && brd !== '+' && brd !== '-') {
    spec.broadcast = brd;
  }
  if (anycast !== undefined) spec.anycast = anycast;
  if (label !== undefined) spec.label = label;
  if (metric !== undefined) spec.metric = metric;
  if (scope !== undefined) spec.scope = scope;
  else if (!del) spec.scope = lcl && lcl.family === AF.INET && lcl.bytes[0] === 127 ? SCOPE.HOST : SCOPE.UNIVERSE;
  spec.ifindex = await ip.index(dev);
  if (!spec.ifindex) ip.nodev(dev);
  if (validArg !== undefined || preferredArg !== undefined) {
    if (!valid) {
      ip.err('valid_lft is zero\n');
      return 1;
    }
    if (valid < preferred) {
      ip.err('preferred_lft is greater than valid_lft\n');
      return 1;
    }
    spec.validLft = valid;
    spec.preferredLft = preferred;
  }
  if (flags & IFA_F.MCAUTOJOIN && !(lcl && (lcl.family === AF.INET6 ? lcl.bytes[0] === 0xff : isIPv4Multicast(toIpAddr(lcl))))) {
    ip.err('autojoin needs multicast address\n');
    return 1;
  }
  if (flags) spec.flags = flags;
  await ip.talk(del ? { kind: 'deladdr', addr: spec } : { kind: 'newaddr', nlflags: nl, addr: spec });
  if (ip.opts.echo && !del) await echoAddress(ip, spec);
  return 0;
}

/**
 * -echo (rtnl_echo_talk): the kernel's copy of the new address, printed as -o prints one. IPv6
 * sends none back (its notification carries no request), so only the acknowledgement is
 * "printed": nothing, or an empty object in JSON.
 */
async function echoAddress(ip: Ip, spec: AddrSpec): Promise<void> {
  const reply = await ip.call({ kind: 'getaddrs' });
  const a = spec.family === 4 ? ('addrs' in reply ? reply.addrs : []).find((x) => x.ifindex === spec.ifindex && x.local === spec.local && x.prefixlen === spec.prefixlen) : undefined;
  const name = a ? (await ip.allLinks()).find((l) => l.ifindex === a.ifindex)?.name ?? '' : '';
  const p = ip.printer;
  p.start();
  p.openObject();
  if (a) printAddr(ip, a, name);
  p.closeObject();
  p.finish();
}
