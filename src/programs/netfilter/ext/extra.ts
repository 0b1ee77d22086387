// Less common matches and the MARK target: mac, iprange, mark, length, pkttype, recent, MARK.
import { NF_RECENT, type NfMatch, type NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { formatAddr, numericToIpaddr, parseText, x6Host } from '../ip-parse';
import { strtoul, strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;
type Mark = Extract<NfTarget, { kind: 'MARK' }>;

const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

/** XTTYPE_MARKMASK32 (xtables_parse_val_mask): "value[/mask]", C numbers */
export function markMask(ext: string, opt: string, arg: string): { mark: number; mask: number } {
  const bad = (): never => {
    throw paramError(`${ext}: bad integer value for option "--${opt}", or out of range.\n`);
  };
  const garbage = (): never => {
    throw paramError(`${ext}: trailing garbage after value for option "--${opt}".\n`);
  };
  const v = strtoul(arg);
  if (!v || v.value > 0xffffffff) return bad();
  const rest = arg.slice(v.end);
  if (rest === '') return { mark: v.value, mask: 0xffffffff };
  if (!rest.startsWith('/')) return garbage();
  const m = strtoul(rest.slice(1));
  if (!m || m.value > 0xffffffff) return bad();
  if (m.end !== rest.length - 1) return garbage();
  return { mark: v.value, mask: m.value };
}

export const macMatch: MatchExtension<M<'mac'>> = {
  name: 'mac',
  kind: 'match',
  x6: true,
  opts: [{ name: 'mac-source', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'mac', mac: '00:00:00:00:00:00', inv: false }),
  parse(_o, arg, invert, d) {
    const parts = (arg ?? '').split(':');
    if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) throw paramError('Invalid MAC address specified.');
    d.mac = parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
    d.inv = invert;
  },
  build: (d) => d,
};

export const iprangeMatch: MatchExtension<M<'iprange'>> = {
  name: 'iprange',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'src-range', id: 0, hasArg: 1, invert: true },
    { name: 'dst-range', id: 1, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'iprange', srcInv: false, dstInv: false }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const dash = a.indexOf('-');
    const ends = dash < 0 ? [a, a] : [a.slice(0, dash), a.slice(dash + 1)];
    const nums = ends.map((e) => {
      // xtables_numeric_to_ipaddr (C numbers, a short form completes a network) or inet_pton
      const v = env.family === 'ipv4' ? numericToIpaddr(e, false) : parseText(env.family, e);
      if (v === null) throw paramError(`iprange: Bad value for "${opt.name === 'src-range' ? '--src-range' : '--dst-range'}" option: "${e}"`);
      return v;
    });
    const vals = nums.map((v) => formatAddr(env.family, v)) as [string, string];
    // (the warning quotes the ends as they were written)
    if (nums[0]! > nums[1]!) env.warn?.(`xt_iprange: range ${ends[0]}-${ends[1]} is reversed and will never match\n`);
    if (opt.id === 0) {
      d.src = vals;
      d.srcInv = invert;
    } else {
      d.dst = vals;
      d.dstInv = invert;
    }
  },
  final(d) {
    if (!d.src && !d.dst) throw paramError("iprange match: You must specify `--src-range' or `--dst-range'");
  },
  build: (d) => d,
};

export const markMatch: MatchExtension<M<'mark'>> = {
  name: 'mark',
  kind: 'match',
  x6: true,
  opts: [{ name: 'mark', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'mark', mark: 0, mask: 0xffffffff, inv: false }),
  parse(_o, arg, invert, d) {
    Object.assign(d, markMask('mark', 'mark', arg ?? ''), { inv: invert });
  },
  build: (d) => d,
};

export const lengthMatch: MatchExtension<M<'length'>> = {
  name: 'length',
  kind: 'match',
  x6: true,
  opts: [{ name: 'length', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'length', min: 0, max: 0, inv: false }),
  parse(_o, arg, invert, d) {
    const parts = (arg ?? '').split(':');
    if (parts.length > 2) throw paramError('length: Too many components for option "--length" (max: 2)\n');
    const v = parts.map((p, i) => (p === '' ? (i === 0 ? 0 : 0xffff) : strtouiWhole(p, 0, 0xffff)));
    if (v.some((x) => x === null)) throw paramError(`length: bad value for option "--length" near "${arg ?? ''}", or out of range (0-65535).\n`);
    d.min = v[0]!;
    d.max = v.length > 1 ? v[1]! : v[0]!;
    d.inv = invert;
  },
  build: (d) => d,
};

