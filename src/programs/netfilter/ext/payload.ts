// Matches on what a packet carries or how many came before: string (a pattern in the payload),
// statistic (random or every nth packet) and quota (a byte budget).
import type { NfMatch, StatisticMatch, StringMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter } from './types';

type Quota = Extract<NfMatch, { kind: 'quota' }>;

const MAX_PATTERN = 128;

/** parse_hex_string: text with |hex bytes| blocks and \x literals. */
function parseHexString(s: string): number[] {
  if (s === '') throw paramError('STRING must contain at least one char');
  const out: number[] = [];
  let hex = false;
  let literal = false;
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\\' && !hex) literal = true;
    else if (s[i] === '\\') throw paramError('Cannot include literals in hex data');
    else if (s[i] === '|') {
      if (hex) hex = false;
      else {
        hex = true;
        while (s[i + 1] === ' ') i++;
      }
      if (i + 1 >= s.length) break;
      i++;
    }
    if (literal) {
      if (i + 1 >= s.length) throw paramError('Bad literal placement at end of string');
      out.push(s.charCodeAt(i + 1) & 0xff);
      i += 2;
      literal = false;
    } else if (hex) {
      if (i + 1 >= s.length) throw paramError('Odd number of hex digits');
      if (i + 2 >= s.length) throw paramError('Invalid hex block');
      for (const c of [s[i]!, s[i + 1]!]) if (!/[0-9a-fA-F]/.test(c)) throw paramError(`Invalid hex char '${c}'`);
      out.push(parseInt(s.slice(i, i + 2), 16));
      i += s[i + 2] === ' ' ? 3 : 2;
    } else {
      out.push(s.charCodeAt(i) & 0xff);
      i++;
    }
    if (out.length > MAX_PATTERN + 1) throw paramError(`STRING too long "${s}"`);
  }
  return out;
}

const O_FROM = 0;
const O_TO = 1;
const O_ALGO = 2;
const O_STRING = 3;
const O_HEX = 4;
const O_ICASE = 5;

export const stringMatch: MatchExtension<StringMatch> = {
  name: 'string',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'from', id: O_FROM, hasArg: 1 },
    { name: 'to', id: O_TO, hasArg: 1 },
    { name: 'algo', id: O_ALGO, hasArg: 1, mand: true },
    { name: 'string', id: O_STRING, hasArg: 1, invert: true, excl: 1 << O_HEX },
    { name: 'hex-string', id: O_HEX, hasArg: 1, invert: true, excl: 1 << O_STRING },
    { name: 'icase', id: O_ICASE, hasArg: 0 },
  ],
  init: () => ({ kind: 'string', pattern: [], algo: '', from: 0, to: 0xffff, icase: false, inv: false }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    switch (opt.id) {
      case O_FROM:
      case O_TO: {
        const v = strtouiWhole(a, 0, 0xffff);
        if (v === null) throw paramError(`string: bad value for option "--${opt.name}", or out of range (0-65535).\n`);
        if (opt.id === O_FROM) d.from = v;
        else d.to = v;
        return;
      }
      case O_ALGO:
        d.algo = a.slice(0, 15);
        return;
      case O_STRING: {
        const bytes = [...new TextEncoder().encode(a)];
        if (bytes.length > MAX_PATTERN) throw paramError(`STRING too long "${a}"`);
        d.pattern = bytes;
        d.inv = invert;
        return;
      }
      case O_HEX:
        d.pattern = parseHexString(a);
        d.inv = invert;
        return;
      case O_ICASE:
        d.icase = true;
    }
  },
  final(_d, st) {
    if (!(st.flags & ((1 << O_STRING) | (1 << O_HEX)))) throw paramError("STRING match: You must specify `--string' or `--hex-string'");
  },
  build: (d) => d,
};

const isPrint = (b: number): boolean => b >= 0x20 && b < 0x7f;

function patternText(p: readonly number[]): { hex: boolean; text: string } {
  if (p.some((b) => !isPrint(b))) return { hex: true, text: ` "|${p.map((b) => b.toString(16).padStart(2, '0')).join('')}|"` };
  const body = p.map((b) => (b === 0x22 || b === 0x5c ? '\\' : '') + String.fromCharCode(b)).join('');
  return { hex: false, text: ` "${body}"` };
}

