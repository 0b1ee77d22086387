// A small connection-tracking table keyed by the 5-tuple. A packet of a known connection is
// ESTABLISHED once a reply was seen (before that the original direction stays NEW), an ICMP
// error about a known connection is RELATED, and an unknown TCP packet that could not open a
// connection is INVALID (loose pickup, as Linux' default nf_conntrack_tcp_loose=1, lets a bare
// ACK start one).
import type { NfPacket } from '../../shared/services/netfilter';

export type CtState = 'NEW' | 'ESTABLISHED' | 'RELATED' | 'INVALID' | 'UNTRACKED';

export interface CtTuple {
  proto: number;
  src: string;
  dst: string;
  sport: number;
  dport: number;
  /** an ICMP query's identifier (ICMP has no ports) */
  id?: number;
}

export interface CtEntry {
  family: NfPacket['family'];
  orig: CtTuple;
  /** the tuple replies carry (after NAT) */
  reply: CtTuple;
  seenReply: boolean;
  snat: boolean;
  dnat: boolean;
  packets: number;
  /** connection label bits set by -m connlabel --set */
  labels?: Set<number>;
}

export interface CtLookup {
  state: CtState;
  entry?: CtEntry;
  /** true when the packet travels in the reply direction */
  replyDir: boolean;
}

const MAX_ENTRIES = 4096;
const ICMP_ERRORS_V4 = new Set([3, 4, 5, 11, 12]);
const ICMP_ERRORS_V6 = new Set([1, 2, 3, 4]);
const ICMP_ECHO: Readonly<Record<number, number>> = { 8: 0, 13: 14, 15: 16, 17: 18, 128: 129 };
/** the query each answer type answers, so an echo reply finds its request's entry */
const ICMP_ANSWERED: Readonly<Record<number, number>> = { 0: 8, 14: 13, 16: 15, 18: 17, 129: 128 };

export function tupleOf(p: NfPacket): CtTuple {
  const icmp = p.proto === 1 || p.proto === 58;
  return {
    proto: p.proto,
    src: p.src,
    dst: p.dst,
    // ICMP queries are told apart by type like ports; the reply uses the answer type
    sport: icmp ? (p.icmpType ?? 0) : (p.sport ?? 0),
    dport: icmp ? (ICMP_ECHO[p.icmpType ?? -1] ?? ICMP_ANSWERED[p.icmpType ?? -1] ?? p.icmpType ?? 0) : (p.dport ?? 0),
    ...(icmp && p.icmpId !== undefined ? { id: p.icmpId } : {}),
  };
}

function key(t: CtTuple): string {
  return `${t.proto} ${t.src} ${t.sport} ${t.dst} ${t.dport} ${t.id ?? ''}`;
}

function invert(t: CtTuple): CtTuple {
  return { proto: t.proto, src: t.dst, dst: t.src, sport: t.dport, dport: t.sport, ...(t.id !== undefined ? { id: t.id } : {}) };
}

export class Conntrack {
  /** both directions of every entry are indexed */
  private readonly index = new Map<string, { entry: CtEntry; reply: boolean }>();
  private readonly entries: CtEntry[] = [];

  lookup(p: NfPacket): CtLookup {
    const t = tupleOf(p);
    const hit = this.index.get(key(t));
    if (hit) {
      const established = hit.reply || hit.entry.seenReply;
      return { state: established ? 'ESTABLISHED' : 'NEW', entry: hit.entry, replyDir: hit.reply };
    }
    const errors = p.family === 'ipv4' ? ICMP_ERRORS_V4 : ICMP_ERRORS_V6;
    if ((p.proto === 1 || p.proto === 58) && errors.has(p.icmpType ?? -1)) {
      // an error sent back by a router or host about a connection between the two ends
      const related = this.entries.find((e) => e.orig.src === p.dst || e.reply.src === p.dst);
      return related ? { state: 'RELATED', entry: related, replyDir: true } : { state: 'INVALID', replyDir: false };
    }
    if (p.proto === 6 && p.tcpFlags !== undefined) {
      const f = p.tcpFlags & 0x17; // FIN SYN RST ACK
      if (f !== 0x02 && f !== 0x10) return { state: 'INVALID', replyDir: false };
    }
    return { state: 'NEW', replyDir: false };
  }

  /** Records a connection whose first packet was accepted; `reply` is the (NATed) answer tuple. */
  confirm(p: NfPacket, reply: CtTuple, snat: boolean, dnat: boolean): CtEntry {
    const orig = tupleOf(p);
    const existing = this.index.get(key(orig));
    if (existing) return existing.entry;
    if (this.entries.length >= MAX_ENTRIES) this.drop(this.entries[0]!);
    const entry: CtEntry = { family: p.family, orig, reply, seenReply: false, snat, dnat, packets: 1 };
    this.entries.push(entry);
    this.index.set(key(orig), { entry, reply: false });
    this.index.set(key(reply), { entry, reply: true });
    return entry;
  }

  /** Notes a packet of a known connection passing. */
  touch(entry: CtEntry, replyDir: boolean): void {
    entry.packets++;
    if (replyDir) entry.seenReply = true;
  }

  replyTupleFor(t: CtTuple): CtTuple {
    return invert(t);
  }

  private drop(e: CtEntry): void {
    this.index.delete(key(e.orig));
    this.index.delete(key(e.reply));
    this.entries.splice(this.entries.indexOf(e), 1);
  }

  /** How many tracked connections satisfy the test. */
  count(test: (e: CtEntry) => boolean): number {
    let n = 0;
    for (const e of this.entries) if (test(e)) n++;
    return n;
  }

  /** An independent copy, for looking at a packet's fate without changing anything. */
  clone(): Conntrack {
    const c = new Conntrack();
    for (const e of this.entries) {
      const copy = structuredClone(e);
      c.entries.push(copy);
      c.index.set(key(copy.orig), { entry: copy, reply: false });
      c.index.set(key(copy.reply), { entry: copy, reply: true });
    }
    return c;
  }

  flush(): void {
    this.index.clear();
    this.entries.length = 0;
  }

  view(): CtEntry[] {
    return this.entries.map((e) => structuredClone(e));
  }
}

/** IPS_* bits a packet's connection shows (NF_CT_STATUS values): none before it is confirmed. */
export function ctStatus(ct: CtLookup): number {
  const e = ct.entry;
  if (!e || ct.state === 'RELATED') return 0;
  let bits = 8; // CONFIRMED
  const seen = e.seenReply || ct.replyDir;
  if (seen) bits |= 2; // SEEN_REPLY
  // (a stream is assured once both ends spoke; ICMP never is)
  if (e.seenReply && e.orig.proto !== 1 && e.orig.proto !== 58) bits |= 4;
  return bits;
}

/** Seconds left on the connection's timer once this packet refreshed it; 0 before confirmation. */
export function ctExpires(ct: CtLookup): number {
  const e = ct.entry;
  if (!e || ct.state === 'RELATED') return 0;
  const seen = e.seenReply || ct.replyDir;
  switch (e.orig.proto) {
    case 6:
      return seen ? 432000 : 120;
    case 17:
    case 136:
      return e.seenReply ? 120 : 30;
    case 1:
    case 58:
      return 30;
    default:
      return 600;
  }
}
