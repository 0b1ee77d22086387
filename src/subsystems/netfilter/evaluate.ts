// A packet's walk through netfilter: the hooks of its path in order, and at each hook the
// tables by priority (raw, conntrack, mangle, nat, filter, security). Every matching rule and
// every policy that decides counts the packet, and the verdict says which rule or policy
// decided, so a lesson can tell the learner which rule blocks a port.
import type { NfChain, NfHook, NfPacket, NfRule, NfRuleset, NfTable, NfTableName, NfVerdict, NfVerdictStep } from '../../shared/services/netfilter';
import { parseAddr, samePrefix } from './addr';
import type { Conntrack, CtLookup, CtTuple } from './conntrack';
import { tupleOf } from './conntrack';
import { conntrackInUse } from './ct-users';
import { ruleMatches, type PacketInfo } from './match';
import { chainByName, getTable } from './ruleset';

const HOOK_TABLES: Readonly<Record<NfHook, readonly NfTableName[]>> = {
  PREROUTING: ['raw', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat'],
};

/** Bound on rules visited for one packet in one table (jump loops are refused, but be safe). */
const MAX_STEPS = 200_000;

export interface LogLine {
  prefix: string;
  level: number;
  packet: NfPacket;
}

type Outcome = 'ACCEPT' | 'DROP' | 'REJECT' | 'QUEUE';

interface TableResult {
  outcome: Outcome;
  step: NfVerdictStep | null;
}

interface Walk {
  info: PacketInfo;
  trail: NfVerdictStep[];
  logs: LogLine[];
  /** NAT decided in this walk */
  nat: { src?: string; dst?: string; sport?: number; dport?: number };
}

function count(target: { counters: { packets: number; bytes: number } }, bytes: number): void {
  target.counters.packets++;
  target.counters.bytes += bytes;
}

function targetName(r: NfRule): string {
  const t = r.target;
  if (t.kind === 'verdict') return t.verdict;
  if (t.kind === 'jump' || t.kind === 'goto') return t.chain;
  return t.kind === 'none' ? '' : t.kind;
}

function pickNat(r: NfRule, w: Walk): void {
  const t = r.target;
  if (t.kind !== 'SNAT' && t.kind !== 'DNAT' && t.kind !== 'MASQUERADE' && t.kind !== 'REDIRECT') return;
  const port = t.ports?.[0];
  if (t.kind === 'DNAT') {
    if (t.addrs) w.nat.dst = t.addrs[0];
    if (port !== undefined) w.nat.dport = port;
  } else if (t.kind === 'REDIRECT') {
    w.nat.dst = w.info.p.family === 'ipv4' ? '127.0.0.1' : '::1';
    if (port !== undefined) w.nat.dport = port;
  } else {
    if (t.kind === 'SNAT' && t.addrs) w.nat.src = t.addrs[0];
    if (t.kind === 'MASQUERADE') w.nat.src = w.info.p.src; // the interface address is not known here
    if (port !== undefined) w.nat.sport = port;
  }
}

function walkTable(table: NfTable, hook: NfHook, w: Walk): TableResult | null {
  const base = chainByName(table, hook);
  if (!base || !base.present) return null;
  const bytes = w.info.p.length ?? 60;
  const byName = new Map(table.chains.map((c) => [c.name, c]));
  const stack: { chain: NfChain; idx: number }[] = [{ chain: base, idx: 0 }];
  let steps = 0;
  while (stack.length > 0 && steps++ < MAX_STEPS) {
    const frame = stack[stack.length - 1]!;
    const rule = frame.chain.rules[frame.idx++];
    if (!rule) {
      stack.pop();
      continue;
    }
    if (!ruleMatches(rule, w.info)) continue;
    count(rule, bytes);
    const step: NfVerdictStep = { table: table.name, chain: frame.chain.name, rule: frame.idx, target: targetName(rule) };
    w.trail.push(step);
    const t = rule.target;
    // targets that change the packet or its connection and let it go on (XT_CONTINUE)
    if (['TCPMSS', 'CT', 'CONNMARK', 'TOS', 'TRACE', 'TTL', 'NFLOG', 'DSCP', 'CLASSIFY', 'CHECKSUM', 'AUDIT', 'TEE', 'ECN', 'TCPOPTSTRIP', 'HL', 'IDLETIMER', 'RATEEST', 'CONNSECMARK', 'HMARK', 'SNPT', 'DNPT'].includes(t.kind)) continue;
    switch (t.kind) {
      case 'none':
        break;
      case 'LOG':
        w.logs.push({ prefix: t.prefix, level: t.level, packet: w.info.p });
        break;
      case 'MARK':
        w.info.mark = ((w.info.mark & ~t.mask) ^ t.value) >>> 0;
        break;
      case 'verdict':
        if (t.verdict === 'RETURN') {
          stack.pop();
          break;
        }
        return { outcome: t.verdict, step };
      case 'jump': {
        const c = byName.get(t.chain);
        if (c) stack.push({ chain: c, idx: 0 });
        break;
      }
      case 'goto': {
        const c = byName.get(t.chain);
        if (c) stack[stack.length - 1] = { chain: c, idx: 0 };
        break;
      }
      case 'REJECT':
        return { outcome: 'REJECT', step };
      default:
        pickNat(rule, w);
        return { outcome: 'ACCEPT', step };
    }
  }
  if (base.stats) count(base, bytes);
  return { outcome: base.policy, step: { table: table.name, chain: base.name, rule: 0, target: base.policy } };
}

export interface EvalContext {
  ruleset: NfRuleset;
  conntrack: Conntrack;
  now: number;
  logs: LogLine[];
  recent: Map<string, Map<string, number[]>>;
}

/** Walks `path` (the hooks in order, e.g. PREROUTING then INPUT) for one packet. */
export function evaluatePacket(packet: NfPacket, path: readonly NfHook[], ctx: EvalContext): NfVerdict {
  const src = parseAddr(packet.src);
  const dst = parseAddr(packet.dst);
  const tracking = packet.ctState !== undefined || conntrackInUse(ctx.ruleset);
  const lookup: CtLookup = packet.ctState ? { state: packet.ctState, replyDir: false } : tracking ? ctx.conntrack.lookup(packet) : { state: 'NEW', replyDir: false };
  const w: Walk = {
    info: {
      p: { ...packet },
      src: src ?? [0],
      dst: dst ?? [0],
      ct: lookup,
      mark: packet.mark ?? 0,
      now: ctx.now,
      recent: ctx.recent,
      connCount: (addr, prefix, daddr) => ctx.conntrack.count((e) => samePrefix(daddr ? e.orig.dst : e.orig.src, addr, prefix)),
    },
    trail: [],
    logs: ctx.logs,
    nat: {},
  };
  let verdict: Outcome = 'ACCEPT';
  let why: NfVerdictStep | null = null;
  for (const hook of path) {
    for (const name of HOOK_TABLES[hook]) {
      // nat sees only the first packet of a connection
      if (name === 'nat' && (!tracking || lookup.state !== 'NEW' || lookup.entry)) continue;
      const res = walkTable(getTable(ctx.ruleset, name), hook, w);
      if (!res) continue;
      if (res.outcome !== 'ACCEPT' || name === 'filter' || !why || why.table !== 'filter') why = res.step;
      if (res.outcome !== 'ACCEPT') {
        verdict = res.outcome;
        break;
      }
      if (name === 'nat') applyNat(w);
    }
    if (verdict !== 'ACCEPT') break;
  }
  if (verdict === 'ACCEPT' && !packet.ctState && tracking) confirm(packet, lookup, w, ctx.conntrack);
  return {
    verdict,
    why,
    trail: w.trail,
    ...(w.nat.src !== undefined ? { natSrc: w.nat.src } : {}),
    ...(w.nat.dst !== undefined ? { natDst: w.nat.dst } : {}),
    ...(w.nat.sport !== undefined ? { natSport: w.nat.sport } : {}),
    ...(w.nat.dport !== undefined ? { natDport: w.nat.dport } : {}),
    ctState: lookup.state,
  };
}

/** Later hooks see the translated addresses. */
function applyNat(w: Walk): void {
  const p = w.info.p;
  if (w.nat.dst !== undefined && p.dst !== w.nat.dst) {
    p.dst = w.nat.dst;
    w.info.dst = parseAddr(p.dst) ?? w.info.dst;
  }
  if (w.nat.src !== undefined && p.src !== w.nat.src) {
    p.src = w.nat.src;
    w.info.src = parseAddr(p.src) ?? w.info.src;
  }
  if (w.nat.dport !== undefined) p.dport = w.nat.dport;
  if (w.nat.sport !== undefined) p.sport = w.nat.sport;
}

function confirm(packet: NfPacket, lookup: CtLookup, w: Walk, ct: Conntrack): void {
  if (lookup.entry) {
    ct.touch(lookup.entry, lookup.replyDir);
    return;
  }
  if (lookup.state !== 'NEW') return;
  const after = tupleOf(w.info.p);
  const reply: CtTuple = ct.replyTupleFor(after);
  ct.confirm(packet, reply, w.nat.src !== undefined, w.nat.dst !== undefined);
}
