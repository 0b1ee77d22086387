// The metadata matches (u32, bpf, cpu, realm, devgroup, policy, connbytes, cluster, socket,
// rpfilter): their parsers and printers, the kernel's checks and the engine's decisions.
import { beforeAll, describe, expect, it } from 'vitest';
import { XtError } from '../../../src/programs/netfilter/errors';
import { parseRange } from '../../../src/programs/netfilter/ext/common';
import { parseValMask, valMask } from '../../../src/programs/netfilter/ext/meta';
import { dumpU32, parseBpf, parseU32 } from '../../../src/programs/netfilter/ext/u32-bpf';
import { parseLmap } from '../../../src/programs/netfilter/netdb';
import type { NfAction, NfMatch, NfPacket } from '../../../src/shared/services/netfilter';
import { bpfValid, packetBytes, runBpf, u32Matches } from '../../../src/subsystems/netfilter/match-meta';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { loadMetaMatches } from '../../../src/subsystems/netfilter/match';
import { rule } from './fixtures';

const msg = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof XtError) return e.message;
    throw e;
  }
  return '';
};

describe('u32 test language', () => {
  it('normalises to hex like the real save form', () => {
    expect(dumpU32(parseU32('0>>22&0x3C@0>>16=80'))).toBe(' "0x0>>0x16&0x3c@0x0>>0x10=0x50"');
    expect(dumpU32(parseU32('  0 >> 22 & 0x3C @ 12 = 1 : 2 '))).toBe(' "0x0>>0x16&0x3c@0xc=0x1:0x2"');
    expect(dumpU32(parseU32('6&0xFF=6 && 0=0x29:0x30,7'))).toBe(' "0x6&0xff=0x6&&0x0=0x29:0x30,0x7"');
  });
  const errors: [string, string][] = [
    ['', 'u32: abrupt end of input after location specifier'],
    ['0=', 'u32: test ended with no value specified'],
    ['0&', 'u32: at char 2: not a number or out of range'],
    ['0=1x', 'u32: at char 3: expected "," or "&&"'],
    ['0+1=1', 'u32: at char 1: operator expected'],
    ['0=1:2,3:4,5,6,7,8,9,10,11,12,13', 'u32: at char 31: too many ","s'],
    ['0@1@2@3@4@5@6@7@8@9@10@11=1', 'u32: at char 22: too many operators'],
    ['0=1&&2=1&&3=1&&4=1&&5=1&&6=1&&7=1&&8=1&&9=1&&10=1&&11=1', 'u32: at char 55: too many "&&"s'],
  ];
  for (const [spec, want] of errors) it(`refuses ${JSON.stringify(spec)}`, () => expect(msg(() => parseU32(spec))).toBe(want));

  it('reads the headers of a packet', () => {
    const p: NfPacket = { family: 'ipv4', hook: 'INPUT', src: '10.0.0.1', dst: '10.0.0.2', proto: 6, sport: 1234, dport: 80 };
    const m = (spec: string): Extract<NfMatch, { kind: 'u32' }> => ({ kind: 'u32', tests: parseU32(spec), inv: false });
    const b = packetBytes(p);
    expect(u32Matches(m('0>>22&0x3C@0&0xFFFF=80'), b)).toBe(true);
    expect(u32Matches(m('0>>22&0x3C@0&0xFFFF=81'), b)).toBe(false);
    expect(u32Matches(m('6&0xFF=6'), b)).toBe(true);
    expect(u32Matches(m('12=0x0a000001'), b)).toBe(true);
    expect(u32Matches(m('1000=0'), b)).toBe(false);
  });
});

describe('bpf bytecode', () => {
  it('parses like sscanf, wrapping each field', () => {
    expect(parseBpf('1,65542 256 0 -1')).toEqual([[6, 0, 0, 4294967295]]);
    expect(parseBpf('1,6 0 0 0,')).toEqual([[6, 0, 0, 0]]);
  });
  const errors: [string, string][] = [
    ['x', 'bpf: error parsing program length'],
    ['0,', 'bpf: illegal zero length program'],
    ['65,6 0 0 0', 'bpf: number of instructions exceeds maximum'],
    ['4,48 0 0 9', 'bpf: parsed program length is less than the encoded length parameter'],
    ['1,6 0 0 0,6 0 0 0', 'bpf: real program length exceeds the encoded length parameter'],
    ['2,6 0 0 0,x', 'bpf: error at instr 1'],
  ];
  for (const [spec, want] of errors) it(`refuses ${JSON.stringify(spec)}`, () => expect(msg(() => parseBpf(spec))).toBe(want));

  it('checks and runs programs', () => {
    const tcpOnly = parseBpf('4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0');
    expect(bpfValid(tcpOnly)).toBe(true);
    expect(bpfValid(parseBpf('1,48 0 0 9'))).toBe(false);
    expect(bpfValid(parseBpf('2,21 5 0 6,6 0 0 1'))).toBe(false);
    expect(bpfValid(parseBpf('1,999 0 0 0'))).toBe(false);
    const pkt = (proto: number): Uint8Array => packetBytes({ family: 'ipv4', hook: 'INPUT', src: '1.1.1.1', dst: '2.2.2.2', proto, sport: 1, dport: 2 });
    expect(runBpf(tcpOnly, pkt(6))).toBe(1);
    expect(runBpf(tcpOnly, pkt(17))).toBe(0);
  });
});

