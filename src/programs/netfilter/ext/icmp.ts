// The icmp (IPv4) and icmp6 (IPv6) matches: --icmp-type / --icmpv6-type by name (any unique
// prefix, case-insensitive), number or type/code.
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiPrefix } from '../strtoul';
import type { MatchExtension, MatchFormatter } from './types';

type Icmp = Extract<NfMatch, { kind: 'icmp' | 'icmp6' }>;
type Code = readonly [name: string, type: number, codeMin: number, codeMax: number];

const ANY = 0xff;

export const ICMP_CODES: readonly Code[] = [
  ['any', 0xff, 0, 0xff],
  ['echo-reply', 0, 0, 0xff],
  ['pong', 0, 0, 0xff],
  ['destination-unreachable', 3, 0, 0xff],
  ['network-unreachable', 3, 0, 0],
  ['host-unreachable', 3, 1, 1],
  ['protocol-unreachable', 3, 2, 2],
  ['port-unreachable', 3, 3, 3],
  ['fragmentation-needed', 3, 4, 4],
  ['source-route-failed', 3, 5, 5],
  ['network-unknown', 3, 6, 6],
  ['host-unknown', 3, 7, 7],
  ['network-prohibited', 3, 9, 9],
  ['host-prohibited', 3, 10, 10],
  ['TOS-network-unreachable', 3, 11, 11],
  ['TOS-host-unreachable', 3, 12, 12],
  ['communication-prohibited', 3, 13, 13],
  ['host-precedence-violation', 3, 14, 14],
  ['precedence-cutoff', 3, 15, 15],
  ['source-quench', 4, 0, 0xff],
  ['redirect', 5, 0, 0xff],
  ['network-redirect', 5, 0, 0],
  ['host-redirect', 5, 1, 1],
  ['TOS-network-redirect', 5, 2, 2],
  ['TOS-host-redirect', 5, 3, 3],
  ['echo-request', 8, 0, 0xff],
  ['ping', 8, 0, 0xff],
  ['router-advertisement', 9, 0, 0xff],
  ['router-solicitation', 10, 0, 0xff],
  ['time-exceeded', 11, 0, 0xff],
  ['ttl-exceeded', 11, 0, 0xff],
  ['ttl-zero-during-transit', 11, 0, 0],
  ['ttl-zero-during-reassembly', 11, 1, 1],
  ['parameter-problem', 12, 0, 0xff],
  ['ip-header-bad', 12, 0, 0],
  ['required-option-missing', 12, 1, 1],
  ['timestamp-request', 13, 0, 0xff],
  ['timestamp-reply', 14, 0, 0xff],
  ['address-mask-request', 17, 0, 0xff],
  ['address-mask-reply', 18, 0, 0xff],
];

export const ICMPV6_CODES: readonly Code[] = [
  ['destination-unreachable', 1, 0, 0xff],
  ['no-route', 1, 0, 0],
  ['communication-prohibited', 1, 1, 1],
  ['beyond-scope', 1, 2, 2],
  ['address-unreachable', 1, 3, 3],
  ['port-unreachable', 1, 4, 4],
  ['failed-policy', 1, 5, 5],
  ['reject-route', 1, 6, 6],
  ['packet-too-big', 2, 0, 0xff],
  ['time-exceeded', 3, 0, 0xff],
  ['ttl-exceeded', 3, 0, 0xff],
  ['ttl-zero-during-transit', 3, 0, 0],
  ['ttl-zero-during-reassembly', 3, 1, 1],
  ['parameter-problem', 4, 0, 0xff],
  ['bad-header', 4, 0, 0],
  ['unknown-header-type', 4, 1, 1],
  ['unknown-option', 4, 2, 2],
  ['echo-request', 128, 0, 0xff],
  ['ping', 128, 0, 0xff],
  ['echo-reply', 129, 0, 0xff],
  ['pong', 129, 0, 0xff],
  ['router-solicitation', 133, 0, 0xff],
  ['router-advertisement', 134, 0, 0xff],
  ['neighbour-solicitation', 135, 0, 0xff],
  ['neighbor-solicitation', 135, 0, 0xff],
  ['neighbour-advertisement', 136, 0, 0xff],
  ['neighbor-advertisement', 136, 0, 0xff],
  ['redirect', 137, 0, 0xff],
];

