// The IPsec policy match (libxt_policy) and the connection byte/packet counter match
// (libxt_connbytes).
import type { NfFamily, NfMatch, PolicyElem } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { maskSuffix, parseHostMask } from '../ip-parse';
import { parseProtocol } from '../proto';
import { strtouiWhole } from '../strtoul';
import { parseRange } from './common';
import type { MatchExtension, MatchFormatter, PrintEnv } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;

/** XT_POLICY_MAX_ELEM */
const MAX_ELEM = 4;
const INV = { reqid: 1, spi: 2, proto: 4, mode: 8, src: 16, dst: 32 } as const;

interface PolicyData {
  dir?: 'in' | 'out';
  none: boolean;
  strict: boolean;
  elems: PolicyElem[];
}

const O = { dir: 0, pol: 1, strict: 2, reqid: 3, spi: 4, src: 5, dst: 6, proto: 7, mode: 8, next: 9 };

export const policyMatch: MatchExtension<PolicyData> = {
  name: 'policy',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'dir', id: O.dir, hasArg: 1 },
    { name: 'pol', id: O.pol, hasArg: 1 },
    { name: 'strict', id: O.strict, hasArg: 0 },
    { name: 'reqid', id: O.reqid, hasArg: 1, multi: true, invert: true },
    { name: 'spi', id: O.spi, hasArg: 1, multi: true, invert: true },
    { name: 'tunnel-src', id: O.src, hasArg: 1, multi: true, invert: true },
    { name: 'tunnel-dst', id: O.dst, hasArg: 1, multi: true, invert: true },
    { name: 'proto', id: O.proto, hasArg: 1, multi: true, invert: true },
    { name: 'mode', id: O.mode, hasArg: 1, multi: true, invert: true },
    { name: 'next', id: O.next, hasArg: 0, multi: true, also: 1 << O.strict },
  ],
  init: () => ({ none: false, strict: false, elems: [{ inv: 0 }] }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const e = d.elems[d.elems.length - 1]!;
    const once = (set: boolean, name: string): void => {
      if (set) throw paramError(`policy match: double --${name} option`);
    };
    const inv = (bit: number): void => {
      if (invert) e.inv |= bit;
    };
    switch (opt.id) {
      case O.dir:
        if (a !== 'in' && a !== 'out') throw paramError(`policy_match: invalid dir "${a}"`);
        d.dir = a;
        return;
      case O.pol:
        if (a !== 'none' && a !== 'ipsec') throw paramError(`policy match: invalid policy "${a}"`);
        if (a === 'none') d.none = true;
        return;
      case O.strict:
        d.strict = true;
        return;
      case O.reqid:
      case O.spi: {
        const name = opt.id === O.reqid ? 'reqid' : 'spi';
        const v = strtouiWhole(a, 0, 0xffffffff);
        if (v === null) throw paramError(`policy: bad value for option "--${name}", or out of range (0-4294967295).\n`);
        once(e[name] !== undefined, name);
        e[name] = v;
        inv(INV[name]);
        return;
      }
      case O.src:
      case O.dst: {
        const key = opt.id === O.src ? 'src' : 'dst';
        const addr = parseHostMask(env.family, a, env.db, 'policy', opt.name);
        once(e[key] !== undefined, opt.name);
        e[key] = addr;
        inv(INV[key]);
        return;
      }
      case O.proto: {
        const p = parseProtocol(a, env.db);
        once(e.proto !== undefined, 'proto');
        if (p !== 50 && p !== 51 && p !== 108) throw paramError('policy match: protocol must be ah/esp/ipcomp');
        e.proto = p;
        inv(INV.proto);
        return;
      }
      case O.mode:
        once(e.mode !== undefined, 'mode');
        if (a !== 'transport' && a !== 'tunnel') throw paramError(`policy match: invalid mode "${a}"`);
        e.mode = a;
        inv(INV.mode);
        return;
      default:
        if (d.elems.length === MAX_ELEM) throw paramError('policy match: maximum policy depth reached');
        d.elems.push({ inv: 0 });
    }
  },
  final(d) {
    if (d.dir === undefined) throw paramError('policy match: neither --dir in nor --dir out specified');
    if (d.none) {
      if (d.strict) throw paramError('policy match: policy none but --strict given');
      if (d.elems.length > 1) throw paramError('policy match: policy none but policy given');
      return;
    }
    d.elems.forEach((e, i) => {
      const any = e.reqid !== undefined || e.spi !== undefined || e.src || e.dst || e.proto !== undefined || e.mode !== undefined;
      if (d.strict && !any) throw paramError(`policy match: empty policy element ${i}. --strict is in effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.`);
      if ((e.src || e.dst) && (e.mode === 'tunnel') === !!(e.inv & INV.mode)) throw paramError('policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode');
    });
  },
  build: (d) => ({ kind: 'policy', dir: d.dir ?? 'in', none: d.none, strict: d.strict, elems: d.none ? [] : d.elems }),
};

