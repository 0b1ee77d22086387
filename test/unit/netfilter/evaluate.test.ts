// Packets through netfilter: verdicts with the rule or policy that decided, counters,
// jumps/returns/goto, connection tracking and NAT.
import { describe, expect, it } from 'vitest';
import type { NfAction, NfPacket } from '../../../src/shared/services/netfilter';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { DROP, jump, RETURN, rule, tcpDport } from './fixtures';

const A = (chain: string, r = rule(), table: 'filter' | 'nat' = 'filter'): NfAction => ({ op: 'append', table, chain, rule: r });
const ssh: NfPacket = { family: 'ipv4', hook: 'INPUT', inIface: 'eth0', src: '192.0.2.10', dst: '192.0.2.1', proto: 6, sport: 40000, dport: 22, tcpFlags: 0x02, length: 60 };

/** Photon's default filter: INPUT DROP, lo, established, ssh. */
function photon(): Netfilter {
  const nf = new Netfilter();
  nf.apply('ipv4', [
    { op: 'policy', table: 'filter', chain: 'INPUT', policy: 'DROP' },
    A('INPUT', rule({ inIface: 'lo' })),
    A('INPUT', rule({ matches: [{ kind: 'conntrack', stateAlias: false, state: 2 | 4, stateInv: false, protoInv: false, origSrcInv: false, origDstInv: false, replSrcInv: false, replDstInv: false, statusInv: false, expireInv: false }] })),
    A('INPUT', rule({ proto: 6, matches: [tcpDport(22)] })),
  ]);
  return nf;
}

type Case = [title: string, packet: Partial<NfPacket>, verdict: string, why: { chain: string; rule: number; target: string }];

const cases: Case[] = [
  ['ssh is accepted by rule 3', {}, 'ACCEPT', { chain: 'INPUT', rule: 3, target: 'ACCEPT' }],
  ['http falls to the DROP policy', { dport: 80 }, 'DROP', { chain: 'INPUT', rule: 0, target: 'DROP' }],
  ['loopback is accepted by rule 1', { inIface: 'lo', dport: 80 }, 'ACCEPT', { chain: 'INPUT', rule: 1, target: 'ACCEPT' }],
  ['ping is dropped', { proto: 1, icmpType: 8, sport: undefined, dport: undefined }, 'DROP', { chain: 'INPUT', rule: 0, target: 'DROP' }],
  ['an established reply is accepted by rule 2', { dport: 80, ctState: 'ESTABLISHED' }, 'ACCEPT', { chain: 'INPUT', rule: 2, target: 'ACCEPT' }],
];

describe('packet verdicts on Photon default rules', () => {
  for (const [title, over, verdict, why] of cases) {
    it(title, () => {
      const v = photon().evaluate({ ...ssh, ...over });
      expect(v.verdict).toBe(verdict);
      expect(v.why).toEqual({ table: 'filter', ...why });
    });
  }
});

