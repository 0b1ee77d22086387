import { describe, expect, it } from 'vitest';
import { formatFloat, strtold, type Real } from '../../../src/programs/lib/cfloat';
import { ldAdd, ldCmp, ldFromInt, ldMul } from '../../../src/programs/lib/long-double';

const ld = (s: string): Real => strtold(s).value;
const f0 = (r: Real): string => formatFloat(r, { flags: '', width: 0, prec: 0, conv: 'f' });

describe('long double arithmetic', () => {
  it('keeps integers up to 2^64 exact', () => {
    expect(f0(ldAdd(ld('1e18'), ldFromInt(2n)))).toBe('1000000000000000002');
    expect(f0(ldAdd(ld('18446744073709551614'), ldFromInt(1n)))).toBe('18446744073709551615');
  });
  it('rounds sums to a 64-bit mantissa, half to even', () => {
    // at 1e20 the spacing is 8: +4 is a tie that stays on the even mantissa
    expect(ldCmp(ldAdd(ld('1e20'), ldFromInt(4n)), ld('1e20'))).toBe(0);
    expect(ldCmp(ldAdd(ld('1e20'), ldFromInt(5n)), ld('1e20'))).toBe(1);
  });
  it('multiplies and compares beyond the range of a double', () => {
    const big = ld('1e400');
    expect(big.kind).toBe('finite');
    expect(ldCmp(ldMul(big, ldFromInt(2n)), big)).toBe(1);
    expect(ldCmp(ldMul(big, ldFromInt(-1n)), ldFromInt(0n))).toBe(-1);
    expect(ldMul(ld('1e4000'), ld('1e4000')).kind).toBe('inf');
  });
  it('follows IEEE rules for infinities and NaN', () => {
    expect(ldAdd(ld('inf'), ld('-inf')).kind).toBe('nan');
    expect(ldCmp(ld('nan'), ldFromInt(1n))).toBeUndefined();
    expect(ldCmp(ld('-inf'), ld('-1e4000'))).toBe(-1);
  });
});
