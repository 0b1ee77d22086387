// The comment match (text shown as /* ... */) and the limit match (token bucket: --limit
// rate[/second|/minute|/hour|/day], --limit-burst). nft stores a limit as rate per unit and
// iptables rebuilds the interval from it, which is how "60/min" comes back as "60/min".
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import { rateParts, saveString } from './common';
import type { MatchExtension, MatchFormatter } from './types';

type Comment = Extract<NfMatch, { kind: 'comment' }>;
type Limit = Extract<NfMatch, { kind: 'limit' }>;

export const commentMatch: MatchExtension<Comment> = {
  name: 'comment',
  kind: 'match',
  x6: true,
  opts: [{ name: 'comment', id: 0, hasArg: 1, mand: true }],
  init: () => ({ kind: 'comment', text: '' }),
  parse(_opt, arg, _invert, d) {
    // the kernel structure holds 255 characters and a terminator
    d.text = (arg ?? '').slice(0, 255);
  },
  build: (d) => d,
};

export const commentFormat: MatchFormatter<Comment> = {
  saveName: () => 'comment',
  print: (m) => ` /* ${m.text} */`,
  save: (m) => ` --comment${saveString(m.text)}`,
};

const SCALE = 10000;
const BURST = 5;

/** parse_rate: the interval between packets in 1/10000 s, or null for a bad rate. */
function parseRate(rate: string): number | null {
  const parts = rateParts(rate);
  if (!parts || parts.count === 0) return null;
  const mult = parts.mult;
  // atoi's int read as the kernel's unsigned 32 bits
  const r = parts.count < 0 ? parts.count + 2 ** 32 : parts.count;
  const val = Math.floor((SCALE * mult) / r);
  if (val === 0) throw paramError(`Rate too fast "${rate}"`);
  return val;
}

const MULT = [SCALE * 86400, SCALE * 3600, SCALE * 60, SCALE];
const UNITS = ['day', 'hour', 'min', 'sec'];

/** The unit print_rate and nft pick for an interval: the finest one that divides well. */
function unitIndex(avg: number): number {
  let i = 1;
  for (; i < MULT.length; i++) if (avg > MULT[i]! || Math.floor(MULT[i]! / avg) < MULT[i]! % avg) break;
  return i - 1;
}

/** The interval after nft's rate/unit round trip. */
export function nftLimitAvg(avg: number): number {
  const i = unitIndex(avg);
  const rate = Math.floor(MULT[i]! / avg);
  const unit = MULT[i]! / SCALE;
  return rate === 0 ? avg : Math.floor((SCALE * unit) / rate);
}

export const limitMatch: MatchExtension<Limit> = {
  name: 'limit',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'limit', id: 0, hasArg: 1 },
    { name: 'limit-burst', id: 1, hasArg: 1 },
  ],
  init: () => ({ kind: 'limit', avg: parseRate('3/hour')!, burst: BURST }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const v = parseRate(a);
      if (v === null) throw paramError(`bad rate "${a}"'`);
      d.avg = v;
      return;
    }
    const b = strtouiWhole(a, 0, 10000);
    if (b === null) throw paramError('limit: bad value for option "--limit-burst", or out of range (0-10000).\n');
    d.burst = b;
  },
  // nft keeps no zero burst: it comes back as the default
  build: (d) => ({ ...d, avg: nftLimitAvg(d.avg), burst: d.burst || BURST }),
};

function rate(avg: number): string {
  if (avg === 0) return ' inf';
  const i = unitIndex(avg);
  return ` ${Math.floor(MULT[i]! / avg)}/${UNITS[i]}`;
}

export const limitFormat: MatchFormatter<Limit> = {
  saveName: () => 'limit',
  print: (m) => ` limit: avg${rate(m.avg)} burst ${m.burst}`,
  save: (m) => ` --limit${rate(m.avg)}${m.burst !== BURST ? ` --limit-burst ${m.burst}` : ''}`,
};
