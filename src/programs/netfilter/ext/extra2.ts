// connlimit, and the TCPMSS and CT/NOTRACK targets.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { inetAton, maskToCidr, parseV6Text } from '../ip-parse';
import { strtouiPrefix, strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';

type Connlimit = Extract<NfMatch, { kind: 'connlimit' }>;
type Owner = Extract<NfMatch, { kind: 'owner' }>;
type Tcpmss = Extract<NfTarget, { kind: 'TCPMSS' }>;
type Ct = Extract<NfTarget, { kind: 'CT' }>;
/** while parsing: whether both zone directions were given */
type CtParse = Ct & { zoneBoth?: boolean };

const CLAMP = 0xffff;

export const connlimitMatch: MatchExtension<Connlimit> = {
  name: 'connlimit',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'connlimit-upto', id: 0, hasArg: 1, invert: true, excl: 1 << 1 },
    { name: 'connlimit-above', id: 1, hasArg: 1, invert: true, excl: 1 << 0 },
    { name: 'connlimit-mask', id: 2, hasArg: 1 },
    { name: 'connlimit-saddr', id: 3, hasArg: 0, excl: 1 << 4 },
    { name: 'connlimit-daddr', id: 4, hasArg: 0, excl: 1 << 3 },
  ],
  init: (env) => ({ kind: 'connlimit', limit: 0, upto: false, mask: env.family === 'ipv4' ? 32 : 128, daddr: false }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    if (opt.id <= 1) {
      const v = strtouiWhole(a, 0, 0xffffffff);
      if (v === null) throw paramError(`connlimit: bad value for option "--${opt.name}", or out of range (0-4294967295).\n`);
      d.limit = v;
      // --connlimit-above N matches above N; "! --connlimit-upto N" means the same
      d.upto = opt.id === 0 ? !invert : invert;
    } else if (opt.id === 2) {
      const max = env.family === 'ipv4' ? 32 : 128;
      const bad = (): never => {
        throw paramError(`connlimit: bad value for option "--connlimit-mask", neither a valid network mask nor valid CIDR (0-${max}).\n`);
      };
      // a prefix length (IPv4 takes any 32-bit number and keeps at most 32) or a netmask,
      // where a mask that is no prefix counts as a full one
      const v = strtouiWhole(a, 0, env.family === 'ipv4' ? 0xffffffff : max);
      if (v !== null) d.mask = Math.min(v, max);
      else {
        const m = env.family === 'ipv4' ? inetAton(a) : parseV6Text(a);
        if (m === null) bad();
        const cidr = maskToCidr(env.family, m!);
        d.mask = cidr < 0 ? max : cidr;
      }
    } else d.daddr = opt.id === 4;
  },
  final(_d, st) {
    if (!(st.flags & 3)) throw paramError('You must specify "--connlimit-above" or "--connlimit-upto".');
  },
  build: (d) => d,
};

export const connlimitFormat: MatchFormatter<Connlimit> = {
  saveName: () => 'connlimit',
  print: (m) => ` #conn ${m.daddr ? 'dst' : 'src'}/${m.mask} ${m.upto ? '<=' : '>'} ${m.limit}`,
  save: (m) => ` ${m.upto ? '--connlimit-upto' : '--connlimit-above'} ${m.limit} --connlimit-mask ${m.mask} ${m.daddr ? '--connlimit-daddr' : '--connlimit-saddr'}`,
};

export const tcpmssTarget: TargetExtension<Tcpmss> = {
  name: 'TCPMSS',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'set-mss', id: 0, hasArg: 1 },
    { name: 'clamp-mss-to-pmtu', id: 1, hasArg: 0 },
  ],
  init: () => ({ kind: 'TCPMSS', mss: 0 }),
  parse(opt, arg, _invert, d, _st, env) {
    if (opt.id === 1) {
      d.mss = CLAMP;
      return;
    }
    const max = env.family === 'ipv4' ? 65515 : 65495;
    const v = strtouiWhole(arg ?? '', 0, max);
    if (v === null) throw paramError(`TCPMSS: bad value for option "--set-mss", or out of range (0-${max}).\n`);
    d.mss = v;
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('TCPMSS target: At least one parameter is required');
  },
  build: (d) => d,
};

