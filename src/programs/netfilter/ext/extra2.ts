// connlimit, and the TCPMSS and CT/NOTRACK targets.
import type { NfMatch, NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiPrefix, strtouiWhole } from '../strtoul';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';

type Connlimit = Extract<NfMatch, { kind: 'connlimit' }>;
type Owner = Extract<NfMatch, { kind: 'owner' }>;
type Tcpmss = Extract<NfTarget, { kind: 'TCPMSS' }>;
type Ct = Extract<NfTarget, { kind: 'CT' }>;

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
      const v = strtouiWhole(a, 0, max);
      if (v === null) throw paramError(`connlimit: bad value for option "--connlimit-mask", neither a valid network mask nor valid CIDR (0-${max}).\n`);
      d.mask = v;
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

export const ctTarget: TargetExtension<Ct> = {
  name: 'CT',
  kind: 'target',
  x6: true,
  opts: [{ name: 'notrack', id: 0, hasArg: 0 }],
  init: () => ({ kind: 'CT', notrack: false, alias: false }),
  parse(_opt, _arg, _invert, d) {
    d.notrack = true;
  },
  build: (d) => d,
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

export const ctFormat: TargetFormatter<Ct> = {
  print: (t) => (t.alias ? ' NOTRACK' : ` CT${t.notrack ? ' notrack' : ''}`),
  save: (t) => (t.alias ? '' : t.notrack ? ' --notrack' : ''),
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
