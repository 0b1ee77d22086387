// Matches on connection helpers, bridge ports and IPsec headers; ipset's
// set match and SET target (no sets exist: ipset is not installed); the AUDIT and TEE targets.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { formatAddr, x6Host } from '../ip-parse';
import { parseInterface } from '../parse';
import { saveString } from './common';
import { parseRange } from './qos';
import type { MatchExtension, MatchFormatter, ParseEnv, TargetExtension, TargetFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;
type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

export const helperMatch: MatchExtension<M<'helper'>> = {
  name: 'helper',
  kind: 'match',
  x6: true,
  opts: [{ name: 'helper', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'helper', name: '', inv: false }),
  parse(_o, arg, invert, d) {
    d.name = (arg ?? '').slice(0, 29);
    d.inv = invert;
  },
  build: (d) => d,
};

export const helperFormat: MatchFormatter<M<'helper'>> = {
  saveName: () => 'helper',
  print: (m) => ` helper match ${m.inv ? '! ' : ''}"${m.name}"`,
  save: (m) => `${m.inv ? ' !' : ''} --helper${saveString(m.name)}`,
};

/** XT_PHYSDEV_OP_* bits */
export const PHYS = { IN: 1, OUT: 2, BRIDGED: 4, ISIN: 8, ISOUT: 16 } as const;

const PHYS_BY_ID = [PHYS.IN, PHYS.OUT, PHYS.ISIN, PHYS.ISOUT, PHYS.BRIDGED];

export const physdevMatch: MatchExtension<M<'physdev'>> = {
  name: 'physdev',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'physdev-in', id: 0, hasArg: 1, invert: true },
    { name: 'physdev-out', id: 1, hasArg: 1, invert: true },
    { name: 'physdev-is-in', id: 2, hasArg: 0, invert: true },
    { name: 'physdev-is-out', id: 3, hasArg: 0, invert: true },
    { name: 'physdev-is-bridged', id: 4, hasArg: 0, invert: true },
  ],
  init: () => ({ kind: 'physdev', inDev: '', outDev: '', bitmask: 0, inv: 0 }),
  parse(opt, arg, invert, d) {
    const bit = PHYS_BY_ID[opt.id]!;
    if (opt.id === 0) d.inDev = parseInterface(arg ?? '');
    if (opt.id === 1) d.outDev = parseInterface(arg ?? '');
    d.bitmask |= bit;
    if (invert) d.inv |= bit;
  },
  final(d) {
    if (d.bitmask === 0) throw paramError('PHYSDEV: no physdev option specified');
  },
  build: (d) => d,
};

function physdevBody(m: M<'physdev'>): string {
  const inv = (bit: number): string => (m.inv & bit ? ' !' : '');
  let s = '';
  if (m.bitmask & PHYS.ISIN) s += `${inv(PHYS.ISIN)} --physdev-is-in`;
  if (m.bitmask & PHYS.IN) s += `${inv(PHYS.IN)} --physdev-in ${m.inDev}`;
  if (m.bitmask & PHYS.ISOUT) s += `${inv(PHYS.ISOUT)} --physdev-is-out`;
  if (m.bitmask & PHYS.OUT) s += `${inv(PHYS.OUT)} --physdev-out ${m.outDev}`;
  if (m.bitmask & PHYS.BRIDGED) s += `${inv(PHYS.BRIDGED)} --physdev-is-bridged`;
  return s;
}

export const physdevFormat: MatchFormatter<M<'physdev'>> = {
  saveName: () => 'physdev',
  print: (m) => ` PHYSDEV match${physdevBody(m)}`,
  save: (m) => physdevBody(m),
};

function spiMatch(name: 'esp' | 'ah'): MatchExtension<M<'esp' | 'ah'>> {
  const opt = `${name}spi`;
  return {
    name,
    kind: 'match',
    // (ip6tables has its own ah)
    ...(name === 'ah' ? { family: 'ipv4' as const } : {}),
    x6: true,
    opts: [{ name: opt, id: 0, hasArg: 1, invert: true }],
    init: () => ({ kind: name, min: 0, max: 0xffffffff, inv: false }),
    parse(_o, arg, invert, d) {
      const [lo, hi] = parseRange(name, opt, arg ?? '', 0xffffffff);
      Object.assign(d, { min: lo, max: hi, inv: invert });
    },
    build: (d) => d,
  };
}

export const espMatch = spiMatch('esp');
export const ahMatch = spiMatch('ah');

const full32 = (m: M<'esp' | 'ah'>): boolean => m.min === 0 && m.max === 0xffffffff;

