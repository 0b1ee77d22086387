// How ip prints a link (ip/ipaddress.c print_linkinfo): the `N: name: <FLAGS> mtu ... qdisc
// ... state ...` line, the `link/ether MAC brd MAC` line, -d details, -s counters, and the
// one-line -br form.
import { IFF, type LinkMsg, type LinkStats, type TunData } from '../../shared/services/net';
import { printBridgeData, printBridgePortData } from './ip-link-bridge';
import { printVlanData } from './ip-link-vlan';
import { printMacvlanData } from './ip-link-macvlan';
import { printVxlanData } from './ip-link-vxlan';
import { groupN2a } from './ip-names';
import type { Printer } from './ip-print';
import type { Ip } from './ip-session';

const FLAG_ORDER: [keyof typeof IFF, number][] = [
  ['LOOPBACK', IFF.LOOPBACK], ['BROADCAST', IFF.BROADCAST], ['POINTOPOINT', IFF.POINTOPOINT], ['MULTICAST', IFF.MULTICAST],
  ['NOARP', IFF.NOARP], ['ALLMULTI', IFF.ALLMULTI], ['PROMISC', IFF.PROMISC], ['MASTER', IFF.MASTER], ['SLAVE', IFF.SLAVE],
  ['DEBUG', IFF.DEBUG], ['DYNAMIC', IFF.DYNAMIC], ['AUTOMEDIA', IFF.AUTOMEDIA], ['PORTSEL', IFF.PORTSEL],
  ['NOTRAILERS', IFF.NOTRAILERS], ['UP', IFF.UP], ['LOWER_UP', IFF.LOWER_UP], ['DORMANT', IFF.DORMANT], ['ECHO', IFF.ECHO],
];

/** `<FLAG,FLAG,...> ` (print_link_flags); `mdown` adds M-DOWN for a device whose lower one is down. */
export function printLinkFlags(p: Printer, flags: number, mdown = false): void {
  p.openArray('flags', '<');
  let f = flags;
  if (f & IFF.UP && !(f & IFF.RUNNING)) p.any(null, f ? 'NO-CARRIER,' : 'NO-CARRIER', 'NO-CARRIER');
  f &= ~IFF.RUNNING;
  for (const [name, bit] of FLAG_ORDER) {
    if (!(f & bit)) continue;
    f &= ~bit;
    p.any(null, f ? `${name},` : name, name);
  }
  if (f) p.any(null, f.toString(16), f.toString(16));
  if (mdown) p.any(null, ',M-DOWN', 'M-DOWN');
  p.closeArray('> ');
}

/**
 * print_name_and_link: `name@lower` for a stacked device (a veth end names its peer; JSON has
 * a separate `link`). Returns whether the lower device is down (M-DOWN).
 */
export function printNameAndLink(ip: Ip, l: LinkMsg, pad: boolean): boolean {
  const p = ip.printer;
  let name = l.name;
  let mdown = false;
  if (l.link !== undefined && l.linkNetnsid !== undefined) {
    // the other end is in another namespace: its index alone
    if (p.isJson) p.jsonOnly('link_index', l.link);
    else name = `${name}@if${l.link}`;
  } else if (l.link !== undefined) {
    const lower = ip.cachedLink(l.link);
    const lowerName = ip.cachedName(l.link);
    if (p.isJson) p.jsonOnly('link', lowerName);
    else name = `${name}@${lowerName}`;
    mdown = !((lower?.flags ?? 0) & IFF.UP);
  }
  p.any('ifname', pad ? `${name.padEnd(16)} ` : `${name}: `, p.isJson ? l.name : name, 'ifname');
  return mdown;
}

function printOperstate(ip: Ip, l: LinkMsg): void {
  const p = ip.printer;
  const color = l.operstate === 'UP' ? 'up' : l.operstate === 'DOWN' ? 'down' : null;
  if (ip.opts.brief) {
    p.any('operstate', l.operstate.padEnd(14) + ' ', l.operstate, color);
  } else if (p.isJson) {
    p.jsonOnly('operstate', l.operstate);
  } else {
    p.fp('state ');
    p.fp(p.paint(color, `${l.operstate} `));
  }
}

