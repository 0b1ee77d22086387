// The netfilter hooks a packet of this machine crosses: OUTPUT then POSTROUTING for what it
// sends, PREROUTING then INPUT for what it receives. One walk per packet, so connection tracking
// sees the conversation as Linux does (the first packet NEW, the answers ESTABLISHED, ICMP
// errors RELATED). A dry walk (lesson probes) changes no counter and tracks nothing; since it
// cannot remember the request, it tells the walk of an answer which state to assume.
import type { NfHook, NfPacket, NfVerdict, NfVerdictStep } from '../../shared/services/netfilter';
import type { Why } from '../../shared/services/traffic';
import type { Netfilter } from '../netfilter/netfilter';

/** One packet as the traffic code describes it: IPv4 unless `family` says 6. */
export interface Flow {
  family?: 4 | 6;
  /** 1 icmp, 6 tcp, 17 udp, 58 icmpv6 */
  proto: number;
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  icmpType?: number;
  icmpCode?: number;
  /** an echo's identifier, which its reply carries back */
  icmpId?: number;
  /** FIN 1, SYN 2, RST 4, PSH 8, ACK 16 */
  tcpFlags?: number;
  /** IP length in bytes */
  length: number;
  uid?: number;
  gid?: number;
}

export type Pass =
  | { ok: true; why: Why | undefined }
  | { ok: false; verdict: 'DROP' | 'REJECT' | 'QUEUE'; why: Why; rejectWith: string };

const BUILTIN = new Set<string>(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);

export const TCP = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

/** The hook a deciding step belongs to: its chain, or the built-in chain that jumped to it. */
function hookOf(step: NfVerdictStep, trail: readonly NfVerdictStep[], path: readonly NfHook[]): NfHook {
  if (BUILTIN.has(step.chain)) return step.chain as NfHook;
  for (let i = trail.indexOf(step) - 1; i >= 0; i--) {
    const s = trail[i]!;
    if (s.table === step.table && BUILTIN.has(s.chain)) return s.chain as NfHook;
  }
  return path[path.length - 1]!;
}

export class Firewall {
  constructor(
    private readonly nf: Netfilter,
    private readonly now: () => number,
    readonly dry: boolean,
  ) {}

  /** OUTPUT and POSTROUTING, for a packet leaving by `ifname`. */
  output(flow: Flow, ifname: string, packet: 'request' | 'reply'): Pass {
    return this.walk(flow, ['OUTPUT', 'POSTROUTING'], { outIface: ifname }, packet);
  }

  /** PREROUTING and INPUT, for a packet arriving on `ifname` for this machine. */
  input(flow: Flow, ifname: string, packet: 'request' | 'reply'): Pass {
    return this.walk(flow, ['PREROUTING', 'INPUT'], { inIface: ifname, dstLocal: true }, packet);
  }

  /**
   * Where nat PREROUTING would send a packet arriving on `ifname` for this machine (docker's
   * DNAT of a published port), looked at without moving counters or tracking; undefined when
   * it stays addressed to this machine.
   */
  destinationAfterPrerouting(flow: Flow, ifname: string): { dst: string; dport?: number } | undefined {
    const p = this.packet(flow, 'PREROUTING', { inIface: ifname, dstLocal: true });
    const v = this.nf.evaluate(p, { path: ['PREROUTING'], now: this.now(), dryRun: true });
    if (v.verdict !== 'ACCEPT' || v.natDst === undefined || v.natDst === flow.dst) return undefined;
    return { dst: v.natDst, ...(v.natDport !== undefined ? { dport: v.natDport } : {}) };
  }

  /** PREROUTING, FORWARD and POSTROUTING, for a packet routed through this machine (to a container's bridge). */
  forward(flow: Flow, inIface: string, outIface: string): Pass {
    return this.walk(flow, ['PREROUTING', 'FORWARD', 'POSTROUTING'], { inIface, outIface, dstLocal: true }, 'request');
  }

  private packet(flow: Flow, hook: NfHook, iface: { inIface?: string; outIface?: string; dstLocal?: boolean }): NfPacket {
    return {
      family: flow.family === 6 ? 'ipv6' : 'ipv4', hook, ...iface, src: flow.src, dst: flow.dst, proto: flow.proto, length: flow.length,
      ...(flow.sport !== undefined ? { sport: flow.sport } : {}),
      ...(flow.dport !== undefined ? { dport: flow.dport } : {}),
      ...(flow.icmpType !== undefined ? { icmpType: flow.icmpType, icmpCode: flow.icmpCode ?? 0 } : {}),
      ...(flow.icmpId !== undefined ? { icmpId: flow.icmpId } : {}),
      ...(flow.tcpFlags !== undefined ? { tcpFlags: flow.tcpFlags } : {}),
      ...(flow.uid !== undefined ? { uid: flow.uid, gid: flow.gid ?? flow.uid } : {}),
    };
  }

