// `ip link ... type vxlan` (ip/iplink_vxlan.c): the options after the type, and the
// `vxlan id N remote ... dstport ...` part of `ip -d link`.
import type { VxlanChange, VxlanData } from '../../shared/services/net';
import { parseAddr } from '../../shared/services/net-addr';
import { getAddr, prefixText } from './ip-inet';
import type { Printer } from './ip-print';
import type { Ip } from './ip-session';
import { AF, getUnsigned, IpExit, matches } from './ip-util';

const VXLAN_USAGE = `Usage: ... vxlan id VNI
		[ { group | remote } IP_ADDRESS ]
		[ local ADDR ]
		[ ttl TTL ]
		[ tos TOS ]
		[ df DF ]
		[ flowlabel LABEL ]
		[ dev PHYS_DEV ]
		[ dstport PORT ]
		[ srcport MIN MAX ]
		[ [no]learning ]
		[ [no]proxy ]
		[ [no]rsc ]
		[ [no]l2miss ]
		[ [no]l3miss ]
		[ ageing SECONDS ]
		[ maxaddress NUMBER ]
		[ [no]udpcsum ]
		[ [no]udp6zerocsumtx ]
		[ [no]udp6zerocsumrx ]
		[ [no]remcsumtx ] [ [no]remcsumrx ]
		[ [no]external ] [ gbp ] [ gpe ]
		[ [no]vnifilter ]

Where:	VNI	:= 0-16777215
	ADDR	:= { IP_ADDRESS | any }
	TOS	:= { NUMBER | inherit }
	TTL	:= { 1..255 | auto | inherit }
	DF	:= { unset | set | inherit }
	LABEL := 0-1048575
`;

const SWITCHES: [string, keyof VxlanChange][] = [
  ['learning', 'learning'], ['proxy', 'proxy'], ['rsc', 'rsc'], ['l2miss', 'l2miss'], ['l3miss', 'l3miss'],
  ['udpcsum', 'udpCsum'], ['udp6zerocsumtx', 'zeroCsum6Tx'], ['udp6zerocsumrx', 'zeroCsum6Rx'],
];

function isMulticast(text: string): boolean {
  const a = parseAddr(text);
  if (!a) return false;
  return a.family === 4 ? (a.bytes[0]! & 0xf0) === 0xe0 : a.bytes[0] === 0xff;
}

/** vxlan_parse_opt; `create` adds the checks and the port warning of a new device. */
export function parseVxlan(ip: Ip, words: string[], create: boolean, indexOf: (name: string) => number): VxlanChange {
  const d: VxlanChange = {};
  let family: number = AF.UNSPEC;
  let portSet = false;
  const bail = (msg: string): never => {
    ip.err(msg);
    throw new IpExit(1);
  };
  let i = 0;
  const next = (): string => {
    i++;
    if (i >= words.length) ip.incomplete();
    return words[i]!;
  };
  const addr = (v: string): string => {
    const p = getAddr(ip, v, family);
    family = p.family;
    return prefixText(p) ?? '';
  };
  for (; i < words.length; i++) {
    const w = words[i]!;
    const sw = SWITCHES.find(([n]) => w === n || w === `no${n}`);
    if (w === 'id' || w === 'vni') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null || n >= 1 << 24) ip.invarg('invalid id', v);
      d.vni = n;
    } else if (w === 'group' || w === 'remote') {
      if (d.remote !== undefined && isMulticast(d.remote) !== (w === 'group')) bail('vxlan: both group and remote cannot be specified\n');
      const v = next();
      const a = addr(v);
      if (isMulticast(a) !== (w === 'group')) ip.invarg(`invalid ${w} address`, v);
      d.remote = a;
    } else if (w === 'local') {
      const v = next();
      if (v !== 'any') {
        const a = addr(v);
        if (isMulticast(a)) ip.invarg('invalid local address', v);
        d.local = a;
      }
    } else if (w === 'dev') {
      const v = next();
      const idx = indexOf(v);
      if (!idx) ip.fail(`Cannot find device "${v}"\n`, 255);
      d.link = idx;
    } else if (w === 'ttl' || w === 'hoplimit') {
      const v = next();
      if (v === 'inherit') d.ttlInherit = true;
      else if (v === 'auto') d.ttl = 0;
      else {
        const n = getUnsigned(v);
        if (n === null || n > 255) ip.invarg('TTL must be <= 255', v);
        d.ttl = n;
      }
    } else if (w === 'tos' || w === 'dsfield') {
      const v = next();
      if (v === 'inherit') d.tos = 1;
      else {
        const n = getUnsigned(v, 0xff);
        if (n === null) ip.invarg('bad TOS value', v);
        d.tos = n;
      }
    } else if (matches(w, 'df')) {
      const v = next();
      const df = ['unset', 'set', 'inherit'].indexOf(v);
      if (df < 0) ip.invarg("DF must be 'unset', 'set' or 'inherit'", v);
      d.df = df;
    } else if (matches(w, 'label') || matches(w, 'flowlabel')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null || n > 0xfffff) ip.invarg('invalid flowlabel', v);
      d.label = n;
    } else if (w === 'ageing') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('ageing', v);
      d.ageing = n;
    } else if (w === 'maxaddress') {
      const v = next();
      const n = v === 'unlimited' ? 0 : getUnsigned(v);
      if (n === null) ip.invarg('max addresses', v);
      d.maxAddress = n;
    } else if (w === 'dstport') {
      const v = next();
      const n = getUnsigned(v, 0xffff);
      if (n === null) ip.invarg('dst port', v);
      d.port = n;
      portSet = true;
    } else if (w === 'srcport' || w === 'port') {
      const lo = next();
      const low = getUnsigned(lo, 0xffff);
      if (low === null) ip.invarg('min port', lo);
      const hi = next();
      const high = getUnsigned(hi, 0xffff);
      if (high === null) ip.invarg('max port', hi);
      d.srcPortLow = low;
      d.srcPortHigh = high;
    } else if (sw) {
      (d as Record<string, unknown>)[sw[1]] = !w.startsWith('no');
    } else if (w === 'help') {
      bail(VXLAN_USAGE);
    } else {
      bail(`vxlan: unknown command "${w}"?\n${VXLAN_USAGE}`);
    }
  }
  if (create && d.vni === undefined) bail('vxlan: missing virtual network identifier\n');
  if (d.remote !== undefined && isMulticast(d.remote) && !d.link) bail("vxlan: 'group' requires 'dev' to be specified\n");
  if (create && !portSet) {
    ip.err("vxlan: destination port not specified\nWill use Linux kernel default (non-standard value)\nUse 'dstport 4789' to get the IANA assigned value\nUse 'dstport 0' to get default and quiet this message\n");
  }
  return d;
}

