// ip6tables' routing-header and options-header matches: rt, hbh (hop-by-hop options) and dst
// (destination options) -- libip6t_rt, libip6t_hbh and libip6t_dst.
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { formatV6, parseV6Text } from '../ip-parse';
import { strtouiWhole } from '../strtoul';
import { parseRange } from './common';
import type { MatchExtension, MatchFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;
type Opts = Extract<NfMatch, { kind: 'hbh' | 'dst' }>;

const U32 = 0xffffffff;
const RT = { type: 1, segsleft: 2, len: 4, res: 8, addrs: 16, nstrict: 32 };
/** the most options (and routing addresses) one rule can list */
const MAX_ITEMS = 16;

function u32(ext: string, opt: string, arg: string): number {
  const v = strtouiWhole(arg, 0, U32);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (0-${U32}).\n`);
  return v;
}

export const rtMatch: MatchExtension<M<'rt'>> = {
  name: 'rt',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'rt-type', id: 0, hasArg: 1, invert: true },
    { name: 'rt-segsleft', id: 1, hasArg: 1, invert: true },
    { name: 'rt-len', id: 2, hasArg: 1, invert: true },
    { name: 'rt-0-res', id: 3, hasArg: 0 },
    { name: 'rt-0-addrs', id: 4, hasArg: 1 },
    { name: 'rt-0-not-strict', id: 5, hasArg: 0 },
  ],
  init: () => ({ kind: 'rt', flags: 0, inv: 0, type: 0, segsleft: [0, U32], len: 0, addrs: [] }),
  parse(opt, arg, invert, d, st) {
    const a = arg ?? '';
    const type0 = (what: string): void => {
      if (!(st.flags & 1) || d.type !== 0 || d.inv & RT.type) throw paramError(`\`--rt-type 0' required before \`--${what}'`);
    };
    switch (opt.id) {
      case 0:
        d.type = u32('rt', 'rt-type', a);
        d.flags |= RT.type;
        if (invert) d.inv |= RT.type;
        break;
      case 1: {
        const r = parseRange('rt', 'rt-segsleft', a, BigInt(U32)).map(Number);
        d.segsleft = [r[0]!, r[1] ?? r[0]!];
        d.flags |= RT.segsleft;
        if (invert) d.inv |= RT.segsleft;
        break;
      }
      case 2:
        d.len = u32('rt', 'rt-len', a);
        d.flags |= RT.len;
        if (invert) d.inv |= RT.len;
        break;
      case 3:
        type0('rt-0-res');
        d.flags |= RT.res;
        break;
      case 4: {
        type0('rt-0-addrs');
        const parts = a.split(',');
        if (parts.length > MAX_ITEMS) throw paramError('too many addresses specified');
        d.addrs = parts.map((p) => {
          const v = parseV6Text(p);
          if (v === null) throw paramError(`bad address: ${p}`);
          return formatV6(v);
        });
        d.flags |= RT.addrs;
        break;
      }
      default:
        if (!(st.flags & (1 << 4))) throw paramError("`--rt-0-addr ...' required before `--rt-0-not-strict'");
        d.flags |= RT.nstrict;
    }
  },
  build: (d) => d,
};

export const rtFormat: MatchFormatter<M<'rt'>> = {
  saveName: () => 'rt',
  print(m) {
    let s = ' rt';
    if (m.flags & RT.type) s += ` type:${m.inv & RT.type ? '!' : ''}${m.type}`;
    const [lo, hi] = m.segsleft;
    const inv = m.inv & RT.segsleft ? '!' : '';
    if (lo !== 0 || hi !== U32 || inv) s += lo === hi ? ` segsleft:${inv}${lo}` : ` segslefts:${inv}${lo}:${hi}`;
    if (m.flags & RT.len) s += ` length:${m.inv & RT.len ? '!' : ''}${m.len}`;
    if (m.flags & RT.res) s += ' reserved';
    if (m.flags & RT.addrs) s += ` 0-addrs ${m.addrs.join(',')}`;
    if (m.flags & RT.nstrict) s += ' 0-not-strict';
    return s;
  },
  save(m) {
    let s = '';
    if (m.flags & RT.type) s += `${m.inv & RT.type ? ' !' : ''} --rt-type ${m.type}`;
    const [lo, hi] = m.segsleft;
    if (!(lo === 0 && hi === U32)) s += `${m.inv & RT.segsleft ? ' !' : ''} --rt-segsleft ${lo === hi ? lo : `${lo}:${hi}`}`;
    if (m.flags & RT.len) s += `${m.inv & RT.len ? ' !' : ''} --rt-len ${m.len}`;
    if (m.flags & RT.res) s += ' --rt-0-res';
    if (m.flags & RT.addrs) s += ` --rt-0-addrs ${m.addrs.join(',')}`;
    if (m.flags & RT.nstrict) s += ' --rt-0-not-strict';
    return s;
  },
};