describe('value/mask options with name tables', () => {
  const realms = parseLmap('#\n0\tcosmos\n#1\tinr.ac\n0x10 ten # comment\n');
  it('reads iproute2 tables', () => expect(realms).toEqual([{ id: 0, name: 'cosmos' }, { id: 16, name: 'ten' }]));
  it('parses numbers, masks and names', () => {
    expect(parseValMask('realm', 'realm', '5', realms)).toEqual([5, 0xffffffff]);
    expect(parseValMask('realm', 'realm', '0x10/0xff', realms)).toEqual([16, 255]);
    expect(parseValMask('realm', 'realm', 'ten', realms)).toEqual([16, 0xffffffff]);
    expect(msg(() => parseValMask('realm', 'realm', '1/', realms))).toBe('realm: bad integer value for option "--realm", or out of range.\n');
    expect(msg(() => parseValMask('realm', 'realm', '1/2x', realms))).toBe('realm: trailing garbage after value for option "--realm".\n');
    expect(msg(() => parseValMask('realm', 'realm', '1x', realms))).toBe('realm: could not map name 1x to an integer value for option "--realm".\n');
  });
  it('prints names only for full masks', () => {
    expect(valMask(16, 0xffffffff, realms)).toBe('ten');
    expect(valMask(16, 0xffffffff, null)).toBe('0x10');
    expect(valMask(0, 0xff, realms)).toBe('0x0/0xff');
  });
});

describe('x6 ranges', () => {
  it('fills left-out halves', () => {
    expect(parseRange('c', 'r', ':5', 100n)).toEqual([0n, 5n]);
    expect(parseRange('c', 'r', '5:', 100n)).toEqual([5n, 100n]);
    expect(msg(() => parseRange('c', 'r', '1:2:3', 100n))).toBe('c: Too many components for option "--r" (max: 2)\n');
    expect(msg(() => parseRange('c', 'r', '1x', 100n))).toBe('c: Argument to "--r" has unexpected characters near "x".\n');
  });
});

describe('engine and kernel checks', () => {
  // the netfilter service loads these matches' chunk before its first batch (kernel/services.ts)
  beforeAll(() => loadMetaMatches());
  const A = (chain: string, matches: NfMatch[], table: 'filter' | 'raw' = 'filter'): NfAction => ({ op: 'append', table, chain, rule: rule({ matches, target: { kind: 'verdict', verdict: 'DROP' } }) });
  const pkt: NfPacket = { family: 'ipv4', hook: 'INPUT', inIface: 'eth0', src: '192.0.2.10', dst: '192.0.2.1', proto: 6, sport: 40000, dport: 22, tcpFlags: 2, length: 60 };
  const verdict = (matches: NfMatch[]): string => {
    const nf = new Netfilter();
    expect(nf.apply('ipv4', [A('INPUT', matches)]).ok).toBe(true);
    return nf.evaluate(pkt).verdict;
  };
  it('judges cpu, realm, devgroup and policy on this machine', () => {
    expect(verdict([{ kind: 'cpu', cpu: 0, inv: false }])).toBe('DROP');
    expect(verdict([{ kind: 'cpu', cpu: 1, inv: false }])).toBe('ACCEPT');
    expect(verdict([{ kind: 'realm', id: 0, mask: 0xffffffff, inv: false }])).toBe('DROP');
    expect(verdict([{ kind: 'devgroup', src: [1, 0xffffffff], srcInv: true, dstInv: false }])).toBe('DROP');
    expect(verdict([{ kind: 'policy', dir: 'in', none: true, strict: false, elems: [] }])).toBe('DROP');
    expect(verdict([{ kind: 'policy', dir: 'in', none: false, strict: false, elems: [{ inv: 0 }] }])).toBe('ACCEPT');
    expect(verdict([{ kind: 'connbytes', from: '0', to: '10', what: 'packets', dir: 'both' }])).toBe('DROP');
    expect(verdict([{ kind: 'connbytes', from: '5', to: '18446744073709551615', what: 'packets', dir: 'both' }])).toBe('ACCEPT');
  });
  it('refuses matches outside their hooks and tables', () => {
    const nf = new Netfilter();
    expect(nf.apply('ipv4', [A('OUTPUT', [{ kind: 'socket', flags: 0 }])]).ok).toBe(false);
    expect(nf.apply('ipv4', [A('INPUT', [{ kind: 'rpfilter', flags: 0 }])]).ok).toBe(false);
    expect(nf.apply('ipv4', [A('PREROUTING', [{ kind: 'rpfilter', flags: 0 }], 'raw')]).ok).toBe(true);
    expect(nf.apply('ipv4', [A('INPUT', [{ kind: 'policy', dir: 'out', none: true, strict: false, elems: [] }])]).ok).toBe(false);
    expect(nf.apply('ipv4', [A('OUTPUT', [{ kind: 'devgroup', src: [1, 1], srcInv: false, dstInv: false }])]).ok).toBe(false);
    expect(nf.apply('ipv4', [A('INPUT', [{ kind: 'bpf', prog: [[48, 0, 0, 9]] }])]).ok).toBe(false);
  });
});

