// The NAT targets (libxt_NAT): SNAT --to-source, DNAT --to-destination (ip[-ip][:port[-port]]),
// MASQUERADE and REDIRECT --to-ports, and the --random/--random-fully/--persistent flags.
import type { NfFamily, NfNatRange, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { formatAddr, parseText } from '../ip-parse';
import type { NetDb } from '../netdb';
import { strtouiPrefix } from '../strtoul';
import type { ParseEnv, TargetExtension, TargetFormatter, XtOptDef } from './types';

type NatKind = 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT';
type Nat = Extract<NfTarget, { kind: NatKind }>;

const O_TO_DEST = 0;
const O_TO_SRC = 1;
const O_TO_PORTS = 2;
const O_RANDOM = 3;
const O_RANDOM_FULLY = 4;
const O_PERSISTENT = 5;

function portOk(env: ParseEnv): boolean {
  return [6, 17, 132, 33, 1].includes(env.proto);
}

function servicePort(name: string, db: NetDb): number | undefined {
  return db.serviceByName(name, null);
}

/** parse_ports: "port[-port[/base]]" */
function parsePorts(arg: string, ok: boolean, r: NfNatRange, db: NetDb): void {
  if (!ok) throw paramError('Need TCP, UDP, SCTP or DCCP with port specification');
  let port: number;
  let rest: string;
  const n = strtouiPrefix(arg, 0, 65535);
  if (n) {
    port = n.value;
    rest = arg.slice(n.end);
  } else {
    const s = servicePort(arg, db);
    if (s === undefined) throw paramError(`Port \`${arg}' not valid`);
    port = s;
    rest = '';
  }
  if (rest === '') {
    r.ports = [port, port];
    return;
  }
  if (rest[0] === ':') throw paramError('Invalid port:port syntax - use dash');
  if (rest[0] !== '-') throw paramError(`Garbage after port value: \`${rest}'`);
  const maxArg = rest.slice(1);
  const m = strtouiPrefix(maxArg, 0, 65535);
  if (!m) throw paramError(`Port \`${maxArg}' not valid`);
  if (m.value < port) throw paramError(`Port range \`${maxArg}' funky`);
  r.ports = [port, m.value];
  const after = maxArg.slice(m.end);
  if (after === '') return;
  if (after[0] !== '/') throw paramError(`Garbage after port range: \`${after}'`);
  const baseArg = after.slice(1);
  const b = strtouiPrefix(baseArg, 1, 65535);
  const base = b && b.end === baseArg.length ? b.value : servicePort(baseArg, db);
  if (base === undefined) throw paramError(`Port \`${baseArg}' not valid`);
  r.basePort = base;
}

/** parse_to: "[ip[-ip]][:port[-port]]", IPv6 addresses in brackets when a port follows */
function parseTo(orig: string, ok: boolean, r: NfNatRange, family: NfFamily, db: NetDb): void {
  let start = orig;
  let colon: number;
  let portPart: string | null = null;
  if (!orig.includes('[')) {
    colon = orig.indexOf(':');
    if (colon >= 0 && orig.indexOf(':', colon + 1) >= 0) colon = -1;
    if (colon >= 0) {
      portPart = orig.slice(colon + 1);
      start = orig.slice(0, colon);
    }
  } else {
    const open = orig.indexOf('[');
    const close = orig.indexOf(']', open);
    if (close < 0 || family === 'ipv4') throw paramError('Invalid address format');
    start = orig.slice(open + 1, close);
    colon = orig.indexOf(':', close);
    if (colon >= 0) portPart = orig.slice(colon + 1);
  }
  if (portPart !== null) {
    parsePorts(portPart, ok, r, db);
    if (colon === 0 || colon === 2) return;
  }
  const dash = start.indexOf('-');
  const lo = dash >= 0 ? start.slice(0, dash) : start;
  const min = parseText(family, lo);
  if (min === null) throw paramError(`Bad IP address "${lo}"`);
  let max = min;
  if (dash >= 0) {
    const hi = start.slice(dash + 1);
    const v = parseText(family, hi);
    if (v === null) throw paramError(`Bad IP address "${hi}"`);
    max = v;
  }
  r.addrs = [formatAddr(family, min), formatAddr(family, max)];
}

const FLAG_OPTS: Readonly<Record<string, XtOptDef>> = {
  random: { name: 'random', id: O_RANDOM, hasArg: 0 },
  'random-fully': { name: 'random-fully', id: O_RANDOM_FULLY, hasArg: 0 },
  persistent: { name: 'persistent', id: O_PERSISTENT, hasArg: 0 },
};

function natExtension(kind: NatKind, main: XtOptDef, flags: readonly string[]): TargetExtension<Nat> {
  return {
    name: kind,
    kind: 'target',
    x6: true,
    opts: [main, ...flags.map((f) => FLAG_OPTS[f]!)],
    init: () => ({ kind, random: false, randomFully: false, persistent: false }),
    parse(opt, arg, _invert, d, _st, env) {
      if (opt.id === O_TO_DEST || opt.id === O_TO_SRC) parseTo(arg ?? '', portOk(env), d, env.family, env.db);
      else if (opt.id === O_TO_PORTS) parsePorts(arg ?? '', portOk(env), d, env.db);
      else if (opt.id === O_RANDOM) d.random = true;
      else if (opt.id === O_RANDOM_FULLY) d.randomFully = true;
      else d.persistent = true;
    },
    final(d) {
      // REDIRECT's only kernel revision has no room for a base port
      if (kind === 'REDIRECT' && d.basePort !== undefined) throw paramError('Shifted portmap ranges not supported with this kernel');
    },
    // only DNAT's revision carries the base port; SNAT and MASQUERADE keep the offset flag
    // with a base of 0
    build: (d) => (d.basePort !== undefined && kind !== 'DNAT' ? { ...d, basePort: 0 } : d),
  };
}

export const snatTarget = natExtension('SNAT', { name: 'to-source', id: O_TO_SRC, hasArg: 1, mand: true }, ['random', 'random-fully', 'persistent']);
export const dnatTarget = natExtension('DNAT', { name: 'to-destination', id: O_TO_DEST, hasArg: 1, mand: true }, ['random', 'persistent']);
export const masqueradeTarget = natExtension('MASQUERADE', { name: 'to-ports', id: O_TO_PORTS, hasArg: 1 }, ['random', 'random-fully']);
export const redirectTarget = natExtension('REDIRECT', { name: 'to-ports', id: O_TO_PORTS, hasArg: 1 }, ['random']);

/** sprint_range */
function range(t: Nat, family: NfFamily): string {
  let s = '';
  const brackets = family === 'ipv6' && t.ports !== undefined;
  if (t.addrs) {
    s += brackets ? '[' : '';
    s += t.addrs[0] + (t.addrs[1] !== t.addrs[0] ? `-${t.addrs[1]}` : '');
    s += brackets ? ']' : '';
  }
  if (t.ports) {
    s += `:${t.ports[0]}`;
    if (t.ports[1] !== t.ports[0]) s += `-${t.ports[1]}`;
    if (t.basePort !== undefined) s += `/${t.basePort}`;
  }
  return s;
}

function natText(t: Nat, family: NfFamily, rangeOpt: string, flagPfx: string, skipColon: boolean): string {
  let r = range(t, family);
  let s = '';
  if (r !== '') {
    if (r.startsWith(':') && skipColon) r = r.slice(1);
    s += ` ${rangeOpt}${r}`;
  }
  if (t.random) s += ` ${flagPfx}random`;
  if (t.randomFully) s += ` ${flagPfx}random-fully`;
  if (t.persistent) s += ` ${flagPfx}persistent`;
  return s;
}

const PRINT: Readonly<Record<NatKind, [print: string, save: string, skipColon: boolean]>> = {
  SNAT: ['to:', '--to-source ', false],
  DNAT: ['to:', '--to-destination ', false],
  MASQUERADE: ['masq ports: ', '--to-ports ', true],
  REDIRECT: ['redir ports ', '--to-ports ', true],
};

export const natFormat: TargetFormatter<Nat> = {
  print: (t, env) => natText(t, env.family, PRINT[t.kind][0], '', PRINT[t.kind][2]),
  save: (t, env) => natText(t, env.family, PRINT[t.kind][1], '--', PRINT[t.kind][2]),
};
