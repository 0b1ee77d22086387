// How net-tools 2.10 ifconfig lists interfaces (lib/interface.c ife_print_long and
// ife_print_short): one block per device, one per IPv4 alias label (eth0:1), sorted by name;
// only the first IPv4 address of a label is shown, as the SIOCGIF* ioctls report it.
import { IFA_F, IFF, type AddrMsg, type LinkMsg } from '../../shared/services/net';
import { formatAddr, hostBitsSet, lenToMask, parseAddr } from '../../shared/services/net-addr';

export interface IfEntry {
  /** The device name, or an alias label such as eth0:1. */
  name: string;
  link: LinkMsg;
  alias: boolean;
  /** The first IPv4 address carrying this label (SIOCGIFADDR). */
  inet?: AddrMsg;
}

/** nstrcmp: names compared with their digit runs as numbers (eth2 before eth10). */
export function nstrcmp(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return pa.length - pb.length;
}

/** The interface list ifconfig builds from /proc/net/dev and SIOCGIFCONF. */
export function interfaces(links: LinkMsg[], addrs: AddrMsg[]): IfEntry[] {
  const out = new Map<string, IfEntry>();
  for (const l of links) out.set(l.name, { name: l.name, link: l, alias: false });
  for (const a of addrs) {
    if (a.family !== 4 || a.label === undefined) continue;
    const link = links.find((l) => l.ifindex === a.ifindex);
    if (!link) continue;
    const e = out.get(a.label) ?? { name: a.label, link, alias: a.label !== link.name };
    e.inet ??= a;
    out.set(a.label, e);
  }
  return [...out.values()].sort((x, y) => nstrcmp(x.name, y.name));
}

/** The 16-bit ifr_flags (LOWER_UP and above do not fit). */
function shortFlags(l: LinkMsg): number {
  return l.flags & 0xffff;
}

const LONG_FLAGS: [number, string][] = [
  [IFF.UP, 'UP'], [IFF.BROADCAST, 'BROADCAST'], [IFF.DEBUG, 'DEBUG'], [IFF.LOOPBACK, 'LOOPBACK'], [IFF.POINTOPOINT, 'POINTOPOINT'],
  [IFF.NOTRAILERS, 'NOTRAILERS'], [IFF.RUNNING, 'RUNNING'], [IFF.NOARP, 'NOARP'], [IFF.PROMISC, 'PROMISC'], [IFF.ALLMULTI, 'ALLMULTI'],
  [IFF.SLAVE, 'SLAVE'], [IFF.MASTER, 'MASTER'], [IFF.MULTICAST, 'MULTICAST'], [IFF.DYNAMIC, 'DYNAMIC'],
];

const SHORT_FLAGS: [number, string][] = [
  [IFF.ALLMULTI, 'A'], [IFF.BROADCAST, 'B'], [IFF.DEBUG, 'D'], [IFF.LOOPBACK, 'L'], [IFF.MULTICAST, 'M'], [IFF.DYNAMIC, 'd'],
  [IFF.PROMISC, 'P'], [IFF.NOTRAILERS, 'N'], [IFF.NOARP, 'O'], [IFF.POINTOPOINT, 'P'], [IFF.SLAVE, 's'], [IFF.MASTER, 'm'],
  [IFF.RUNNING, 'R'], [IFF.UP, 'U'],
];

