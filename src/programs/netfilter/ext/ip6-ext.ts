// ip6tables' extension-header matches: frag, ipv6header, eui64, mh and ah (libip6t_frag,
// libip6t_ipv6header, libip6t_eui64, libxt_mh, libip6t_ah).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import { parseRange } from './common';
import type { MatchExtension, MatchFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;

const U32 = 0xffffffff;
const F = { len: 1, res: 2, first: 4, more: 8, last: 16 };

export const fragMatch: MatchExtension<M<'frag'>> = {
  name: 'frag',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'fragid', id: 0, hasArg: 1, invert: true },
    { name: 'fraglen', id: 1, hasArg: 1, invert: true },
    { name: 'fragres', id: 2, hasArg: 0 },
    { name: 'fragfirst', id: 3, hasArg: 0 },
    { name: 'fragmore', id: 4, hasArg: 0, excl: 1 << 5 },
    { name: 'fraglast', id: 5, hasArg: 0, excl: 1 << 4 },
  ],
  init: () => ({ kind: 'frag', ids: [0, U32], idsInv: false, len: 0, lenInv: false, flags: 0 }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const r = parseRange('frag', 'fragid', a, BigInt(U32)).map(Number);
      d.ids = [r[0]!, r[1] ?? r[0]!];
      d.idsInv = invert;
    } else if (opt.id === 1) {
      const v = strtouiWhole(a, 0, U32);
      if (v === null) throw paramError(`frag: bad value for option "--fraglen", or out of range (0-${U32}).\n`);
      d.len = v;
      d.lenInv = invert;
      d.flags |= F.len;
    } else d.flags |= [F.res, F.first, F.more, F.last][opt.id - 2]!;
  },
  build: (d) => d,
};

const fullIds = (m: M<'frag'>): boolean => m.ids[0] === 0 && m.ids[1] === U32;

export const fragFormat: MatchFormatter<M<'frag'>> = {
  saveName: () => 'frag',
  print(m) {
    let s = ' frag ';
    if (!fullIds(m) || m.idsInv) s += m.ids[0] === m.ids[1] ? `id:${m.idsInv ? '!' : ''}${m.ids[0]}` : `ids:${m.idsInv ? '!' : ''}${m.ids[0]}:${m.ids[1]}`;
    if (m.flags & F.len) s += ` length:${m.lenInv ? '!' : ''}${m.len}`;
    if (m.flags & F.res) s += ' reserved';
    if (m.flags & F.first) s += ' first';
    if (m.flags & F.more) s += ' more';
    if (m.flags & F.last) s += ' last';
    return s;
  },
  save(m) {
    let s = '';
    if (!fullIds(m)) s += `${m.idsInv ? ' !' : ''} --fragid ${m.ids[0] === m.ids[1] ? m.ids[0] : `${m.ids[0]}:${m.ids[1]}`}`;
    if (m.flags & F.len) s += `${m.lenInv ? ' !' : ''} --fraglen ${m.len}`;
    if (m.flags & F.res) s += ' --fragres';
    if (m.flags & F.first) s += ' --fragfirst';
    if (m.flags & F.more) s += ' --fragmore';
    if (m.flags & F.last) s += ' --fraglast';
    return s;
  },
};

/** [bit, long name, short name, protocol number] in the order they print */
const HEADERS: readonly [number, string, string, number][] = [
  [0x80, 'hop-by-hop', 'hop', 0],
  [0x40, 'ipv6-opts', 'dst', 60],
  [0x20, 'ipv6-route', 'route', 43],
  [0x10, 'ipv6-frag', 'frag', 44],
  [0x08, 'ah', 'auth', 51],
  [0x04, 'esp', 'esp', 50],
  [0x02, 'ipv6-nonxt', 'none', 59],
  [0x01, 'protocol', 'prot', 255],
];

export const ipv6headerMatch: MatchExtension<M<'ipv6header'>> = {
  name: 'ipv6header',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'header', id: 0, hasArg: 1, mand: true, invert: true },
    { name: 'soft', id: 1, hasArg: 0 },
  ],
  init: () => ({ kind: 'ipv6header', bits: 0, inv: false, soft: false }),
  parse(opt, arg, invert, d) {
    if (opt.id === 1) {
      d.soft = true;
      return;
    }
    for (const word of (arg ?? '').split(',')) {
      if (word === '') continue;
      const n = strtouiWhole(word, 0, 255);
      const hit = HEADERS.find(([, long, short, num]) => word === long || word === short || n === num);
      if (!hit) throw paramError(`unknown header \`${word}' specified`);
      d.bits |= hit[0];
    }
    d.inv = invert;
  },
  build: (d) => d,
};

const headerNames = (bits: number): string =>
  HEADERS.filter(([b]) => bits & b)
    .map(([, long]) => long)
    .join(',');

export const ipv6headerFormat: MatchFormatter<M<'ipv6header'>> = {
  saveName: () => 'ipv6header',
  print: (m, env) => ` ipv6header flags:${m.inv ? '!' : ''}${env.numeric ? `0x${m.bits.toString(16).toUpperCase().padStart(2, '0')}` : headerNames(m.bits)}${m.soft ? ' soft' : ''}`,
  save: (m) => `${m.inv ? ' !' : ''} --header ${headerNames(m.bits)}${m.soft ? ' --soft' : ''}`,
};

