// `ip link ... type vlan` (ip/iplink_vlan.c): the options after the type, and the `vlan
// protocol 802.1Q id N <FLAGS>` part of `ip -d link`.
import type { VlanChange, VlanData } from '../../shared/services/net';
import type { Printer } from './ip-print';
import type { Ip } from './ip-session';
import { getUnsigned, IpExit, matches } from './ip-util';

const VLAN_USAGE = `Usage: ... vlan id VLANID
		[ protocol VLANPROTO ]
		[ reorder_hdr { on | off } ]
		[ gvrp { on | off } ]
		[ mvrp { on | off } ]
		[ loose_binding { on | off } ]
		[ bridge_binding { on | off } ]
		[ ingress-qos-map QOS-MAP ]
		[ egress-qos-map QOS-MAP ]

VLANID := 0-4095
VLANPROTO: [ 802.1Q | 802.1ad ]
QOS-MAP := [ QOS-MAP ] QOS-MAPPING
QOS-MAPPING := FROM:TO
`;

/** Link-layer protocol names ip knows (ll_proto_a2n / ll_proto_n2a), by ethertype. */
const LL_PROTOS: [number, string][] = [
  [0x0060, 'loop'], [0x0200, 'pup'], [0x0201, 'pupat'], [0x0800, 'ip'], [0x0805, 'x25'], [0x0806, 'arp'],
  [0x08ff, 'bpq'], [0x0a00, 'ieeepup'], [0x0a01, 'ieeepupat'], [0x6000, 'dec'], [0x6001, 'dna_dl'], [0x6002, 'dna_rc'],
  [0x6003, 'dna_rt'], [0x6004, 'lat'], [0x6005, 'diag'], [0x6006, 'cust'], [0x6007, 'sca'], [0x8035, 'rarp'],
  [0x809b, 'atalk'], [0x80f3, 'aarp'], [0x8137, 'ipx'], [0x86dd, 'ipv6'], [0x8863, 'ppp_disc'], [0x8864, 'ppp_ses'],
  [0x884c, 'atmmpoa'], [0x8884, 'atmfate'], [0x0001, '802_3'], [0x0002, 'ax25'], [0x0003, 'all'], [0x0004, '802_2'],
  [0x0005, 'snap'], [0x0006, 'ddcmp'], [0x0007, 'wan_ppp'], [0x0008, 'ppp_mp'], [0x0009, 'localtalk'], [0x000c, 'can'],
  [0x0010, 'ppptalk'], [0x0011, 'tr_802_2'], [0x0015, 'mobitex'], [0x0016, 'control'], [0x0017, 'irda'], [0x0018, 'econet'],
  [0x88ca, 'tipc'], [0x88a2, 'aoe'], [0x8100, '802.1Q'], [0x88a8, '802.1ad'], [0x8847, 'mpls_uc'], [0x8848, 'mpls_mc'],
  [0x6558, 'teb'], [0x88cc, 'LLDP'], [0x0800, 'ipv4'],
];

/** ll_proto_a2n: a name (any case) or a number. */
export function protoA2n(text: string): number | null {
  const named = LL_PROTOS.find(([, n]) => n.toLowerCase() === text.toLowerCase());
  if (named) return named[0];
  return getUnsigned(text, 0xffff);
}

/** ll_proto_n2a: the name, or the number in hex. */
export function protoN2a(proto: number): string {
  return LL_PROTOS.find(([p]) => p === proto)?.[1] ?? `[${proto.toString(16)}]`;
}

const FLAG_NAMES: [string, number][] = [['reorder_hdr', 1], ['gvrp', 2], ['mvrp', 8], ['loose_binding', 4], ['bridge_binding', 16]];