/** strtoul(s, &end, 0) as the options parser reads a number: a value and what follows it. */
function cNumber(s: string): { value: bigint; rest: string } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return null;
  const t = m[2]!;
  let v = /^0[xX]/.test(t) ? BigInt(t) : t.length > 1 && t[0] === '0' ? BigInt(`0o${t.slice(1)}`) : BigInt(t);
  const max = (1n << 64n) - 1n;
  if (v > max) v = max;
  if (m[1] === '-') v = ((1n << 64n) - v) & max;
  return { value: v, rest: s.slice(m[0].length) };
}

/** parse_opts_num: one option type or length, 0-255 after masking. */
function optNum(ext: string, s: string, what: string): number {
  const r = cNumber(s);
  if (!r) throw paramError(`${ext}: no valid digits in ${what} \`${s}'`);
  if (s !== '' && r.rest !== '') throw paramError(`${ext}: error parsing ${what} \`${s}'`);
  return Number(r.value & 0xffn);
}

function optsMatch(ext: 'hbh' | 'dst'): MatchExtension<Opts> {
  return {
    name: ext,
    kind: 'match',
    family: 'ipv6',
    x6: true,
    opts: [
      { name: `${ext}-len`, id: 0, hasArg: 1, invert: true },
      { name: `${ext}-opts`, id: 1, hasArg: 1 },
    ],
    init: () => ({ kind: ext, hasLen: false, lenInv: false, len: 0, opts: [] }),
    parse(opt, arg, invert, d) {
      const a = arg ?? '';
      if (opt.id === 0) {
        d.len = u32(ext, `${ext}-len`, a);
        d.hasLen = true;
        d.lenInv = invert;
        return;
      }
      // "type[:length]" items separated by commas
      const items = a.split(',');
      const out: number[] = [];
      for (let i = 0; i < items.length; i++) {
        if (i === MAX_ITEMS) throw paramError('too many addresses specified');
        const item = items[i]!;
        const colon = item.indexOf(':');
        if (colon >= 0 && i === MAX_ITEMS - 1) throw paramError('too many ports specified');
        const type = optNum(ext, colon >= 0 ? item.slice(0, colon) : item, 'opt');
        // (the two modules word this differently)
        if (colon >= 0 && (type & 0xff) === 0) throw paramError(ext === 'hbh' ? 'PAD0 has not got length' : "PAD0 hasn't got length");
        const len = colon >= 0 ? optNum(ext, item.slice(colon + 1), 'length') : 0xff;
        out.push((type << 8) | len);
      }
      d.opts = out;
    },
    build: (d) => d,
  };
}

export const hbhMatch = optsMatch('hbh');
export const dstMatch = optsMatch('dst');

const optList = (opts: readonly number[]): string => opts.map((o) => `${o >> 8}${(o & 0xff) !== 0xff ? `:${o & 0xff}` : ''}`).join(',');

export const optsFormat: MatchFormatter<Opts> = {
  saveName: (m) => m.kind,
  print(m) {
    let s = ` ${m.kind}`;
    if (m.hasLen) s += ` length:${m.lenInv ? '!' : ''}${m.len}`;
    if (m.opts.length) s += ` opts ${optList(m.opts)}`;
    return s;
  },
  save(m) {
    let s = '';
    if (m.hasLen) s += `${m.lenInv ? ' !' : ''} --${m.kind}-len ${m.len}`;
    if (m.opts.length) s += ` --${m.kind}-opts ${optList(m.opts)}`;
    return s;
  },
};
