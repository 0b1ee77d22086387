import { describe, expect, it } from 'vitest';
import { compare, parseFigure, record, rowKey } from '../../../bench/results';

const row = (name: string, median: string) => ({ name, median, p95: '', target: '', result: '' });

describe('bench results file', () => {
  it('reads the figures the table prints', () => {
    expect(parseFigure('377 ms')).toEqual({ value: 377, unit: 'ms' });
    expect(parseFigure('2.56x')).toEqual({ value: 2.56, unit: 'x' });
    expect(parseFigure('299.1 KB')).toEqual({ value: 299.1, unit: 'KB' });
    expect(parseFigure('3.67 MB')).toEqual({ value: 3.67, unit: 'MB' });
    expect(parseFigure('-')).toEqual({ value: null, unit: '' });
  });

  it('compares rows by name without their per-run details', () => {
    expect(rowKey('shell: for loop (sim 12 ms, bash 20 ms)')).toBe('shell: for loop');
    const before = record([row('shell: loop (sim 10 ms, bash 20 ms)', '0.50x'), row('boot', '20 ms'), row('size', '299.1 KB'), row('gone', '1 ms')], 'm', 0);
    const after = record([row('shell: loop (sim 13 ms, bash 20 ms)', '0.65x'), row('boot', '22 ms'), row('size', '200.0 KB')], 'm', 0);
    expect(compare(before, after)).toEqual([
      'SLOWER/LARGER  shell: loop: 0.50x -> 0.65x (+30%)',
      'faster/smaller  size: 299.1 KB -> 200.0 KB (-33%)',
      'missing now  gone (was 1 ms)',
    ]);
  });
});
