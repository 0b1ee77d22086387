// The kernel's checkentry for the matches of match-qos.ts: what it refuses when a rule is added.
import { NF_RECENT, type NfErrno, type NfHook, type NfMatch, type NfRule, type NfTable, type NfTarget } from '../../shared/services/netfilter';
import { metaMatches } from './match';

const CREDITS = 137438953n; // HZ * CREDITS_PER_JIFFY / 10^6 (xt_hashlimit's user2credits)
const U64 = (1n << 64n) - 1n;

/** hashlimit_mt_check_common: masks, timers and the burst overflow test (done in 64 bits). */
function hashlimitCheck(m: Extract<NfMatch, { kind: 'hashlimit' }>, family: 'ipv4' | 'ipv6'): NfErrno | null {
  if (m.gcInterval === 0 || m.expire === 0) return 'EINVAL';
  const max = family === 'ipv4' ? 32 : 128;
  if (m.srcMask > max || m.dstMask > max) return 'EINVAL';
  // (a rate interval other than one second is refused by this kernel)
  if (m.interval !== 1) return 'EINVAL';
  if (m.bytes) return m.avg <= 1 ? 'EINVAL' : null;
  if (m.rateMatch) return null;
  const credits = (x: bigint): bigint => (x * CREDITS) & U64;
  const avg = BigInt(m.avg);
  if (m.burst === 0 || credits((avg * BigInt(m.burst)) & U64) < credits(avg)) return 'ERANGE';
  return null;
}

const ALGOS = ['bm', 'kmp', 'fsm'];

/** `only(p)`: whether the rule matches protocol p alone (-p p, not inverted). */
export function checkExtMatch(m: NfMatch, family: 'ipv4' | 'ipv6', only: (p: number) => boolean): NfErrno | null {
  switch (m.kind) {
    case 'hashlimit':
      return hashlimitCheck(m, family);
    case 'string':
      if (!ALGOS.includes(m.algo)) return 'ENOENT';
      return m.pattern.length === 0 || m.from > m.to ? 'EINVAL' : null;
    case 'tcpmss':
      return only(6) ? null : 'EINVAL';
    case 'ecn':
      return m.ops & 3 && !only(6) ? 'EINVAL' : null;
    case 'esp':
      return only(50) ? null : 'EINVAL';
    case 'ah':
      return only(51) ? null : 'EINVAL';
    case 'sctp':
      return only(132) ? null : 'EINVAL';
    case 'dccp':
      return only(33) ? null : 'EINVAL';
    // xt_osf serves TCP only; xt_connlabel has 128 label bits
    case 'osf':
      return only(6) ? null : 'EINVAL';
    case 'connlabel':
      return m.bit > 127 ? 'ERANGE' : null;
    // no IPVS module in this kernel
    case 'ipvs':
      return 'ENOENT';
    // recent_mt_check: a name that can be a /proc file; --set/--remove take no conditions
    case 'recent':
      if (m.name === '' || m.name.includes('/') || m.hitcount > 0xffff) return 'EINVAL';
      return m.ops & (NF_RECENT.SET | NF_RECENT.REMOVE) && (m.seconds || m.hitcount || m.ops & (NF_RECENT.TTL | NF_RECENT.REAP)) ? 'EINVAL' : null;
    case 'bpf':
      return metaMatches()?.bpfValid(m.prog) === false ? 'EINVAL' : null;
    default:
      return null;
  }
}

/** physdev_mt_check: --physdev-out/--physdev-is-out only for bridged traffic when locally sent. */
export function physdevHookOk(m: Extract<NfMatch, { kind: 'physdev' }>, hook: NfHook): boolean {
  const out = m.bitmask & (2 | 16);
  const bridged = m.bitmask & 4 && !(m.inv & 4);
  return !(out && !bridged && hook === 'OUTPUT');
}

type Rateest = Extract<NfTarget, { kind: 'RATEEST' }>;

