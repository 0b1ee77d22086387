// The tcp and udp matches (libxt_tcp, libxt_udp), loaded by -m or implicitly by -p. nft turns
// them into payload expressions and back, which normalises them: a full port range disappears,
// an all-default match stays as a bare "-m tcp", and a match with nothing left vanishes.
import type { NfMatch, NfPortRange } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import { parsePort, portByName, portName } from './common';
import type { MatchExtension, MatchFormatter, PrintEnv, XtOptDef } from './types';

type Tcp = Extract<NfMatch, { kind: 'tcp' }>;
type Udp = Extract<NfMatch, { kind: 'udp' }>;

const FLAG_NAMES: readonly [string, number][] = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
  ['ALL', 0x3f],
  ['NONE', 0],
];

export function parseTcpPorts(spec: string, env: { db: import('../netdb').NetDb }, proto = 'tcp'): NfPortRange {
  const colon = spec.indexOf(':');
  if (colon < 0) {
    const p = parsePort(spec, proto, env.db);
    return [p, p];
  }
  const lo = spec.slice(0, colon);
  const hi = spec.slice(colon + 1);
  const r: NfPortRange = [lo ? parsePort(lo, proto, env.db) : 0, hi ? parsePort(hi, proto, env.db) : 0xffff];
  if (r[0] > r[1]) throw paramError('invalid portrange (min > max)');
  return r;
}

function parseFlags(s: string): number {
  let v = 0;
  for (const tok of s.split(',').filter((t) => t !== '')) {
    const f = FLAG_NAMES.find(([n]) => n.toLowerCase() === tok.toLowerCase());
    if (!f) throw paramError(`Unknown TCP flag \`${tok}'`);
    v |= f[1];
  }
  return v;
}

const TCP_OPTS: readonly XtOptDef[] = [
  { name: 'source-port', id: 0, hasArg: 1 },
  { name: 'sport', id: 0, hasArg: 1 },
  { name: 'destination-port', id: 1, hasArg: 1 },
  { name: 'dport', id: 1, hasArg: 1 },
  { name: 'syn', id: 2, hasArg: 0 },
  { name: 'tcp-flags', id: 3, hasArg: 1 },
  { name: 'tcp-option', id: 4, hasArg: 1 },
];

const SRC = 1;
const DST = 2;
const FLAGS = 4;
const OPTION = 8;

const fullRange = (r: NfPortRange): boolean => r[0] === 0 && r[1] === 0xffff;

export const tcpMatch: MatchExtension<Tcp> = {
  name: 'tcp',
  kind: 'match',
  x6: false,
  opts: TCP_OPTS,
  init: () => ({ kind: 'tcp', sport: [0, 0xffff], dport: [0, 0xffff], sportInv: false, dportInv: false, flagsMask: 0, flagsCmp: 0, flagsInv: false, option: 0, optionInv: false }),
  parse(opt, arg, invert, d, st, env) {
    const a = arg ?? '';
    switch (opt.id) {
      case 0:
        if (st.flags & SRC) throw paramError("Only one `--source-port' allowed");
        d.sport = parseTcpPorts(a, env);
        d.sportInv = invert;
        st.flags |= SRC;
        return;
      case 1:
        if (st.flags & DST) throw paramError("Only one `--destination-port' allowed");
        d.dport = parseTcpPorts(a, env);
        d.dportInv = invert;
        st.flags |= DST;
        return;
      case 2:
      case 3: {
        if (st.flags & FLAGS) throw paramError("Only one of `--syn' or `--tcp-flags'  allowed");
        if (opt.id === 2) {
          d.flagsMask = 0x17;
          d.flagsCmp = 0x02;
        } else {
          const next = env.getopt.argv[env.getopt.optind];
          if (next === undefined || next.startsWith('-') || next.startsWith('!')) throw paramError('--tcp-flags requires two args.');
          d.flagsMask = parseFlags(a);
          d.flagsCmp = parseFlags(next);
          env.getopt.optind++;
        }
        d.flagsInv = invert;
        st.flags |= FLAGS;
        return;
      }
      case 4: {
        if (st.flags & OPTION) throw paramError("Only one `--tcp-option' allowed");
        const v = strtouiWhole(a, 1, 255);
        if (v === null) throw paramError(`Bad TCP option "${a}"`);
        d.option = v;
        d.optionInv = invert;
        st.flags |= OPTION;
      }
    }
  },
  build(d, env) {
    const allZero = fullRange(d.sport) && fullRange(d.dport) && !d.sportInv && !d.dportInv && d.flagsMask === 0 && d.flagsCmp === 0 && !d.flagsInv && d.option === 0 && !d.optionInv;
    if (d.optionInv || d.option !== 0 || allZero) return d;
    if (env.proto !== 6) throw paramError("TCP match requires '-p tcp'");
    return nativePorts(d, { ...d, flagsMask: d.flagsMask, flagsCmp: d.flagsMask ? d.flagsCmp : 0, flagsInv: d.flagsMask ? d.flagsInv : false });
  },
};