const PKTTYPES: readonly [string, M<'pkttype'>['type']][] = [
  ['unicast', 'unicast'],
  ['broadcast', 'broadcast'],
  ['multicast', 'multicast'],
  ['otherhost', 'otherhost'],
  ['bcast', 'broadcast'],
  ['mcast', 'multicast'],
  ['host', 'unicast'],
];

export const pkttypeMatch: MatchExtension<M<'pkttype'>> = {
  name: 'pkttype',
  kind: 'match',
  x6: true,
  opts: [{ name: 'pkt-type', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'pkttype', type: 'unicast', inv: false }),
  parse(_o, arg, invert, d) {
    const hit = PKTTYPES.find(([n]) => n === (arg ?? '').toLowerCase());
    if (!hit) throw paramError(`Bad packet type '${arg ?? ''}'`);
    d.type = hit[1];
    d.inv = invert;
  },
  build: (d) => d,
};

const ANY_OP = 0b1111;
export const recentMatch: MatchExtension<M<'recent'>> = {
  name: 'recent',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'set', id: 0, hasArg: 0, excl: ANY_OP, invert: true },
    { name: 'rcheck', id: 1, hasArg: 0, excl: ANY_OP, invert: true },
    { name: 'update', id: 2, hasArg: 0, excl: ANY_OP, invert: true },
    { name: 'remove', id: 3, hasArg: 0, excl: ANY_OP, invert: true },
    { name: 'seconds', id: 4, hasArg: 1 },
    { name: 'reap', id: 5, hasArg: 0, also: 1 << 4 },
    { name: 'hitcount', id: 6, hasArg: 1 },
    { name: 'rttl', id: 7, hasArg: 0, excl: 0b1001 },
    { name: 'name', id: 8, hasArg: 1 },
    { name: 'rsource', id: 9, hasArg: 0 },
    { name: 'rdest', id: 10, hasArg: 0 },
    { name: 'mask', id: 11, hasArg: 1 },
  ],
  init: (env) => ({ kind: 'recent', name: 'DEFAULT', ops: 0, seconds: 0, hitcount: 0, side: 'source', mask: env.family === 'ipv4' ? '255.255.255.255' : 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', inv: false }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const num = (min: number): number => {
      const v = strtouiWhole(a, min, 0xffffffff);
      if (v === null) throw paramError(`recent: bad value for option "--${opt.name}", or out of range (${min}-4294967295).\n`);
      return v;
    };
    const opBits = [NF_RECENT.SET, NF_RECENT.CHECK, NF_RECENT.UPDATE, NF_RECENT.REMOVE];
    if (opt.id <= 3) {
      d.ops |= opBits[opt.id]!;
      if (invert) d.inv = true;
    } else if (opt.id === 4) d.seconds = num(1);
    else if (opt.id === 5) d.ops |= NF_RECENT.REAP;
    else if (opt.id === 6) d.hitcount = num(0);
    else if (opt.id === 7) d.ops |= NF_RECENT.TTL;
    else if (opt.id === 8) d.name = a.slice(0, 199);
    else if (opt.id === 9) d.side = 'source';
    else if (opt.id === 10) d.side = 'dest';
    else {
      d.mask = formatAddr(env.family, x6Host(env.family, a, env.db)[0]!);
    }
  },
  final(_d, st) {
    if (!(st.flags & ANY_OP)) throw paramError("recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
  },
  build: (d) => d,
};

