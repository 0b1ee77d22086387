// Does a rule match a packet? Rules are compiled once (addresses to words) and cached per rule
// object, so a packet crosses a long chain in microseconds. The semantics follow the kernel's
// ip_packet_match and each xt match.
import { NF_CT_STATE, NF_RECENT, type NfMatch, type NfPacket, type NfRule } from '../../shared/services/netfilter';
import { compareWords, inNet, parseAddr, type Words } from './addr';
import { ctExpires, ctStatus, type CtLookup } from './conntrack';
import { qosMatch } from './match-qos';

/**
 * The less common matches (u32, bpf, cpu, devgroup, realm, policy, connbytes, cluster, socket,
 * rpfilter, the IPv6 headers, cgroup: match-meta.ts) are a chunk of their own, not needed for the
 * first prompt. The netfilter service loads it before it takes a batch of rules and a restored
 * machine before its rules come back, so a rule that uses one never meets it missing.
 */
let meta: typeof import('./match-meta') | undefined;
let metaLoading: Promise<void> | undefined;
export function loadMetaMatches(): Promise<void> {
  return (metaLoading ??= Promise.all([import('./match-meta'), import('./validate-ext')]).then(([m, v]) => {
    meta = m;
    validateExt = v;
  }));
}
/** The module of the less common matches, once loaded. */
export const metaMatches = (): typeof import('./match-meta') | undefined => meta;
/** The extension checks of validate.ts: loaded with the less common matches, before the first batch. */
let validateExt: typeof import('./validate-ext') | undefined;
export const extChecks = (): typeof import('./validate-ext') | undefined => validateExt;

interface Net {
  net: Words;
  mask: Words;
}

interface Compiled {
  src: Net | null;
  dst: Net | null;
}

const compiled = new WeakMap<NfRule, Compiled>();

function net(addr: string, mask: string): Net | null {
  const n = parseAddr(addr);
  const m = parseAddr(mask);
  if (!n || !m) return null;
  return m.every((w) => w === 0) ? null : { net: n, mask: m };
}

function compile(r: NfRule): Compiled {
  let c = compiled.get(r);
  if (!c) {
    c = { src: net(r.src.addr, r.src.mask), dst: net(r.dst.addr, r.dst.mask) };
    compiled.set(r, c);
  }
  return c;
}

/** Packet words, parsed once per packet. */
export interface PacketInfo {
  p: NfPacket;
  src: Words;
  dst: Words;
  ct: CtLookup;
  mark: number;
  /** per-rule token buckets for -m limit; time in ms */
  now: number;
  /** tracked connections from (or, with daddr, to) an address within a prefix */
  connCount(addr: string, prefix: number, daddr: boolean): number;
  /** -m recent lists: name -> address -> hit times (ms) */
  recent: Map<string, Map<string, number[]>>;
}

function ifaceMatch(rule: string, actual: string | undefined): boolean {
  if (rule === '') return true;
  const a = actual ?? '';
  return rule.endsWith('+') ? a.startsWith(rule.slice(0, -1)) : a === rule;
}

function inRange(v: number | undefined, r: readonly [number, number]): boolean {
  return v !== undefined && v >= r[0] && v <= r[1];
}

const CT_BITS: Readonly<Record<string, number>> = {
  NEW: NF_CT_STATE.NEW,
  ESTABLISHED: NF_CT_STATE.ESTABLISHED,
  RELATED: NF_CT_STATE.RELATED,
  INVALID: NF_CT_STATE.INVALID,
  UNTRACKED: NF_CT_STATE.UNTRACKED,
};

function ctAddrMatch(addr: string | undefined, want: { addr: string; mask: string } | undefined): boolean {
  if (!want) return true;
  const n = net(want.addr, want.mask);
  const a = addr === undefined ? null : parseAddr(addr);
  return n === null || (a !== null && inNet(a, n.net, n.mask));
}

interface Bucket {
  credit: number;
  at: number;
}
const buckets = new WeakMap<NfMatch, Bucket>();