describe('proxy and header targets on a machine', () => {
  it('TPROXY, SYNPROXY, NETMAP, ECN, TCPOPTSTRIP and HL list and save like iptables 1.8.9', async () => {
    const { runScript } = await import('../../integration/machine-helpers');
    const script = [
      'iptables -t mangle -F; iptables -t nat -F; iptables -F; iptables -P INPUT ACCEPT',
      'iptables -t mangle -A PREROUTING -p tcp --dport 80 -j TPROXY --on-port 3128 --tproxy-mark 0x1/0x1',
      'iptables -A INPUT -p tcp -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460',
      'iptables -t nat -A POSTROUTING -s 5.6.7.0/24 -j NETMAP --to 1.2.3.99/255.255.255.0',
      'iptables -t mangle -A POSTROUTING -p tcp -j ECN --ecn-tcp-remove',
      'iptables -t mangle -A POSTROUTING -p tcp -j TCPOPTSTRIP --strip-options mss,timestamp',
      'ip6tables -t mangle -A PREROUTING -j HL --hl-dec 1',
      'iptables -A INPUT -j SYNPROXY 2>&1; echo rc=$?',
      'iptables-save | grep -e "^-A" ; ip6tables -t mangle -S PREROUTING | grep HL',
      'iptables -t mangle -L POSTROUTING -n | tail -2',
    ].join('\n');
    const r = await runScript(script);
    expect(r.stdout).toBe(
      [
        'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT',
        'rc=4',
        '-A PREROUTING -p tcp -m tcp --dport 80 -j TPROXY --on-port 3128 --on-ip 0.0.0.0 --tproxy-mark 0x1/0x1',
        '-A POSTROUTING -p tcp -j ECN --ecn-tcp-remove',
        '-A POSTROUTING -p tcp -j TCPOPTSTRIP --strip-options 2,8',
        '-A INPUT -p tcp -j SYNPROXY --sack-perm --timestamp --wscale 7 --mss 1460',
        '-A POSTROUTING -s 5.6.7.0/24 -j NETMAP --to 1.2.3.0/24',
        '-A PREROUTING -j HL --hl-dec 1',
        'ECN        6    --  0.0.0.0/0            0.0.0.0/0            ECN TCP remove',
        'TCPOPTSTRIP  6    --  0.0.0.0/0            0.0.0.0/0            TCPOPTSTRIP options 2,8',
        '',
      ].join('\n'),
    );
  }, 60_000);
});

describe('ip6 extension headers and cgroup printing', async () => {
  const { fragFormat, ipv6headerFormat, mhFormat } = await import('../../../src/programs/netfilter/ext/ip6-ext');
  const { cgroupFormat } = await import('../../../src/programs/netfilter/ext/meta');
  const { NetDb } = await import('../../../src/programs/netfilter/netdb');
  const env = (numeric: boolean) => ({ family: 'ipv6' as const, numeric, proto: 0, db: NetDb.fromText(null, null, '') });
  it('prints frag ids, lengths and flags', () => {
    const m = { kind: 'frag' as const, ids: [0, 0xffffffff] as [number, number], idsInv: false, len: 0, lenInv: false, flags: 16 };
    expect(fragFormat.print(m, env(true))).toBe(' frag  last');
    expect(fragFormat.save({ ...m, ids: [1, 100], idsInv: true }, env(true))).toBe(' ! --fragid 1:100 --fraglast');
  });
  it('prints header sets and mobility types by name or number', () => {
    const h = { kind: 'ipv6header' as const, bits: 0xa0, inv: false, soft: true };
    expect(ipv6headerFormat.print(h, env(true))).toBe(' ipv6header flags:0xA0 soft');
    expect(ipv6headerFormat.print(h, env(false))).toBe(' ipv6header flags:hop-by-hop,ipv6-route soft');
    const mh = { kind: 'mh' as const, types: [5, 6] as [number, number], inv: true };
    expect(mhFormat.print(mh, env(false))).toBe(' mh !binding-update:binding-acknowledgement');
    expect(mhFormat.save(mh, env(false))).toBe(' ! --mh-type 5:6');
  });
  it('quotes cgroup paths when saving', () => {
    const c = { kind: 'cgroup' as const, path: '/', pathInv: true, classidInv: false };
    expect(cgroupFormat.print(c, env(true))).toBe(' cgroup ! /');
    expect(cgroupFormat.save(c, env(true))).toBe(' ! --path "/"');
  });
});
