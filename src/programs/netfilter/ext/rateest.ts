// Rate estimators: the RATEEST target keeps a named estimate of the traffic it sees, and the
// rateest match compares one estimate with a value or with another -- libxt_RATEEST and
// libxt_rateest.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';

type Est = Extract<NfTarget, { kind: 'RATEEST' }>;
type Rateest = Extract<NfMatch, { kind: 'rateest' }>;

/** the time unit of intervals: microseconds */
const SEC = 1_000_000;
/** estimator names live in an interface-name-sized buffer */
const NAME_MAX = 15;

/** A time such as "250ms", "1s" or "40us" (a bare number is microseconds); null when bad. */
function parseTime(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  let t = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === '') t *= 1;
  else if (['s', 'sec', 'secs'].includes(unit)) t *= SEC;
  else if (['ms', 'msec', 'msecs'].includes(unit)) t *= SEC / 1000;
  else if (['us', 'usec', 'usecs'].includes(unit)) t *= 1;
  else return null;
  // stored in an unsigned int
  return Math.trunc(t) >>> 0;
}

interface EstParse extends Est {
  /** the times as given, in microseconds, until the final check turns them into logs */
  rawInterval: number;
  rawEwma: number;
}

export const rateestTarget: TargetExtension<EstParse> = {
  name: 'RATEEST',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'rateest-name', id: 0, hasArg: 1, mand: true },
    { name: 'rateest-interval', id: 1, hasArg: 1 },
    { name: 'rateest-ewmalog', id: 2, hasArg: 1 },
  ],
  init: () => ({ kind: 'RATEEST', name: '', interval: 0, ewmaLog: 0, rawInterval: 0, rawEwma: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      d.name = a.slice(0, NAME_MAX);
      return;
    }
    const t = parseTime(a);
    if (t === null) throw paramError(`RATEEST: bad ${opt.id === 1 ? 'interval' : 'ewmalog'} value "${a}"`);
    if (opt.id === 1) d.rawInterval = t;
    else d.rawEwma = t;
  },
  final(d) {
    // the interval becomes a power of two of quarter seconds; the ewma log the number of
    // halvings that average over the given time
    let i = 0;
    while (i <= 5 && !(d.rawInterval <= 2 ** i * (SEC / 4))) i++;
    if (i > 5) throw paramError('RATEEST: interval value is too large');
    d.interval = i - 2;
    let e = 1;
    // (at 31 the C shift overflows, so the test never holds there)
    for (; e < 32; e++) {
      if (e === 31) continue;
      const w = 1 - 1 / 2 ** e;
      if (d.rawInterval / -Math.log(w) > d.rawEwma) break;
    }
    e--;
    if (e === 0 || e >= 31) throw paramError('RATEEST: ewmalog value is out of range');
    d.ewmaLog = e;
  },
  build: (d) => ({ kind: 'RATEEST', name: d.name, interval: d.interval, ewmaLog: d.ewmaLog }),
};

function timeText(us: number): string {
  if (us >= SEC) return ` ${(us / SEC).toFixed(1)}s`;
  if (us >= SEC / 1000) return ` ${(us / (SEC / 1000)).toFixed(1)}ms`;
  return ` ${us}us`;
}

function estText(t: Est, prefix: string): string {
  const interval = Math.trunc((SEC * 2 ** (t.interval + 2)) / 4);
  const ewma = (interval * 2 ** t.ewmaLog) >>> 0;
  return ` ${prefix}name ${t.name} ${prefix}interval${timeText(interval)} ${prefix}ewmalog${timeText(ewma)}`;
}

export const rateestTargetFormat: TargetFormatter<Est> = {
  print: (t) => estText(t, ''),
  save: (t) => estText(t, '--rateest-'),
};

// ------------------------------------------------------------------ the match

/** match flags as the shared type numbers them */
export const RE = { abs: 1, rel: 2, delta: 4, bps: 8, pps: 16, invert: 32 } as const;
const MODES = ['', 'eq', 'lt', 'gt'];