function policyElem(e: PolicyElem, pfx: string, numeric: boolean, env: PrintEnv): string {
  const not = (bit: number): string => (e.inv & bit ? ' !' : '');
  let out = '';
  if (e.reqid !== undefined) out += `${not(INV.reqid)} ${pfx}reqid ${e.reqid}`;
  if (e.spi !== undefined) out += `${not(INV.spi)} ${pfx}spi 0x${e.spi.toString(16)}`;
  if (e.proto !== undefined) out += `${not(INV.proto)} ${pfx}proto ${(numeric ? undefined : env.db.protoByNumber(e.proto)) ?? e.proto}`;
  if (e.mode !== undefined) out += `${not(INV.mode)} ${pfx}mode ${e.mode}`;
  const fam: NfFamily = env.family;
  if (e.dst) out += `${not(INV.dst)} ${pfx}tunnel-dst ${e.dst.addr}${maskSuffix(fam, e.dst.mask)}`;
  if (e.src) out += `${not(INV.src)} ${pfx}tunnel-src ${e.src.addr}${maskSuffix(fam, e.src.mask)}`;
  return out;
}

const policyFlags = (m: M<'policy'>, pfx: string): string => ` ${pfx}dir ${m.dir} ${pfx}pol ${m.none ? 'none' : 'ipsec'}${m.strict ? ` ${pfx}strict` : ''}`;

export const policyFormat: MatchFormatter<M<'policy'>> = {
  saveName: () => 'policy',
  print: (m, env) => ' policy match' + policyFlags(m, '') + m.elems.map((e, i) => (m.elems.length > 1 ? ` [${i}]` : '') + policyElem(e, '', env.numeric, env)).join(''),
  save: (m, env) => policyFlags(m, '--') + m.elems.map((e) => policyElem(e, '--', false, env)).join(' --next'),
};

// ---- connbytes

const U64 = (1n << 64n) - 1n;

interface ConnbytesData {
  from: bigint;
  to: bigint;
  what: M<'connbytes'>['what'];
  dir: M<'connbytes'>['dir'];
}

export const connbytesMatch: MatchExtension<ConnbytesData> = {
  name: 'connbytes',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'connbytes', id: 0, hasArg: 1, mand: true, invert: true },
    { name: 'connbytes-dir', id: 1, hasArg: 1, mand: true },
    { name: 'connbytes-mode', id: 2, hasArg: 1, mand: true },
  ],
  init: () => ({ from: 0n, to: 0n, what: 'packets', dir: 'original' }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const r = parseRange('connbytes', 'connbytes', a, U64);
      d.from = r[0]!;
      d.to = r[1] ?? U64;
      if (d.to < d.from) throw paramError(`${d.from} should be less than ${d.to}`);
      if (invert) [d.from, d.to] = [d.to, d.from];
    } else if (opt.id === 1) {
      if (a !== 'original' && a !== 'reply' && a !== 'both') throw paramError(`Unknown --connbytes-dir \`${a}'`);
      d.dir = a;
    } else {
      if (a !== 'packets' && a !== 'bytes' && a !== 'avgpkt') throw paramError(`Unknown --connbytes-mode \`${a}'`);
      d.what = a;
    }
  },
  build: (d) => ({ kind: 'connbytes', from: String(d.from), to: String(d.to), what: d.what, dir: d.dir }),
};

function connbytesShow(m: M<'connbytes'>, save: boolean): string {
  let from = BigInt(m.from);
  let to = BigInt(m.to);
  let out = '';
  if (from > to) {
    out = ' !';
    [from, to] = [to, from];
  }
  const range = `${from}${to !== 0n && to < U64 ? `:${to}` : ''}`;
  return save ? `${out} --connbytes ${range} --connbytes-mode ${m.what} --connbytes-dir ${m.dir}` : `${out} connbytes ${range} connbytes mode ${m.what} connbytes direction ${m.dir}`;
}

export const connbytesFormat: MatchFormatter<M<'connbytes'>> = {
  saveName: () => 'connbytes',
  print: (m) => connbytesShow(m, false),
  save: (m) => connbytesShow(m, true),
};
