// Interface addresses: IPv4 insertion (__inet_insert_ifa: primaries ordered by scope ahead of
// secondaries, a second address in a subnet becomes secondary), deletion with secondaries
// removed or promoted, IPv6 addresses ordered by scope, newest first, and lifetimes.
import { FOREVER, IFA_F, IFF, SCOPE, type AddrMsg, type AddrSpec, type NetError, type NlFlags } from '../../shared/services/net';
import { isZero, parseAddr, samePrefix } from '../../shared/services/net-addr';
import { err } from './fib';
import { flushDeviceRoutes, ipv6Enabled, withKernelRoutes } from './kernel-routes';
import { linkByIndex, type Addr, type NetState } from './state';

/**
 * Flags a request may set; the kernel computes the others. (optimistic is dropped too:
 * optimistic_dad is off, so ipv6_allow_optimistic_dad refuses it.)
 */
const USER_FLAGS = IFA_F.NODAD | IFA_F.HOMEADDRESS | IFA_F.MANAGETEMPADDR | IFA_F.NOPREFIXROUTE | IFA_F.MCAUTOJOIN;

function elapsedSeconds(a: Addr, now: number): number {
  return Math.max(0, Math.floor((now - a.tstamp) / 1000));
}

function setLifetimes(a: Addr, valid: number, preferred: number, now: number): void {
  a.validLft = valid;
  a.preferredLft = preferred;
  a.tstamp = now;
  if (valid === FOREVER) a.flags |= IFA_F.PERMANENT;
  else a.flags &= ~IFA_F.PERMANENT;
  if (preferred === 0) a.flags |= IFA_F.DEPRECATED;
  else a.flags &= ~IFA_F.DEPRECATED;
}

export function addrMsg(a: Addr, now: number): AddrMsg {
  const age = elapsedSeconds(a, now);
  const left = (lft: number): number => (lft === FOREVER ? FOREVER : Math.max(0, lft - age));
  // (inet_fill_ifaddr: a permanent IPv4 address reports both lifetimes as infinite)
  const permanent4 = a.family === 4 && (a.flags & IFA_F.PERMANENT) !== 0;
  const msg: AddrMsg = {
    family: a.family, ifindex: a.ifindex, prefixlen: a.prefixlen, flags: a.flags, scope: a.scope,
    local: a.local, address: a.address, validLft: left(a.validLft), preferredLft: permanent4 ? FOREVER : left(a.preferredLft),
  };
  if (a.broadcast !== undefined) msg.broadcast = a.broadcast;
  if (a.anycast !== undefined) msg.anycast = a.anycast;
  if (a.label !== undefined) msg.label = a.label;
  if (a.metric !== undefined) msg.metric = a.metric;
  return msg;
}

function devAddrs(s: NetState, ifindex: number, family: 4 | 6): Addr[] {
  return s.addrs.filter((a) => a.ifindex === ifindex && a.family === family);
}

/** Puts `a` at position `pos` of its device's list of that family. */
function placeAt(s: NetState, a: Addr, pos: number): void {
  const list = devAddrs(s, a.ifindex, a.family);
  if (pos < list.length) s.addrs.splice(s.addrs.indexOf(list[pos]!), 0, a);
  else if (list.length > 0) s.addrs.splice(s.addrs.indexOf(list[list.length - 1]!) + 1, 0, a);
  else s.addrs.push(a);
}

function inSubnetOf(text: string, of: Addr): boolean {
  const x = parseAddr(text);
  const y = parseAddr(of.address);
  return x !== null && y !== null && samePrefix(x, y, of.prefixlen);
}

/** Modifies an address that already exists (NLM_F_REPLACE without NLM_F_EXCL). */
function updateAddr(s: NetState, a: Addr, spec: AddrSpec, now: number): void {
  withKernelRoutes(s, a.ifindex, () => {
    setLifetimes(a, spec.validLft ?? FOREVER, spec.preferredLft ?? FOREVER, now);
    if (a.family === 4) {
      // inet_rtm_newaddr on an existing address: only the metric (0 when not given) and the
      // lifetimes change; its flags (noprefixroute, ...) stay as they were
      if (spec.metric) a.metric = spec.metric;
      else delete a.metric;
      return;
    }
    const keep = a.flags & ~USER_FLAGS;
    a.flags = keep | ((spec.flags ?? 0) & USER_FLAGS);
    if (spec.metric !== undefined) a.metric = spec.metric;
  });
}