const SUFFIXES: readonly [string, number][] = [
  ['bit', 1],
  ['kibit', 1024],
  ['kbit', 1000],
  ['mibit', 1024 * 1024],
  ['mbit', 1_000_000],
  ['gibit', 1024 * 1024 * 1024],
  ['gbit', 1_000_000_000],
  ['tibit', 1024 * 1024 * 1024 * 1024],
  ['tbit', 1_000_000_000_000],
  ['bps', 8],
  ['kibps', 8 * 1024],
  ['kbps', 8000],
  ['mibps', 8 * 1024 * 1024],
  ['mbps', 8_000_000],
  ['gibps', 8 * 1024 * 1024 * 1024],
  ['gbps', 8_000_000_000],
  ['tibps', 8 * 1024 * 1024 * 1024 * 1024],
  ['tbps', 8_000_000_000_000],
];

/** A rate in bytes per second: a number with an optional unit (bits by default). */
function parseRate(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(.*)$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const scale = unit === '' ? 1 : SUFFIXES.find(([u]) => u === unit)?.[1];
  if (scale === undefined) return null;
  return Math.trunc((n * scale) / 8) >>> 0;
}

/** option ids; the aliases share what they do */
const O = { r1: 0, r: 1, r2: 2, bps1: 3, pps1: 4, bps2: 5, pps2: 6, bps: 7, pps: 8, delta: 9, lt: 10, gt: 11, eq: 12 } as const;

export const rateestMatch: MatchExtension<Rateest> = {
  name: 'rateest',
  kind: 'match',
  x6: false,
  opts: [
    { name: 'rateest1', id: O.r1, hasArg: 1 },
    { name: 'rateest', id: O.r, hasArg: 1 },
    { name: 'rateest2', id: O.r2, hasArg: 1 },
    { name: 'rateest-bps1', id: O.bps1, hasArg: 0 },
    { name: 'rateest-pps1', id: O.pps1, hasArg: 0 },
    { name: 'rateest-bps2', id: O.bps2, hasArg: 0 },
    { name: 'rateest-pps2', id: O.pps2, hasArg: 0 },
    { name: 'rateest-bps', id: O.bps, hasArg: 0 },
    { name: 'rateest-pps', id: O.pps, hasArg: 0 },
    { name: 'rateest-delta', id: O.delta, hasArg: 0 },
    { name: 'rateest-lt', id: O.lt, hasArg: 0 },
    { name: 'rateest-gt', id: O.gt, hasArg: 0 },
    { name: 'rateest-eq', id: O.eq, hasArg: 0 },
  ],
  init: () => ({ kind: 'rateest', name1: '', name2: '', flags: 0, mode: 0, bps1: 0, pps1: 0, bps2: 0, pps2: 0 }),
  parse(opt, arg, invert, d, st, env) {
    // the aliases count as the option they stand for
    const id = opt.id === O.r ? O.r1 : opt.id === O.bps ? O.bps2 : opt.id === O.pps ? O.pps2 : opt.id;
    const once = (what: string): void => {
      if (st.flags & (1 << id)) throw paramError(`rateest: can't specify ${what} twice`);
      st.flags |= 1 << id;
    };
    const noInvert = (what: string): void => {
      if (invert) throw paramError(`rateest: ${what} can't be inverted`);
    };
    const g = env.getopt;
    switch (id) {
      case O.r1:
      case O.r2:
        noInvert('rateest');
        once(id === O.r1 ? '--rateest1' : '--rateest2');
        if (id === O.r1) d.name1 = (arg ?? '').slice(0, NAME_MAX);
        else {
          d.name2 = (arg ?? '').slice(0, NAME_MAX);
          d.flags |= RE.rel;
        }
        return;
      case O.bps1:
      case O.bps2: {
        noInvert('rateest-bps');
        once(id === O.bps1 ? '--rateest-bps1' : '--rateest-bps2');
        d.flags |= RE.bps;
        // the value is optional (a relative comparison needs none)
        if (!g.hasArg()) return;
        const v = parseRate(g.argv[g.optind]!);
        if (v === null) throw paramError(`rateest: could not parse rate \`${g.argv[g.optind]!}'`);
        g.take();
        if (id === O.bps1) d.bps1 = v;
        else d.bps2 = v;
        return;
      }
      case O.pps1:
      case O.pps2: {
        noInvert('rateest-pps');
        once(id === O.pps1 ? '--rateest-pps1' : '--rateest-pps2');
        d.flags |= RE.pps;
        if (!g.hasArg()) return;
        const v = strtouiWhole(g.argv[g.optind]!, 0, 0xffffffff);
        if (v === null) throw paramError(`rateest: could not parse pps \`${g.argv[g.optind]!}'`);
        g.take();
        if (id === O.pps1) d.pps1 = v;
        else d.pps2 = v;
        return;
      }
      case O.delta:
        noInvert('rateest-delta');
        once('--rateest-delta');
        d.flags |= RE.delta;
        return;
      default:
        once('lt/gt/eq');
        d.mode = id === O.eq ? 1 : id === O.lt ? 2 : 3;
        if (invert) d.flags |= RE.invert;
    }
  },
  final(d) {
    if (!(d.flags & RE.rel)) d.flags |= RE.abs;
  },
  build: (d) => d,
};