function limitMatch(m: Extract<NfMatch, { kind: 'limit' }>, now: number): boolean {
  // avg is the cost of one packet in 1/10000 s; the bucket holds `burst` packets
  const cap = m.avg * m.burst;
  let b = buckets.get(m);
  if (!b) buckets.set(m, (b = { credit: cap, at: now }));
  b.credit = Math.min(cap, b.credit + (now - b.at) * 10);
  b.at = now;
  if (b.credit >= m.avg) {
    b.credit -= m.avg;
    return true;
  }
  return false;
}

/** xt_rateest: the estimators see no traffic here, so every measured rate is 0. */
function rateestMatch(m: Extract<NfMatch, { kind: 'rateest' }>): boolean {
  const delta = (m.flags & 4) !== 0;
  const [bps1, pps1] = delta ? [m.bps1, m.pps1] : [0, 0];
  const [bps2, pps2] = m.flags & 1 ? [m.bps2, m.pps2] : delta ? [m.bps2, m.pps2] : [0, 0];
  const cmp = (a: number, b: number): boolean => (m.mode === 2 ? a < b : m.mode === 3 ? a > b : a === b);
  let ok = true;
  if (m.flags & 8) ok &&= cmp(bps1, bps2);
  if (m.flags & 16) ok &&= cmp(pps1, pps2);
  return ok !== ((m.flags & 32) !== 0);
}