/** the conntrack helpers a kernel offers, with the protocols each serves */
const CT_HELPERS: Readonly<Record<string, readonly number[]>> = {
  ftp: [6],
  irc: [6],
  sip: [17, 6],
  tftp: [17],
  amanda: [17],
  pptp: [6],
  sane: [6],
  'netbios-ns': [17],
  snmp: [17],
  RAS: [17],
  'Q.931': [6],
};

/** The rate estimators the RATEEST rules already in the kernel keep (they are per namespace). */
function estimator(tables: readonly NfTable[], name: string): Rateest | undefined {
  for (const t of tables) for (const c of t.chains) for (const r of c.rules) if (r.target.kind === 'RATEEST' && r.target.name === name) return r.target;
  return undefined;
}

/** checkentry of IDLETIMER, CONNSECMARK, HMARK, RATEEST and the rateest match. */
export function checkRareExt(table: NfTable, rule: NfRule, tables: readonly NfTable[]): NfErrno | null {
  for (const m of rule.matches) {
    // xt_ipcomp serves IPPROTO_COMP only; there are no nfacct objects to find
    if (m.kind === 'ipcomp' && (rule.proto !== 108 || rule.protoInv)) return 'EINVAL';
    if (m.kind === 'nfacct') return 'ENOENT';
    if (m.kind !== 'rateest') continue;
    // exactly one of absolute/relative, something to compare and a comparison, then the
    // estimators must exist
    if (!(m.flags & 1) === !(m.flags & 2) || !(m.flags & (8 | 16)) || m.mode < 1 || m.mode > 3) return 'EINVAL';
    if (!estimator(tables, m.name1) || (m.flags & 2 && !estimator(tables, m.name2))) return 'ENOENT';
  }
  const t = rule.target;
  switch (t.kind) {
    case 'ULOG':
    case 'LED':
    case 'CLUSTERIP':
      // no such target module in this kernel
      return 'ENOENT';
    // only in mangle and security; there, no security module resolves the context
    case 'SECMARK':
      return table.name === 'mangle' || table.name === 'security' ? 'ENOENT' : 'EINVAL';
    case 'IDLETIMER':
      return t.timeout === 0 || t.timeout >= Math.floor(0x7fffffff / 1000) || t.label === '' ? 'EINVAL' : null;
    case 'CT': {
      // a helper is looked up by name for the rule's (single, not inverted) protocol; a
      // timeout policy needs a cttimeout object, which there never is
      if (t.helper !== undefined) {
        const protos = CT_HELPERS[t.helper];
        if (rule.protoInv || !protos?.includes(rule.proto)) return 'ENOENT';
      }
      // (without a single layer-4 protocol the policy is refused before it is looked up)
      if (t.timeout === undefined) return null;
      return rule.proto === 0 || rule.protoInv ? 'EINVAL' : 'ENOENT';
    }
    case 'SNPT':
    case 'DNPT': {
      // prefixes of at most 64 bits with no host bits set, in mangle at the target's hooks
      if (table.name !== 'mangle' || t.srcLen > 64 || t.dstLen > 64) return 'EINVAL';
      const hostBits = (addr: string, len: number): boolean => {
        const v = parseV6(addr);
        return v === null || (v & ((1n << BigInt(128 - len)) - 1n)) !== 0n;
      };
      return hostBits(t.src, t.srcLen) || hostBits(t.dst, t.dstLen) ? 'EINVAL' : null;
    }
    case 'CONNSECMARK':
      return table.name === 'mangle' || table.name === 'security' ? null : 'EINVAL';
    case 'HMARK': {
      // spi and ports share one field of the hash
      const ports = (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7);
      if (t.flags & (1 << 3) && t.flags & ((1 << 6) | (1 << 7))) return 'EINVAL';
      if (t.flags & (1 << 2) && t.flags & ports) return 'EINVAL';
      return null;
    }
    case 'RATEEST': {
      const est = estimator(tables, t.name);
      if (est && (est.interval !== t.interval || est.ewmaLog !== t.ewmaLog)) return 'EINVAL';
      return null;
    }
    default:
      return null;
  }
}

/** An IPv6 address as a 128-bit number (null when it is not one). */
function parseV6(text: string): bigint | null {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined && left.length !== 8) return null;
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}
