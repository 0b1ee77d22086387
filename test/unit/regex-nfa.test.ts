import { describe, expect, it } from 'vitest';
import { parsePosix } from '../../src/programs/lib/posix-regex';
import { PosixRegExp } from '../../src/programs/lib/posix-match';
import { Nfa, nestedRepetition } from '../../src/programs/lib/regex-nfa';

function nfa(pattern: string, ere = true, env: { eol?: number; icase?: boolean } = {}): Nfa {
  const r = parsePosix(pattern, { extended: ere, flavor: 'grep', icase: env.icase, eol: env.eol });
  const n = Nfa.compile(r.ast, r.groups, env);
  if (!n) throw new Error('too big');
  return n;
}
const span = (p: string, s: string, from = 0): number[] | null => {
  const m = nfa(p).exec(s, from);
  return m ? [m.index, m.end, ...m.caps] : null;
};

describe('the NFA regex engine', () => {
  it('finds the leftmost match, and the longest one from there', () => {
    expect(span('a|ab|abc', 'xxabcd')).toEqual([2, 5]);
    expect(span('abcd|b', 'abcd')).toEqual([0, 4]);
    expect(span('b+', 'abbbc')).toEqual([1, 4]);
    expect(span('a{2,3}', 'aaaa')).toEqual([0, 3]);
    expect(span('x*', 'abc', 1)).toEqual([1, 1]);
    expect(span('z', 'abc')).toBeNull();
  });

  it('keeps groups of the first, greedy path to that match', () => {
    expect(span('(a*)*b', 'aaab')).toEqual([0, 4, 0, 3]);
    expect(span('(a)|(b)', 'b')).toEqual([0, 1, -1, -1, 0, 1]);
  });

  it('anchors and word assertions', () => {
    expect(span('^b', 'ab')).toBeNull();
    expect(span('b$', 'abb')).toEqual([2, 3]);
    expect(span('\\<is\\>', 'this is')).toEqual([5, 7]);
    expect(span('\\bis', 'this is')).toEqual([5, 7]);
    // grep's line terminator: ^ and $ also match next to it
    expect(nfa('^b$', true, { eol: 10 }).exec('a\nb\nc')?.index).toBe(2);
  });

  it('ignores case when asked', () => {
    expect(nfa('ab+', true, { icase: true }).exec('xABBb')?.end).toBe(5);
  });

  it('runs patterns that make a backtracking engine take exponential time', () => {
    const line = 'a'.repeat(20_000);
    expect(nfa('(a*)*b').exec(line)).toBeNull();
    expect(nfa('(a|aa)+$').exec(`${line}!`)).toBeNull();
    expect(nfa('(.*)*x').exec(line)).toBeNull();
    expect(nfa('(a+)+').exec(line)?.end).toBe(20_000);
  });

  it('tells which patterns need it', () => {
    expect(nestedRepetition(parsePosix('(a*)*b', { extended: true, flavor: 'grep' }).ast)).toBe(true);
    expect(nestedRepetition(parsePosix('(ab|cd)+', { extended: true, flavor: 'grep' }).ast)).toBe(true);
    expect(nestedRepetition(parsePosix('.*a.*b.*c', { extended: true, flavor: 'grep' }).ast)).toBe(true);
    expect(nestedRepetition(parsePosix('[a-z]+@[a-z]+\\.com', { extended: true, flavor: 'grep' }).ast)).toBe(false);
    expect(nestedRepetition(parsePosix('^(GET|POST) /', { extended: true, flavor: 'grep' }).ast)).toBe(false);
  });

  it('leaves a program that would be too big to RegExp', () => {
    const r = parsePosix('((a{1,200}){1,200}){1,200}', { extended: true, flavor: 'grep' });
    expect(Nfa.compile(r.ast, r.groups, {})).toBeUndefined();
  });

  it('agrees with RegExp and the longest-end search on random patterns (seeded)', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const atom = (d: number): string => {
      const k = rnd(d > 2 ? 5 : 8);
      if (k === 5 || k === 6) return `(${expr(d + 1)})`;
      if (k === 7) return `(${expr(d + 1)}|${expr(d + 1)})`;
      return ['a', 'b', '.', '[ab]', 'c'][k]!;
    };
    const piece = (d: number): string => atom(d) + ['', '', '*', '+', '?', '{1,2}'][rnd(6)];
    const expr = (d: number): string => {
      let s = '';
      for (let k = 1 + rnd(3); k > 0; k--) s += piece(d);
      return s;
    };
    let checked = 0;
    for (let t = 0; t < 600; t++) {
      const p = (rnd(5) === 0 ? '^' : '') + expr(0) + (rnd(5) === 0 ? '$' : '');
      const parsed = parsePosix(p, { extended: true, flavor: 'grep' });
      if (nestedRepetition(parsed.ast)) continue; // RegExp could take too long on those
      const ref = new PosixRegExp(parsed, {});
      const mine = Nfa.compile(parsed.ast, parsed.groups, {})!;
      for (let k = 0; k < 6; k++) {
        let s = '';
        for (let n = rnd(9); n > 0; n--) s += 'abc'[rnd(3)];
        const want = ref.exec(s);
        const got = mine.exec(s);
        expect(got && [got.index, got.end], `${p} on ${s}`).toEqual(want && [want.index, want.end]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
