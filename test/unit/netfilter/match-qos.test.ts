// The matches of match-qos.ts on packets (hashlimit buckets, quota, statistic nth, absent
// payload/TOS/helper) and the kernel's checks when such rules are added.
import { beforeAll, describe, expect, it } from 'vitest';
import type { HashlimitMatch, NfMatch, NfPacket } from '../../../src/shared/services/netfilter';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { DROP, rule } from './fixtures';
import { loadMetaMatches } from '../../../src/subsystems/netfilter/match';

// the kernel's extension checks load with the less common matches, as the netfilter service loads them
beforeAll(() => loadMetaMatches());

const pkt: NfPacket = { family: 'ipv4', hook: 'INPUT', inIface: 'eth0', src: '192.0.2.10', dst: '192.0.2.1', proto: 6, sport: 40000, dport: 22, tcpFlags: 0x02, length: 100 };

const hashlimit = (over: Partial<HashlimitMatch> = {}): HashlimitMatch => ({
  kind: 'hashlimit', name: 'h', avg: 1_000_000, burst: 2, bytes: false, above: true, mode: 4, size: 0, max: 0, gcInterval: 1000, expire: 1000, srcMask: 32, dstMask: 32, rateMatch: false, interval: 1, ...over,
});

function withRule(m: NfMatch, proto = 0): Netfilter {
  const nf = new Netfilter();
  const r = nf.apply('ipv4', [{ op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ proto, matches: [m], target: DROP }) }]);
  expect(r.ok).toBe(true);
  return nf;
}

describe('qos matches on packets', () => {
  it('hashlimit --hashlimit-above drops a source once its burst is used', () => {
    const nf = withRule(hashlimit());
    const verdicts = [1, 2, 3].map(() => nf.evaluate(pkt).verdict);
    expect(verdicts).toEqual(['ACCEPT', 'ACCEPT', 'DROP']);
    // another source has its own bucket
    expect(nf.evaluate({ ...pkt, src: '192.0.2.11' }).verdict).toBe('ACCEPT');
  });

  it('quota matches until its bytes are spent', () => {
    const nf = withRule({ kind: 'quota', quota: '250', inv: false });
    expect([1, 2, 3].map(() => nf.evaluate(pkt).verdict)).toEqual(['DROP', 'DROP', 'ACCEPT']);
  });

  it('statistic nth matches the first packet, then every nth', () => {
    const nf = withRule({ kind: 'statistic', mode: 'nth', probability: 0, every: 2, packet: 0, inv: false });
    expect([1, 2, 3, 4, 5, 6].map(() => nf.evaluate(pkt).verdict)).toEqual(['DROP', 'ACCEPT', 'ACCEPT', 'DROP', 'ACCEPT', 'ACCEPT']);
  });

  it('string and helper find nothing, so only their inversion matches', () => {
    expect(withRule({ kind: 'string', pattern: [0x41], algo: 'bm', from: 0, to: 65535, icase: false, inv: false }).evaluate(pkt).verdict).toBe('ACCEPT');
    expect(withRule({ kind: 'helper', name: 'ftp', inv: true }).evaluate(pkt).verdict).toBe('DROP');
  });
});

describe('kernel checks of qos rules', () => {
  const add = (m: NfMatch, proto = 0): { ok: boolean; errno?: string } => {
    const r = new Netfilter().apply('ipv4', [{ op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ proto, matches: [m], target: DROP }) }]);
    return r.ok ? { ok: true } : { ok: false, errno: r.errno };
  };

  it('a hashlimit burst whose credit overflows 64 bits is out of range', () => {
    // 1/day with burst 5 overflows; 2/day with burst 5 does not
    expect(add(hashlimit({ avg: 86_400_000_000, burst: 5 })).errno).toBe('ERANGE');
    expect(add(hashlimit({ avg: 43_200_000_000, burst: 5 })).ok).toBe(true);
  });

  it('an IPv4 hashlimit mask above 32 is refused', () => {
    expect(add(hashlimit({ srcMask: 33 })).errno).toBe('EINVAL');
  });

  it('tcpmss needs -p tcp; an unknown string algorithm does not exist', () => {
    expect(add({ kind: 'tcpmss', min: 1, max: 2, inv: false }).errno).toBe('EINVAL');
    expect(add({ kind: 'tcpmss', min: 1, max: 2, inv: false }, 6).ok).toBe(true);
    expect(add({ kind: 'string', pattern: [0x41], algo: 'foo', from: 0, to: 65535, icase: false, inv: false }).errno).toBe('ENOENT');
  });
});
