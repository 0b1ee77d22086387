// The kernel's checkentry for the matches of match-qos.ts: what it refuses when a rule is added.
import { NF_RECENT, type NfErrno, type NfHook, type NfMatch } from '../../shared/services/netfilter';
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
    // recent_mt_check: a name that can be a /proc file; --set/--remove take no conditions
    case 'recent':
      if (m.name === '' || m.name.includes('/') || m.hitcount > 255) return 'EINVAL';
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