  private walk(flow: Flow, path: NfHook[], iface: { inIface?: string; outIface?: string; dstLocal?: boolean }, packet: 'request' | 'reply'): Pass {
    const p: NfPacket = this.packet(flow, path[0]!, iface);
    // without tracking, an answer would look NEW: assume what the real walk of the request recorded
    if (this.dry && packet === 'reply') p.ctState = isIcmpError(flow) ? 'RELATED' : 'ESTABLISHED';
    const v = this.nf.evaluate(p, { path, now: this.now(), dryRun: this.dry });
    const why = v.why ? this.whyOf(v, v.why, path, packet) : undefined;
    if (v.verdict === 'ACCEPT') return { ok: true, why };
    return { ok: false, verdict: v.verdict, why: why ?? { kind: 'netfilter', hook: path[0]!, table: 'filter', chain: path[0]!, rule: 0, target: v.verdict, packet }, rejectWith: v.verdict === 'REJECT' && v.why ? this.rejectWith(v.why, flow.family === 6 ? 'ipv6' : 'ipv4') : '' };
  }

  private whyOf(v: NfVerdict, step: NfVerdictStep, path: readonly NfHook[], packet: 'request' | 'reply'): Why {
    return { kind: 'netfilter', hook: hookOf(step, v.trail, path), table: step.table, chain: step.chain, rule: step.rule, target: step.target, packet };
  }

  /** The --reject-with of the rule that rejected. */
  private rejectWith(step: NfVerdictStep, family: 'ipv4' | 'ipv6'): string {
    const chain = this.nf.ruleset(family).tables.find((t) => t.name === step.table)?.chains.find((c) => c.name === step.chain);
    const t = chain?.rules[step.rule - 1]?.target;
    return t?.kind === 'REJECT' ? t.with : family === 'ipv6' ? 'icmp6-port-unreachable' : 'icmp-port-unreachable';
  }
}

export function isIcmpError(flow: Flow): boolean {
  return flow.proto === 1 && [3, 4, 5, 11, 12].includes(flow.icmpType ?? -1);
}

/** The ICMP error a REJECT sends back (type, code), or a TCP reset. */
export function rejectAnswer(rejectWith: string): { kind: 'icmp'; type: number; code: number } | { kind: 'tcp-reset' } {
  switch (rejectWith) {
    case 'tcp-reset': return { kind: 'tcp-reset' };
    case 'icmp-net-unreachable': return { kind: 'icmp', type: 3, code: 0 };
    case 'icmp-host-unreachable': return { kind: 'icmp', type: 3, code: 1 };
    case 'icmp-proto-unreachable': return { kind: 'icmp', type: 3, code: 2 };
    case 'icmp-net-prohibited': return { kind: 'icmp', type: 3, code: 9 };
    case 'icmp-host-prohibited': return { kind: 'icmp', type: 3, code: 10 };
    case 'icmp-admin-prohibited': return { kind: 'icmp', type: 3, code: 13 };
    default: return { kind: 'icmp', type: 3, code: 3 };
  }
}

/**
 * For packets sent outside the traffic service (the resolver's DNS queries, see
 * resolve/reach.ts's packetPasses): whether a query leaving by `oif` and its answer both cross
 * this machine's firewall. The walks count, as the real packets would.
 */
export function exchangePasses(nf: Netfilter, now: () => number, q: { proto: 'udp' | 'tcp' | 'icmp'; src: string; dst: string; sport?: number; dport?: number; oif: string }): boolean {
  const fw = new Firewall(nf, now, false);
  const proto = q.proto === 'tcp' ? 6 : q.proto === 'udp' ? 17 : 1;
  const req: Flow = { proto, src: q.src, dst: q.dst, length: 60, ...(proto === 1 ? { icmpType: 8, icmpCode: 0 } : { sport: q.sport ?? 0, dport: q.dport ?? 0 }), ...(proto === 6 ? { tcpFlags: TCP.SYN } : {}) };
  if (!fw.output(req, q.oif, 'request').ok) return false;
  const reply: Flow = { proto, src: q.dst, dst: q.src, length: 60, ...(proto === 1 ? { icmpType: 0, icmpCode: 0 } : { sport: q.dport ?? 0, dport: q.sport ?? 0 }), ...(proto === 6 ? { tcpFlags: TCP.SYN | TCP.ACK } : {}) };
  return fw.input(reply, q.oif, 'reply').ok;
}
