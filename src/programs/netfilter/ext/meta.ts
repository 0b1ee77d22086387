// Matches on packet metadata the kernel keeps beside the headers: cpu, realm, devgroup,
// socket, rpfilter and cluster (libxt_cpu, libxt_realm, libxt_devgroup, libxt_socket,
// libxt_rpfilter, libxt_cluster).
import type { NfMatch } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import type { LMapEntry } from '../netdb';
import { strtoul, strtouiWhole } from '../strtoul';
import { saveString } from './common';
import type { MatchExtension, MatchFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;

const hex = (n: number): string => `0x${n.toString(16)}`;
const hex8 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

function u32(ext: string, opt: string, arg: string, min = 0, max = 0xffffffff): number {
  const v = strtouiWhole(arg, min, max);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (${min}-${max}).\n`);
  return v;
}

/** xtables_parse_val_mask: "value[/mask]" in C numbers, or a name from the id table. */
export function parseValMask(ext: string, opt: string, arg: string, lmap: readonly LMapEntry[]): [number, number] {
  const byName = (): [number, number] => {
    const hit = lmap.find((e) => e.name === arg);
    if (!hit) throw paramError(`${ext}: could not map name ${arg} to an integer value for option "--${opt}".\n`);
    return [hit.id, 0xffffffff];
  };
  const bad = (): never => {
    throw paramError(`${ext}: bad integer value for option "--${opt}", or out of range.\n`);
  };
  const v = strtoul(arg);
  if (!v || v.value > 0xffffffff) return byName();
  const rest = arg.slice(v.end);
  if (rest === '') return [v.value, 0xffffffff];
  if (!rest.startsWith('/')) return byName();
  const m = strtoul(rest.slice(1));
  if (!m || m.value > 0xffffffff) return bad();
  if (m.end !== rest.length - 1) throw paramError(`${ext}: trailing garbage after value for option "--${opt}".\n`);
  return [v.value, m.value];
}

/** xtables_print_val_mask: "0xV/0xM", else the table's name for V, else "0xV". */
export function valMask(val: number, mask: number, lmap: readonly LMapEntry[] | null): string {
  if (mask !== 0xffffffff) return `${hex(val)}/${hex(mask)}`;
  const name = lmap?.find((e) => e.id === val)?.name;
  return name ?? hex(val);
}

export const cpuMatch: MatchExtension<M<'cpu'>> = {
  name: 'cpu',
  kind: 'match',
  x6: true,
  opts: [{ name: 'cpu', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'cpu', cpu: 0, inv: false }),
  parse(_o, arg, invert, d) {
    d.cpu = u32('cpu', 'cpu', arg ?? '');
    d.inv = invert;
  },
  build: (d) => d,
};

export const cpuFormat: MatchFormatter<M<'cpu'>> = {
  saveName: () => 'cpu',
  print: (m) => ` cpu ${m.inv ? '! ' : ''}${m.cpu}`,
  save: (m) => `${m.inv ? ' !' : ''} --cpu ${m.cpu}`,
};

export const realmMatch: MatchExtension<M<'realm'>> = {
  name: 'realm',
  kind: 'match',
  family: 'ipv4',
  x6: true,
  opts: [{ name: 'realm', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'realm', id: 0, mask: 0xffffffff, inv: false }),
  parse(_o, arg, invert, d, _st, env) {
    [d.id, d.mask] = parseValMask('realm', 'realm', arg ?? '', env.db.realms);
    d.inv = invert;
  },
  build: (d) => d,
};

export const realmFormat: MatchFormatter<M<'realm'>> = {
  saveName: () => 'realm',
  print: (m, env) => `${m.inv ? ' !' : ''} realm ${valMask(m.id, m.mask, env.numeric ? null : env.db.realms)}`,
  save: (m, env) => `${m.inv ? ' !' : ''} --realm ${valMask(m.id, m.mask, env.db.realms)}`,
};

export const devgroupMatch: MatchExtension<M<'devgroup'>> = {
  name: 'devgroup',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'src-group', id: 0, hasArg: 1, invert: true },
    { name: 'dst-group', id: 1, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'devgroup', srcInv: false, dstInv: false }),
  parse(opt, arg, invert, d, _st, env) {
    const vm = parseValMask('devgroup', opt.name, arg ?? '', env.db.groups);
    if (opt.id === 0) [d.src, d.srcInv] = [vm, invert];
    else [d.dst, d.dstInv] = [vm, invert];
  },
  final(_d, st) {
    if (!(st.flags & 3)) throw paramError("devgroup match: You must specify either '--src-group' or '--dst-group'");
  },
  build: (d) => d,
};

function devgroupShow(m: M<'devgroup'>, pfx: string, lmap: readonly LMapEntry[] | null): string {
  let out = '';
  if (m.src) out += `${m.srcInv ? ' !' : ''} ${pfx}src-group ${valMask(m.src[0], m.src[1], lmap)}`;
  if (m.dst) out += `${m.dstInv ? ' !' : ''} ${pfx}dst-group ${valMask(m.dst[0], m.dst[1], lmap)}`;
  return out;
}

export const devgroupFormat: MatchFormatter<M<'devgroup'>> = {
  saveName: () => 'devgroup',
  print: (m, env) => devgroupShow(m, '', env.numeric ? null : env.db.groups),
  save: (m, env) => devgroupShow(m, '--', env.db.groups),
};

const SOCKET_FLAGS = ['transparent', 'nowildcard', 'restore-skmark'];

export const socketMatch: MatchExtension<M<'socket'>> = {
  name: 'socket',
  kind: 'match',
  x6: true,
  opts: SOCKET_FLAGS.map((name, id) => ({ name, id, hasArg: 0 as const })),
  init: () => ({ kind: 'socket', flags: 0 }),
  parse(opt, _arg, _invert, d) {
    d.flags |= 1 << opt.id;
  },
  build: (d) => d,
};

const socketFlags = (m: M<'socket'>): string => SOCKET_FLAGS.filter((_, i) => m.flags & (1 << i)).map((n) => ` --${n}`).join('');

export const socketFormat: MatchFormatter<M<'socket'>> = {
  saveName: () => 'socket',
  print: (m) => ` socket${socketFlags(m)}`,
  save: (m) => socketFlags(m),
};

const RPF_FLAGS = ['loose', 'validmark', 'accept-local', 'invert'];

export const rpfilterMatch: MatchExtension<M<'rpfilter'>> = {
  name: 'rpfilter',
  kind: 'match',
  x6: true,
  opts: RPF_FLAGS.map((name, id) => ({ name, id, hasArg: 0 as const })),
  init: () => ({ kind: 'rpfilter', flags: 0 }),
  parse(opt, _arg, _invert, d) {
    d.flags |= 1 << opt.id;
  },
  build: (d) => d,
};

const rpfFlags = (m: M<'rpfilter'>, pfx: string): string => RPF_FLAGS.filter((_, i) => m.flags & (1 << i)).map((n) => ` ${pfx}${n}`).join('');

export const rpfilterFormat: MatchFormatter<M<'rpfilter'>> = {
  saveName: () => 'rpfilter',
  print: (m) => ` rpfilter${rpfFlags(m, '')}`,
  save: (m) => rpfFlags(m, '--'),
};

const CL_TOTAL = 1 << 0;
const CL_NODE = 1 << 1;
const CL_MASK = 1 << 2;
const CL_SEED = 1 << 3;

export const clusterMatch: MatchExtension<M<'cluster'>> = {
  name: 'cluster',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'cluster-total-nodes', id: 0, hasArg: 1, mand: true },
    { name: 'cluster-local-node', id: 1, hasArg: 1, invert: true, excl: CL_MASK },
    { name: 'cluster-local-nodemask', id: 2, hasArg: 1, invert: true, excl: CL_NODE },
    { name: 'cluster-hash-seed', id: 3, hasArg: 1, mand: true },
  ],
  init: () => ({ kind: 'cluster', mask: 0, total: 0, seed: 0, inv: false }),
  parse(opt, arg, invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) d.total = u32('cluster', opt.name, a, 1, 32);
    else if (opt.id === 3) d.seed = u32('cluster', opt.name, a);
    else {
      // (the node mask is read with the node number's 1-32 range)
      const v = u32('cluster', opt.name, a, 1, 32);
      d.mask = opt.id === 1 ? 2 ** (v - 1) : v;
      if (invert) d.inv = true;
    }
  },
  final(d, st) {
    const big = d.mask >= 2 ** d.total;
    if ((st.flags & (CL_TOTAL | CL_NODE | CL_SEED)) === (CL_TOTAL | CL_NODE | CL_SEED)) {
      if (big) throw paramError("cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'");
      return;
    }
    if ((st.flags & (CL_TOTAL | CL_MASK | CL_SEED)) === (CL_TOTAL | CL_MASK | CL_SEED)) {
      if (big) throw paramError("cluster match: `--cluster-local-nodemask' too big for `--cluster-total-nodes'");
      return;
    }
    if (!(st.flags & (CL_NODE | CL_MASK))) throw paramError("cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing");
  },
  build: (d) => d,
};