export const stringFormat: MatchFormatter<StringMatch> = {
  saveName: () => 'string',
  print(m) {
    let s = ` STRING match ${m.inv ? '!' : ''}${patternText(m.pattern).text} ALGO name ${m.algo}`;
    if (m.from !== 0) s += ` FROM ${m.from}`;
    if (m.to !== 0xffff) s += ` TO ${m.to}`;
    if (m.icase) s += ' ICASE';
    return s;
  },
  save(m) {
    const p = patternText(m.pattern);
    let s = `${m.inv ? ' !' : ''} --${p.hex ? 'hex-string' : 'string'}${p.text} --algo ${m.algo}`;
    if (m.from !== 0) s += ` --from ${m.from}`;
    if (m.to !== 0xffff) s += ` --to ${m.to}`;
    if (m.icase) s += ' --icase';
    return s;
  },
};

const S_MODE = 0;
const S_PROB = 1;
const S_EVERY = 2;
const S_PACKET = 3;

/** C's strtod on the whole text; null when it does not read as one number. */
function strtod(s: string): number | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export const statisticMatch: MatchExtension<StatisticMatch> = {
  name: 'statistic',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'mode', id: S_MODE, hasArg: 1, mand: true },
    { name: 'probability', id: S_PROB, hasArg: 1, invert: true, excl: (1 << S_EVERY) | (1 << S_PACKET) },
    { name: 'every', id: S_EVERY, hasArg: 1, invert: true, excl: 1 << S_PROB, also: 1 << S_PACKET },
    { name: 'packet', id: S_PACKET, hasArg: 1, excl: 1 << S_PROB, also: 1 << S_EVERY },
  ],
  init: () => ({ kind: 'statistic', mode: 'random', probability: 0, every: 0, packet: 0, inv: false }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    switch (opt.id) {
      case S_MODE:
        if (a === 'random') d.mode = 'random';
        else if (a === 'nth') d.mode = 'nth';
        else throw paramError(`Bad mode "${a}"`);
        return;
      case S_PROB: {
        const v = strtod(a);
        if (v === null || v < 0 || v > 1) throw paramError('statistic: bad value for option "--probability", or out of range (0-1).\n');
        d.probability = Math.round(0x80000000 * v);
        d.inv = invert;
        return;
      }
      case S_EVERY: {
        const v = strtouiWhole(a, 1, 0xffffffff);
        if (v === null) throw paramError('statistic: bad value for option "--every", or out of range (1-4294967295).\n');
        d.every = v - 1;
        d.inv = invert;
        return;
      }
      case S_PACKET: {
        const v = strtouiWhole(a, 0, 0xffffffff);
        if (v === null) throw paramError('statistic: bad value for option "--packet", or out of range (0-4294967295).\n');
        d.packet = v;
      }
    }
  },
  final(d, st) {
    if (d.mode === 'random' && !(st.flags & (1 << S_PROB))) throw paramError('--probability must be specified when using random mode');
    if (d.mode === 'nth' && !(st.flags & ((1 << S_EVERY) | (1 << S_PACKET)))) throw paramError('--every and --packet must be specified when using nth mode');
    if (d.packet > d.every) throw paramError('the --packet p must be 0 <= p <= n-1');
  },
  build: (d) => d,
};

function statisticBody(m: StatisticMatch, prefix: string): string {
  const inv = m.inv ? ' !' : '';
  if (m.mode === 'random') return ` ${prefix}mode random${inv} ${prefix}probability ${(m.probability / 0x80000000).toFixed(11)}`;
  let s = ` ${prefix}mode nth${inv} ${prefix}every ${m.every + 1}`;
  if (m.packet || prefix) s += ` ${prefix}packet ${m.packet}`;
  return s;
}

export const statisticFormat: MatchFormatter<StatisticMatch> = {
  saveName: () => 'statistic',
  print: (m) => ` statistic${statisticBody(m, '')}`,
  save: (m) => statisticBody(m, '--'),
};

export const quotaMatch: MatchExtension<Quota> = {
  name: 'quota',
  kind: 'match',
  x6: true,
  opts: [{ name: 'quota', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'quota', quota: '0', inv: false }),
  parse(_o, arg, invert, d) {
    const a = (arg ?? '').trim();
    const m = /^\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(a);
    const v = m ? BigInt(/^0[0-7]+$/.test(m[1]!) ? `0o${m[1]!.slice(1)}` : m[1]!) : -1n;
    if (v < 0n || v > 0xffffffffffffffffn) throw paramError('quota: bad value for option "--quota", or out of range (0-18446744073709551615).\n');
    d.quota = v.toString();
    d.inv = invert;
  },
  build: (d) => d,
};

export const quotaFormat: MatchFormatter<Quota> = {
  saveName: () => 'quota',
  print: (m) => ` quota: ${m.quota} bytes`,
  save: (m) => `${m.inv ? ' !' : ''} --quota ${m.quota}`,
};