function newAddr(spec: AddrSpec, local: string, scope: number, now: number): Addr {
  const a: Addr = {
    family: spec.family === 6 ? 6 : 4, ifindex: spec.ifindex, local, address: spec.address ?? local, prefixlen: spec.prefixlen,
    scope, flags: (spec.flags ?? 0) & USER_FLAGS, validLft: FOREVER, preferredLft: FOREVER, tstamp: now,
  };
  if (spec.broadcast !== undefined) a.broadcast = spec.broadcast;
  if (spec.anycast !== undefined) a.anycast = spec.anycast;
  if (spec.metric !== undefined) a.metric = spec.metric;
  setLifetimes(a, spec.validLft ?? FOREVER, spec.preferredLft ?? FOREVER, now);
  return a;
}

function addIPv4(s: NetState, spec: AddrSpec, local: string, devName: string, nl: NlFlags, now: number): NetError | null {
  if (spec.prefixlen > 32) return err('EINVAL');
  const peer = spec.address ?? local;
  const mine = devAddrs(s, spec.ifindex, 4);
  const existing = mine.find((o) => o.prefixlen === spec.prefixlen && o.local === local && inSubnetOf(o.address, { ...o, address: peer }));
  if (existing) {
    if (nl.excl || !nl.replace) return err('EEXIST', 'ipv4: Address already assigned');
    updateAddr(s, existing, spec, now);
    return null;
  }
  const lcl = parseAddr(local);
  // the kernel quietly drops an address of 0.0.0.0
  if (!lcl || isZero(lcl)) return null;
  const a = newAddr({ ...spec, address: peer }, local, spec.scope ?? SCOPE.UNIVERSE, now);
  a.label = spec.label ?? devName;
  let lastPrimary = 0;
  for (let i = 0; i < mine.length; i++) {
    const o = mine[i]!;
    if (!(o.flags & IFA_F.SECONDARY) && a.scope <= o.scope) lastPrimary = i + 1;
    if (o.prefixlen === a.prefixlen && inSubnetOf(o.address, a)) {
      if (o.local === a.local) return err('EEXIST', 'ipv4: Address already assigned');
      if (o.scope !== a.scope) return err('EINVAL', 'ipv4: Invalid scope value');
      a.flags |= IFA_F.SECONDARY;
    }
  }
  withKernelRoutes(s, a.ifindex, () => placeAt(s, a, a.flags & IFA_F.SECONDARY ? mine.length : lastPrimary));
  return null;
}

/**
 * ipv6_addr_src_scope: the scope as a number (node-local 1, link-local 2, site-local 5, a
 * multicast address its own scope field, global 14). Device lists keep wider scopes first.
 */
export function v6SrcScope(text: string): number {
  const b = parseAddr(text)?.bytes;
  if (!b) return 14;
  if (b[0] === 0xff) return b[1]! & 0x0f;
  if (b.slice(0, 15).every((x) => x === 0) && b[15] === 1) return 1;
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 2;
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 5;
  return 14;
}

/** rt_scope of ipv6_addr_scope: host, link and site scopes by name, the rest universe. */
export function ipv6Scope(text: string): number {
  const n = v6SrcScope(text);
  return n === 1 ? SCOPE.HOST : n === 2 ? SCOPE.LINK : n === 5 ? SCOPE.SITE : SCOPE.UNIVERSE;
}

function addIPv6(s: NetState, spec: AddrSpec, local: string, nl: NlFlags, now: number): NetError | null {
  // a device whose MTU turned IPv6 off has no inet6 state to add to
  const l = linkByIndex(s, spec.ifindex);
  if (l && !ipv6Enabled(l)) return err('EINVAL');
  const mine = devAddrs(s, spec.ifindex, 6);
  const existing = mine.find((o) => o.local === local);
  if (existing) {
    if (nl.excl || !nl.replace) return err('EEXIST', 'ipv6: address already assigned');
    updateAddr(s, existing, spec, now);
    return null;
  }
  if (spec.prefixlen > 128) return err('EINVAL', 'ipv6: Invalid prefix length');
  // ipv6_add_addr: the unspecified address, multicast without autojoin, and ::1 off loopback
  const bytes = parseAddr(local)?.bytes;
  if (bytes && bytes.every((b) => b === 0)) return err('EADDRNOTAVAIL', 'ipv6: Invalid address');
  if (bytes && bytes[0] === 0xff && !((spec.flags ?? 0) & IFA_F.MCAUTOJOIN)) return err('EADDRNOTAVAIL', 'ipv6: Cannot assign multicast address without "IFA_F_MCAUTOJOIN" flag');
  if (ipv6Scope(local) === SCOPE.HOST && l && l.linkType !== 'loopback') return err('EADDRNOTAVAIL', 'ipv6: Cannot assign loopback address on this device');
  const a = newAddr(spec, local, ipv6Scope(local), now);
  const rank = v6SrcScope(local);
  let pos = mine.findIndex((o) => rank >= v6SrcScope(o.local));
  if (pos < 0) pos = mine.length;
  withKernelRoutes(s, a.ifindex, () => placeAt(s, a, pos));
  return null;
}