/** "a[:b]" of numbers 0-255; returns the values and the rest of the string. */
function parseRange(s: string): { lo: number; hi: number; rest: string } | null {
  const a = strtouiPrefix(s, 0, 255);
  if (!a) return null;
  let rest = s.slice(a.end);
  let hi = a.value;
  if (rest.startsWith(':')) {
    const b = strtouiPrefix(rest.slice(1), 0, 255);
    if (!b) return null;
    hi = b.value;
    rest = rest.slice(1 + b.end);
  }
  return { lo: a.value, hi, rest };
}

/** __ipt_parse_icmp */
export function parseIcmpType(codes: readonly Code[], label: string, s: string): { type: number; codeMin: number; codeMax: number } {
  let match: Code | undefined;
  for (const c of codes) {
    if (!c[0].toLowerCase().startsWith(s.toLowerCase())) continue;
    if (match) throw paramError(`Ambiguous ${label} type \`${s}': \`${match[0]}' or \`${c[0]}'?`);
    match = c;
  }
  if (match) return { type: match[1], codeMin: match[2], codeMax: match[3] };
  const t = parseRange(s);
  if (!t) throw paramError(`Unknown ${label} type \`${s}'`);
  let codeMin = 0;
  let codeMax = 0xff;
  if (t.rest.startsWith('/')) {
    const c = parseRange(t.rest.slice(1));
    if (!c) throw paramError(`Unknown ${label} code \`${s}'`);
    codeMin = c.lo;
    codeMax = c.hi;
    if (c.rest !== '') throw paramError(`unknown character ${c.rest[0]}`);
  } else if (t.rest !== '') throw paramError(`unknown character ${t.rest[0]}`);
  if (t.lo !== t.hi) throw paramError(`${label} type range not supported`);
  return { type: t.lo, codeMin, codeMax };
}

function icmpExtension(kind: 'icmp' | 'icmp6'): MatchExtension<Icmp> {
  const v4 = kind === 'icmp';
  return {
    name: kind,
    kind: 'match',
    family: v4 ? 'ipv4' : 'ipv6',
    x6: true,
    opts: [{ name: v4 ? 'icmp-type' : 'icmpv6-type', id: 0, hasArg: 1, mand: true, invert: true }],
    // icmp6 starts at type 0 (not "any"): an icmp6 match without a type is refused anyway
    init: () => ({ kind, type: v4 ? ANY : 0, codeMin: 0, codeMax: 0xff, inv: false }),
    parse(_opt, arg, invert, d) {
      const r = parseIcmpType(v4 ? ICMP_CODES : ICMPV6_CODES, v4 ? 'ICMP' : 'ICMPv6', arg ?? '');
      d.type = r.type;
      d.codeMin = r.codeMin;
      d.codeMax = r.codeMax;
      d.inv = invert;
    },
    build: (d) => d,
  };
}

export const icmpMatch = icmpExtension('icmp');
export const icmp6Match = icmpExtension('icmp6');

export const icmpFormat: MatchFormatter<Icmp> = {
  saveName: (m) => m.kind,
  print(m, env) {
    const v4 = m.kind === 'icmp';
    let s = v4 ? ' icmp' : ' ipv6-icmp';
    if (!env.numeric) {
      const c = (v4 ? ICMP_CODES : ICMPV6_CODES).find((x) => x[1] === m.type && x[2] === m.codeMin && x[3] === m.codeMax);
      if (c) return `${s} ${m.inv ? '!' : ''}${c[0]}`;
    }
    if (m.inv) s += ' !';
    s += `type ${m.type}`;
    if (m.codeMin === m.codeMax) s += ` code ${m.codeMin}`;
    else if (m.codeMin !== 0 || m.codeMax !== 0xff) s += ` codes ${m.codeMin}-${m.codeMax}`;
    return s;
  },
  save(m) {
    const code = m.codeMin !== 0 || m.codeMax !== 0xff ? `/${m.codeMin}` : '';
    if (m.kind === 'icmp6') return `${m.inv ? ' !' : ''} --icmpv6-type ${m.type}${code}`;
    return `${m.inv ? ' !' : ''}${m.type === ANY ? ' --icmp-type any' : ` --icmp-type ${m.type}${code}`}`;
  },
};