/** vxlan_print_opt. */
export function printVxlanData(p: Printer, d: VxlanData, nameOf: (ifindex: number) => string): void {
  p.openObject('info_data');
  p.any('id', `id ${d.vni} `, d.vni);
  // (an IPv6 address has a JSON key of its own)
  const v6 = (a: string): string => (a.includes(':') ? '6' : '');
  if (d.remote) {
    const key = isMulticast(d.remote) ? 'group' : 'remote';
    p.any(key + v6(d.remote), `${key} ${d.remote} `, d.remote);
  }
  if (d.local) p.any(`local${v6(d.local)}`, `local ${d.local} `, d.local);
  if (d.link) p.any('link', `dev ${nameOf(d.link)} `, nameOf(d.link));
  p.openObject('port_range');
  p.fp('srcport ');
  p.any('low', `${d.srcPortLow} `, d.srcPortLow);
  p.any('high', `${d.srcPortHigh} `, d.srcPortHigh);
  p.closeObject();
  p.any('port', `dstport ${d.port} `, d.port);
  if (d.learning) p.jsonOnly('learning', true);
  else p.any('learning', 'nolearning ', false);
  if (d.proxy) p.any('proxy', 'proxy ', true);
  if (d.rsc) p.any('rsc', 'rsc ', true);
  if (d.l2miss) p.any('l2miss', 'l2miss ', true);
  if (d.l3miss) p.any('l3miss', 'l3miss ', true);
  if (d.tos) {
    p.jsonOnly('tos', `0x${d.tos.toString(16)}`);
    p.fp(d.tos === 1 ? 'tos inherit ' : `tos 0x${d.tos.toString(16)} `);
  }
  // an inherited TTL has no JSON member
  if (d.ttlInherit) p.fp('ttl inherit ');
  else if (d.ttl) p.any('ttl', `ttl ${d.ttl} `, d.ttl);
  else p.any('ttl', 'ttl auto ', 0);
  const df = ['unset', 'set', 'inherit'][d.df ?? 0] ?? 'unset';
  if (df === 'unset') p.jsonOnly('df', df);
  else p.any('df', `df ${df} `, df);
  if (d.label) p.any('label', `flowlabel 0x${d.label.toString(16)} `, `0x${d.label.toString(16)}`);
  p.any('ageing', `ageing ${d.ageing} `, d.ageing);
  if (d.maxAddress) p.any('limit', `maxaddr ${d.maxAddress} `, d.maxAddress);
  for (const [key, text, on] of [['udp_csum', 'udpcsum', d.udpCsum], ['udp_zero_csum6_tx', 'udp6zerocsumtx', d.zeroCsum6Tx], ['udp_zero_csum6_rx', 'udp6zerocsumrx', d.zeroCsum6Rx]] as const) {
    p.any(key, `${on ? '' : 'no'}${text} `, on);
  }
  p.closeObject();
}
