// The hashlimit match (revision 3): a token bucket per hashed flow (source/destination address
// and port, as --hashlimit-mode picks), limiting packets per time unit or bytes per second.
// Rates are kept the way the kernel structure holds them: an interval in microseconds per
// packet, or for byte rates a cost per 16 bytes (XT_HASHLIMIT_BYTE_SHIFT).
import type { HashlimitMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { inetAton, maskToCidr, parseV6Text } from '../ip-parse';
import { strtoul, strtouiWhole } from '../strtoul';
import { atoi, rateParts } from './common';
import type { MatchExtension, MatchFormatter } from './types';

const SCALE = 1_000_000;
const BURST_MAX = 1_000_000;
const GC_INTERVAL = 1000;
/** seconds a byte-rate entry lives without and with a burst */
const BYTE_EXPIRE = 15;
const BYTE_EXPIRE_BURST = 60;
const UINT32 = 0xffffffff;

export const HL_DIP = 1;
export const HL_DPT = 2;
export const HL_SIP = 4;
export const HL_SPT = 8;

const RATES: readonly [string, number][] = [
  ['day', SCALE * 86400],
  ['hour', SCALE * 3600],
  ['min', SCALE * 60],
  ['sec', SCALE],
];

/** Parser data: the stored match plus which unit the rate was given in (for the default expiry). */
interface Data {
  m: HashlimitMatch;
  mult: number;
  /** the count the rate was given with (what --hashlimit-rate-match keeps) */
  count: number;
}

/** parse_rate: "N[/second|/minute|/hour|/day]" (units by any prefix); null when bad. */
function parseRate(rate: string, d: Data): number | null {
  const parts = rateParts(rate);
  if (!parts || parts.count <= 0) return null;
  const { count: r, mult } = parts;
  d.mult = mult;
  d.count = r;
  const v = Math.floor((SCALE * mult) / r);
  if (v === 0) throw paramError(`Rate too fast "${rate}"`);
  return v;
}

function bytesToCost(bytes: number): number {
  const r = Math.floor(bytes / 16) % 2 ** 32;
  return Math.floor(UINT32 / (r + 1));
}

export function costToBytes(cost: number): number {
  const r = cost ? Math.floor(UINT32 / cost) : UINT32;
  return (r - 1) * 16;
}

/** parse_bytes: "N[k|m|g]b/s"; null when the text is no byte rate. */
function parseBytes(rate: string, d: Data): number | null {
  const at = rate.indexOf('b/s');
  if (at <= 0) return null;
  const r = atoi(rate);
  if (r <= 0) return null;
  const unit = rate[at - 1];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const cost = bytesToCost(factor * r);
  if (cost === 0) throw paramError(`Rate too high "${rate}"\n`);
  d.mult = BYTE_EXPIRE;
  return cost;
}

function burstError(): never {
  throw paramError(`bad value for option "--hashlimit-burst", or out of range (1-${BURST_MAX}).`);
}

/**
 * parse_burst: a count, times 1024 or 1024*1024 when a 'k' or 'm' follows it (for byte rates);
 * whatever else follows the number is ignored.
 */
function parseBurst(s: string): number {
  const v = strtoul(s);
  if (!v || v.value < 1) return burstError();
  const rest = s.slice(v.end);
  if (rest === '' && v.value > BURST_MAX) return burstError();
  if (rest[0] === 'k') return v.value * 1024;
  if (rest[0] === 'm') return v.value * 1024 ** 2;
  return v.value;
}

const MODES: readonly [string, number][] = [
  ['dstip', HL_DIP],
  ['srcip', HL_SIP],
  ['srcport', HL_SPT],
  ['dstport', HL_DPT],
];

function parseMode(s: string): number | null {
  let mode = 0;
  for (const tok of s.split(/[,|]/).filter((t) => t !== '')) {
    const hit = MODES.find(([n]) => n === tok);
    if (!hit) return null;
    mode |= hit[1];
  }
  return mode;
}

/**
 * XTTYPE_PLENMASK: a prefix length, else a netmask written as a numeric address (inet_aton's
 * forms for IPv4, so "4294967040" is /24). A mask that is no prefix gives a length the kernel
 * refuses.
 */
function prefixLength(s: string, max: number): number | null {
  const n = strtouiWhole(s, 0, max);
  if (n !== null) return n;
  const family = max === 32 ? 'ipv4' : 'ipv6';
  const mask = family === 'ipv4' ? inetAton(s) : parseV6Text(s);
  if (mask === null) return null;
  const len = maskToCidr(family, mask);
  return len < 0 ? 0xff : len;
}

const O = { UPTO: 0, ABOVE: 1, SRCMASK: 2, DSTMASK: 3, BURST: 4, SIZE: 5, MAX: 6, GC: 7, EXPIRE: 8, MODE: 9, NAME: 10, RATEMATCH: 11, INTERVAL: 12 } as const;

export const hashlimitMatch: MatchExtension<Data> = {
  name: 'hashlimit',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'hashlimit-upto', id: O.UPTO, hasArg: 1, invert: true, excl: 1 << O.ABOVE },
    { name: 'hashlimit-above', id: O.ABOVE, hasArg: 1, invert: true, excl: 1 << O.UPTO },
    { name: 'hashlimit', id: O.UPTO, hasArg: 1, invert: true, excl: 1 << O.ABOVE },
    { name: 'hashlimit-srcmask', id: O.SRCMASK, hasArg: 1 },
    { name: 'hashlimit-dstmask', id: O.DSTMASK, hasArg: 1 },
    { name: 'hashlimit-burst', id: O.BURST, hasArg: 1 },
    { name: 'hashlimit-htable-size', id: O.SIZE, hasArg: 1 },
    { name: 'hashlimit-htable-max', id: O.MAX, hasArg: 1 },
    { name: 'hashlimit-htable-gcinterval', id: O.GC, hasArg: 1 },
    { name: 'hashlimit-htable-expire', id: O.EXPIRE, hasArg: 1 },
    { name: 'hashlimit-mode', id: O.MODE, hasArg: 1 },
    { name: 'hashlimit-name', id: O.NAME, hasArg: 1, mand: true },
    { name: 'hashlimit-rate-match', id: O.RATEMATCH, hasArg: 0 },
    { name: 'hashlimit-rate-interval', id: O.INTERVAL, hasArg: 1 },
  ],
  init: (env) => {
    const mask = env.family === 'ipv4' ? 32 : 128;
    return {
      mult: 1,
      count: 0,
      m: { kind: 'hashlimit', name: '', avg: 0, burst: 5, bytes: false, above: false, mode: 0, size: 0, max: 0, gcInterval: GC_INTERVAL, expire: 0, srcMask: mask, dstMask: mask, rateMatch: false, interval: 1 },
    };
  },
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const m = d.m;
    const u32 = (): number => {
      const v = strtouiWhole(a, 0, UINT32);
      if (v === null) throw paramError(`hashlimit: bad value for option "--${opt.name}", or out of range (0-${UINT32}).\n`);
      return v;
    };
    switch (opt.id) {
      case O.UPTO:
      case O.ABOVE: {
        m.above = opt.id === O.ABOVE ? !invert : invert;
        const canonical = opt.id === O.ABOVE ? '--hashlimit-above' : '--hashlimit-upto';
        const bytes = parseBytes(a, d);
        if (bytes !== null) {
          m.avg = bytes;
          m.bytes = true;
          return;
        }
        const v = parseRate(a, d);
        if (v === null) throw paramError(`hashlimit: Bad value for "${canonical}" option: "${a}"`);
        m.avg = v;
        m.bytes = false;
        return;
      }
      case O.SRCMASK:
      case O.DSTMASK: {
        const v = prefixLength(a, env.family === 'ipv4' ? 32 : 128);
        if (v === null) throw paramError(`hashlimit: bad value for option "--${opt.name}", neither a valid network mask nor valid CIDR (0-${env.family === 'ipv4' ? 32 : 128}).\n`);
        if (opt.id === O.SRCMASK) m.srcMask = v;
        else m.dstMask = v;
        return;
      }
      case O.BURST:
        m.burst = parseBurst(a);
        return;
      case O.SIZE:
        m.size = u32();
        return;
      case O.MAX:
        m.max = u32();
        return;
      case O.GC:
        m.gcInterval = u32();
        return;
      case O.EXPIRE:
        m.expire = u32();
        return;
      case O.MODE: {
        const v = parseMode(a);
        if (v === null) throw paramError(`hashlimit: Bad value for "--hashlimit-mode" option: "${a}"`);
        m.mode |= v;
        return;
      }
      case O.NAME:
        if (a === '') throw paramError('Argument must have a minimum length of 1 characters\n');
        m.name = a;
        return;
      case O.RATEMATCH:
        m.rateMatch = true;
        return;
      case O.INTERVAL: {
        const v = strtouiWhole(a, 1, UINT32);
        if (v === null) throw paramError(`hashlimit: Bad value for "--hashlimit-rate-interval" option: "${a}"`);
        m.interval = v;
      }
    }
  },
  final(d, st) {
    const m = d.m;
    if (!(st.flags & ((1 << O.UPTO) | (1 << O.ABOVE)))) throw paramError('You have to specify --hashlimit');
    if (!(st.flags & (1 << O.EXPIRE))) m.expire = d.mult * 1000;
    if (m.rateMatch && !m.bytes) m.avg = d.count;
    if (m.bytes) {
      let burst = 0;
      if (st.flags & (1 << O.BURST)) {
        const unit = costToBytes(m.avg);
        if (m.burst < unit) throw paramError(`burst cannot be smaller than ${unit}b`);
        burst = Math.ceil(m.burst / unit);
        if (!(st.flags & (1 << O.EXPIRE))) m.expire = BYTE_EXPIRE_BURST * 1000;
      }
      m.burst = burst;
    } else if (m.burst > BURST_MAX) burstError();
  },
  build: (d) => d.m,
};