export const tcpmssFormat: TargetFormatter<Tcpmss> = {
  print: (t) => (t.mss === CLAMP ? ' TCPMSS clamp to PMTU' : ` TCPMSS set ${t.mss}`),
  save: (t) => (t.mss === CLAMP ? ' --clamp-mss-to-pmtu' : ` --set-mss ${t.mss}`),
};

const CT_EVENTS = ['new', 'related', 'destroy', 'reply', 'assured', 'protoinfo', 'helper', 'mark', 'natseqinfo', 'secmark'];
const EXP_EVENTS = ['new'];

function ctEvents(list: string, names: readonly string[]): number {
  let mask = 0;
  for (const word of list.split(',')) {
    const i = names.indexOf(word);
    if (i < 0) throw paramError(`Unknown event type "${word}"`);
    mask |= 1 << i;
  }
  return mask;
}

export const ctTarget: TargetExtension<CtParse> = {
  name: 'CT',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'notrack', id: 0, hasArg: 0 },
    { name: 'helper', id: 1, hasArg: 1 },
    { name: 'timeout', id: 2, hasArg: 1 },
    { name: 'zone', id: 3, hasArg: 1 },
    { name: 'zone-orig', id: 4, hasArg: 1 },
    { name: 'zone-reply', id: 5, hasArg: 1 },
    { name: 'ctevents', id: 6, hasArg: 1 },
    { name: 'expevents', id: 7, hasArg: 1 },
  ],
  init: () => ({ kind: 'CT', notrack: false, alias: false }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    switch (opt.id) {
      case 0:
        d.notrack = true;
        return;
      case 1:
        d.helper = a;
        return;
      case 2:
        d.timeout = a;
        return;
      case 3:
      case 4:
      case 5: {
        // the direction flags add up; both directions print as a plain zone
        if (opt.id !== 3) {
          const dir = opt.id === 4 ? 'orig' : 'reply';
          if (d.zoneDir !== undefined && d.zoneDir !== dir) delete d.zoneDir;
          else if (!d.zoneBoth) d.zoneDir = dir;
          if (d.zoneDir === undefined) d.zoneBoth = true;
        }
        if (a === 'mark') {
          d.zoneMark = true;
          return;
        }
        const v = strtouiWhole(a, 0, 0xffff);
        if (v === null) throw paramError(`Cannot parse ${a} as a zone ID`);
        d.zone = v;
        return;
      }
      case 6:
        d.ctEvents = ctEvents(a, CT_EVENTS);
        return;
      default:
        d.expEvents = ctEvents(a, EXP_EVENTS);
    }
  },
  build: ({ zoneBoth: _both, ...d }) => d,
};

export const notrackTarget: TargetExtension<Ct> = {
  name: 'NOTRACK',
  kind: 'target',
  x6: true,
  opts: [],
  init: () => ({ kind: 'CT', notrack: true, alias: true }),
  parse() {},
  build: (d) => d,
};

function ctText(t: Ct, pfx: string): string {
  let s = t.notrack ? ` ${pfx}notrack` : '';
  if (t.helper) s += ` ${pfx}helper ${t.helper}`;
  if (t.timeout) s += ` ${pfx}timeout ${t.timeout}`;
  const events = (name: string, names: readonly string[], mask: number): string => ` ${pfx}${name} ${names.filter((_, i) => mask & (1 << i)).join(',')}`;
  if (t.ctEvents) s += events('ctevents', CT_EVENTS, t.ctEvents);
  if (t.expEvents) s += events('expevents', EXP_EVENTS, t.expEvents);
  const zone = `${pfx}zone${t.zoneDir ? `-${t.zoneDir}` : ''}`;
  if (t.zoneMark) s += ` ${zone} mark`;
  else if (t.zone) s += ` ${zone} ${t.zone}`;
  return s;
}