/** print_linkinfo_brief: name and state; with a link listing also the MAC and flags. */
export function printLinkBrief(ip: Ip, l: LinkMsg, linkListing: boolean): void {
  const p = ip.printer;
  const mdown = printNameAndLink(ip, l, true);
  printOperstate(ip, l);
  if (linkListing) {
    // a device without a link-layer address (tun) has no address column
    if (l.address) p.any('address', `${l.address} `, l.address, 'mac');
    printLinkFlags(p, l.flags, mdown);
    p.fp('\n');
  }
}

/** Column widths grow to fit the largest number (size_columns). */
function widen(cols: number[], values: number[]): void {
  values.forEach((v, i) => {
    const len = String(v).length;
    if (len > cols[i]!) cols[i] = len;
  });
}

function num(ip: Ip, width: number, v: number): string {
  const o = ip.opts;
  const base = o.iec ? 1024 : 1000;
  if (!o.human || v < base) return `${String(v).padStart(width)} `;
  const prefixes = 'kMGTPE';
  let pi = 0;
  let pow = base;
  while (v / base >= pow && pi < prefixes.length - 1) {
    pow *= base;
    pi++;
  }
  let precision = 2;
  let powj = 1;
  for (; precision > 0; precision--) {
    powj *= 10;
    if (v / pow < powj) break;
  }
  const text = `${(v / pow).toFixed(precision)}${prefixes[pi]}${o.iec ? 'i' : ''}`;
  return `${text.padStart(width)} `;
}

/** print_stats64: the RX/TX counter blocks of -s (and the error blocks of -s -s). */
export function printStats(ip: Ip, s: LinkStats, carrierChanges: number): void {
  const p = ip.printer;
  const detail = ip.opts.stats > 1;
  if (p.isJson) {
    p.openObject('stats64');
    p.openObject('rx');
    for (const [k, v] of [['bytes', s.rxBytes], ['packets', s.rxPackets], ['errors', s.rxErrors], ['dropped', s.rxDropped], ['over_errors', s.rxOverErrors], ['multicast', s.multicast]] as const) p.jsonOnly(k, v);
    if (detail) {
      for (const [k, v] of [['length_errors', s.rxLengthErrors], ['crc_errors', s.rxCrcErrors], ['frame_errors', s.rxFrameErrors], ['fifo_errors', s.rxFifoErrors], ['missed_errors', s.rxMissed]] as const) p.jsonOnly(k, v);
    }
    p.closeObject();
    p.openObject('tx');
    for (const [k, v] of [['bytes', s.txBytes], ['packets', s.txPackets], ['errors', s.txErrors], ['dropped', s.txDropped], ['carrier_errors', s.txCarrierErrors], ['collisions', s.collisions]] as const) p.jsonOnly(k, v);
    if (detail) {
      for (const [k, v] of [['aborted_errors', s.txAbortedErrors], ['fifo_errors', s.txFifoErrors], ['window_errors', s.txWindowErrors], ['heartbeat_errors', s.txHeartbeatErrors], ['carrier_changes', carrierChanges]] as const) p.jsonOnly(k, v);
    }
    p.closeObject();
    p.closeObject();
    return;
  }
  const cols = ['*X errors:'.length, 7, 6, 7, 7, 7, 10, 9];
  if (!ip.opts.human) {
    widen(cols, [s.rxBytes, s.rxPackets, s.rxErrors, s.rxDropped, s.rxMissed, s.multicast, 0, 0]);
    if (detail) widen(cols, [0, s.rxLengthErrors, s.rxCrcErrors, s.rxFrameErrors, s.rxFifoErrors, s.rxOverErrors, 0, 0]);
    widen(cols, [s.txBytes, s.txPackets, s.txErrors, s.txDropped, s.txCarrierErrors, s.collisions, 0, 0]);
    if (detail) widen(cols, [0, 0, s.txAbortedErrors, s.txFifoErrors, s.txWindowErrors, s.txHeartbeatErrors, carrierChanges, 0]);
  }
  const c = (i: number): number => cols[i]!;
  const sl = p.sl;
  let t = `    RX: ${'bytes'.padStart(c(0) - 4)} ${'packets'.padStart(c(1))} ${'errors'.padStart(c(2))} ${'dropped'.padStart(c(3))} ${'missed'.padStart(c(4))} ${'mcast'.padStart(c(5))} ${''.padStart(c(6))}${sl}`;
  t += `    ${num(ip, c(0), s.rxBytes)}${num(ip, c(1), s.rxPackets)}${num(ip, c(2), s.rxErrors)}${num(ip, c(3), s.rxDropped)}${num(ip, c(4), s.rxMissed)}${num(ip, c(5), s.multicast)}`;
  if (detail) {
    t += sl;
    t += `    RX errors:${''.padStart(c(0) - 10)} ${'length'.padStart(c(1))} ${'crc'.padStart(c(2))} ${'frame'.padStart(c(3))} ${'fifo'.padStart(c(4))} ${'overrun'.padStart(c(5))}${sl}`;
    t += `${''.padStart(c(0) + 5)}${num(ip, c(1), s.rxLengthErrors)}${num(ip, c(2), s.rxCrcErrors)}${num(ip, c(3), s.rxFrameErrors)}${num(ip, c(4), s.rxFifoErrors)}${num(ip, c(5), s.rxOverErrors)}`;
  }
  t += sl;
  t += `    TX: ${'bytes'.padStart(c(0) - 4)} ${'packets'.padStart(c(1))} ${'errors'.padStart(c(2))} ${'dropped'.padStart(c(3))} ${'carrier'.padStart(c(4))} ${'collsns'.padStart(c(5))} ${''.padStart(c(6))}${sl}`;
  t += `    ${num(ip, c(0), s.txBytes)}${num(ip, c(1), s.txPackets)}${num(ip, c(2), s.txErrors)}${num(ip, c(3), s.txDropped)}${num(ip, c(4), s.txCarrierErrors)}${num(ip, c(5), s.collisions)}`;
  if (detail) {
    t += sl;
    t += `    TX errors:${''.padStart(c(0) - 10)} ${'aborted'.padStart(c(1))} ${'fifo'.padStart(c(2))} ${'window'.padStart(c(3))} ${'heartbt'.padStart(c(4))} ${'transns'.padStart(c(5))}${sl}`;
    t += `${''.padStart(c(0) + 5)}${num(ip, c(1), s.txAbortedErrors)}${num(ip, c(2), s.txFifoErrors)}${num(ip, c(3), s.txWindowErrors)}${num(ip, c(4), s.txHeartbeatErrors)}${num(ip, c(5), carrierChanges)}`;
  }
  p.fp(t);
}