export const markTarget: TargetExtension<Mark> = {
  name: 'MARK',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'set-xmark', id: 0, hasArg: 1, excl: 0b11111 },
    { name: 'set-mark', id: 1, hasArg: 1, excl: 0b11111 },
    { name: 'and-mark', id: 2, hasArg: 1, excl: 0b11111 },
    { name: 'or-mark', id: 3, hasArg: 1, excl: 0b11111 },
    { name: 'xor-mark', id: 4, hasArg: 1, excl: 0b11111 },
  ],
  init: () => ({ kind: 'MARK', value: 0, mask: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id <= 1) {
      const mm = markMask('MARK', opt.name, a);
      d.value = mm.mark;
      d.mask = opt.id === 1 ? (mm.mask | mm.mark) >>> 0 : mm.mask;
      return;
    }
    const v = strtoul(a);
    if (!v || v.end !== a.length || v.value > 0xffffffff) throw paramError(`MARK: bad value for option "--${opt.name}", or out of range (0-4294967295).\n`);
    if (opt.id === 2) Object.assign(d, { value: 0, mask: ~v.value >>> 0 });
    else if (opt.id === 3) Object.assign(d, { value: v.value, mask: v.value });
    else Object.assign(d, { value: v.value, mask: 0 });
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  },
  build: (d) => d,
};

const RTN = ['UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST', 'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE'];

function addrTypes(arg: string): number {
  let mask = 0;
  const one = (word: string): boolean => {
    const i = RTN.findIndex((n) => word.length <= n.length && n.slice(0, word.length).toLowerCase() === word.toLowerCase());
    if (i < 0) return false;
    mask |= 1 << i;
    return true;
  };
  const parts = arg.split(',');
  for (let i = 0; i < parts.length - 1; i++) if (parts[i] === '' || !one(parts[i]!)) throw paramError(`addrtype: bad type \`${parts.slice(i).join(',')}'`);
  const last = parts[parts.length - 1]!;
  if (last === '' || !one(last)) throw paramError(`addrtype: bad type "${last}"`);
  return mask;
}

export const addrtypeMatch: MatchExtension<M<'addrtype'>> = {
  name: 'addrtype',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'src-type', id: 0, hasArg: 1, invert: true },
    { name: 'dst-type', id: 1, hasArg: 1, invert: true },
    { name: 'limit-iface-in', id: 2, hasArg: 0, excl: 1 << 3 },
    { name: 'limit-iface-out', id: 3, hasArg: 0, excl: 1 << 2 },
  ],
  init: () => ({ kind: 'addrtype', src: 0, dst: 0, srcInv: false, dstInv: false, limitIn: false, limitOut: false }),
  parse(opt, arg, invert, d) {
    if (opt.id === 0) {
      d.src |= addrTypes(arg ?? '');
      if (invert) d.srcInv = true;
    } else if (opt.id === 1) {
      d.dst |= addrTypes(arg ?? '');
      if (invert) d.dstInv = true;
    } else if (opt.id === 2) d.limitIn = true;
    else d.limitOut = true;
  },
  final(_d, st) {
    if (!(st.flags & 3)) throw paramError('addrtype: you must specify --src-type or --dst-type');
  },
  build: (d) => d,
};

// ------------------------------------------------------------------ output

const typeNames = (mask: number): string => RTN.filter((_, i) => mask & (1 << i)).join(',');

function addrtypeText(m: M<'addrtype'>, save: boolean): string {
  let s = save ? '' : ' ADDRTYPE match';
  if (m.src) s += save ? `${m.srcInv ? ' !' : ''} --src-type ${typeNames(m.src)}` : ` src-type ${m.srcInv ? '!' : ''}${typeNames(m.src)}`;
  if (m.dst) s += save ? `${m.dstInv ? ' !' : ''} --dst-type ${typeNames(m.dst)}` : ` dst-type ${m.dstInv ? '!' : ''}${typeNames(m.dst)}`;
  if (m.limitIn) s += save ? ' --limit-iface-in' : ' limit-in';
  if (m.limitOut) s += save ? ' --limit-iface-out' : ' limit-out';
  return s;
}