describe('packet walk', () => {
  it('counts packets and bytes on matching rules and on the policy', () => {
    const nf = photon();
    nf.evaluate(ssh);
    nf.evaluate({ ...ssh, dport: 80, sport: 40001 });
    const input = nf.view().ipv4.tables.find((t) => t.name === 'filter')!.chains.find((c) => c.name === 'INPUT')!;
    expect(input.rules.map((r) => r.counters.packets)).toEqual([0, 0, 1]);
    expect(input.rules[2]!.counters.bytes).toBe(60);
    expect(input.counters).toEqual({ packets: 1, bytes: 60 });
  });

  it('follows jumps, returns and goto', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [
      { op: 'newChain', table: 'filter', chain: 'CHECK' },
      { op: 'newChain', table: 'filter', chain: 'BLOCK' },
      A('CHECK', rule({ src: { addr: '203.0.113.0', mask: '255.255.255.0' }, target: { kind: 'goto', chain: 'BLOCK' } })),
      A('CHECK', rule({ target: RETURN })),
      A('BLOCK', rule({ target: { kind: 'REJECT', with: 'icmp-port-unreachable' } })),
      A('INPUT', rule({ target: jump('CHECK') })),
      A('INPUT', rule({ target: DROP })),
    ]);
    expect(nf.evaluate({ ...ssh, src: '203.0.113.5' })).toMatchObject({ verdict: 'REJECT', why: { chain: 'BLOCK', rule: 1 } });
    const v = nf.evaluate(ssh);
    expect(v).toMatchObject({ verdict: 'DROP', why: { chain: 'INPUT', rule: 2 } });
    expect(v.trail.map((s) => `${s.chain}:${s.rule}`)).toEqual(['INPUT:1', 'CHECK:2', 'INPUT:2']);
  });

  it('tracks connections: NEW, then ESTABLISHED both ways once a reply was seen', () => {
    const nf = photon();
    nf.apply('ipv4', [{ op: 'policy', table: 'filter', chain: 'OUTPUT', policy: 'ACCEPT' }]);
    const out: NfPacket = { family: 'ipv4', hook: 'OUTPUT', outIface: 'eth0', src: '192.0.2.1', dst: '198.51.100.7', proto: 6, sport: 50000, dport: 443, tcpFlags: 0x02 };
    expect(nf.evaluate(out).ctState).toBe('NEW');
    const reply: NfPacket = { ...ssh, src: '198.51.100.7', dst: '192.0.2.1', sport: 443, dport: 50000, tcpFlags: 0x12 };
    expect(nf.evaluate(reply)).toMatchObject({ verdict: 'ACCEPT', ctState: 'ESTABLISHED', why: { rule: 2 } });
    expect(nf.evaluate({ ...out, tcpFlags: 0x10 }).ctState).toBe('ESTABLISHED');
    expect(nf.view().conntrack).toHaveLength(1);
  });

  it('classifies ICMP errors about a connection as RELATED and stray TCP as INVALID', () => {
    const nf = photon();
    nf.evaluate({ family: 'ipv4', hook: 'OUTPUT', src: '192.0.2.1', dst: '198.51.100.7', proto: 17, sport: 5353, dport: 53 });
    expect(nf.evaluate({ ...ssh, proto: 1, src: '198.51.100.7', icmpType: 3, icmpCode: 3 })).toMatchObject({ ctState: 'RELATED', verdict: 'ACCEPT' });
    expect(nf.evaluate({ ...ssh, dport: 80, tcpFlags: 0x04 })).toMatchObject({ ctState: 'INVALID', verdict: 'DROP' });
  });

  it('a dry run changes neither counters nor connections', () => {
    const nf = photon();
    const before = JSON.stringify(nf.view());
    expect(nf.evaluate(ssh, { dryRun: true })).toMatchObject({ verdict: 'ACCEPT', why: { rule: 3 } });
    expect(JSON.stringify(nf.view())).toBe(before);
  });

  it('does not track a dropped packet', () => {
    const nf = photon();
    nf.evaluate({ ...ssh, dport: 80 });
    expect(nf.view().conntrack).toHaveLength(0);
  });

  it('applies DNAT on the way in, and the filter sees the new address', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [
      A('PREROUTING', rule({ proto: 6, matches: [tcpDport(8080)], target: { kind: 'DNAT', addrs: ['10.0.0.5', '10.0.0.5'], ports: [80, 80], random: false, randomFully: false, persistent: false } }), 'nat'),
      { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' },
      A('FORWARD', rule({ dst: { addr: '10.0.0.5', mask: '255.255.255.255' }, proto: 6, matches: [tcpDport(80)] })),
    ]);
    const v = nf.evaluate({ ...ssh, dport: 8080 }, { path: ['PREROUTING', 'FORWARD', 'POSTROUTING'] });
    expect(v).toMatchObject({ verdict: 'ACCEPT', natDst: '10.0.0.5', natDport: 80, why: { table: 'filter', chain: 'FORWARD', rule: 1 } });
  });

  it('lets a limit match pass a burst, then refill with time', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [A('INPUT', rule({ matches: [{ kind: 'limit', avg: 10000, burst: 2 }] })), A('INPUT', rule({ target: DROP }))]);
    const got = [0, 0, 0].map(() => nf.evaluate({ ...ssh, ctState: 'NEW' }, { now: 0 }).verdict);
    expect(got).toEqual(['ACCEPT', 'ACCEPT', 'DROP']);
    expect(nf.evaluate({ ...ssh, ctState: 'NEW' }, { now: 1000 }).verdict).toBe('ACCEPT');
  });

  it('matches interfaces with a + wildcard and inverted addresses', () => {
    const nf = new Netfilter();
    nf.apply('ipv4', [A('INPUT', rule({ inIface: 'eth+', srcInv: true, src: { addr: '192.0.2.0', mask: '255.255.255.0' }, target: DROP }))]);
    expect(nf.evaluate({ ...ssh, inIface: 'eth1', src: '198.51.100.1' }).verdict).toBe('DROP');
    expect(nf.evaluate({ ...ssh, inIface: 'eth1' }).verdict).toBe('ACCEPT');
    expect(nf.evaluate({ ...ssh, inIface: 'wlan0', src: '198.51.100.1' }).verdict).toBe('ACCEPT');
  });

  it('evaluates IPv6 rules with prefixes', () => {
    const nf = new Netfilter();
    nf.apply('ipv6', [A('INPUT', rule({ src: { addr: '2001:db8::', mask: 'ffff:ffff::' }, dst: { addr: '::', mask: '::' }, target: DROP }))]);
    const p: NfPacket = { family: 'ipv6', hook: 'INPUT', src: '2001:db8:1::7', dst: '2001:db8::1', proto: 58, icmpType: 128 };
    expect(nf.evaluate(p)).toMatchObject({ verdict: 'DROP', why: { rule: 1 } });
    expect(nf.evaluate({ ...p, src: 'fe80::1' }).verdict).toBe('ACCEPT');
  });
});