/** What survives nft's port expressions (add_nft_tcpudp) and their translation back. */
function nativePorts<M extends Tcp | Udp>(d: M, base: M): M | null {
  const out = { ...base, sport: [0, 0xffff] as NfPortRange, dport: [0, 0xffff] as NfPortRange, sportInv: false, dportInv: false };
  const combined = d.sport[0] !== 0 && d.sport[0] === d.sport[1] && d.dport[0] !== 0 && d.dport[0] === d.dport[1] && d.sportInv === d.dportInv;
  // an inverted range from 0 becomes "greater than its top", read back as a plain range
  const flip = (r: NfPortRange, inv: boolean): [NfPortRange, boolean] => (inv && r[0] === 0 && r[1] > 0 && r[1] < 0xffff ? [[r[1] + 1, 0xffff], false] : [r, inv]);
  if (combined || d.sport[0] !== 0 || d.sport[1] < 0xffff) [out.sport, out.sportInv] = flip(d.sport, d.sportInv);
  if (combined || d.dport[0] !== 0 || d.dport[1] < 0xffff) [out.dport, out.dportInv] = flip(d.dport, d.dportInv);
  const tcpFlags = out.kind === 'tcp' && out.flagsMask !== 0;
  if (!tcpFlags && fullRange(out.sport) && fullRange(out.dport) && !out.sportInv && !out.dportInv) return null;
  return out;
}

const UDP_OPTS: readonly XtOptDef[] = [
  { name: 'source-port', id: 0, hasArg: 1, invert: true },
  { name: 'sport', id: 0, hasArg: 1, invert: true },
  { name: 'destination-port', id: 1, hasArg: 1, invert: true },
  { name: 'dport', id: 1, hasArg: 1, invert: true },
];

/** XTTYPE_PORTRC: "port[:port]" of getaddrinfo-resolved ports; no order check. */
export function parsePortRc(ext: string, canonical: string, a: string, env: { db: import('../netdb').NetDb }): NfPortRange {
  const parts = a.split(':');
  if (parts.length > 2) throw paramError(`${ext}: Too many components for option "--${canonical}" (max: 2)\n`);
  const vals = parts.map((p, i) => {
    if (p === '') return i === 0 ? 0 : 0xffff;
    const v = portByName(p, env.db);
    if (v === null) throw paramError(`Port "${p}" does not resolve to anything.\n`);
    return v;
  });
  return parts.length === 1 ? [vals[0]!, vals[0]!] : [vals[0]!, vals[1]!];
}

export const udpMatch: MatchExtension<Udp> = {
  name: 'udp',
  kind: 'match',
  x6: true,
  opts: UDP_OPTS,
  init: () => ({ kind: 'udp', sport: [0, 0xffff], dport: [0, 0xffff], sportInv: false, dportInv: false }),
  parse(opt, arg, invert, d, _st, env) {
    const canonical = opt.id === 0 ? 'source-port' : 'destination-port';
    const r = parsePortRc('udp', canonical, arg ?? '', env);
    if (opt.id === 0) {
      d.sport = r;
      d.sportInv = invert;
    } else {
      d.dport = r;
      d.dportInv = invert;
    }
  },
  build(d, env) {
    const allZero = fullRange(d.sport) && fullRange(d.dport) && !d.sportInv && !d.dportInv;
    if (allZero) return d;
    if (env.proto !== 17) throw paramError("UDP match requires '-p udp'");
    return nativePorts(d, d);
  },
};

// ------------------------------------------------------------------ output

export function printPorts(name: string, r: NfPortRange, inv: boolean, proto: string, env: PrintEnv): string {
  if (fullRange(r) && !inv) return '';
  const i = inv ? '!' : '';
  const p = (n: number): string => portName(n, proto, env.numeric, env.db);
  return r[0] === r[1] ? ` ${name}:${i}${p(r[0])}` : ` ${name}s:${i}${p(r[0])}:${p(r[1])}`;
}

function savePorts(opt: string, r: NfPortRange, inv: boolean): string {
  if (fullRange(r)) return '';
  return `${inv ? ' !' : ''} --${opt} ${r[0] === r[1] ? r[0] : `${r[0]}:${r[1]}`}`;
}

function flagNames(v: number): string {
  const out: string[] = [];
  let rest = v;
  while (rest) {
    const f = FLAG_NAMES.find(([, bit]) => bit !== 0 && rest & bit)!;
    out.push(f[0]);
    rest &= ~f[1];
  }
  return out.length ? out.join(',') : 'NONE';
}

const hex2 = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;

export const tcpFormat: MatchFormatter<Tcp> = {
  saveName: () => 'tcp',
  print(m, env) {
    let s = ' tcp' + printPorts('spt', m.sport, m.sportInv, 'tcp', env) + printPorts('dpt', m.dport, m.dportInv, 'tcp', env);
    if (m.option || m.optionInv) s += ` option=${m.optionInv ? '!' : ''}${m.option}`;
    if (m.flagsMask || m.flagsInv) s += ` flags:${m.flagsInv ? '!' : ''}${env.numeric ? `${hex2(m.flagsMask)}/${hex2(m.flagsCmp)}` : `${flagNames(m.flagsMask)}/${flagNames(m.flagsCmp)}`}`;
    return s;
  },
  save(m) {
    let s = savePorts('sport', m.sport, m.sportInv) + savePorts('dport', m.dport, m.dportInv);
    if (m.option || m.optionInv) s += `${m.optionInv ? ' !' : ''} --tcp-option ${m.option}`;
    if (m.flagsMask || m.flagsInv) s += `${m.flagsInv ? ' !' : ''} --tcp-flags ${flagNames(m.flagsMask)} ${flagNames(m.flagsCmp)}`;
    return s;
  },
};

export const udpFormat: MatchFormatter<Udp> = {
  saveName: () => 'udp',
  print: (m, env) => ' udp' + printPorts('spt', m.sport, m.sportInv, 'udp', env) + printPorts('dpt', m.dport, m.dportInv, 'udp', env),
  save: (m) => savePorts('sport', m.sport, m.sportInv) + savePorts('dport', m.dport, m.dportInv),
};