// ------------------------------------------------------------------ output

/** print_rate: the rate in the unit that divides the interval best; returns that unit in ms. */
function rate(avg: number): { text: string; quantum: number } {
  if (avg === 0) return { text: ' inf', quantum: 0 };
  let i = 1;
  for (; i < RATES.length; i++) if (avg > RATES[i]![1] || Math.floor(RATES[i]![1] / avg) < RATES[i]![1] % avg) break;
  const [name, mult] = RATES[i - 1]!;
  return { text: ` ${Math.floor(mult / avg)}/${name}`, quantum: (mult / SCALE) * 1000 };
}

const UNITS: readonly [string, number][] = [
  ['m', 1024 * 1024],
  ['k', 1024],
  ['', 1],
];

function bytesText(m: HashlimitMatch, burstPrefix: string): { text: string; quantum: number } {
  const r = costToBytes(m.avg);
  let i = 0;
  for (; i < UNITS.length - 1; i++) {
    const t = UNITS[i]![1];
    if (r >= t && bytesToCost(r - (r % t)) === m.avg) break;
  }
  let text = ` ${Math.floor(r / UNITS[i]![1])}${UNITS[i]![0]}b/s`;
  if (m.burst === 0) return { text, quantum: BYTE_EXPIRE * 1000 };
  const total = r * m.burst;
  let j = 0;
  for (; j < UNITS.length - 1; j++) if (total >= UNITS[j]![1]) break;
  text += ` ${burstPrefix}${Math.floor(total / UNITS[j]![1])}${UNITS[j]![0]}b`;
  return { text, quantum: BYTE_EXPIRE_BURST * 1000 };
}