export const clusterFormat: MatchFormatter<M<'cluster'>> = {
  saveName: () => 'cluster',
  print: (m) => ` cluster ${m.inv ? '!' : ''}node_mask=${hex8(m.mask)} total_nodes=${m.total} hash_seed=${hex8(m.seed)}`,
  save: (m) => `${m.inv ? ' !' : ''} --cluster-local-nodemask ${hex8(m.mask)} --cluster-total-nodes ${m.total} --cluster-hash-seed ${hex8(m.seed)}`,
};

export const cgroupMatch: MatchExtension<M<'cgroup'>> = {
  name: 'cgroup',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'path', id: 0, hasArg: 1, invert: true },
    { name: 'cgroup', id: 1, hasArg: 1, invert: true },
  ],
  init: () => ({ kind: 'cgroup', pathInv: false, classidInv: false }),
  parse(opt, arg, invert, d) {
    if (opt.id === 0) {
      d.path = (arg ?? '').slice(0, 4095);
      d.pathInv = invert;
    } else {
      d.classid = u32('cgroup', 'cgroup', arg ?? '');
      d.classidInv = invert;
    }
  },
  build: (d) => d,
};

export const cgroupFormat: MatchFormatter<M<'cgroup'>> = {
  saveName: () => 'cgroup',
  print: (m) => ` cgroup${m.path !== undefined ? ` ${m.pathInv ? '! ' : ''}${m.path}` : ''}${m.classid !== undefined ? ` ${m.classidInv ? '! ' : ''}${m.classid}` : ''}`,
  save: (m) => `${m.path !== undefined ? `${m.pathInv ? ' !' : ''} --path${saveString(m.path)}` : ''}${m.classid !== undefined ? `${m.classidInv ? ' !' : ''} --cgroup ${m.classid}` : ''}`,
};