function rateText(bytes: number, numeric: boolean): string {
  const bits = bytes * 8;
  if (numeric) return ` ${bytes}`;
  if (bits >= 1000 * 1_000_000) return ` ${(bits / 1_000_000).toFixed(0)}Mbit`;
  if (bits >= 1000 * 1000) return ` ${(bits / 1000).toFixed(0)}Kbit`;
  return ` ${bits.toFixed(0)}bit`;
}

function modeText(m: Rateest, prefix: string): string {
  return `${m.flags & RE.invert ? ' !' : ''} ${prefix}${MODES[m.mode] ?? ''}`;
}

function saveRate(m: Rateest, name: string, r1: string, r2: string): string {
  let s = m.flags & RE.delta ? ` --rateest-${name}1${r1}${modeText(m, '--rateest-')} --rateest-${name}2` : `${modeText(m, '--rateest-')} --rateest-${name}`;
  if (m.flags & (RE.abs | RE.delta)) s += r2;
  return s;
}

export const rateestFormat: MatchFormatter<Rateest> = {
  saveName: () => 'rateest',
  print(m, env) {
    const delta = (m.flags & RE.delta) !== 0;
    let s = ` rateest match ${m.name1}`;
    if (delta) s += ' delta';
    if (m.flags & RE.bps) {
      s += ' bps';
      if (delta) s += rateText(m.bps1, env.numeric);
      if (m.flags & RE.abs) s += rateText(m.bps2, env.numeric) + modeText(m, '');
    }
    if (m.flags & RE.pps) {
      s += ' pps';
      if (delta) s += ` ${m.pps1}`;
      if (m.flags & RE.abs) s += `${modeText(m, '')} ${m.pps2}`;
    }
    if (m.flags & RE.rel) {
      s += `${modeText(m, '')} ${m.name2}`;
      if (m.flags & RE.bps) s += ` bps${delta ? rateText(m.bps2, env.numeric) : ''}`;
      if (m.flags & RE.pps) s += ` pps${delta ? ` ${m.pps2}` : ''}`;
    }
    return s;
  },
  save(m) {
    let rates = '';
    if (m.flags & RE.bps) rates += saveRate(m, 'bps', rateText(m.bps1, false), rateText(m.bps2, false));
    if (m.flags & RE.pps) rates += saveRate(m, 'pps', ` ${m.pps1}`, ` ${m.pps2}`);
    const head = m.flags & RE.delta ? ' --rateest-delta' : '';
    return m.flags & RE.rel ? `${head} --rateest1 ${m.name1}${rates} --rateest2 ${m.name2}` : `${head} --rateest ${m.name1}${rates}`;
  },
};