/** RTM_NEWADDR for a device that exists. */
export function addAddress(s: NetState, spec: AddrSpec, devName: string, nl: NlFlags, now: number): NetError | null {
  if (spec.family !== 4 && spec.family !== 6) return err('EOPNOTSUPP');
  if (spec.local === undefined) return err('EINVAL');
  // IFA_LABEL is an NLA_STRING of at most IFNAMSIZ - 1 bytes (ifa_ipv4_policy)
  if (spec.label !== undefined && spec.label.length >= 16) return err('EINVAL', 'Attribute failed policy validation');
  const local = spec.local;
  if (spec.family === 4) return addIPv4(s, spec, local, devName, nl, now);
  const res = addIPv6(s, spec, local, nl, now);
  // addrconf_add_dev: an address added by hand brings the multicast route even before the
  // device is ready (up without carrier)
  const l = linkByIndex(s, spec.ifindex);
  if (!res && l && (l.flags & IFF.UP) !== 0 && l.linkType !== 'loopback' && !l.v6Ready && !l.mroute6 && ipv6Enabled(l)) {
    withKernelRoutes(s, l.ifindex, () => {
      l.mroute6 = true;
    });
  }
  return res;
}

/** Removes one address the way __inet_del_ifa and ipv6_del_addr do. */
export function removeAddress(s: NetState, a: Addr): void {
  if (a.family === 6) {
    withKernelRoutes(s, a.ifindex, () => s.addrs.splice(s.addrs.indexOf(a), 1));
    return;
  }
  withKernelRoutes(s, a.ifindex, () => {
    if (!(a.flags & IFA_F.SECONDARY)) {
      const secondaries = devAddrs(s, a.ifindex, 4).filter((o) => o.flags & IFA_F.SECONDARY && o.prefixlen === a.prefixlen && inSubnetOf(o.address, a));
      if (s.promoteSecondaries && secondaries.length > 0) {
        const promoted = secondaries[0]!;
        promoted.flags &= ~IFA_F.SECONDARY;
        // the promoted address moves up to where the deleted primary was
        s.addrs.splice(s.addrs.indexOf(promoted), 1);
        s.addrs.splice(s.addrs.indexOf(a), 0, promoted);
      } else {
        for (const o of secondaries) s.addrs.splice(s.addrs.indexOf(o), 1);
      }
    }
    s.addrs.splice(s.addrs.indexOf(a), 1);
  });
  if (devAddrs(s, a.ifindex, 4).length === 0) disableIPv4(s, a.ifindex);
}

/** fib_disable_ip after the last IPv4 address of a device: its routes and ARP entries go. */
export function disableIPv4(s: NetState, ifindex: number): void {
  flushDeviceRoutes(s, ifindex, 4, false);
  s.neighs = s.neighs.filter((n) => !(n.family === 4 && n.ifindex === ifindex));
}

/** RTM_DELADDR: the first address every given attribute matches. */
export function delAddress(s: NetState, spec: AddrSpec): NetError | null {
  if (spec.family !== 4 && spec.family !== 6) return err('EOPNOTSUPP');
  for (const a of devAddrs(s, spec.ifindex, spec.family)) {
    if (spec.family === 6) {
      if (a.local === spec.local && a.prefixlen === spec.prefixlen) {
        removeAddress(s, a);
        return null;
      }
      continue;
    }
    if (spec.local !== undefined && a.local !== spec.local) continue;
    if (spec.label !== undefined && a.label !== spec.label) continue;
    if (spec.address !== undefined && (spec.prefixlen !== a.prefixlen || !inSubnetOf(spec.address, a))) continue;
    removeAddress(s, a);
    return null;
  }
  return spec.family === 4 ? err('EADDRNOTAVAIL', 'ipv4: Address not found') : err('EADDRNOTAVAIL', 'ipv6: address not found');
}

/** check_lifetime / addrconf_verify: expired addresses go, those past their preferred time are deprecated. */
export function ageAddresses(s: NetState, now: number): void {
  for (const a of [...s.addrs]) {
    const age = elapsedSeconds(a, now);
    if (a.validLft !== FOREVER && age >= a.validLft) {
      if (s.addrs.includes(a)) removeAddress(s, a);
    } else if (a.preferredLft !== FOREVER && age >= a.preferredLft && !(a.family === 4 && (a.flags & IFA_F.PERMANENT) !== 0)) {
      a.flags |= IFA_F.DEPRECATED;
    }
  }
}