/** vlan_parse_qos_map: FROM:TO words as long as they have a colon. */
function qosMap(ip: Ip, words: string[], i: number, what: string): { map: [number, number][]; next: number } {
  const map: [number, number][] = [];
  for (; i < words.length; i++) {
    const w = words[i]!;
    const colon = w.indexOf(':');
    if (colon < 0) break;
    const from = getUnsigned(w.slice(0, colon));
    const to = getUnsigned(w.slice(colon + 1));
    if (from === null || to === null) ip.invarg(`invalid ${what}`, w.slice(0, colon));
    map.push([from, to]);
  }
  return { map, next: i };
}

/** vlan_parse_opt: returns the IFLA_INFO_DATA; errors end ip as the real one does. */
export function parseVlan(ip: Ip, words: string[]): VlanChange {
  const d: VlanChange = {};
  const flags = { flags: 0, mask: 0 };
  let i = 0;
  const next = (): string => {
    i++;
    if (i >= words.length) ip.incomplete();
    return words[i]!;
  };
  while (i < words.length) {
    const w = words[i]!;
    const flag = FLAG_NAMES.find(([name]) => matches(w, name));
    if (matches(w, 'protocol')) {
      const v = next();
      const p = protoA2n(v);
      if (p === null) ip.invarg('protocol is invalid', v);
      d.protocol = p;
    } else if (matches(w, 'id')) {
      const v = next();
      const id = getUnsigned(v, 0xffff);
      if (id === null) ip.invarg('id is invalid', v);
      d.id = id;
    } else if (flag) {
      const v = next();
      flags.mask |= flag[1];
      if (v === 'on') flags.flags |= flag[1];
      else if (v === 'off') flags.flags &= ~flag[1];
      else {
        ip.err(`Error: argument of "${flag[0]}" must be "on" or "off", not "${v}"\n`);
        throw new IpExit(1);
      }
    } else if (matches(w, 'ingress-qos-map') || matches(w, 'egress-qos-map')) {
      const ingress = matches(w, 'ingress-qos-map');
      next();
      const r = qosMap(ip, words, i, ingress ? 'ingress-qos-map' : 'egress-qos-map');
      const key = ingress ? 'ingress' : 'egress';
      d[key] = [...(d[key] ?? []), ...r.map];
      i = r.next;
      continue;
    } else if (matches(w, 'help')) {
      ip.err(VLAN_USAGE);
      throw new IpExit(1);
    } else {
      ip.err(`vlan: unknown command "${w}"?\n${VLAN_USAGE}`);
      throw new IpExit(1);
    }
    i++;
  }
  if (flags.mask) d.flags = flags;
  return d;
}

const FLAG_ORDER: [string, number][] = [['REORDER_HDR', 1], ['GVRP', 2], ['MVRP', 8], ['LOOSE_BINDING', 4], ['BRIDGE_BINDING', 16]];

function printMap(p: Printer, key: string, label: string, map: [number, number][]): void {
  p.openArrayJsonOnly(key);
  p.nl();
  p.fp(`      ${label} { `);
  for (const [from, to] of map) {
    if (p.isJson) {
      p.openObject();
      p.jsonOnly('from', from);
      p.jsonOnly('to', to);
      p.closeObject();
    } else p.fp(`${from}:${to} `);
  }
  p.closeArrayJsonOnly();
  p.fp('} ');
}

/** vlan_print_opt. */
export function printVlanData(p: Printer, d: VlanData): void {
  p.openObject('info_data');
  const proto = protoN2a(d.protocol);
  p.any('protocol', `protocol ${proto} `, proto);
  p.any('id', `id ${d.id} `, d.id);
  // the kernel reports the flags word only when some flag is set
  let f = d.flags;
  if (f) {
    p.openArray('flags', '<');
    for (const [name, bit] of FLAG_ORDER) {
      if (!(f & bit)) continue;
      f &= ~bit;
      p.any(null, f ? `${name},` : name, name);
    }
    if (f) p.any(null, f.toString(16), f.toString(16));
    p.closeArray('> ');
  }
  if (d.ingress) printMap(p, 'ingress-qos-map', 'ingress qos map', d.ingress);
  if (d.egress) printMap(p, 'egress-qos-map', 'egress qos map', d.egress);
  p.closeObject();
}
