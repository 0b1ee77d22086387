// Header-field matches and marking targets of quality-of-service setups: tos, dscp, ecn and
// tcpmss matches; the DSCP, CLASSIFY and CHECKSUM targets.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtoul, strtouiWhole } from '../strtoul';
import { parseTos, TOS_NAMES } from './connmark-ttl-log';
import type { MatchExtension, MatchFormatter, PrintEnv, TargetExtension, TargetFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;
type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

const hex2 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

export const tosMatch: MatchExtension<M<'tos'>> = {
  name: 'tos',
  kind: 'match',
  x6: true,
  opts: [{ name: 'tos', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'tos', value: 0, mask: 0, inv: false }),
  parse(_o, arg, invert, d) {
    Object.assign(d, parseTos(arg ?? ''), { inv: invert });
  },
  build: (d) => d,
};

export const tosFormat: MatchFormatter<M<'tos'>> = {
  saveName: () => 'tos',
  print(m, env: PrintEnv) {
    const named = m.mask === 0x3f && !env.numeric ? TOS_NAMES.find(([, v]) => v === m.value) : undefined;
    return ` tos match${m.inv ? '!' : ''}${named ? ` ${named[0]}` : `${hex2(m.value)}/${hex2(m.mask)}`}`;
  },
  save: (m) => `${m.inv ? ' !' : ''} --tos ${hex2(m.value)}/${hex2(m.mask)}`,
};

const DSCP_CLASSES: readonly [string, number][] = [
  ['CS0', 0x00],
  ['CS1', 0x08],
  ['CS2', 0x10],
  ['CS3', 0x18],
  ['CS4', 0x20],
  ['CS5', 0x28],
  ['CS6', 0x30],
  ['CS7', 0x38],
  ['BE', 0x00],
  ['AF11', 0x0a],
  ['AF12', 0x0c],
  ['AF13', 0x0e],
  ['AF21', 0x12],
  ['AF22', 0x14],
  ['AF23', 0x16],
  ['AF31', 0x1a],
  ['AF32', 0x1c],
  ['AF33', 0x1e],
  ['AF41', 0x22],
  ['AF42', 0x24],
  ['AF43', 0x26],
  ['EF', 0x2e],
];

/** class_to_dscp */
function dscpClass(name: string): number {
  const hit = DSCP_CLASSES.find(([n]) => n.toLowerCase() === name.toLowerCase());
  if (!hit) throw paramError(`Invalid DSCP value \`${name}'`);
  return hit[1];
}

function dscpValue(ext: string, opt: string, arg: string): number {
  const v = strtouiWhole(arg, 0, 63);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (0-63).\n`);
  return v;
}

export const dscpMatch: MatchExtension<M<'dscp'>> = {
  name: 'dscp',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'dscp', id: 0, hasArg: 1, invert: true, excl: 1 << 1 },
    { name: 'dscp-class', id: 1, hasArg: 1, invert: true, excl: 1 << 0 },
  ],
  init: () => ({ kind: 'dscp', dscp: 0, inv: false }),
  parse(opt, arg, invert, d) {
    d.dscp = opt.id === 0 ? dscpValue('dscp', 'dscp', arg ?? '') : dscpClass(arg ?? '');
    d.inv = invert;
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('DSCP match: Parameter --dscp is required');
  },
  build: (d) => d,
};

export const dscpFormat: MatchFormatter<M<'dscp'>> = {
  saveName: () => 'dscp',
  print: (m) => ` DSCP match ${m.inv ? '!' : ''}${hex2(m.dscp)}`,
  save: (m) => `${m.inv ? ' !' : ''} --dscp ${hex2(m.dscp)}`,
};

const ECE = 1;
const CWR = 2;
const ECT = 4;

export const ecnMatch: MatchExtension<M<'ecn'>> = {
  name: 'ecn',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'ecn-tcp-cwr', id: 0, hasArg: 0, invert: true },
    { name: 'ecn-tcp-ece', id: 1, hasArg: 0, invert: true },
    { name: 'ecn-ip-ect', id: 2, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'ecn', ops: 0, inv: 0, ect: 0 }),
  parse(opt, arg, invert, d) {
    const bit = opt.id === 0 ? CWR : opt.id === 1 ? ECE : ECT;
    if (bit === ECT) {
      const v = strtouiWhole(arg ?? '', 0, 3);
      if (v === null) throw paramError('ecn: bad value for option "--ecn-ip-ect", or out of range (0-3).\n');
      d.ect = v;
    }
    d.ops |= bit;
    if (invert) d.inv |= bit;
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('ECN match: some option required');
  },
  build: (d) => d,
};

export const ecnFormat: MatchFormatter<M<'ecn'>> = {
  saveName: () => 'ecn',
  print(m) {
    const inv = (bit: number): string => (m.inv & bit ? '!' : '');
    let s = ' ECN match';
    if (m.ops & ECE) s += ` ${inv(ECE)}ECE`;
    if (m.ops & CWR) s += ` ${inv(CWR)}CWR`;
    if (m.ops & ECT) s += ` ${inv(ECT)}ECT=${m.ect}`;
    return s;
  },
  save(m) {
    const inv = (bit: number): string => (m.inv & bit ? ' !' : '');
    let s = '';
    if (m.ops & ECE) s += `${inv(ECE)} --ecn-tcp-ece`;
    if (m.ops & CWR) s += `${inv(CWR)} --ecn-tcp-cwr`;
    if (m.ops & ECT) s += `${inv(ECT)} --ecn-ip-ect ${m.ect}`;
    return s;
  },
};

/** xtopt_parse_mint (XTTYPE_UINT16RC/UINT32RC): "n[:m]"; an empty side is the range's end. */
export function parseRange(ext: string, opt: string, arg: string, max: number): [number, number] {
  const vals: number[] = [];
  let at = 0;
  for (;;) {
    if (vals.length === 2) throw paramError(`${ext}: Too many components for option "--${opt}" (max: 2)\n`);
    const rest = arg.slice(at);
    let end = at;
    let value: number;
    if (rest === '' || rest[0] === ':') value = vals.length === 1 ? max : 0;
    else {
      const v = strtoul(rest);
      if (!v || v.value > max) throw paramError(`${ext}: bad value for option "--${opt}" near "${rest}", or out of range (0-${max}).\n`);
      end = at + v.end;
      if (end < arg.length && arg[end] !== ':') throw paramError(`${ext}: Argument to "--${opt}" has unexpected characters near "${arg.slice(end)}".\n`);
      value = v.value;
    }
    vals.push(value);
    if (end >= arg.length) break;
    at = end + 1;
  }
  return [vals[0]!, vals.length > 1 ? vals[1]! : vals[0]!];
}

export const tcpmssMatch: MatchExtension<M<'tcpmss'>> = {
  name: 'tcpmss',
  kind: 'match',
  x6: true,
  opts: [{ name: 'mss', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'tcpmss', min: 0, max: 0, inv: false }),
  parse(_o, arg, invert, d) {
    const [lo, hi] = parseRange('tcpmss', 'mss', arg ?? '', 0xffff);
    if (lo > hi) throw paramError('tcpmss: invalid range given');
    Object.assign(d, { min: lo, max: hi, inv: invert });
  },
  build: (d) => d,
};

export const tcpmssMatchFormat: MatchFormatter<M<'tcpmss'>> = {
  saveName: () => 'tcpmss',
  print: (m) => ` tcpmss match ${m.inv ? '!' : ''}${m.min === m.max ? m.min : `${m.min}:${m.max}`}`,
  save: (m) => `${m.inv ? ' !' : ''} --mss ${m.min === m.max ? m.min : `${m.min}:${m.max}`}`,
};

export const dscpTarget: TargetExtension<T<'DSCP'>> = {
  name: 'DSCP',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'set-dscp', id: 0, hasArg: 1, excl: 1 << 1 },
    { name: 'set-dscp-class', id: 1, hasArg: 1, excl: 1 << 0 },
  ],
  init: () => ({ kind: 'DSCP', dscp: 0 }),
  parse(opt, arg, _invert, d) {
    d.dscp = opt.id === 0 ? dscpValue('DSCP', 'set-dscp', arg ?? '') : dscpClass(arg ?? '');
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('DSCP target: Parameter --set-dscp is required');
  },
  build: (d) => d,
};

export const dscpTargetFormat: TargetFormatter<T<'DSCP'>> = {
  print: (t) => ` DSCP set ${hex2(t.dscp)}`,
  save: (t) => ` --set-dscp ${hex2(t.dscp)}`,
};

/**
 * One sscanf %x: blanks, a sign, an optional 0x, hex digits (strtoul's value: a minus wraps,
 * too large saturates), kept to the unsigned int it is stored in.
 */
function scanHex(s: string, at: number): { value: number; end: number } | null {
  // (glibc takes a bare "0x" for a zero)
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:0[xX]([0-9a-fA-F]*)|([0-9a-fA-F]+))/.exec(s.slice(at));
  if (!m) return null;
  const max = (1n << 64n) - 1n;
  let v = BigInt(`0x0${m[2] ?? m[3] ?? ''}`);
  if (v > max) v = max;
  else if (m[1] === '-') v = (max + 1n - v) & max;
  return { value: Number(v & 0xffffffffn), end: at + m[0].length };
}

/** sscanf("%x:%x"): two hex numbers, anything after the second ignored; TC_H_MAKE(a << 16, b). */
function parseClass(s: string): number | null {
  const a = scanHex(s, 0);
  if (!a || s[a.end] !== ':') return null;
  const b = scanHex(s, a.end + 1);
  if (!b) return null;
  return (a.value & 0xffff) * 0x10000 + (b.value & 0xffff);
}

export const classifyTarget: TargetExtension<T<'CLASSIFY'>> = {
  name: 'CLASSIFY',
  kind: 'target',
  x6: true,
  opts: [{ name: 'set-class', id: 0, hasArg: 1, mand: true }],
  init: () => ({ kind: 'CLASSIFY', priority: 0 }),
  parse(_o, arg, _invert, d) {
    const v = parseClass(arg ?? '');
    if (v === null) throw paramError(`Bad class value "${arg ?? ''}"`);
    d.priority = v;
  },
  build: (d) => d,
};

export const classifyFormat: TargetFormatter<T<'CLASSIFY'>> = {
  print: (t) => ` CLASSIFY set ${Math.floor(t.priority / 0x10000).toString(16)}:${(t.priority & 0xffff).toString(16)}`,
  save: (t) => ` --set-class ${Math.floor(t.priority / 0x10000).toString(16).padStart(4, '0')}:${(t.priority & 0xffff).toString(16).padStart(4, '0')}`,
};

export const checksumTarget: TargetExtension<T<'CHECKSUM'>> = {
  name: 'CHECKSUM',
  kind: 'target',
  x6: true,
  opts: [{ name: 'checksum-fill', id: 0, hasArg: 0, mand: true }],
  init: () => ({ kind: 'CHECKSUM' }),
  parse() {},
  build: (d) => d,
};

export const checksumFormat: TargetFormatter<T<'CHECKSUM'>> = {
  print: () => ' CHECKSUM fill',
  save: () => ' --checksum-fill',
};