/** tun's print_opt: type, the queue flags, persistence and the owner by name. */
function printTunData(ip: Ip, t: TunData): void {
  const p = ip.printer;
  const onOff = (key: string, v: boolean): void => p.any(key, `${key} ${v ? 'on' : 'off'} `, v);
  p.openObject('info_data');
  p.any('type', `type ${t.type} `, t.type);
  onOff('pi', t.pi);
  onOff('vnet_hdr', t.vnetHdr);
  if (t.multiQueue) {
    p.any('multi_queue', 'multi_queue ', true);
    p.any('numqueues', 'numqueues 0 ', 0);
    p.any('numdisabled', 'numdisabled 0 ', 0);
  } else {
    p.jsonOnly('multi_queue', false);
  }
  onOff('persist', true);
  if (t.owner !== undefined) {
    const name = ip.accountNames?.user(t.owner) ?? String(t.owner);
    p.any('user', `user ${name} `, name);
  }
  if (t.group !== undefined) {
    const name = ip.accountNames?.group(t.group) ?? String(t.group);
    p.any('group', `group ${name} `, name);
  }
  p.closeObject();
}

function printDetails(ip: Ip, l: LinkMsg, doLink: boolean): void {
  const p = ip.printer;
  p.any('promiscuity', ` promiscuity ${l.promiscuity} `, l.promiscuity);
  p.any('allmulti', ` allmulti ${l.allmulti} `, l.allmulti);
  p.any('min_mtu', `minmtu ${l.minMtu} `, l.minMtu);
  p.any('max_mtu', `maxmtu ${l.maxMtu} `, l.maxMtu);
  if (l.kind || l.slaveKind) {
    p.openObject('linkinfo');
    if (l.kind) {
      p.nl();
      p.any('info_kind', `    ${l.kind} `, l.kind);
      if (l.bridge) printBridgeData(p, l.bridge);
      if (l.vlan) printVlanData(p, l.vlan);
      if (l.macvlan) printMacvlanData(p, l.macvlan);
      if (l.vxlan) printVxlanData(p, l.vxlan, (i) => ip.cachedName(i));
      if (l.tun) printTunData(ip, l.tun);
    }
    if (l.slaveKind) {
      p.nl();
      p.any('info_slave_kind', `    ${l.slaveKind}_slave `, l.slaveKind);
      if (l.port) printBridgePortData(p, l.port);
    }
    p.closeObject();
  }
  if (doLink) {
    const mode = ['eui64', 'none', 'stable_secret', 'random'][l.addrGenMode] ?? `0x${l.addrGenMode.toString(16).padStart(2, '0')}`;
    p.any('inet6_addr_gen_mode', `addrgenmode ${mode} `, mode);
  }
  const tso = l.tsoMaxSize ?? 65536;
  const fields: [string, string, number][] = [
    ['num_tx_queues', 'numtxqueues', l.numTxQueues], ['num_rx_queues', 'numrxqueues', l.numRxQueues],
    ['gso_max_size', 'gso_max_size', l.gsoMaxSize], ['gso_max_segs', 'gso_max_segs', l.gsoMaxSegs],
    ['tso_max_size', 'tso_max_size', tso], ['tso_max_segs', 'tso_max_segs', 65535], ['gro_max_size', 'gro_max_size', l.groMaxSize ?? 65536],
  ];
  for (const [key, label, v] of fields) p.any(key, `${label} ${v} `, v);
  if (l.parentBus) p.any('parentbus', `parentbus ${l.parentBus} `, l.parentBus);
  if (l.parentDev) p.any('parentdev', `parentdev ${l.parentDev} `, l.parentDev);
}

