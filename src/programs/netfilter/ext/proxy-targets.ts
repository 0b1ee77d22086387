// TPROXY (transparent proxying), SYNPROXY (SYN flood protection), NETMAP (1:1 network
// mapping), ECN (IPv4 ECN bits) and TCPOPTSTRIP, as their libxt modules read and print them.
import type { NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { allOnes, formatAddr, maskToCidr, parseHostMask, parseText, x6Host } from '../ip-parse';
import { strtouiWhole } from '../strtoul';
import { portByName } from './common';
import { markMask } from './extra';
import type { PrintEnv, TargetExtension, TargetFormatter } from './types';

type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

const hex = (n: number): string => `0x${n.toString(16)}`;

function uint(ext: string, opt: string, arg: string, max: number): number {
  const v = strtouiWhole(arg, 0, max);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (0-${max}).\n`);
  return v;
}

export const tproxyTarget: TargetExtension<T<'TPROXY'>> = {
  name: 'TPROXY',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'on-port', id: 0, hasArg: 1, mand: true },
    { name: 'on-ip', id: 1, hasArg: 1 },
    { name: 'tproxy-mark', id: 2, hasArg: 1 },
  ],
  init: (env) => ({ kind: 'TPROXY', port: 0, addr: env.family === 'ipv4' ? '0.0.0.0' : '::', mark: 0, mask: 0 }),
  parse(opt, arg, _invert, d, _st, env) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const p = portByName(a, env.db);
      if (p === null) throw paramError(`Port "${a}" does not resolve to anything.\n`);
      d.port = p;
    } else if (opt.id === 1) d.addr = formatAddr(env.family, x6Host(env.family, a, env.db)[0]!);
    else {
      const mm = markMask('TPROXY', 'tproxy-mark', a);
      d.mark = mm.mark;
      d.mask = mm.mask;
    }
  },
  build: (d) => d,
};

export const tproxyFormat: TargetFormatter<T<'TPROXY'>> = {
  print: (t) => ` TPROXY redirect ${t.addr}:${t.port} mark ${hex(t.mark)}/${hex(t.mask)}`,
  save: (t) => ` --on-port ${t.port} --on-ip ${t.addr} --tproxy-mark ${hex(t.mark)}/${hex(t.mask)}`,
};

const SYN = { sack: 1, ts: 2, wscale: 4, mss: 8, ecn: 16 };

export const synproxyTarget: TargetExtension<T<'SYNPROXY'>> = {
  name: 'SYNPROXY',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'sack-perm', id: 0, hasArg: 0 },
    { name: 'timestamp', id: 1, hasArg: 0 },
    { name: 'wscale', id: 2, hasArg: 1 },
    { name: 'mss', id: 3, hasArg: 1 },
    { name: 'ecn', id: 4, hasArg: 0 },
  ],
  init: () => ({ kind: 'SYNPROXY', opts: 0, wscale: 0, mss: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    // (both read as 32 bits, kept in 8 and 16)
    if (opt.id === 2) d.wscale = uint('SYNPROXY', 'wscale', a, 0xffffffff) & 0xff;
    else if (opt.id === 3) d.mss = uint('SYNPROXY', 'mss', a, 0xffffffff) & 0xffff;
    d.opts |= [SYN.sack, SYN.ts, SYN.wscale, SYN.mss, SYN.ecn][opt.id]!;
  },
  build: (d) => d,
};

function synproxyShow(t: T<'SYNPROXY'>, save: boolean): string {
  const parts: string[] = [];
  if (t.opts & SYN.sack) parts.push('sack-perm');
  if (t.opts & SYN.ts) parts.push('timestamp');
  if (t.opts & SYN.wscale) parts.push(`wscale ${t.wscale}`);
  if (t.opts & SYN.mss) parts.push(`mss ${t.mss}`);
  if (t.opts & SYN.ecn) parts.push('ecn');
  return save ? parts.map((p) => ` --${p}`).join('') : ` SYNPROXY ${parts.map((p) => `${p} `).join('')}`;
}

export const synproxyFormat: TargetFormatter<T<'SYNPROXY'>> = {
  print: (t) => synproxyShow(t, false),
  save: (t) => synproxyShow(t, true),
};

export const netmapTarget: TargetExtension<T<'NETMAP'>> = {
  name: 'NETMAP',
  kind: 'target',
  x6: true,
  opts: [{ name: 'to', id: 0, hasArg: 1, mand: true }],
  init: (env) => ({ kind: 'NETMAP', addr: env.family === 'ipv4' ? '0.0.0.0' : '::', mask: env.family === 'ipv4' ? '255.255.255.255' : formatAddr('ipv6', allOnes('ipv6')) }),
  parse(_opt, arg, _invert, d, _st, env) {
    const hm = parseHostMask(env.family, arg ?? '', env.db, 'NETMAP', 'to');
    const mask = parseText(env.family, hm.mask)!;
    const host = parseText(env.family, hm.addr)!;
    d.addr = formatAddr(env.family, host & mask);
    d.mask = formatAddr(env.family, mask);
  },
  build: (d) => d,
};

function netmapTo(t: T<'NETMAP'>, env: PrintEnv): string {
  const m = parseText(env.family, t.mask) ?? 0n;
  const cidr = maskToCidr(env.family, m);
  return `${t.addr}/${cidr < 0 ? t.mask : cidr}`;
}

export const netmapFormat: TargetFormatter<T<'NETMAP'>> = {
  print: (t, env) => ` to:${netmapTo(t, env)}`,
  save: (t, env) => ` --to ${netmapTo(t, env)}`,
};

const ECN_ECE = 1;
const ECN_CWR = 2;
const ECN_IP = 4;

export const ecnTarget: TargetExtension<T<'ECN'>> = {
  name: 'ECN',
  kind: 'target',
  family: 'ipv4',
  x6: true,
  opts: [
    { name: 'ecn-tcp-remove', id: 0, hasArg: 0 },
    { name: 'ecn-tcp-cwr', id: 1, hasArg: 1 },
    { name: 'ecn-tcp-ece', id: 2, hasArg: 1 },
    { name: 'ecn-ip-ect', id: 3, hasArg: 1 },
  ],
  init: () => ({ kind: 'ECN', ops: 0, ece: 0, cwr: 0, ect: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      d.ops = ECN_ECE | ECN_CWR;
      d.ece = 0;
      d.cwr = 0;
    } else if (opt.id === 1) {
      d.cwr = uint('ECN', opt.name, a, 1);
      d.ops |= ECN_CWR;
    } else if (opt.id === 2) {
      d.ece = uint('ECN', opt.name, a, 1);
      d.ops |= ECN_ECE;
    } else {
      d.ect = uint('ECN', opt.name, a, 3);
      d.ops |= ECN_IP;
    }
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('ECN target: An operation is required');
  },
  build: (d) => d,
};

const ecnRemove = (t: T<'ECN'>): boolean => t.ops === (ECN_ECE | ECN_CWR) && t.ece === 0 && t.cwr === 0;

export const ecnTargetFormat: TargetFormatter<T<'ECN'>> = {
  print(t) {
    if (ecnRemove(t)) return ' ECN TCP remove';
    let s = ' ECN';
    if (t.ops & ECN_ECE) s += ` ECE=${t.ece}`;
    if (t.ops & ECN_CWR) s += ` CWR=${t.cwr}`;
    if (t.ops & ECN_IP) s += ` ECT codepoint=${t.ect}`;
    return s;
  },
  save(t) {
    if (ecnRemove(t)) return ' --ecn-tcp-remove';
    let s = '';
    if (t.ops & ECN_ECE) s += ` --ecn-tcp-ece ${t.ece}`;
    if (t.ops & ECN_CWR) s += ` --ecn-tcp-cwr ${t.cwr}`;
    if (t.ops & ECN_IP) s += ` --ecn-ip-ect ${t.ect}`;
    return s;
  },
};

const TCP_OPTS: readonly [string, number][] = [
  ['wscale', 3],
  ['mss', 2],
  ['sack-permitted', 4],
  ['sack', 5],
  ['timestamp', 8],
  ['md5', 19],
];

export const tcpoptstripTarget: TargetExtension<T<'TCPOPTSTRIP'>> = {
  name: 'TCPOPTSTRIP',
  kind: 'target',
  x6: true,
  opts: [{ name: 'strip-options', id: 0, hasArg: 1 }],
  init: () => ({ kind: 'TCPOPTSTRIP', options: [] }),
  parse(_opt, arg, _invert, d) {
    const set = new Set<number>();
    for (const word of (arg ?? '').split(',')) {
      const named = TCP_OPTS.find(([n]) => n === word);
      const v = named ? named[1] : strtouiWhole(word, 0, 255);
      if (v === null) throw paramError(`Bad TCP option value "${word}"`);
      if (set.has(v)) throw paramError(`Option "${word}" already specified`);
      set.add(v);
    }
    d.options = [...set].sort((a, b) => a - b);
  },
  build: (d) => d,
};

const optName = (n: number, numeric: boolean): string => (numeric ? undefined : TCP_OPTS.find(([, v]) => v === n)?.[0]) ?? String(n);

export const tcpoptstripFormat: TargetFormatter<T<'TCPOPTSTRIP'>> = {
  print: (t, env) => (t.options.length ? ` TCPOPTSTRIP options ${t.options.map((o) => optName(o, env.numeric)).join(',')}` : ''),
  // (the saved form is always numeric)
  save: (t) => (t.options.length ? ` --strip-options ${t.options.map((o) => optName(o, true)).join(',')}` : ''),
};
