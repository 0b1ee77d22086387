import { describe, expect, it } from 'vitest';
import { add, div, format, isqrt, mod, mul, parseNumber, pow, sqrt } from '../../../src/programs/bc/number';
import { mathFunction } from '../../../src/programs/bc/mathlib';

const n = (t: string) => (t.startsWith('-') ? { ...parseNumber(t.slice(1), 10), n: -parseNumber(t.slice(1), 10).n } : parseNumber(t, 10));
const f = (x: ReturnType<typeof n>) => format(x, 10);

describe("bc's numbers", () => {
  it('pick the scale of each result as GNU bc does, and truncate', () => {
    expect(f(add(n('1.5'), n('2.25')))).toBe('3.75');
    expect(f(mul(n('1.55'), n('1.55'), 3))).toBe('2.402');
    expect(f(mul(n('0.5'), n('2'), 3))).toBe('1.0');
    expect(f(div(n('1'), n('3'), 3))).toBe('.333');
    expect(f(div(n('-1'), n('3'), 2))).toBe('-.33');
    expect(f(mod(n('7'), n('3'), 2))).toBe('.01');
    expect(f(mod(n('5.5'), n('2'), 2))).toBe('0');
    expect(f(pow(n('1.5'), n('2'), 3))).toBe('2.25');
    expect(f(pow(n('2'), n('-2'), 3))).toBe('.250');
    expect(f(sqrt(n('2'), 3))).toBe('1.414');
    expect(f(sqrt(n('1'), 3))).toBe('1');
  });

  it('print in other bases and read in them', () => {
    expect(format(n('255'), 16)).toBe('FF');
    expect(format(n('10.5'), 16)).toBe('A.8');
    expect(format(n('12345'), 20)).toBe(' 01 10 17 05');
    expect(format(n('12345.5'), 20)).toBe(' 01 10 17 05.10');
    expect(format(n('0.5'), 30)).toBe('.15');
    expect(format(n('0.5'), 16)).toBe('.8');
    expect(f(parseNumber('FF', 16))).toBe('255');
    expect(f(parseNumber('A', 10))).toBe('10');
  });

  it('take integer square roots exactly, large ones included', () => {
    const big = 10n ** 80n + 12345n;
    const r = isqrt(big);
    expect(r * r <= big && (r + 1n) * (r + 1n) > big).toBe(true);
  });

  it('give the -l functions to the last digit bc prints', () => {
    expect(f(mathFunction('a', [n('1')], 20))).toBe('.78539816339744830961');
    expect(f(mathFunction('s', [n('1')], 20))).toBe('.84147098480789650665');
    expect(f(mathFunction('c', [n('1')], 20))).toBe('.54030230586813971740');
    expect(f(mathFunction('l', [n('2')], 20))).toBe('.69314718055994530941');
    expect(f(mathFunction('e', [n('1')], 20))).toBe('2.71828182845904523536');
    expect(f(mathFunction('j', [n('1'), n('1')], 20))).toBe('.44005058574493351595');
  });
});
