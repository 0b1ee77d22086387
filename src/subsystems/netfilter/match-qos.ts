// How the kernel decides the matches of match-qos' kinds (hashlimit, string, statistic, quota,
// tos, dscp, ecn, tcpmss, helper, physdev, esp/ah, sctp/dccp) for one packet. Packets here carry
// no payload, IP options, TOS bits, connection helper or bridge port, so those matches answer
// as the kernel does when the thing looked for is absent.
import type { NfMatch, NfPacket, NfQosMatch } from '../../shared/services/netfilter';

interface Bucket {
  credit: number;
  at: number;
}

/** per-match state: hashlimit buckets by flow key, statistic/quota counters */
const buckets = new WeakMap<NfMatch, Map<string, Bucket>>();
const counters = new WeakMap<NfMatch, { n: number; seed: number }>();
const quotas = new WeakMap<NfMatch, bigint>();

function masked(addr: string, bits: number): string {
  if (addr.includes(':')) return `${addr}/${bits}`;
  const v = addr.split('.').reduce((a, o) => a * 256 + Number(o), 0);
  const m = bits === 0 ? 0 : bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
  return String((v & m) >>> 0);
}

function hashlimit(m: Extract<NfMatch, { kind: 'hashlimit' }>, p: NfPacket, now: number): boolean {
  const key = [
    m.mode & 4 ? masked(p.src, m.srcMask) : '',
    m.mode & 8 ? String(p.sport ?? 0) : '',
    m.mode & 1 ? masked(p.dst, m.dstMask) : '',
    m.mode & 2 ? String(p.dport ?? 0) : '',
  ].join('|');
  let table = buckets.get(m);
  if (!table) buckets.set(m, (table = new Map()));
  // packets: avg is microseconds per packet; bytes: a rate in bytes per second
  const perSec = m.bytes ? (Math.floor(0xffffffff / m.avg) - 1) * 16 : 0;
  const cost = m.bytes ? p.length ?? 60 : m.avg;
  const cap = m.bytes ? perSec * Math.max(1, m.burst) : m.avg * m.burst;
  let b = table.get(key);
  if (!b) table.set(key, (b = { credit: cap, at: now }));
  b.credit = Math.min(cap, b.credit + (now - b.at) * (m.bytes ? perSec / 1000 : 1000));
  b.at = now;
  const under = b.credit >= cost;
  if (under) b.credit -= cost;
  return under !== m.above;
}

function statistic(m: Extract<NfMatch, { kind: 'statistic' }>): boolean {
  let c = counters.get(m);
  if (!c) counters.set(m, (c = { n: m.every - m.packet, seed: 0x2545f491 }));
  if (m.mode === 'random') {
    // a fixed pseudo-random sequence per rule (xorshift), compared with the probability
    c.seed ^= c.seed << 13;
    c.seed ^= c.seed >>> 17;
    c.seed ^= c.seed << 5;
    return ((c.seed >>> 1) < m.probability) !== m.inv;
  }
  c.n = c.n === m.every ? 0 : c.n + 1;
  return (c.n === 0) !== m.inv;
}

function quota(m: Extract<NfMatch, { kind: 'quota' }>, p: NfPacket): boolean {
  const left = quotas.get(m) ?? BigInt(m.quota);
  const len = BigInt(p.length ?? 60);
  if (left >= len) {
    quotas.set(m, left - len);
    return !m.inv;
  }
  quotas.set(m, 0n);
  return m.inv;
}

const inRange = (v: number | undefined, r: readonly [number, number] | undefined): boolean => !r || (v !== undefined && v >= r[0] && v <= r[1]);

export function qosMatch(m: NfQosMatch, p: NfPacket, now: number): boolean {
  switch (m.kind) {
    case 'hashlimit':
      return hashlimit(m, p, now);
    case 'statistic':
      return statistic(m);
    case 'quota':
      return quota(m, p);
    // the TOS byte is 0: DSCP 0, not ECN-capable
    case 'tos':
      return ((0 & m.mask) === m.value) !== m.inv;
    case 'dscp':
      return (m.dscp === 0) !== m.inv;
    case 'ecn': {
      const want = (bit: number, have: boolean): boolean => !(m.ops & bit) || have !== ((m.inv & bit) !== 0);
      if ((m.ops & 3) && p.proto !== 6) return false;
      return want(1, false) && want(2, false) && want(4, m.ect === 0);
    }
    // no payload, no MSS option, no helper: the answer is the inversion
    case 'string':
    case 'tcpmss':
    case 'helper':
      return m.inv;
    // not a bridged packet: only inverted physdev tests hold
    case 'physdev':
      return (m.bitmask & ~m.inv) === 0;
    case 'esp':
    case 'ah':
      return p.proto === (m.kind === 'esp' ? 50 : 51) && (0 >= m.min && 0 <= m.max) !== m.inv;
    case 'sctp':
    case 'dccp':
      return p.proto === (m.kind === 'sctp' ? 132 : 33) && inRange(p.sport, m.sport) !== m.sportInv && inRange(p.dport, m.dport) !== m.dportInv;
  }
}
