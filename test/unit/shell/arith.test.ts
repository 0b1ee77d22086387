import { describe, expect, it } from 'vitest';
import { ArithError, evaluate } from '../../../src/programs/shell/arith';

function env(vars: Record<string, string> = {}) {
  const m = new Map(Object.entries(vars));
  return { get: (n: string) => m.get(n), set: (n: string, v: string) => void m.set(n, v), vars: m };
}

describe('shell arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7n],
    ['(1 + 2) * 3', 9n],
    ['2 ** 3 ** 2', 512n],
    ['7 / 2', 3n],
    ['-7 / 2', -3n],
    ['-7 % 3', -1n],
    ['1 << 4 | 1', 17n],
    ['5 > 3 && 2 > 1', 1n],
    ['0 || 0', 0n],
    ['!0', 1n],
    ['~5', -6n],
    ['0x1f + 010 + 2#101', 31n + 8n + 5n],
    ['1 ? 10 : 20', 10n],
    ['1, 2, 3', 3n],
    ['9223372036854775807 + 1', -9223372036854775808n],
  ])('%s = %s', (expr, want) => {
    expect(evaluate(expr, env())).toBe(want);
  });

  it('reads variables recursively and assigns', () => {
    const e = env({ a: '3', b: 'a * 2' });
    expect(evaluate('b + 1', e)).toBe(7n);
    expect(evaluate('c = a += 2', e)).toBe(5n);
    expect(e.vars.get('a')).toBe('5');
    expect(e.vars.get('c')).toBe('5');
    expect(evaluate('a++ + ++a', e)).toBe(5n + 7n);
  });

  it('does not evaluate the untaken side of && and ?:', () => {
    const e = env({ x: '0' });
    expect(evaluate('0 && (x = 1)', e)).toBe(0n);
    expect(evaluate('1 ? 2 : (x = 5)', e)).toBe(2n);
    expect(e.vars.get('x')).toBe('0');
    expect(evaluate('0 && 1 / 0', e)).toBe(0n);
  });

  it('reports errors with the error token as bash does', () => {
    expect(() => evaluate('1 / 0', env())).toThrow(ArithError);
    expect(() => evaluate('1 / 0', env())).toThrow(/division by 0/);
    expect(() => evaluate('2 +', env())).toThrow(/operand expected/);
    expect(() => evaluate('08', env())).toThrow(/value too great for base/);
  });
});