/** `(744.0 B)`: bytes in binary units with one decimal, truncated. */
function humanBytes(n: number): string {
  const units: [number, string][] = [[2 ** 60, 'EiB'], [2 ** 50, 'PiB'], [2 ** 40, 'TiB'], [2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [1024, 'KiB']];
  for (const [size, unit] of units) {
    if (n > size) {
      const tenths = Math.floor((n * 10) / size);
      return `${Math.floor(tenths / 10)}.${tenths % 10} ${unit}`;
    }
  }
  return `${n}.0 B`;
}

/** /proc/net/if_inet6's scope column and ifconfig's name for it. */
function scopeId(a: AddrMsg): string {
  if (a.scope === 254) return '0x10<host>';
  if (a.scope === 253) return '0x20<link>';
  if (a.scope === 200) return '0x40<site>';
  return '0x0<global>';
}

export function printLong(e: IfEntry, addrs: AddrMsg[]): string {
  const l = e.link;
  const f = shortFlags(l);
  const names = LONG_FLAGS.filter(([bit]) => f & bit).map(([, n]) => n);
  let out = `${e.name}: flags=${f}<${names.join(',')}>  mtu ${l.mtu}\n`;
  if (e.inet) {
    const a = e.inet;
    const mask = formatAddr(lenToMask(4, a.prefixlen));
    out += `        inet ${a.local}  netmask ${mask}`;
    if (f & IFF.BROADCAST) out += `  broadcast ${a.broadcast ?? '0.0.0.0'}`;
    if (f & IFF.POINTOPOINT) out += `  destination ${a.address}`;
    out += '\n';
  }
  if (!e.alias) {
    for (const a of addrs) {
      if (a.family !== 6 || a.ifindex !== l.ifindex) continue;
      out += `        inet6 ${a.local}  prefixlen ${a.prefixlen}  scopeid ${scopeId(a)}\n`;
    }
  }
  out += l.linkType === 'loopback' ? '        loop' : `        ether ${l.address}`;
  out += `  txqueuelen ${l.txqlen}  (${l.linkType === 'loopback' ? 'Local Loopback' : 'Ethernet'})\n`;
  if (!e.alias) {
    const s = l.stats;
    out += `        RX packets ${s.rxPackets}  bytes ${s.rxBytes} (${humanBytes(s.rxBytes)})\n`;
    // the counters as /proc/net/dev sums them: drop with missed, frame with length, overrun
    // and CRC errors, carrier with aborted, window and heartbeat errors
    out += `        RX errors ${s.rxErrors}  dropped ${s.rxDropped + s.rxMissed}  overruns ${s.rxFifoErrors}  frame ${s.rxLengthErrors + s.rxOverErrors + s.rxCrcErrors + s.rxFrameErrors}\n`;
    out += `        TX packets ${s.txPackets}  bytes ${s.txBytes} (${humanBytes(s.txBytes)})\n`;
    out += `        TX errors ${s.txErrors}  dropped ${s.txDropped} overruns ${s.txFifoErrors}  carrier ${s.txCarrierErrors + s.txAbortedErrors + s.txWindowErrors + s.txHeartbeatErrors}  collisions ${s.collisions}\n`;
  }
  return `${out}\n`;
}

export const SHORT_HEADER = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';

export function printShort(e: IfEntry): string {
  const l = e.link;
  let out = `${e.name.slice(0, 15).padEnd(15)} ${String(l.mtu).padStart(5)} `;
  if (e.alias) {
    out += '     - no statistics available -'.padEnd(56);
  } else {
    const s = l.stats;
    out += `${String(s.rxPackets).padStart(8)} ${String(s.rxErrors).padStart(6)} ${String(s.rxDropped + s.rxMissed).padStart(6)} ${String(s.rxFifoErrors).padEnd(6)} `;
    out += `${String(s.txPackets).padStart(8)} ${String(s.txErrors).padStart(6)} ${String(s.txDropped).padStart(6)} ${String(s.txFifoErrors).padStart(6)} `;
  }
  const f = shortFlags(l);
  if (f === 0) out += '[NO FLAGS]';
  for (const [bit, c] of SHORT_FLAGS) if (f & bit) out += c;
  return `${out}\n`;
}

/** The broadcast address SIOCSIFADDR gives a new classful address. */
export function classfulBroadcast(local: string, prefixlen: number): string | undefined {
  const a = parseAddr(local);
  if (!a || prefixlen >= 31) return undefined;
  return formatAddr(hostBitsSet(a, prefixlen));
}

export function isSecondary(a: AddrMsg): boolean {
  return (a.flags & IFA_F.SECONDARY) !== 0;
}