export const ctFormat: TargetFormatter<Ct> = {
  print: (t) => (t.alias ? ' NOTRACK' : ` CT${ctText(t, '')}`),
  save: (t) => (t.alias ? '' : ctText(t, '--')),
};

/** owner_parse_range: "n", "n-m" or "n:m" */
function ownerRange(s: string, opt: string): [number, number] {
  const bad = (): never => {
    throw paramError(`owner: Bad value for "${opt}" option: "${s}"`);
  };
  const a = strtouiPrefix(s, 0, 0xfffffffe);
  if (!a) return bad();
  let rest = s.slice(a.end);
  let to = a.value;
  if (rest.startsWith('-') || rest.startsWith(':')) {
    const b = strtouiPrefix(rest.slice(1), 0, 0xfffffffe);
    if (!b) return bad();
    to = b.value;
    rest = rest.slice(1 + b.end);
  }
  if (rest !== '') return bad();
  return [a.value, to];
}

export const ownerMatch: MatchExtension<Owner> = {
  name: 'owner',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'uid-owner', id: 0, hasArg: 1, invert: true },
    { name: 'gid-owner', id: 1, hasArg: 1, invert: true },
    { name: 'socket-exists', id: 2, hasArg: 0, invert: true },
    { name: 'suppl-groups', id: 3, hasArg: 0 },
  ],
  init: () => ({ kind: 'owner', uidInv: false, gidInv: false, socket: false, socketInv: false, supplGroups: false }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    const acc = env.db.accounts;
    if (opt.id === 0) {
      const u = acc?.userByName(a);
      d.uid = u ? [u.uid, u.uid] : ownerRange(a, '--uid-owner');
      d.uidInv = invert;
    } else if (opt.id === 1) {
      const g = acc?.groupByName(a);
      d.gid = g ? [g.gid, g.gid] : ownerRange(a, '--gid-owner');
      d.gidInv = invert;
    } else if (opt.id === 2) {
      d.socket = true;
      d.socketInv = invert;
    } else {
      if (!d.gid) throw paramError('owner: Bad value for "--suppl-groups" option: "you need to use --gid-owner first"');
      d.supplGroups = true;
    }
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('owner: At least one of --uid-owner, --gid-owner or --socket-exists is required');
  },
  build: (d) => d,
};

function ownerText(m: Owner, save: boolean, names: { user: (id: number) => string | undefined; group: (id: number) => string | undefined } | null): string {
  const id = (r: [number, number], name: ((n: number) => string | undefined) | undefined): string => (r[0] !== r[1] ? `${r[0]}-${r[1]}` : ((names && name?.(r[0])) ?? String(r[0])));
  let s = '';
  if (m.socket) s += `${m.socketInv ? ' !' : ''} ${save ? '--socket-exists' : 'owner socket exists'}`;
  if (m.uid) s += `${m.uidInv ? ' !' : ''} ${save ? '--uid-owner' : 'owner UID match'} ${id(m.uid, names?.user)}`;
  if (m.gid) s += `${m.gidInv ? ' !' : ''} ${save ? '--gid-owner' : 'owner GID match'} ${id(m.gid, names?.group)}`;
  if (m.supplGroups) s += ` ${save ? '--suppl-groups' : 'incl. suppl. groups'}`;
  return s;
}

export const ownerFormat: MatchFormatter<Owner> = {
  saveName: () => 'owner',
  print: (m, env) => ownerText(m, false, env.numeric || !env.db.accounts ? null : { user: (n) => env.db.accounts!.userName(n), group: (n) => env.db.accounts!.groupName(n) }),
  save: (m) => ownerText(m, true, null),
};
