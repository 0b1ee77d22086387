// Counters read as sscanf("%llu") reads them and printed as xtables_print_num prints them.
import { describe, expect, it } from 'vitest';
import { printNum } from '../../../src/programs/netfilter/list';
import { scanU64, u64Text } from '../../../src/programs/netfilter/u64';

describe('u64 counters', () => {
  it.each([
    ['5', 5], [' +7', 7], ['010', 10], ['0x10', 0], ['7abc', 7], ['abc', null],
    ['-1', 2 ** 64], ['18446744073709551616', 2 ** 64], ['-0', 0],
  ])('%s reads as %s', (text, value) => {
    expect(scanU64(text)).toBe(value);
  });

  it('prints the largest counter exactly and wraps its rounding', () => {
    const max = scanU64('18446744073709551615')!;
    expect(u64Text(max)).toBe('18446744073709551615');
    const f = { numeric: true, verbose: true, expanded: false, lineNumbers: false };
    expect(printNum(max, f)).toBe('   0K ');
    expect(printNum(99999, f)).toBe('99999 ');
    expect(printNum(100000, f)).toBe(' 100K ');
    expect(printNum(9999500, f)).toBe('  10M ');
    expect(printNum(max, { ...f, expanded: true })).toBe('18446744073709551615 ');
  });
});
