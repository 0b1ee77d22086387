// The program-side pieces of iptables: C number parsing, address parsing and printing,
// getopt_long with abbreviations, ICMP type names, limit rates and save quoting.
import { describe, expect, it } from 'vitest';
import { saveString } from '../../../src/programs/netfilter/ext/common';
import { nftLimitAvg } from '../../../src/programs/netfilter/ext/comment-limit';
import { ICMP_CODES, parseIcmpType } from '../../../src/programs/netfilter/ext/icmp';
import { XtError } from '../../../src/programs/netfilter/errors';
import { formatV6, maskSuffix, parseAddrList, parseV6Text } from '../../../src/programs/netfilter/ip-parse';
import { NetDb } from '../../../src/programs/netfilter/netdb';
import { strtouiWhole } from '../../../src/programs/netfilter/strtoul';
import { XtGetopt, type LongOpt } from '../../../src/programs/netfilter/xt-getopt';

const db = NetDb.fromText(null, null, '127.0.0.1 localhost.localdomain\n127.0.0.1 localhost\n10.9.8.7 db db.example\n::1 ipv6-localhost\n', 'loopback 127.0.0.0\n');

describe('strtoui', () => {
  const cases: [string, number | null][] = [
    ['22', 22],
    ['0x16', 22],
    ['026', 22],
    [' 22', 22],
    ['+22', 22],
    ['-1', null],
    ['22x', null],
    ['', null],
    ['65536', null],
  ];
  for (const [s, want] of cases) it(JSON.stringify(s), () => expect(strtouiWhole(s, 0, 65535)).toBe(want));
});

describe('address lists', () => {
  const cases: [string, string[]][] = [
    ['10.1.2.3/24', ['10.1.2.0/255.255.255.0']],
    ['10/8', ['10.0.0.0/255.0.0.0']],
    ['1.2.3', ['1.2.3.0/255.255.255.255']],
    ['0x0a.1', ['10.1.0.0/255.255.255.255']],
    ['192.168.1.77/255.255.0.255', ['192.168.0.77/255.255.0.255']],
    ['anything/0', ['0.0.0.0/0.0.0.0']],
    ['localhost', ['127.0.0.1/255.255.255.255']],
    ['db,1.1.1.1', ['10.9.8.7/255.255.255.255', '1.1.1.1/255.255.255.255']],
    ['loopback/8', ['127.0.0.0/255.0.0.0']],
  ];
  for (const [spec, want] of cases) {
    it(spec, () => expect(parseAddrList('ipv4', spec, db).map((a) => `${a.addr}/${a.mask}`)).toEqual(want));
  }

  const errors: [string, string][] = [
    ['300.1.1.1', "host/network `300.1.1.1' not found"],
    ['1.2.3.4/33', "invalid mask `33' specified"],
    ['nosuch', "host/network `nosuch' not found"],
  ];
  for (const [spec, msg] of errors) {
    it(`${spec} fails`, () => {
      expect(() => parseAddrList('ipv4', spec, db)).toThrow(XtError);
      expect(() => parseAddrList('ipv4', spec, db)).toThrow(msg);
    });
  }

  it('parses and masks IPv6', () => {
    expect(parseAddrList('ipv6', '2001:DB8:0:0:1::7/64', db)).toEqual([{ addr: '2001:db8::', mask: 'ffff:ffff:ffff:ffff::' }]);
    expect(parseAddrList('ipv6', 'ipv6-localhost', db)).toEqual([{ addr: '::1', mask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' }]);
  });

  it('prints masks as iptables does', () => {
    expect(maskSuffix('ipv4', '255.255.255.255')).toBe('');
    expect(maskSuffix('ipv4', '255.255.0.0')).toBe('/16');
    expect(maskSuffix('ipv4', '255.0.255.0')).toBe('/255.0.255.0');
    expect(maskSuffix('ipv6', 'ffff:ffff::')).toBe('/32');
  });

  const v6: [string, string][] = [
    ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['fe80::', 'fe80::'],
  ];
  for (const [text, want] of v6) it(`inet_ntop ${text}`, () => expect(formatV6(parseV6Text(text)!)).toBe(want));
});

describe('getopt_long as iptables uses it', () => {
  const longs: LongOpt[] = [
    { name: 'delete', hasArg: 1, val: 'D' },
    { name: 'delete-chain', hasArg: 2, val: 'X' },
    { name: 'dport', hasArg: 1, val: 'tcp:1' },
    { name: 'destination-port', hasArg: 1, val: 'tcp:1' },
  ];
  const run = (argv: string[]): string[] => {
    const g = new XtGetopt(['iptables', ...argv], '-:D:X::L::n');
    const out: string[] = [];
    for (let r = g.next(longs); r !== null; r = g.next(longs)) out.push(`${String(r.c)}=${r.optarg ?? ''}`);
    return out;
  };
  it('takes unique prefixes and exact names', () => expect(run(['--delete-c', 'X', '--delete', 'INPUT'])).toEqual(['X=', '1=X', 'D=INPUT']));
  it('returns ? for an ambiguous prefix', () => expect(run(['--del', 'INPUT'])).toEqual(['?=', '1=INPUT']));
  it('takes a prefix that only one option has', () => expect(run(['--dp', '22'])).toEqual(['tcp:1=22']));
  it('treats synonyms of one option as one', () => {
    const g = new XtGetopt(['iptables', '--sp', '1'], '-:');
    expect(g.next([{ name: 'sport', hasArg: 1, val: 'tcp:0' }, { name: 'sports', hasArg: 1, val: 'tcp:0' }])).toEqual({ c: 'tcp:0', optarg: '1' });
  });
  it('reads optional arguments only when attached', () => expect(run(['-Ln', '-L', 'INPUT'])).toEqual(['L=n', 'L=', '1=INPUT']));
  it('reports a missing argument as :', () => expect(run(['-D'])).toEqual([':=']));
});

describe('ICMP types', () => {
  it('accepts unique prefixes in any case', () => expect(parseIcmpType(ICMP_CODES, 'ICMP', 'ECHO-REQ')).toEqual({ type: 8, codeMin: 0, codeMax: 255 }));
  it('reads type/code', () => expect(parseIcmpType(ICMP_CODES, 'ICMP', '3/4')).toEqual({ type: 3, codeMin: 4, codeMax: 4 }));
  it('refuses ambiguous names', () => expect(() => parseIcmpType(ICMP_CODES, 'ICMP', 'echo')).toThrow("Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?"));
});

describe('limit rates after the nft round trip', () => {
  const cases: [number, number][] = [
    [10000, 10000],
    [600000 / 7, 85714],
    [12000000, 12000000],
  ];
  for (const [avg, want] of cases) it(String(avg), () => expect(nftLimitAvg(Math.floor(avg))).toBe(want));
});

describe('save quoting', () => {
  const cases: [string, string][] = [
    ['plain_word-1', ' plain_word-1'],
    ['a b', ' "a b"'],
    ['it\'s "x"\\', ' "it\\\'s \\"x\\"\\\\"'],
    ['', ' ""'],
  ];
  for (const [v, want] of cases) it(JSON.stringify(v), () => expect(saveString(v)).toBe(want));
});
