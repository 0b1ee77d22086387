// Changing devices (do_setlink in its order: address, MTU, group, name, alias, broadcast,
// flags, carrier, queue length), bringing them up and down with what addrconf and the FIB do
// then, and creating or deleting virtual devices.
import { FOREVER, IFF, NUD, SCOPE, type LinkChange, type NetError } from '../../shared/services/net';
import { addAddress, removeAddress } from './addresses';
import { err } from './fib';
import { flushDeviceRoutes, ipv6Enabled, withKernelRoutes } from './kernel-routes';
import { dummyLink, isUp, linkLocalFromMac, validEtherAddr, validIfName } from './links';
import { flushDeviceNeighbours } from './neighbours';
import { linkByName, type Link, type NetState } from './state';

const IPV6_MIN_MTU = 1280;
const IPV4_MIN_MTU = 68;

function hasAddr(s: NetState, l: Link, family: 4 | 6, local?: string): boolean {
  return s.addrs.some((a) => a.ifindex === l.ifindex && a.family === family && (local === undefined || a.local === local));
}

/** What addrconf does when a device comes up: ::1 on the loopback, an EUI-64 link-local elsewhere. */
function addrconfUp(s: NetState, l: Link, now: number): void {
  if (!ipv6Enabled(l)) return;
  const add = (local: string, prefixlen: number): void => {
    if (!hasAddr(s, l, 6, local)) addAddress(s, { family: 6, ifindex: l.ifindex, local, address: local, prefixlen }, l.name, { create: true, excl: true }, now);
  };
  if (l.linkType === 'loopback') add('::1', 128);
  else if (l.addrGenMode === 0) add(linkLocalFromMac(l.mac), 64);
  if (l.linkType === 'loopback') return;
  // the router solicitation and MLD reports sent on coming up leave multicast entries behind
  for (const [dst, last] of [['ff02::2', 0x02], ['ff02::16', 0x16]] as const) {
    if (!s.neighs.some((n) => n.ifindex === l.ifindex && n.dst === dst)) {
      s.neighs.push({ family: 6, ifindex: l.ifindex, dst, lladdr: [0x33, 0x33, 0, 0, 0, last], state: NUD.NOARP, flags: 0, updated: now, confirmed: now, used: now });
    }
  }
}

function removeFamily(s: NetState, l: Link, family: 4 | 6): void {
  for (const a of s.addrs.filter((x) => x.ifindex === l.ifindex && x.family === family)) {
    if (s.addrs.includes(a)) removeAddress(s, a);
  }
}

export function linkUp(s: NetState, l: Link, now: number): void {
  if (isUp(l)) return;
  withKernelRoutes(s, l.ifindex, () => {
    l.flags |= IFF.UP;
    if (l.qdisc === 'noop') l.qdisc = l.qdiscOnUp;
    // the loopback has no carrier to lose: its count stays at 0
    if (l.carrier && l.linkType !== 'loopback') l.carrierChanges++;
  });
  // inetdev_event(NETDEV_UP) gives the loopback 127.0.0.1/8 when it has no IPv4 address
  if (l.linkType === 'loopback' && !hasAddr(s, l, 4)) {
    addAddress(s, { family: 4, ifindex: l.ifindex, local: '127.0.0.1', address: '127.0.0.1', prefixlen: 8, scope: SCOPE.HOST, validLft: FOREVER, preferredLft: FOREVER }, l.name, { create: true, excl: true }, now);
  }
  addrconfUp(s, l, now);
}

export function linkDown(s: NetState, l: Link): void {
  if (!isUp(l)) return;
  withKernelRoutes(s, l.ifindex, () => {
    l.flags &= ~IFF.UP;
    if (l.carrier && l.linkType !== 'loopback') l.carrierChanges++;
    // addrconf_ifdown: without keep_addr_on_down every IPv6 address goes
    s.addrs = s.addrs.filter((a) => !(a.ifindex === l.ifindex && a.family === 6));
  });
  flushDeviceRoutes(s, l.ifindex, 4, true);
  flushDeviceRoutes(s, l.ifindex, 6, false);
  flushDeviceNeighbours(s, l.ifindex);
}

function setMtu(s: NetState, l: Link, mtu: number, now: number): NetError | null {
  if (mtu < 0 || mtu < l.minMtu) return err('EINVAL', 'mtu less than device minimum');
  if (l.maxMtu > 0 && mtu > l.maxMtu) return err('EINVAL', 'mtu greater than device maximum');
  const old = l.mtu;
  l.mtu = mtu;
  if (l.linkType === 'loopback') return null;
  if (mtu < IPV4_MIN_MTU) removeFamily(s, l, 4);
  if (mtu < IPV6_MIN_MTU) {
    removeFamily(s, l, 6);
    withKernelRoutes(s, l.ifindex, () => undefined);
    flushDeviceRoutes(s, l.ifindex, 6, false);
  } else if (old < IPV6_MIN_MTU && isUp(l)) {
    withKernelRoutes(s, l.ifindex, () => addrconfUp(s, l, now));
  }
  return null;
}

