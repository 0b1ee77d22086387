// The parsing rules ip shares with the kernel side: iproute2's legacy IPv4 forms and
// prefixes, strtoul numbers, keyword abbreviations, and inet_ntop's IPv6 text.
import { describe, expect, it } from 'vitest';
import { canonical, formatAddr, parseIPv6 } from '../../../src/shared/services/net-addr';
import { getPrefix1, prefixText } from '../../../src/programs/iproute/ip-inet';
import { AF, getInteger, getUnsigned, matches } from '../../../src/programs/iproute/ip-util';

describe('get_prefix_1', () => {
  it.each([
    ['192.168.1.10/24', AF.UNSPEC, '192.168.1.10', 24],
    ['10.8/16', AF.UNSPEC, '10.8.0.0', 16],
    ['010.0.0.1/255.255.0.0', AF.UNSPEC, '8.0.0.1', 16],
    ['0x0a.1.2.3', AF.UNSPEC, '10.1.2.3', 32],
    ['2001:DB8:0::1/64', AF.UNSPEC, '2001:db8::1', 64],
    ['default', AF.INET6, '::', 0],
    ['0/0', AF.UNSPEC, '0.0.0.0', 0],
    ['1.2.3', AF.UNSPEC, '1.2.3.0', 32],
  ])('%s is %s/%i', (arg, family, text, bits) => {
    const p = getPrefix1(arg, family);
    expect(p && [prefixText(p), p.bitlen]).toEqual([text, bits]);
  });

  it.each(['192.168.1.300/24', '1.2.3.4/33', '1.2.3.4/', '1.2.3.4.5', '10.20.30.40/255.0.255.0', 'default/8', '1.2.3.4x', 'fe80::1::2'])('refuses %s', (arg) => {
    expect(getPrefix1(arg, AF.UNSPEC)).toBeNull();
  });

  it('keeps a family given with -4 or -6', () => {
    expect(getPrefix1('::1', AF.INET)).toBeNull();
    expect(getPrefix1('1.2.3.4', AF.INET6)).toBeNull();
  });
});

describe('numbers and keywords', () => {
  it.each([
    ['1400', 1400], ['0x10', 16], ['010', 8], ['-0', 0], ['4294967295', 4294967295], ['4294967296', null], ['-1', null], ['12a', null], ['', null],
  ])('get_unsigned(%j) = %j', (s, v) => expect(getUnsigned(s)).toBe(v));

  it.each([['-5', -5], ['2147483648', null], ['+7', 7]])('get_integer(%j) = %j', (s, v) => expect(getInteger(s)).toBe(v));

  it.each([
    ['a', 'address', true], ['addr', 'address', true], ['addresses', 'address', false], ['', 'address', false], ['r', 'route', true],
  ])('matches(%j, %j) is %j', (w, k, v) => expect(matches(w, k)).toBe(v));
});

describe('inet_ntop', () => {
  it.each([
    ['fe80:0:0:0:250:56ff:fe8a:3c01', 'fe80::250:56ff:fe8a:3c01'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:db8:0:1:0:0:0:0', '2001:db8:0:1::'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['1:0:2:0:3:0:4:0', '1:0:2:0:3:0:4:0'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
  ])('%s prints as %s', (input, out) => {
    expect(formatAddr(parseIPv6(input)!)).toBe(out);
    expect(canonical(input)).toBe(out);
  });
});