function matchOne(m: NfMatch, info: PacketInfo): boolean {
  const p = info.p;
  switch (m.kind) {
    // packets here carry no routing, hop-by-hop or destination-options header
    case 'rt':
    case 'hbh':
    case 'dst':
      return false;
    case 'ipcomp':
      return p.proto === 108 && (0 >= m.spis[0] && 0 <= m.spis[1]) !== m.inv;
    case 'nfacct':
      return true;
    // a label bit of the packet's connection; --set sets it (and then matches)
    case 'connlabel': {
      const e = info.ct.entry;
      if (!e) return m.inv;
      if (e.labels?.has(m.bit)) return !m.inv;
      if (!m.set) return m.inv;
      (e.labels ??= new Set()).add(m.bit);
      return !m.inv;
    }
    // no fingerprints are loaded: no genre is ever recognised
    case 'osf':
      return false;
    case 'ipvs':
      return false;
    // no packet here carries a segment routing header
    case 'srh':
      return false;
    case 'rateest':
      return rateestMatch(m);
    // connections carry no mark here: the ct mark is 0
    case 'connmark':
      return (m.mark === 0) !== m.inv;
    // the clock is not consulted
    case 'time':
      return true;
    case 'ttl': {
      const ttl = p.ttl ?? 64;
      return m.mode === 'eq' ? ttl === m.value : m.mode === 'ne' ? ttl !== m.value : m.mode === 'lt' ? ttl < m.value : ttl > m.value;
    }
    case 'tcp': {
      if (p.proto !== 6) return false;
      if (inRange(p.sport, m.sport) === m.sportInv) return false;
      if (inRange(p.dport, m.dport) === m.dportInv) return false;
      if ((((p.tcpFlags ?? 0) & m.flagsMask) === m.flagsCmp) === m.flagsInv) return false;
      // packets carry no TCP options here: --tcp-option only matches inverted
      if (m.option !== 0 && !m.optionInv) return false;
      return true;
    }
    case 'udp':
      return p.proto === 17 && inRange(p.sport, m.sport) !== m.sportInv && inRange(p.dport, m.dport) !== m.dportInv;
    case 'icmp':
    case 'icmp6': {
      const want = m.kind === 'icmp' ? 1 : 58;
      if (p.proto !== want) return false;
      const hit = m.type === 0xff || (p.icmpType === m.type && (p.icmpCode ?? 0) >= m.codeMin && (p.icmpCode ?? 0) <= m.codeMax);
      return hit !== m.inv;
    }
    case 'multiport': {
      let hit = false;
      for (let i = 0; i < m.ports.length && !hit; i++) {
        const lo = m.ports[i]!;
        const hi = m.range[i] ? m.ports[++i]! : lo;
        const r: [number, number] = [lo, hi];
        if (m.mode !== 'destination' && inRange(p.sport, r)) hit = true;
        if (m.mode !== 'source' && inRange(p.dport, r)) hit = true;
      }
      return hit !== m.inv;
    }
    case 'conntrack': {
      const ct = info.ct;
      if (m.state !== undefined) {
        let bits = CT_BITS[ct.state] ?? 0;
        if (ct.entry?.snat) bits |= NF_CT_STATE.SNAT;
        if (ct.entry?.dnat) bits |= NF_CT_STATE.DNAT;
        if (((m.state & bits) !== 0) === m.stateInv) return false;
      }
      if (m.proto !== undefined && ((ct.entry?.orig.proto ?? p.proto) === m.proto) === m.protoInv) return false;
      const orig = ct.entry?.orig;
      const reply = ct.entry?.reply;
      if (m.origSrc && ctAddrMatch(orig?.src ?? p.src, m.origSrc) === m.origSrcInv) return false;
      if (m.origDst && ctAddrMatch(orig?.dst ?? p.dst, m.origDst) === m.origDstInv) return false;
      if (m.replSrc && ctAddrMatch(reply?.src ?? p.dst, m.replSrc) === m.replSrcInv) return false;
      if (m.replDst && ctAddrMatch(reply?.dst ?? p.src, m.replDst) === m.replDstInv) return false;
      if (m.dir !== undefined && (m.dir === 'REPLY') !== ct.replyDir) return false;
      if (m.status !== undefined && ((m.status & ctStatus(ct)) !== 0) === m.statusInv) return false;
      if (m.expire !== undefined) {
        const left = ctExpires(ct);
        if ((left >= m.expire[0] && left <= m.expire[1]) === m.expireInv) return false;
      }
      // revision 3's tuple ports (the CtMatch extension of the stored match)
      const ports = m as typeof m & Partial<Record<'origSrcPort' | 'origDstPort' | 'replSrcPort' | 'replDstPort', [number, number]>> & Partial<Record<'origSrcPortInv' | 'origDstPortInv' | 'replSrcPortInv' | 'replDstPortInv', boolean>>;
      const inPorts = (v: number | undefined, r: [number, number] | undefined, inv: boolean | undefined): boolean => !r || (v !== undefined && v >= r[0] && v <= r[1]) !== !!inv;
      if (!inPorts(orig?.sport ?? p.sport, ports.origSrcPort, ports.origSrcPortInv)) return false;
      if (!inPorts(orig?.dport ?? p.dport, ports.origDstPort, ports.origDstPortInv)) return false;
      if (!inPorts(reply?.sport ?? p.dport, ports.replSrcPort, ports.replSrcPortInv)) return false;
      if (!inPorts(reply?.dport ?? p.sport, ports.replDstPort, ports.replDstPortInv)) return false;
      return true;
    }
    case 'comment':
      return true;
    case 'limit':
      return limitMatch(m, info.now);
    case 'mark':
      return (((info.mark & m.mask) >>> 0) === m.mark) !== m.inv;
    case 'mac':
      return ((p.srcMac ?? '').toLowerCase() === m.mac.toLowerCase()) !== m.inv;
    case 'iprange': {
      const within = (a: Words, r: [string, string]): boolean => {
        const lo = parseAddr(r[0]);
        const hi = parseAddr(r[1]);
        return lo !== null && hi !== null && compareWords(a, lo) >= 0 && compareWords(a, hi) <= 0;
      };
      if (m.src && within(info.src, m.src) === m.srcInv) return false;
      if (m.dst && within(info.dst, m.dst) === m.dstInv) return false;
      return true;
    }
    case 'pkttype': {
      const d = p.dst;
      const kind = d === '255.255.255.255' || d.endsWith('.255') ? 'broadcast' : /^(22[4-9]|23\d)\./.test(d) || d.toLowerCase().startsWith('ff') ? 'multicast' : 'unicast';
      return (kind === m.type) !== m.inv;
    }
    case 'length': {
      const len = p.length ?? 60;
      return (len >= m.min && len <= m.max) !== m.inv;
    }
    case 'recent':
      return recentMatch(m, info) !== m.inv;
    case 'owner': {
      // what a local process sent carries its owner; what the kernel itself sends from a
      // local address (an echo reply, a reset) has a socket without a file
      const has = p.uid !== undefined;
      const sock = has || p.hook === 'OUTPUT';
      if (m.socket && sock === m.socketInv) return false;
      if (m.uid && (has && p.uid! >= m.uid[0] && p.uid! <= m.uid[1]) === m.uidInv) return false;
      if (m.gid && (p.gid !== undefined && p.gid >= m.gid[0] && p.gid <= m.gid[1]) === m.gidInv) return false;
      return true;
    }
    case 'connlimit': {
      // connections from the same (masked) address; conntrack entries are kept per 5-tuple
      // (a connection not yet confirmed is counted too: connlimit adds its tuple first)
      const n = info.connCount(m.daddr ? p.dst : p.src, m.mask, m.daddr) + (info.ct.entry ? 0 : 1);
      return m.upto ? n <= m.limit : n > m.limit;
    }
    case 'hashlimit':
    case 'string':
    case 'statistic':
    case 'quota':
    case 'tos':
    case 'dscp':
    case 'ecn':
    case 'tcpmss':
    case 'helper':
    case 'physdev':
    case 'esp':
    case 'ah':
    case 'sctp':
    case 'dccp':
      return qosMatch(m, p, info.now);
    case 'u32':
    case 'socket':
    case 'cpu':
    case 'policy':
    case 'realm':
    case 'connbytes':
    case 'bpf':
    case 'devgroup':
    case 'rpfilter':
    case 'cluster':
    case 'hl':
    case 'frag':
    case 'ah6':
    case 'ipv6header':
    case 'eui64':
    case 'mh':
    case 'cgroup':
      return meta ? meta.metaMatch(m, p, info.ct) : false;
    case 'addrtype': {
      if (m.src && ((m.src & (1 << addrType(p.src, p.srcLocal ?? p.hook === 'OUTPUT'))) !== 0) === m.srcInv) return false;
      if (m.dst && ((m.dst & (1 << addrType(p.dst, p.dstLocal ?? p.hook === 'INPUT'))) !== 0) === m.dstInv) return false;
      return true;
    }
  }
}