export const spiFormat: MatchFormatter<M<'esp' | 'ah'>> = {
  saveName: (m) => m.kind,
  print(m) {
    if (full32(m) && !m.inv) return ` ${m.kind}`;
    const i = m.inv ? '!' : '';
    return m.min === m.max ? ` ${m.kind} spi:${i}${m.min}` : ` ${m.kind} spis:${i}${m.min}:${m.max}`;
  },
  save(m) {
    if (full32(m)) return '';
    return `${m.inv ? ' !' : ''} --${m.kind}spi ${m.min === m.max ? m.min : `${m.min}:${m.max}`}`;
  },
};

/** The set name and direction flags that follow --match-set / --add-set: two arguments. */
function setArgs(opt: string, arg: string | null, env: ParseEnv): never {
  const next = env.getopt.argv[env.getopt.optind];
  if (arg === null || next === undefined || next.startsWith('-') || next.startsWith('!')) throw paramError(`--${opt} requires two args.`);
  // the kernel is asked for the set by name; no ipset sets exist on this machine
  throw paramError(`Set ${arg} doesn't exist.\n`);
}

/** ipset's set match: every use names a set, and none exist. */
export const setMatch: MatchExtension<null> = {
  name: 'set',
  kind: 'match',
  x6: false,
  opts: [
    { name: 'match-set', id: 0, hasArg: 1 },
    { name: 'set', id: 0, hasArg: 1 },
    { name: 'return-nomatch', id: 1, hasArg: 0 },
    { name: 'update-counters', id: 2, hasArg: 0 },
    { name: 'update-subcounters', id: 3, hasArg: 0 },
  ],
  init: () => null,
  parse(opt, arg, _invert, _d, _st, env) {
    if (opt.id === 0) setArgs('match-set', arg, env);
  },
  final() {
    throw paramError("You must specify `--match-set' with proper arguments");
  },
  build: () => null,
};

export const setTarget: TargetExtension<{ kind: 'none' }> = {
  name: 'SET',
  kind: 'target',
  x6: false,
  opts: [
    { name: 'add-set', id: 0, hasArg: 1 },
    { name: 'del-set', id: 1, hasArg: 1 },
    { name: 'map-set', id: 2, hasArg: 1 },
    { name: 'exist', id: 3, hasArg: 0 },
    { name: 'timeout', id: 4, hasArg: 1 },
  ],
  init: () => ({ kind: 'none' }),
  parse(opt, arg, _invert, _d, _st, env) {
    if (opt.id <= 2) setArgs(opt.name, arg, env);
  },
  final() {
    throw paramError("You must specify either `--add-set' or `--del-set' or `--map-set'");
  },
  build: (d) => d,
};

const AUDIT_TYPES = ['accept', 'drop', 'reject'] as const;

export const auditTarget: TargetExtension<T<'AUDIT'>> = {
  name: 'AUDIT',
  kind: 'target',
  x6: true,
  opts: [{ name: 'type', id: 0, hasArg: 1, mand: true }],
  init: () => ({ kind: 'AUDIT', type: 'accept' }),
  parse(_o, arg, _invert, d) {
    const t = AUDIT_TYPES.find((n) => n === (arg ?? '').toLowerCase());
    if (!t) throw paramError(`Bad action type value "${arg ?? ''}"`);
    d.type = t;
  },
  build: (d) => d,
};

export const auditFormat: TargetFormatter<T<'AUDIT'>> = {
  print: (t) => ` AUDIT ${t.type}`,
  save: (t) => ` --type ${t.type}`,
};

export const teeTarget: TargetExtension<T<'TEE'>> = {
  name: 'TEE',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'gateway', id: 0, hasArg: 1, mand: true },
    { name: 'oif', id: 1, hasArg: 1 },
  ],
  init: () => ({ kind: 'TEE', gateway: '', oif: '' }),
  parse(opt, arg, _invert, d, _st, env) {
    const a = arg ?? '';
    if (opt.id === 1) {
      d.oif = a.slice(0, 15);
      return;
    }
    // XTTYPE_HOST: getaddrinfo, numeric forms and /etc/hosts names; the first answer counts
    d.gateway = formatAddr(env.family, x6Host(env.family, a, env.db)[0]!);
  },
  build: (d) => d,
};

export const teeFormat: TargetFormatter<T<'TEE'>> = {
  print: (t) => ` TEE gw:${t.gateway}${t.oif ? ` oif=${t.oif}` : ''}`,
  save: (t) => ` --gateway ${t.gateway}${t.oif ? ` --oif ${t.oif}` : ''}`,
};
