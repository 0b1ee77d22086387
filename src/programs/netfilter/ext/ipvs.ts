// ipvs (libxt_ipvs): whether a packet belongs to an IPVS connection, and its virtual service.
// The kernel here has no IPVS module: loading the match warns, and a rule with it is refused
// (after its options are read and checked as usual).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { addrName, formatAddr, maskSuffix, parseHostMask, parseText } from '../ip-parse';
import { parseProtocol } from '../proto';
import { portByName } from './common';
import type { MatchExtension, MatchFormatter, PrintEnv } from './types';

type Ipvs = Extract<NfMatch, { kind: 'ipvs' }>;

/** option ids, which are also the bits of bitmask and invert */
const O = { ipvs: 0, vproto: 1, vaddr: 2, vport: 3, vdir: 4, vmethod: 5, vportctl: 6 } as const;
const PROPERTY = 1 << O.ipvs;
/** every option but --ipvs itself (each implies it) */
const ONCE_MASK = 0x7f & ~PROPERTY;

/** IP_VS_CONN_F_* forwarding methods */
const METHODS: Readonly<Record<string, number>> = { GATE: 3, IPIP: 2, MASQ: 0 };

export const ipvsMatch: MatchExtension<Ipvs> = {
  name: 'ipvs',
  kind: 'match',
  noKernel: true,
  x6: true,
  opts: [
    { name: 'ipvs', id: O.ipvs, hasArg: 0, invert: true },
    { name: 'vproto', id: O.vproto, hasArg: 1, invert: true },
    { name: 'vaddr', id: O.vaddr, hasArg: 1, invert: true },
    { name: 'vport', id: O.vport, hasArg: 1, invert: true },
    { name: 'vdir', id: O.vdir, hasArg: 1 },
    { name: 'vmethod', id: O.vmethod, hasArg: 1, invert: true },
    { name: 'vportctl', id: O.vportctl, hasArg: 1, invert: true },
  ],
  init: (env) => {
    const any = env.family === 'ipv4' ? '0.0.0.0' : '::';
    return { kind: 'ipvs', bitmask: 0, invert: 0, proto: 0, vaddr: any, vmask: any, vport: 0, method: 0, vportctl: 0 };
  },
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const port = (): number => {
      const p = portByName(a, env.db);
      if (p === null) throw paramError(`Port "${a}" does not resolve to anything.\n`);
      return p;
    };
    switch (opt.id) {
      case O.vproto:
        d.proto = parseProtocol(a, env.db);
        break;
      case O.vaddr: {
        const h = parseHostMask(env.family, a, env.db, 'ipvs', opt.name);
        d.vaddr = h.addr;
        d.vmask = h.mask;
        break;
      }
      case O.vport:
        d.vport = port();
        break;
      case O.vportctl:
        d.vportctl = port();
        break;
      case O.vdir: {
        const v = a.toUpperCase();
        if (v !== 'ORIGINAL' && v !== 'REPLY') throw paramError(`ipvs: Bad value for "--vdir" option: "${a}"`);
        // REPLY is kept as the direction bit inverted
        if (v === 'REPLY') d.invert |= 1 << O.vdir;
        else d.invert &= ~(1 << O.vdir);
        break;
      }
      case O.vmethod: {
        const m = METHODS[a.toUpperCase()];
        if (m === undefined) throw paramError(`ipvs: Bad value for "--vmethod" option: "${a}"`);
        d.method = m;
        break;
      }
    }
    d.bitmask |= 1 << opt.id;
    if (invert) d.invert |= 1 << opt.id;
  },
  final(d, st) {
    if (st.flags === 0) throw paramError('IPVS: At least one option is required');
    if (d.bitmask & ONCE_MASK) {
      if (d.invert & PROPERTY) throw paramError('! --ipvs cannot be together with other options');
      d.bitmask |= PROPERTY;
    }
  },
  build: (d) => d,
};

function addrText(m: Ipvs, env: PrintEnv): string {
  const zero = parseText(env.family, m.vaddr) === 0n;
  if (!env.numeric && zero) return ' anywhere';
  const host = env.numeric ? formatAddr(env.family, parseText(env.family, m.vaddr) ?? 0n) : addrName(env.family, m.vaddr, env.db);
  return ` ${host}${maskSuffix(env.family, m.vmask)}`;
}

function dump(m: Ipvs, env: PrintEnv, prefix: string): string {
  const inv = (id: number): string => (m.invert & (1 << id) ? ' !' : '');
  const has = (id: number): boolean => (m.bitmask & (1 << id)) !== 0;
  let s = '';
  if (m.bitmask === PROPERTY) s += `${inv(O.ipvs)} ${prefix}ipvs`;
  if (has(O.vproto)) s += `${inv(O.vproto)} ${prefix}vproto ${m.proto}`;
  if (has(O.vaddr)) s += `${inv(O.vaddr)} ${prefix}vaddr${addrText(m, env)}`;
  if (has(O.vport)) s += `${inv(O.vport)} ${prefix}vport ${m.vport}`;
  if (has(O.vdir)) s += ` ${prefix}vdir ${m.invert & (1 << O.vdir) ? 'REPLY' : 'ORIGINAL'}`;
  if (has(O.vmethod)) {
    const name = Object.keys(METHODS).find((k) => METHODS[k] === m.method) ?? 'UNKNOWN';
    s += `${inv(O.vmethod)} ${prefix}vmethod ${name}`;
  }
  if (has(O.vportctl)) s += `${inv(O.vportctl)} ${prefix}vportctl ${m.vportctl}`;
  return s;
}

export const ipvsFormat: MatchFormatter<Ipvs> = {
  saveName: () => 'ipvs',
  print: (m, env) => dump(m, env, ''),
  save: (m, env) => dump(m, { ...env, numeric: true }, '--'),
};
