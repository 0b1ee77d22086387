// Netfilter speed: one packet through a chain of 1,000 rules (target under 1 ms). The packet
// matches none of them, so it is compared against every rule and decided by the policy; a
// second figure adds connection tracking and a 1,000-rule user chain behind a jump.
import type { NfPacket, NfRule } from '../src/shared/services/netfilter';
import { loadNetfilterEngine, Netfilter } from '../src/subsystems/netfilter/netfilter';

const RULES = 1000;
const RUNS = 200;

function rule(i: number, over: Partial<NfRule> = {}): NfRule {
  return {
    src: { addr: `10.${(i >> 8) & 255}.${i & 255}.0`, mask: '255.255.255.0' },
    srcInv: false,
    dst: { addr: '0.0.0.0', mask: '0.0.0.0' },
    dstInv: false,
    inIface: 'eth0',
    inInv: false,
    outIface: '',
    outInv: false,
    proto: 6,
    protoInv: false,
    frag: false,
    fragInv: false,
    matches: [{ kind: 'tcp', sport: [0, 65535], dport: [1 + (i % 60000), 1 + (i % 60000)], sportInv: false, dportInv: false, flagsMask: 0, flagsCmp: 0, flagsInv: false, option: 0, optionInv: false }],
    target: { kind: 'verdict', verdict: 'ACCEPT' },
    counters: { packets: 0, bytes: 0 },
    ...over,
  };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(nf: Netfilter, packet: NfPacket): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    nf.evaluate({ ...packet, sport: 40000 + (i % 20000) });
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchNetfilter(): Promise<{ name: string; medianMs: number }[]> {
  // (the rule engine is a chunk the machine loads on demand)
  await loadNetfilterEngine();
  const packet: NfPacket = { family: 'ipv4', hook: 'INPUT', inIface: 'eth0', src: '192.0.2.7', dst: '198.51.100.1', proto: 6, sport: 40000, dport: 65000, tcpFlags: 0x02, ctState: 'NEW' };

  const flat = new Netfilter();
  flat.apply('ipv4', [{ op: 'policy', table: 'filter', chain: 'INPUT', policy: 'DROP' }, ...Array.from({ length: RULES }, (_, i) => ({ op: 'append' as const, table: 'filter' as const, chain: 'INPUT', rule: rule(i) }))]);

  const nested = new Netfilter();
  nested.apply('ipv4', [
    { op: 'newChain', table: 'filter', chain: 'SERVICES' },
    ...Array.from({ length: RULES }, (_, i) => ({ op: 'append' as const, table: 'filter' as const, chain: 'SERVICES', rule: rule(i, { matches: [{ kind: 'conntrack', stateAlias: false, state: 8, stateInv: false, protoInv: false, origSrcInv: false, origDstInv: false, replSrcInv: false, replDstInv: false, statusInv: false, expireInv: false }, ...rule(i).matches] }) })),
    { op: 'append', table: 'filter', chain: 'INPUT', rule: rule(0, { src: { addr: '0.0.0.0', mask: '0.0.0.0' }, matches: [], target: { kind: 'jump', chain: 'SERVICES' } }) },
  ]);
  // without ctState the connection-tracking table decides (NEW for each new source port)
  const tracked: NfPacket = { ...packet };
  delete tracked.ctState;

  return [
    { name: 'netfilter: 1 packet through 1,000 rules', medianMs: time(flat, packet) },
    { name: 'netfilter: 1 packet, conntrack + jump to 1,000 rules', medianMs: time(nested, tracked) },
  ];
}