function recentText(m: M<'recent'>, save: boolean): string {
  const bits: [number, string, string][] = [
    [NF_RECENT.SET, 'SET', '--set'],
    [NF_RECENT.CHECK, 'CHECK', '--rcheck'],
    [NF_RECENT.UPDATE, 'UPDATE', '--update'],
    [NF_RECENT.REMOVE, 'REMOVE', '--remove'],
  ];
  let s = m.inv ? ' !' : '';
  if (!save) s += ' recent:';
  for (const [b, p, o] of bits) if (m.ops & b) s += ` ${save ? o : p}`;
  // (printed with %d: from 2^31 on the seconds come out negative)
  if (m.seconds) s += save ? ` --seconds ${m.seconds | 0}` : ` seconds: ${m.seconds | 0}`;
  if (m.ops & NF_RECENT.REAP) s += save ? ' --reap' : ' reap';
  if (m.hitcount) s += save ? ` --hitcount ${m.hitcount}` : ` hit_count: ${m.hitcount}`;
  if (m.ops & NF_RECENT.TTL) s += save ? ' --rttl' : ' TTL-Match';
  if (save) return `${s} --name ${m.name} --mask ${m.mask} ${m.side === 'source' ? '--rsource' : '--rdest'}`;
  return `${s} name: ${m.name} side: ${m.side} mask: ${m.mask}`;
}

const markText = (mark: number, mask: number): string => ` ${hex(mark)}${mask !== 0xffffffff ? `/${hex(mask)}` : ''}`;

export const EXTRA_FORMATS: Readonly<Record<string, MatchFormatter>> = {
  mac: { saveName: () => 'mac', print: (m) => ` MAC ${(m as M<'mac'>).inv ? '! ' : ''}${(m as M<'mac'>).mac}`, save: (m) => `${(m as M<'mac'>).inv ? ' !' : ''} --mac-source ${(m as M<'mac'>).mac}` },
  iprange: {
    saveName: () => 'iprange',
    print(m) {
      const r = m as M<'iprange'>;
      return (r.src ? ` source IP range${r.srcInv ? ' !' : ''} ${r.src[0]}-${r.src[1]}` : '') + (r.dst ? ` destination IP range${r.dstInv ? ' !' : ''} ${r.dst[0]}-${r.dst[1]}` : '');
    },
    save(m) {
      const r = m as M<'iprange'>;
      return (r.src ? `${r.srcInv ? ' !' : ''} --src-range ${r.src[0]}-${r.src[1]}` : '') + (r.dst ? `${r.dstInv ? ' !' : ''} --dst-range ${r.dst[0]}-${r.dst[1]}` : '');
    },
  },
  mark: {
    saveName: () => 'mark',
    print: (m) => ` mark match${(m as M<'mark'>).inv ? ' !' : ''}${markText((m as M<'mark'>).mark, (m as M<'mark'>).mask)}`,
    save: (m) => `${(m as M<'mark'>).inv ? ' !' : ''} --mark${markText((m as M<'mark'>).mark, (m as M<'mark'>).mask)}`,
  },
  length: {
    saveName: () => 'length',
    print: (m) => {
      const l = m as M<'length'>;
      return ` length ${l.inv ? '!' : ''}${l.min === l.max ? l.min : `${l.min}:${l.max}`}`;
    },
    save: (m) => {
      const l = m as M<'length'>;
      return `${l.inv ? ' !' : ''} --length ${l.min === l.max ? l.min : `${l.min}:${l.max}`}`;
    },
  },
  pkttype: {
    saveName: () => 'pkttype',
    print: (m) => ` PKTTYPE ${(m as M<'pkttype'>).inv ? '!' : ''}= ${(m as M<'pkttype'>).type}`,
    save: (m) => `${(m as M<'pkttype'>).inv ? ' !' : ''} --pkt-type ${(m as M<'pkttype'>).type}`,
  },
  addrtype: { saveName: () => 'addrtype', print: (m) => addrtypeText(m as M<'addrtype'>, false), save: (m) => addrtypeText(m as M<'addrtype'>, true) },
  recent: { saveName: () => 'recent', print: (m) => recentText(m as M<'recent'>, false), save: (m) => recentText(m as M<'recent'>, true) },
};

export const markFormat: TargetFormatter<Mark> = {
  print(t) {
    if (t.value === 0) return ` MARK and ${hex(~t.mask)}`;
    if (t.value === t.mask) return ` MARK or ${hex(t.value)}`;
    if (t.mask === 0) return ` MARK xor ${hex(t.value)}`;
    if (t.mask === 0xffffffff) return ` MARK set ${hex(t.value)}`;
    return ` MARK xset ${hex(t.value)}/${hex(t.mask)}`;
  },
  save: (t) => ` --set-xmark ${hex(t.value)}/${hex(t.mask)}`,
};
