// The conntrack match (revision 3) and the state match, which iptables stores as conntrack
// with a "state" alias: --state/--ctstate lists (names may be abbreviated), --ctproto, the
// tuple addresses, --ctstatus, --ctexpire and --ctdir.
import { NF_CT_STATE, NF_CT_STATUS, type NfAddr, type NfConntrackMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { addrName, maskSuffix, parseHostMask } from '../ip-parse';
import { parseRange } from './qos';
import { portByName } from './common';
import type { NetDb } from '../netdb';
import { parseProtocol } from '../proto';
import type { MatchExtension, MatchFormatter, PrintEnv, XtOptDef } from './types';

const STATE_NAMES: readonly [string, number][] = [
  ['INVALID', NF_CT_STATE.INVALID],
  ['NEW', NF_CT_STATE.NEW],
  ['ESTABLISHED', NF_CT_STATE.ESTABLISHED],
  ['RELATED', NF_CT_STATE.RELATED],
  ['UNTRACKED', NF_CT_STATE.UNTRACKED],
  ['SNAT', NF_CT_STATE.SNAT],
  ['DNAT', NF_CT_STATE.DNAT],
];
/** the order states are printed in */
const STATE_PRINT = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
const STATUS_NAMES: readonly [string, number][] = [
  ['NONE', 0],
  ['EXPECTED', NF_CT_STATUS.EXPECTED],
  ['SEEN_REPLY', NF_CT_STATUS.SEEN_REPLY],
  ['ASSURED', NF_CT_STATUS.ASSURED],
  ['CONFIRMED', NF_CT_STATUS.CONFIRMED],
];

/** strncasecmp(word, NAME, len(word)): a word matches a name it abbreviates. */
function lookup(names: readonly [string, number][], word: string): number | undefined {
  return names.find(([n]) => word.length <= n.length && n.slice(0, word.length).toLowerCase() === word.toLowerCase())?.[1];
}

function parseList(arg: string, names: readonly [string, number][], bad: string, emptyMsg: string | null): number {
  let mask = 0;
  const parts = arg.split(',');
  for (let i = 0; i < parts.length - 1; i++) {
    const rest = parts.slice(i).join(',');
    const v = parts[i] === '' ? undefined : lookup(names, parts[i]!);
    if (v === undefined) throw paramError(`${bad} "${rest}"`);
    mask |= v;
  }
  const last = parts[parts.length - 1]!;
  if (last === '' && emptyMsg !== null) throw paramError(emptyMsg);
  const v = last === '' ? undefined : lookup(names, last);
  if (v === undefined) throw paramError(`${bad} "${last}"`);
  return mask | v;
}

function blank(stateAlias: boolean): NfConntrackMatch {
  return { kind: 'conntrack', stateAlias, stateInv: false, protoInv: false, origSrcInv: false, origDstInv: false, replSrcInv: false, replDstInv: false, statusInv: false, expireInv: false };
}

const STATE_LIST_MSG = '"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED';

export const stateMatch: MatchExtension<NfConntrackMatch> = {
  name: 'state',
  kind: 'match',
  x6: true,
  opts: [{ name: 'state', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => blank(true),
  parse(_opt, arg, invert, d) {
    d.state = parseList(arg ?? '', STATE_NAMES.slice(0, 5), 'Bad state', STATE_LIST_MSG);
    d.stateInv = invert;
  },
  build: (d) => d,
};

const CT_OPTS: readonly XtOptDef[] = [
  { name: 'ctstate', id: 0, hasArg: 1, invert: true },
  { name: 'ctproto', id: 1, hasArg: 1, invert: true },
  { name: 'ctorigsrc', id: 2, hasArg: 1, invert: true },
  { name: 'ctorigdst', id: 3, hasArg: 1, invert: true },
  { name: 'ctreplsrc', id: 4, hasArg: 1, invert: true },
  { name: 'ctrepldst', id: 5, hasArg: 1, invert: true },
  { name: 'ctstatus', id: 6, hasArg: 1, invert: true },
  { name: 'ctexpire', id: 7, hasArg: 1, invert: true },
  { name: 'ctorigsrcport', id: 8, hasArg: 1, invert: true },
  { name: 'ctorigdstport', id: 9, hasArg: 1, invert: true },
  { name: 'ctreplsrcport', id: 10, hasArg: 1, invert: true },
  { name: 'ctrepldstport', id: 11, hasArg: 1, invert: true },
  { name: 'ctdir', id: 12, hasArg: 1 },
];

type AddrKey = 'origSrc' | 'origDst' | 'replSrc' | 'replDst';
const ADDR_KEYS: Readonly<Record<number, AddrKey>> = { 2: 'origSrc', 3: 'origDst', 4: 'replSrc', 5: 'replDst' };

type PortKey = 'origSrcPort' | 'origDstPort' | 'replSrcPort' | 'replDstPort';
const PORT_KEYS: Readonly<Record<number, PortKey>> = { 8: 'origSrcPort', 9: 'origDstPort', 10: 'replSrcPort', 11: 'replDstPort' };
const PORT_OPTS: readonly [PortKey, string][] = [
  ['origSrcPort', 'ctorigsrcport'],
  ['origDstPort', 'ctorigdstport'],
  ['replSrcPort', 'ctreplsrcport'],
  ['replDstPort', 'ctrepldstport'],
];

/** conntrack revision 3 also matches the tuple ports (a range; lo > hi is kept as given). */
export type CtMatch = NfConntrackMatch & Partial<Record<PortKey, [number, number]>> & Partial<Record<`${PortKey}Inv`, boolean>>;

/**
 * xtopt_parse_mport for XTTYPE_PORTRC: each end as xtables_getportbyname reads it (a number
 * kept to 16 bits unless negative as a C int, or a tcp/udp service name).
 */
function ctPort(word: string, dflt: number, env: { db: NetDb }): number {
  if (word === '') return dflt;
  const p = portByName(word, env.db);
  if (p === null) throw paramError(`Port "${word}" does not resolve to anything.\n`);
  return p;
}

function parsePortRange(opt: string, a: string, env: Parameters<typeof ctPort>[2]): [number, number] {
  const parts = a.split(':');
  if (parts.length > 2) throw paramError(`conntrack: Too many components for option "--${opt}" (max: 2)\n`);
  const lo = ctPort(parts[0]!, 0, env);
  const hi = parts.length === 2 ? ctPort(parts[1]!, 65535, env) : lo;
  return [lo, hi];
}

export const conntrackMatch: MatchExtension<CtMatch> = {
  name: 'conntrack',
  kind: 'match',
  x6: true,
  opts: CT_OPTS,
  init: () => blank(false),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    switch (opt.id) {
      case 0:
        d.state = parseList(a, STATE_NAMES, 'Bad ctstate', null);
        d.stateInv = invert;
        return;
      case 1:
        d.proto = parseProtocol(a, env.db);
        d.protoInv = invert;
        return;
      case 6:
        d.status = parseList(a, STATUS_NAMES, 'Bad ctstatus', null);
        d.statusInv = invert;
        return;
      case 7: {
        d.expire = parseRange('conntrack', 'ctexpire', a, 0xffffffff);
        d.expireInv = invert;
        return;
      }
      case 8:
      case 9:
      case 10:
      case 11: {
        const key = PORT_KEYS[opt.id]!;
        d[key] = parsePortRange(opt.name, a, env);
        d[`${key}Inv`] = invert;
        return;
      }
      case 12: {
        const v = a.toUpperCase();
        if (v !== 'ORIGINAL' && v !== 'REPLY') throw paramError(`conntrack: Bad value for "--ctdir" option: "${a}"`);
        d.dir = v;
        return;
      }
    }
    const key = ADDR_KEYS[opt.id];
    if (!key) return;
    d[key] = parseHostMask(env.family, a, env.db, 'conntrack', opt.name);
    d[`${key}Inv`] = invert;
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('conntrack: At least one option is required');
  },
  build: (d) => d,
};

// ------------------------------------------------------------------ output

function states(mask: number): string {
  return STATE_PRINT.filter((n) => mask & STATE_NAMES.find(([x]) => x === n)![1]).join(',');
}

function statuses(mask: number): string {
  if (mask === 0) return 'NONE';
  return STATUS_NAMES.filter(([, b]) => b !== 0 && mask & b)
    .map(([n]) => n)
    .join(',');
}

function addr(a: NfAddr, env: PrintEnv): string {
  if (!env.numeric && (a.addr === '0.0.0.0' || a.addr === '::')) return ' anywhere';
  return ` ${env.numeric ? a.addr : addrName(env.family, a.addr, env.db)}${maskSuffix(env.family, a.mask)}`;
}

/** conntrack_dump: the same layout for -L (prefix "") and saving (prefix "--"). */
function dump(m: NfConntrackMatch, prefix: string, env: PrintEnv): string {
  let s = '';
  const inv = (b: boolean): string => (b ? ' !' : '');
  if (m.state !== undefined) s += `${inv(m.stateInv)} ${prefix}${m.stateAlias ? 'state' : 'ctstate'} ${states(m.state)}`;
  if (m.proto !== undefined) s += `${inv(m.protoInv)} ${prefix}ctproto ${m.proto}`;
  const addrs: [AddrKey, string][] = [
    ['origSrc', 'ctorigsrc'],
    ['origDst', 'ctorigdst'],
    ['replSrc', 'ctreplsrc'],
    ['replDst', 'ctrepldst'],
  ];
  for (const [k, name] of addrs) {
    const a = m[k];
    if (a) s += `${inv(m[`${k}Inv`])} ${prefix}${name}${addr(a, env)}`;
  }
  const ct = m as CtMatch;
  for (const [k, name] of PORT_OPTS) {
    const p = ct[k];
    if (p) s += `${inv(ct[`${k}Inv`] ?? false)} ${prefix}${name} ${p[0] === p[1] ? p[0] : `${p[0]}:${p[1]}`}`;
  }
  if (m.status !== undefined) s += `${inv(m.statusInv)} ${prefix}ctstatus ${statuses(m.status)}`;
  if (m.expire) s += `${inv(m.expireInv)} ${prefix}ctexpire ${m.expire[0] === m.expire[1] ? m.expire[0] : `${m.expire[0]}:${m.expire[1]}`}`;
  if (m.dir) s += ` ${prefix}ctdir ${m.dir}`;
  return s;
}

export const conntrackFormat: MatchFormatter<NfConntrackMatch> = {
  saveName: (m) => (m.stateAlias ? 'state' : 'conntrack'),
  print: (m, env) => dump(m, '', env),
  save: (m, env) => dump(m, '--', { ...env, numeric: true }),
};