function rename(s: NetState, l: Link, name: string): NetError | null {
  if (name === l.name) return null;
  if (!validIfName(name)) return err('EINVAL');
  if (linkByName(s, name)) return err('EEXIST');
  // inetdev_changename: labels that carried the old name follow it (eth0:1 -> wan0:1)
  for (const a of s.addrs) {
    if (a.ifindex !== l.ifindex || a.label === undefined) continue;
    if (a.label === l.name) a.label = name;
    else if (a.label.startsWith(`${l.name}:`)) a.label = name + a.label.slice(l.name.length);
  }
  l.name = name;
  return null;
}

const FLAG_BITS = { NOARP: IFF.NOARP, PROMISC: IFF.PROMISC, ALLMULTI: IFF.ALLMULTI, MULTICAST: IFF.MULTICAST, DYNAMIC: IFF.DYNAMIC, NOTRAILERS: IFF.NOTRAILERS } as const;

/** RTM_NEWLINK on an existing device. */
export function changeLink(s: NetState, l: Link, c: LinkChange, now: number): NetError | null {
  if (c.address) {
    if (l.linkType === 'loopback') return err('EOPNOTSUPP');
    if (!validEtherAddr(c.address)) return err('EADDRNOTAVAIL');
    l.mac = [...c.address];
  }
  if (c.mtu !== undefined) {
    const e = setMtu(s, l, c.mtu, now);
    if (e) return e;
  }
  if (c.group !== undefined) l.group = c.group;
  if (c.name !== undefined) {
    const e = rename(s, l, c.name);
    if (e) return e;
  }
  if (c.alias !== undefined) {
    if (c.alias === '') delete l.alias;
    else l.alias = c.alias;
  }
  if (c.broadcast) l.brd = [...c.broadcast];
  for (const [name, on] of Object.entries(c.flags ?? {})) {
    const bit = FLAG_BITS[name as keyof typeof FLAG_BITS];
    l.flags = on ? l.flags | bit : l.flags & ~bit;
  }
  if (c.up === true) linkUp(s, l, now);
  if (c.up === false) linkDown(s, l);
  if (c.carrier !== undefined) {
    if (l.kind !== 'dummy') return err('EOPNOTSUPP');
    setCarrier(s, l, c.carrier);
  }
  if (c.txqlen !== undefined) {
    // IFLA_TXQLEN is a u32 and any value is taken; ip prints it back as a signed int
    l.txqlen = c.txqlen | 0;
  }
  if (c.addrGenMode !== undefined) l.addrGenMode = c.addrGenMode;
  return null;
}

/** Cable plugged or pulled: operstate follows; routes through the device are kept. */
export function setCarrier(s: NetState, l: Link, on: boolean): void {
  if (l.carrier === on) return;
  l.carrier = on;
  if (isUp(l)) l.carrierChanges++;
  if (!on) s.neighs = s.neighs.filter((n) => n.ifindex !== l.ifindex || (n.state & 0x80) !== 0);
}

/** A locally administered unicast MAC for a new virtual device, reproducible per machine. */
export function randomMac(seed: number): number[] {
  let x = (seed * 2654435761) >>> 0;
  const next = (): number => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x >>> 16) & 0xff;
  };
  return [(next() & 0xfe) | 0x02, next(), next(), next(), next(), next()];
}

/** RTM_NEWLINK with NLM_F_CREATE: dummy devices, and the bridge dockerd makes (docker0). */
export function createLink(s: NetState, name: string, type: string, c: LinkChange, now: number): NetError | null {
  if (type === 'bridge' && name !== '') {
    if (!validIfName(name)) return err('EINVAL');
    if (linkByName(s, name)) return err('EEXIST');
    // a bridge without ports has no carrier (NO-CARRIER, state DOWN) until something attaches
    const l: Link = { ...dummyLink(s.nextIfindex++, name, c.address ? [...c.address] : randomMac(s.nextIfindex)), kind: 'bridge', flags: IFF.BROADCAST | IFF.MULTICAST, carrier: false, qdiscOnUp: 'noqueue', minMtu: 68, maxMtu: 65535 };
    s.links.push(l);
    return changeLink(s, l, { ...c, name: undefined, address: undefined }, now);
  }
  if (type !== 'dummy') return err('EOPNOTSUPP', 'Unknown device type');
  let devName = name;
  if (devName === '') {
    let i = 0;
    while (linkByName(s, `dummy${i}`)) i++;
    devName = `dummy${i}`;
  }
  if (!validIfName(devName)) return err('EINVAL');
  if (linkByName(s, devName)) return err('EEXIST');
  const l = dummyLink(s.nextIfindex++, devName, c.address ? [...c.address] : randomMac(s.nextIfindex));
  s.links.push(l);
  const e = changeLink(s, l, { ...c, name: undefined, address: undefined }, now);
  if (e) {
    s.links.splice(s.links.indexOf(l), 1);
    return e;
  }
  return null;
}

export function deleteLink(s: NetState, l: Link): NetError | null {
  if (l.kind !== 'dummy' && l.kind !== 'bridge') return err('EOPNOTSUPP');
  linkDown(s, l);
  for (const a of s.addrs.filter((x) => x.ifindex === l.ifindex)) if (s.addrs.includes(a)) removeAddress(s, a);
  flushDeviceRoutes(s, l.ifindex, 4, false);
  flushDeviceNeighbours(s, l.ifindex);
  s.links.splice(s.links.indexOf(l), 1);
  return null;
}

