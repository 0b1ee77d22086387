// Targets a course meets rarely: IDLETIMER (a sysfs timer per label), CONNSECMARK (copy the
// security mark between packet and connection) and HMARK (a mark from a hash of the packet's
// addresses and ports) -- libxt_IDLETIMER, libxt_CONNSECMARK and libxt_HMARK.
import type { NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import type { TargetExtension, TargetFormatter } from './types';

type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

const U32 = 0xffffffff;
/** label buffer of the kernel structure, NUL included */
const LABEL_SIZE = 28;

function uint(ext: string, opt: string, arg: string, min: number, max: number): number {
  const v = strtouiWhole(arg, min, max);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (${min}-${max}).\n`);
  return v;
}

export const idletimerTarget: TargetExtension<T<'IDLETIMER'>> = {
  name: 'IDLETIMER',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'timeout', id: 0, hasArg: 1, mand: true },
    { name: 'label', id: 1, hasArg: 1, mand: true },
    { name: 'alarm', id: 2, hasArg: 0 },
  ],
  init: () => ({ kind: 'IDLETIMER', timeout: 0, label: '', alarm: false }),
  parse(opt, arg, _invert, d) {
    if (opt.id === 0) d.timeout = uint('IDLETIMER', 'timeout', arg ?? '', 0, U32);
    else if (opt.id === 1) d.label = (arg ?? '').slice(0, LABEL_SIZE - 1);
    else d.alarm = true;
  },
  build: (d) => d,
};

export const idletimerFormat: TargetFormatter<T<'IDLETIMER'>> = {
  print: (t) => ` timeout:${t.timeout} label:${t.label}${t.alarm ? ' alarm' : ''}`,
  save: (t) => ` --timeout ${t.timeout} --label ${t.label}${t.alarm ? ' --alarm' : ''}`,
};

export const connsecmarkTarget: TargetExtension<T<'CONNSECMARK'>> = {
  name: 'CONNSECMARK',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'save', id: 0, hasArg: 0, excl: 1 << 1 },
    { name: 'restore', id: 1, hasArg: 0, excl: 1 << 0 },
  ],
  init: () => ({ kind: 'CONNSECMARK', mode: 'save' }),
  parse(opt, _arg, _invert, d) {
    d.mode = opt.id === 0 ? 'save' : 'restore';
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('CONNSECMARK target: parameter required');
  },
  build: (d) => d,
};

export const connsecmarkFormat: TargetFormatter<T<'CONNSECMARK'>> = {
  print: (t) => ` CONNSECMARK ${t.mode}`,
  save: (t) => ` --${t.mode}`,
};

/** HMARK option bits (XT_HMARK_*) */
export const HM = {
  saddr: 1 << 0,
  daddr: 1 << 1,
  spi: 1 << 2,
  spiMask: 1 << 3,
  sport: 1 << 4,
  dport: 1 << 5,
  sportMask: 1 << 6,
  dportMask: 1 << 7,
  protoMask: 1 << 8,
  rnd: 1 << 9,
  mod: 1 << 10,
  offset: 1 << 11,
  ct: 1 << 12,
} as const;

const HMARK_OPTS = [
  'hmark-tuple',
  'hmark-mod',
  'hmark-offset',
  'hmark-src-prefix',
  'hmark-dst-prefix',
  'hmark-sport-mask',
  'hmark-dport-mask',
  'hmark-spi-mask',
  'hmark-sport',
  'hmark-dport',
  'hmark-spi',
  'hmark-proto-mask',
  'hmark-rnd',
] as const;

/** the options that set one number, by id: the field (named as its flag bit), least, most */
const HMARK_NUMBERS: Partial<Record<number, [Exclude<keyof typeof HM, 'saddr' | 'daddr' | 'ct'>, number, number]>> = {
  1: ['mod', 1, U32],
  2: ['offset', 0, U32],
  5: ['sportMask', 0, 0xffff],
  6: ['dportMask', 0, 0xffff],
  7: ['spiMask', 0, U32],
  8: ['sport', 0, 0xffff],
  9: ['dport', 0, 0xffff],
  10: ['spi', 0, U32],
  11: ['protoMask', 0, 0xffff],
  12: ['rnd', 0, U32],
};

/** what counts as saying which packet fields to hash */
const TUPLE_OPTS = 0b1111_1111_1001;

export const hmarkTarget: TargetExtension<T<'HMARK'>> = {
  name: 'HMARK',
  kind: 'target',
  x6: true,
  opts: HMARK_OPTS.map((name, id) => ({ name, id, hasArg: 1 as const })),
  init: () => ({ kind: 'HMARK', flags: 0, srcPrefix: 0, dstPrefix: 0, sportMask: 0, dportMask: 0, spiMask: 0, sport: 0, dport: 0, spi: 0, protoMask: 0, rnd: 0, mod: 0, offset: 0 }),
  parse(opt, arg, _invert, d, _st, env) {
    const a = arg ?? '';
    const full = env.family === 'ipv4' ? 32 : 128;
    const name = opt.name;
    switch (opt.id) {
      case 0:
        for (const word of a.split(',')) {
          if (word === 'ct') d.flags |= HM.ct;
          else if (word === 'src') (d.flags |= HM.saddr), (d.srcPrefix = full);
          else if (word === 'dst') (d.flags |= HM.daddr), (d.dstPrefix = full);
          else if (word === 'sport') (d.flags |= HM.sportMask), (d.sportMask = 0xffff);
          else if (word === 'dport') (d.flags |= HM.dportMask), (d.dportMask = 0xffff);
          else if (word === 'spi') (d.flags |= HM.spiMask), (d.spiMask = U32);
          else if (word === 'proto') (d.flags |= HM.protoMask), (d.protoMask = 0xffff);
          else throw paramError(`Bad type "${word}"`);
        }
        break;
      case 3:
        d.srcPrefix = Math.min(uint('HMARK', name, a, 0, 255), full);
        d.flags |= HM.saddr;
        break;
      case 4:
        d.dstPrefix = Math.min(uint('HMARK', name, a, 0, 255), full);
        d.flags |= HM.daddr;
        break;
      default: {
        const [field, least, most] = HMARK_NUMBERS[opt.id]!;
        d[field] = uint('HMARK', name, a, least, most);
        d.flags |= HM[field];
      }
    }
  },
  final(d, st) {
    if (!(d.flags & HM.mod)) throw paramError('--hmark-mod is mandatory');
    if (!(d.flags & HM.rnd)) throw paramError('--hmark-rnd is mandatory');
    if (d.flags & HM.spiMask && d.flags & (HM.sportMask | HM.dportMask)) throw paramError('you cannot use --hmark-spi-mask and --hmark-?port-mask,at the same time');
    if (!(st.flags & TUPLE_OPTS)) throw paramError('you have to specify --hmark-tuple at least');
  },
  build: (d) => d,
};

const hex = (n: number, width = 0): string => `0x${n.toString(16).padStart(width, '0')}`;

export const hmarkFormat: TargetFormatter<T<'HMARK'>> = {
  print(t, env) {
    const f = t.flags;
    // an IPv6 prefix of 128 prints as nothing (the mask's text form is empty)
    const prefix = (n: number): string => (env.family === 'ipv6' && n === 128 ? '' : String(n));
    let s = ' HMARK ';
    if (f & HM.mod) s += `mod ${t.mod} `;
    if (f & HM.offset) s += `+ ${hex(t.offset)} `;
    if (f & HM.ct) s += 'ct, ';
    if (f & HM.saddr) s += `src-prefix ${prefix(t.srcPrefix)} `;
    if (f & HM.daddr) s += `dst-prefix ${prefix(t.dstPrefix)} `;
    if (f & HM.sportMask) s += `sport-mask ${hex(t.sportMask)} `;
    if (f & HM.dportMask) s += `dport-mask ${hex(t.dportMask)} `;
    if (f & HM.spiMask) s += `spi-mask ${hex(t.spiMask)} `;
    if (f & HM.sport) s += `sport ${hex(t.sport)} `;
    if (f & HM.dport) s += `dport ${hex(t.dport)} `;
    if (f & HM.spi) s += `spi ${hex(t.spi)} `;
    if (f & HM.protoMask) s += `proto-mask ${hex(t.protoMask)} `;
    if (f & HM.rnd) s += `rnd ${hex(t.rnd)} `;
    return s;
  },
  save(t) {
    const f = t.flags;
    let s = '';
    if (f & HM.saddr) s += ` --hmark-src-prefix ${t.srcPrefix}`;
    if (f & HM.daddr) s += ` --hmark-dst-prefix ${t.dstPrefix}`;
    if (f & HM.sportMask) s += ` --hmark-sport-mask ${hex(t.sportMask, 4)}`;
    if (f & HM.dportMask) s += ` --hmark-dport-mask ${hex(t.dportMask, 4)}`;
    if (f & HM.spiMask) s += ` --hmark-spi-mask ${hex(t.spiMask, 8)}`;
    if (f & HM.sport) s += ` --hmark-sport ${hex(t.sport, 4)}`;
    if (f & HM.dport) s += ` --hmark-dport ${hex(t.dport, 4)}`;
    if (f & HM.spi) s += ` --hmark-spi ${hex(t.spi, 8)}`;
    if (f & HM.protoMask) s += ` --hmark-proto-mask ${hex(t.protoMask, 2)}`;
    if (f & HM.rnd) s += ` --hmark-rnd ${hex(t.rnd, 8)}`;
    if (f & HM.mod) s += ` --hmark-mod ${t.mod}`;
    if (f & HM.offset) s += ` --hmark-offset ${t.offset}`;
    if (f & HM.ct) s += ' --hmark-tuple ct';
    return s;
  },
};

/** libipt_ULOG: its options are read and checked; the kernel has no ULOG any more. */
export const ulogTarget: TargetExtension<T<'ULOG'>> = {
  name: 'ULOG',
  kind: 'target',
  family: 'ipv4',
  noKernel: true,
  x6: true,
  opts: [
    { name: 'ulog-nlgroup', id: 0, hasArg: 1 },
    { name: 'ulog-prefix', id: 1, hasArg: 1 },
    { name: 'ulog-cprange', id: 2, hasArg: 1 },
    { name: 'ulog-qthreshold', id: 3, hasArg: 1 },
  ],
  init: () => ({ kind: 'ULOG' }),
  parse(opt, arg) {
    const a = arg ?? '';
    if (opt.id === 0) uint('ULOG', opt.name, a, 1, 32);
    else if (opt.id === 2) uint('ULOG', opt.name, a, 0, U32);
    else if (opt.id === 3) uint('ULOG', opt.name, a, 1, 50);
  },
  build: (d) => d,
};
