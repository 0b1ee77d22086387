// macvlan and macvtap devices: another MAC address on an Ethernet device. Creating one
// (its checks, the lower device of a macvlan made on a macvlan, passthru's exclusivity),
// changing its mode, flags and source addresses, and what it reports.
import { IFF, type LinkChange, type MacvlanChange, type MacvlanData, type NetError } from '../../shared/services/net';
import { formatMac } from '../../shared/services/net-addr';
import { err } from './fib';
import { emptyStats, linkByIndex, type Link, type MacvlanInfo, type NetState } from './state';
import { validEtherAddr } from './links';

export const MACVLAN_MODE = { PRIVATE: 1, VEPA: 2, BRIDGE: 4, PASSTHRU: 8, SOURCE: 16 } as const;
const MODES = new Set<number>(Object.values(MACVLAN_MODE));
const ALL_FLAGS = 3;
const DEFAULT_BC_QUEUE_LEN = 1000;

export function isMacvlanKind(kind: string | undefined): boolean {
  return kind === 'macvlan' || kind === 'macvtap';
}

/** macvlan_validate: the address, a known mode and known flags. */
export function validateMacvlan(c: LinkChange): NetError | null {
  if (c.address) {
    if (c.address.length !== 6) return err('EINVAL');
    if (!validEtherAddr(c.address)) return err('EADDRNOTAVAIL');
  }
  const d = c.macvlan;
  if (d?.mode !== undefined && !MODES.has(d.mode)) return err('EINVAL');
  if (d?.flags !== undefined && d.flags & ~ALL_FLAGS) return err('EINVAL');
  if (d?.macaddr && d.mode !== undefined && d.mode !== MACVLAN_MODE.SOURCE) return err('EINVAL');
  return null;
}

/** The macvlans whose lower device is `l`. */
export function macvlansOf(s: NetState, l: Link): Link[] {
  return s.links.filter((x) => x.macvlan?.lower === l.ifindex);
}

function applyMacaddr(m: MacvlanInfo, op: NonNullable<MacvlanChange['macaddr']>): void {
  const same = (a: number[], b: number[]): boolean => a.every((x, i) => x === b[i]);
  if (op.op === 'flush') m.remotes = [];
  else if (op.op === 'set') m.remotes = op.addrs.map((a) => [...a]);
  else if (op.op === 'add') {
    for (const a of op.addrs) if (!m.remotes.some((r) => same(r, a))) m.remotes.push([...a]);
  } else m.remotes = m.remotes.filter((r) => !op.addrs.some((a) => same(r, a)));
}

/**
 * macvlan_common_newlink: a lower Ethernet device is required (a macvlan's own lower device
 * when the given one is a macvlan), no larger MTU than it has, and passthru only alone on it.
 */
export function newMacvlanLink(s: NetState, ifindex: number, name: string, kind: string, mac: number[], c: LinkChange): Link | NetError {
  if (c.link === undefined) return err('EINVAL');
  let lower = linkByIndex(s, c.link);
  if (!lower) return err('ENODEV');
  if (lower.macvlan) lower = linkByIndex(s, lower.macvlan.lower) ?? lower;
  if (lower.linkType !== 'ether') return err('EINVAL');
  // the lower device's frames already go to a bridge (its rx handler is taken)
  if (lower.master !== undefined) return err('EBUSY');
  if (c.mtu !== undefined && c.mtu > lower.mtu) return err('EINVAL');
  const d = c.macvlan ?? {};
  const mode = d.mode ?? MACVLAN_MODE.VEPA;
  const siblings = macvlansOf(s, lower);
  if (siblings.some((x) => x.macvlan!.mode === MACVLAN_MODE.PASSTHRU)) return err('EINVAL');
  if (mode === MACVLAN_MODE.PASSTHRU && siblings.length) return err('EINVAL');
  if (d.macaddr && mode !== MACVLAN_MODE.SOURCE) return err('EINVAL');
  const info: MacvlanInfo = { lower: lower.ifindex, mode, flags: d.flags ?? 0, bcQueueLen: d.bcQueueLen ?? DEFAULT_BC_QUEUE_LEN, remotes: [] };
  if (d.macaddr) applyMacaddr(info, d.macaddr);
  return {
    ifindex, name, linkType: 'ether', kind, flags: IFF.BROADCAST | IFF.MULTICAST, carrier: lower.carrier,
    mtu: lower.mtu, minMtu: 68, maxMtu: 65535, qdisc: 'noop', qdiscOnUp: 'noqueue', txqlen: kind === 'macvtap' ? 500 : 1000, group: 0,
    // passthru takes over the lower device's address
    mac: mode === MACVLAN_MODE.PASSTHRU && !c.address ? [...lower.mac] : mac, brd: [...lower.brd], stats: emptyStats(),
    carrierChanges: 0, numTxQueues: 1, numRxQueues: 1, addrGenMode: 0, macvlan: info,
  };
}

/** macvlan_changelink: passthru can be neither set nor left; source addresses only in source mode. */
export function changeMacvlan(l: Link, d: MacvlanChange): NetError | null {
  const m = l.macvlan;
  if (!m) return err('EOPNOTSUPP');
  if (d.mode !== undefined && (d.mode === MACVLAN_MODE.PASSTHRU) !== (m.mode === MACVLAN_MODE.PASSTHRU)) return err('EINVAL');
  const mode = d.mode ?? m.mode;
  if (d.macaddr && mode !== MACVLAN_MODE.SOURCE) return err('EINVAL');
  m.mode = mode;
  if (d.flags !== undefined) m.flags = d.flags;
  if (d.bcQueueLen !== undefined) m.bcQueueLen = d.bcQueueLen;
  if (d.macaddr) applyMacaddr(m, d.macaddr);
  if (mode !== MACVLAN_MODE.SOURCE) m.remotes = [];
  return null;
}

/** IFLA_INFO_DATA of a macvlan; the used queue length is the largest on its lower device. */
export function macvlanData(s: NetState, l: Link): MacvlanData {
  const m = l.macvlan!;
  const lower = linkByIndex(s, m.lower);
  const used = Math.max(m.bcQueueLen, ...(lower ? macvlansOf(s, lower).map((x) => x.macvlan!.bcQueueLen) : []));
  const d: MacvlanData = { mode: m.mode, flags: m.flags, bcQueueLen: m.bcQueueLen, usedBcQueueLen: used };
  if (m.mode === MACVLAN_MODE.SOURCE) d.remotes = m.remotes.map((r) => formatMac(r));
  return d;
}
