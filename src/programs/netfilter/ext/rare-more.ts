// ipcomp (IPComp SPIs), nfacct (extended accounting objects) and the IPv6 prefix translation
// targets SNPT/DNPT -- libxt_ipcomp, libxt_nfacct and libip6t_SNPT/DNPT.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { maskToCidr, parseHostMask, parseText } from '../ip-parse';
import { parseRange } from './common';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';

type Ipcomp = Extract<NfMatch, { kind: 'ipcomp' }>;
type Nfacct = Extract<NfMatch, { kind: 'nfacct' }>;
type Npt = Extract<NfTarget, { kind: 'SNPT' | 'DNPT' }>;

const U32 = 0xffffffff;

export const ipcompMatch: MatchExtension<Ipcomp> = {
  name: 'ipcomp',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'ipcompspi', id: 0, hasArg: 1, invert: true },
    { name: 'compres', id: 1, hasArg: 0 },
  ],
  // (the SPI range starts out as 0:0, not "any")
  init: () => ({ kind: 'ipcomp', spis: [0, 0], inv: false, res: false }),
  parse(opt, arg, invert, d) {
    if (opt.id === 1) {
      d.res = true;
      return;
    }
    const r = parseRange('ipcomp', 'ipcompspi', arg ?? '', BigInt(U32)).map(Number);
    d.spis = [r[0]!, r[1] ?? r[0]!];
    d.inv = invert;
  },
  build: (d) => d,
};

export const ipcompFormat: MatchFormatter<Ipcomp> = {
  saveName: () => 'ipcomp',
  print(m) {
    const [lo, hi] = m.spis;
    const inv = m.inv ? '!' : '';
    let s = ' comp';
    if (lo !== 0 || hi !== U32 || m.inv) s += lo === hi ? ` spi:${inv}${lo}` : ` spis:${inv}${lo}:${hi}`;
    return s + (m.res ? ' reserved' : '');
  },
  save(m) {
    const [lo, hi] = m.spis;
    let s = '';
    if (!(lo === 0 && hi === U32)) s += `${m.inv ? ' !' : ''} --ipcompspi ${lo === hi ? lo : `${lo}:${hi}`}`;
    return s + (m.res ? ' --compres' : '');
  },
};

/** the accounting object name buffer, NUL included */
const NFACCT_NAME = 32;

export const nfacctMatch: MatchExtension<Nfacct> = {
  name: 'nfacct',
  kind: 'match',
  x6: true,
  opts: [{ name: 'nfacct-name', id: 0, hasArg: 1, mand: true }],
  init: () => ({ kind: 'nfacct', name: '' }),
  parse(_opt, arg, _invert, d) {
    const a = arg ?? '';
    if (a === '') throw paramError('Argument must have a minimum length of 1 characters\n');
    d.name = a.slice(0, NFACCT_NAME - 1);
  },
  build: (d) => d,
};

export const nfacctFormat: MatchFormatter<Nfacct> = {
  saveName: () => 'nfacct',
  print: (m) => ` nfacct-name  ${m.name}`,
  save: (m) => ` --nfacct-name ${m.name}`,
};

function nptTarget(name: 'SNPT' | 'DNPT'): TargetExtension<Npt> {
  return {
    name,
    kind: 'target',
    family: 'ipv6',
    x6: true,
    opts: [
      { name: 'src-pfx', id: 0, hasArg: 1, mand: true },
      { name: 'dst-pfx', id: 1, hasArg: 1, mand: true },
    ],
    init: () => ({ kind: name, src: '::', srcLen: 0, dst: '::', dstLen: 0 }),
    parse(opt, arg, _invert, d, _st, env) {
      const a = parseHostMask('ipv6', arg ?? '', env.db, name, opt.name);
      const len = maskToCidr('ipv6', parseText('ipv6', a.mask) ?? 0n);
      if (opt.id === 0) Object.assign(d, { src: a.addr, srcLen: len });
      else Object.assign(d, { dst: a.addr, dstLen: len });
    },
    build: (d) => d,
  };
}

export const snptTarget = nptTarget('SNPT');
export const dnptTarget = nptTarget('DNPT');

export const nptFormat: TargetFormatter<Npt> = {
  print: (t) => ` ${t.kind} src-pfx ${t.src}/${t.srcLen} dst-pfx ${t.dst}/${t.dstLen}`,
  save: (t) => ` --src-pfx ${t.src}/${t.srcLen} --dst-pfx ${t.dst}/${t.dstLen}`,
};