/** The route type of an address: LOCAL 2, BROADCAST 3, MULTICAST 5, else UNICAST 1. */
function addrType(addr: string, local: boolean): number {
  if (local || addr.startsWith('127.') || addr === '::1') return 2;
  if (addr === '255.255.255.255') return 3;
  if (/^(22[4-9]|23\d)\./.test(addr) || addr.toLowerCase().startsWith('ff')) return 5;
  return 1;
}

/** xt_recent: --set records the address; --rcheck/--update look for enough recent hits. */
function recentMatch(m: Extract<NfMatch, { kind: 'recent' }>, info: PacketInfo): boolean {
  const addr = m.side === 'source' ? info.p.src : info.p.dst;
  let list = info.recent.get(m.name);
  if (!list) info.recent.set(m.name, (list = new Map()));
  const hits = list.get(addr) ?? [];
  if (m.ops & NF_RECENT.SET) {
    list.set(addr, [...hits, info.now].slice(-255));
    return true;
  }
  if (m.ops & NF_RECENT.REMOVE) return list.delete(addr);
  const window = m.seconds ? hits.filter((t) => info.now - t <= m.seconds * 1000) : hits;
  const hit = window.length > 0 && window.length >= m.hitcount;
  if (hit && m.ops & NF_RECENT.UPDATE) list.set(addr, [...hits, info.now].slice(-255));
  return hit;
}

/** The fixed part (addresses, interfaces, protocol, fragment) and every match. */
export function ruleMatches(r: NfRule, info: PacketInfo): boolean {
  const c = compile(r);
  const p = info.p;
  if (c.src ? inNet(info.src, c.src.net, c.src.mask) === r.srcInv : r.srcInv) return false;
  if (c.dst ? inNet(info.dst, c.dst.net, c.dst.mask) === r.dstInv : r.dstInv) return false;
  if (ifaceMatch(r.inIface, p.inIface) === r.inInv) return false;
  if (ifaceMatch(r.outIface, p.outIface) === r.outInv) return false;
  if (r.proto !== 0 && (p.proto === r.proto) === r.protoInv) return false;
  // packets here are never fragments: -f matches only when inverted
  if (r.frag && !r.fragInv) return false;
  for (const m of r.matches) if (!matchOne(m, info)) return false;
  return true;
}