/**
 * print_linkinfo for one device. `doLink` is true for `ip link` (mode and link stats shown),
 * false for `ip addr`. `inet6Dump` marks a link from the IPv6 link dump (`ip -6 addr` without
 * a device), which carries neither the qdisc nor the group.
 */
export function printLinkInfo(ip: Ip, l: LinkMsg, doLink: boolean, inet6Dump: boolean, showLinkLine: boolean): void {
  const p = ip.printer;
  p.any('ifindex', `${l.ifindex}: `, l.ifindex);
  const mdown = printNameAndLink(ip, l, false);
  printLinkFlags(p, l.flags, mdown);
  p.any('mtu', `mtu ${l.mtu} `, l.mtu);
  if (!inet6Dump) p.any('qdisc', `qdisc ${l.qdisc} `, l.qdisc);
  if (l.master !== undefined) p.any('master', `master ${ip.cachedName(l.master)} `, ip.cachedName(l.master));
  printOperstate(ip, l);
  if (doLink) {
    const mode = ['DEFAULT', 'DORMANT'][l.linkmode] ?? String(l.linkmode);
    p.any('linkmode', `mode ${mode} `, mode);
  }
  const group = groupN2a(l.group, ip.opts.numeric);
  if (!inet6Dump) p.any('group', `group ${group} `, group);
  if (l.txqlen) p.any('txqlen', `qlen ${l.txqlen}`, l.txqlen);
  if (showLinkLine) {
    p.nl();
    p.any('link_type', `    link/${l.linkType} `, l.linkType);
    if (l.address) {
      p.any('address', l.address, l.address, 'mac');
      p.fp(' brd ');
      p.any('broadcast', l.broadcast, l.broadcast, 'mac');
    }
    if (l.permAddress && l.permAddress !== l.address) {
      p.fp(' permaddr ');
      p.any('permaddr', l.permAddress, l.permAddress, 'mac');
    }
    if (l.linkNetnsid !== undefined) {
      const ns = ip.nsidNames?.get(l.linkNetnsid);
      if (p.isJson) p.jsonOnly('link_netnsid', l.linkNetnsid);
      else p.fp(ns !== undefined ? ` link-netns ${ns}` : ` link-netnsid ${l.linkNetnsid}`);
    }
  }
  if (ip.opts.details) printDetails(ip, l, doLink);
  if ((doLink || ip.opts.details) && l.alias !== undefined) {
    p.fp(`${p.sl}    `);
    p.any('ifalias', `alias ${l.alias}`, l.alias);
  }
  if (doLink && ip.opts.stats) {
    p.nl();
    printStats(ip, l.stats, l.carrierChanges);
  }
  if (l.altnames) {
    p.openArrayJsonOnly('altnames');
    for (const n of l.altnames) {
      p.fp(`${p.sl}    altname `);
      p.any(null, n, n);
    }
    p.closeArrayJsonOnly();
  }
  p.fp('\n');
}