export const eui64Match: MatchExtension<M<'eui64'>> = {
  name: 'eui64',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [],
  init: () => ({ kind: 'eui64' }),
  parse() {},
  build: (d) => d,
};

export const eui64Format: MatchFormatter<M<'eui64'>> = { saveName: () => 'eui64', print: () => '', save: () => '' };

const MH_TYPES: readonly [string, string][] = [
  ['binding-refresh-request', 'brr'],
  ['home-test-init', 'hoti'],
  ['careof-test-init', 'coti'],
  ['home-test', 'hot'],
  ['careof-test', 'cot'],
  ['binding-update', 'bu'],
  ['binding-acknowledgement', 'ba'],
  ['binding-error', 'be'],
];

/**
 * name_to_type: a case-blind prefix of a name or short name (the first one in table order,
 * unless one is spelt out in full; an empty word is the first), else a number 0-255.
 */
function mhType(word: string): number {
  const w = word.toLowerCase();
  let match = -1;
  MH_TYPES.forEach((names, type) => {
    for (const n of names) if (n.startsWith(w) && (match < 0 || n.length === w.length)) match = type;
  });
  if (match >= 0) return match;
  const n = strtouiWhole(word, 0, 255);
  if (n === null) throw paramError(`Invalid MH type \`${word}'`);
  return n;
}

export const mhMatch: MatchExtension<M<'mh'>> = {
  name: 'mh',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [{ name: 'mh-type', id: 0, hasArg: 1, invert: true }],
  init: () => ({ kind: 'mh', types: [0, 255], inv: false }),
  parse(_opt, arg, invert, d) {
    const a = arg ?? '';
    const colon = a.indexOf(':');
    if (colon < 0) d.types = [mhType(a), mhType(a)];
    else {
      // an empty end of a range is 0 or 255
      const lo = a.slice(0, colon);
      const hi = a.slice(colon + 1);
      d.types = [lo === '' ? 0 : mhType(lo), hi === '' ? 0xff : mhType(hi)];
      if (d.types[0] > d.types[1]) throw paramError('Invalid MH type range (min > max)');
    }
    d.inv = invert;
  },
  build: (d) => d,
};

const mhName = (n: number, numeric: boolean): string => (numeric ? undefined : MH_TYPES[n]?.[0]) ?? String(n);

export const mhFormat: MatchFormatter<M<'mh'>> = {
  saveName: () => 'mh',
  print(m, env) {
    if (m.types[0] === 0 && m.types[1] === 255 && !m.inv) return ' mh';
    const [lo, hi] = m.types;
    return ` mh ${m.inv ? '!' : ''}${lo === hi ? mhName(lo, env.numeric) : `${mhName(lo, env.numeric)}:${mhName(hi, env.numeric)}`}`;
  },
  save(m) {
    if (m.types[0] === 0 && m.types[1] === 255 && !m.inv) return '';
    const [lo, hi] = m.types;
    return `${m.inv ? ' !' : ''} --mh-type ${lo === hi ? lo : `${lo}:${hi}`}`;
  },
};

/** libip6t_ah: IPv6 looks for the header itself, so no -p is needed (unlike IPv4's ah) */
export const ah6Match: MatchExtension<M<'ah6'>> = {
  name: 'ah',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'ahspi', id: 0, hasArg: 1, invert: true },
    { name: 'ahlen', id: 1, hasArg: 1, invert: true },
    { name: 'ahres', id: 2, hasArg: 0 },
  ],
  init: () => ({ kind: 'ah6', spis: [0, U32], spisInv: false, len: 0, lenInv: false, res: false }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const r = parseRange('ah', 'ahspi', a, BigInt(U32)).map(Number);
      d.spis = [r[0]!, r[1] ?? r[0]!];
      d.spisInv = invert;
    } else if (opt.id === 1) {
      const v = strtouiWhole(a, 0, U32);
      if (v === null) throw paramError(`ah: bad value for option "--ahlen", or out of range (0-${U32}).\n`);
      d.len = v;
      d.lenInv = invert;
    } else d.res = true;
  },
  build: (d) => d,
};

export const ah6Format: MatchFormatter<M<'ah6'>> = {
  saveName: () => 'ah',
  // (1.8.9 prints the length straight after the SPIs, without a blank)
  print(m) {
    const [lo, hi] = m.spis;
    let s = ' ah ';
    if (lo !== 0 || hi !== U32 || m.spisInv) s += lo === hi ? `spi:${m.spisInv ? '!' : ''}${lo}` : `spis:${m.spisInv ? '!' : ''}${lo}:${hi}`;
    if (m.len !== 0 || m.lenInv) s += `length:${m.lenInv ? '!' : ''}${m.len}`;
    return s + (m.res ? ' reserved' : '');
  },
  save(m) {
    const [lo, hi] = m.spis;
    let s = '';
    if (!(lo === 0 && hi === U32)) s += `${m.spisInv ? ' !' : ''} --ahspi ${lo === hi ? lo : `${lo}:${hi}`}`;
    if (m.len !== 0 || m.lenInv) s += `${m.lenInv ? ' !' : ''} --ahlen ${m.len}`;
    return s + (m.res ? ' --ahres' : '');
  },
};