function modeText(mode: number, sep: string): string {
  const names: string[] = [];
  if (mode & HL_SIP) names.push('srcip');
  if (mode & HL_SPT) names.push('srcport');
  if (mode & HL_DIP) names.push('dstip');
  if (mode & HL_DPT) names.push('dstport');
  return ` ${names.join(sep)}`;
}

function body(m: HashlimitMatch, dmask: number, save: boolean): string {
  const o = save ? '--hashlimit-' : '';
  const h = save ? '--hashlimit-htable-' : 'htable-';
  let s = save ? (m.above ? ' --hashlimit-above' : ' --hashlimit-upto') : m.above ? ' limit: above' : ' limit: up to';
  const r = m.bytes ? bytesText(m, save ? '--hashlimit-burst ' : 'burst ') : m.rateMatch ? { text: ` ${m.avg}/sec`, quantum: 1000 } : rate(m.avg);
  s += r.text;
  if (!m.bytes) s += ` ${o}burst ${m.burst}`;
  if (m.mode & (HL_SIP | HL_SPT | HL_DIP | HL_DPT)) s += ` ${o}mode${modeText(m.mode, save ? ',' : '-')}`;
  if (save) s += ` --hashlimit-name ${m.name}`;
  if (m.size !== 0) s += ` ${h}size ${m.size}`;
  if (m.max !== 0) s += ` ${h}max ${m.max}`;
  if (m.gcInterval !== GC_INTERVAL) s += ` ${h}gcinterval ${m.gcInterval}`;
  if (m.expire !== r.quantum) s += ` ${h}expire ${m.expire}`;
  if (m.srcMask !== dmask) s += ` ${o}srcmask ${m.srcMask}`;
  if (m.dstMask !== dmask) s += ` ${o}dstmask ${m.dstMask}`;
  if (m.rateMatch) s += ` ${o}rate-match`;
  if (m.rateMatch && m.interval !== 1) s += ` ${o}rate-interval ${m.interval}`;
  return s;
}

export const hashlimitFormat: MatchFormatter<HashlimitMatch> = {
  saveName: () => 'hashlimit',
  print: (m, env) => body(m, env.family === 'ipv4' ? 32 : 128, false),
  save: (m, env) => body(m, env.family === 'ipv4' ? 32 : 128, true),
};
