// Regular expressions outside grep and sed (awk, expr, find, csplit, nl, tac) run through
// lib/safe-regex.ts: patterns a backtracking engine takes exponential time on finish at once,
// and matches are POSIX's leftmost-longest ones. A test here that backtracked would not end
// within vitest's time limit.
import { describe, expect, it } from 'vitest';
import { parsePosix } from '../../../src/programs/lib/posix-regex';
import { Nfa, nestedRepetition } from '../../../src/programs/lib/regex-nfa';
import { SafeRegExp } from '../../../src/programs/lib/safe-regex';
import { newMachine, run, sh } from './helpers';

const LONG = 'a'.repeat(5000);

function span(source: string, s: string, flags = ''): [number, number] | null {
  const m = new SafeRegExp(source, flags).exec(s);
  return m && [m.index, m.end];
}

describe('the NFA without groups', () => {
  it('agrees with exec() on span, test and longestEnd', () => {
    const patterns = ['a|ab|abc', '(a|ab)(c|bcd)', 'a?(ab)?', '(a*)*b', '^a|b$', '(ab|a)*b?', 'x*', '\\<a+\\>', '(.?a)+$', 'b{1,2}(ab)*'];
    const texts = ['', 'a', 'ab', 'abcd', 'xabab', 'bab a', 'aab aa', 'babba'];
    for (const p of patterns) {
      const t = parsePosix(p, { extended: true, flavor: 'sed' });
      const nfa = Nfa.compile(t.ast, t.groups, {})!;
      for (const s of texts) {
        for (let from = 0; from <= s.length; from++) {
          const m = nfa.exec(s, from);
          expect(nfa.span(s, from), `${p} ${s} ${from}`).toEqual(m && [m.index, m.end]);
          expect(nfa.test(s, from)).toBe(m !== null);
          expect(nfa.longestEnd(s, from)).toBe(nfa.exec(s, from, from)?.end ?? -1);
        }
      }
    }
  });

  it('leaves repetitions that cannot give back characters to RegExp', () => {
    const risky = (p: string): boolean => nestedRepetition(parsePosix(p, { extended: true, flavor: 'sed' }).ast);
    expect(risky('^[0-9]+ +foo +bar')).toBe(false);
    expect(risky('a+b+c+d+')).toBe(false);
    expect(risky('.*a.*b.*c')).toBe(true);
    expect(risky('a*a*a*')).toBe(true);
    expect(risky('[0-9]+[0-9a-f]+[a-z]+x')).toBe(true);
  });

  it('matches characters above 255 with the 257th entry of a set', () => {
    expect(span('(?:.|\\xe9)*x', 'a€éx', 's')).toEqual([0, 4]);
    expect(span('(?:[^a]|b)+', 'a€€b', 's')).toEqual([1, 4]);
  });
});

describe('SafeRegExp', () => {
  it('finds the longest of alternatives at the leftmost start', () => {
    expect(span('a|ab|abc', 'xabcd')).toEqual([1, 4]);
    expect(span('x(a|ab)', 'xab')).toEqual([0, 3]);
    expect(span('(?:a|ab)(?:c|bcd)', 'abcd')).toEqual([0, 4]);
    // a repetition of more than one character: RegExp's greedy choice stops short
    expect(span('a?(?:ab)?', 'ab')).toEqual([0, 2]);
    expect(span('a|b', 'cba')).toEqual([1, 2]);
  });

  it('tries top-level alternatives one by one, the NFA only for the rest', () => {
    const re = new SafeRegExp('fo+|ba.|b');
    expect(re.plain).toBe(false);
    expect(re.linear).toBe(false);
    expect(span('b|ba.|fo+', 'xbaz')).toEqual([1, 4]);
    expect(re.matchAt('xbaz', 1)).toBe(4);
    expect(re.matchAt('xbaz', 0)).toBe(-1);
    expect(new SafeRegExp('a|b').plain).toBe(true);
    expect(new SafeRegExp('[0-9]+ +x').plain).toBe(true);
  });

  it('gives the groups of the longest match', () => {
    expect(new SafeRegExp('(a|ab)(c|bcd)').exec('abcd')?.groups).toEqual(['a', 'bcd']);
    const m = new SafeRegExp('x(a|ab)(c?)').exec('xab');
    expect(m?.groups).toEqual(['ab', '']);
    expect(m?.starts).toEqual([1, 3]);
  });

  it('runs runaway patterns on the linear engine', () => {
    for (const p of ['(a*)*b', '(a|aa)*c', '(?:a+)+$x', '(.*)*x', '.*a.*b.*c']) {
      const re = new SafeRegExp(p, 's');
      expect(re.linear).toBe(true);
      expect(re.test(LONG)).toBe(false);
      expect(re.exec(LONG)).toBeNull();
    }
    expect(span('(a|aa)*c', `${LONG}c`)).toEqual([0, 5001]);
    expect(new SafeRegExp('[a-z]+@[a-z]+').linear).toBe(false);
  });

  it('reads the translators’ escapes and assertions', () => {
    expect(span('\\b(?=\\w)foo(?:a|ab)*', 'a fooab')).toEqual([2, 7]);
    expect(span('(?<![^])(?:a|ab)*(?![^])', 'abab')).toEqual([0, 4]);
    expect(span('\\x41(?:b|bc)*', 'xAbcb', 'i')).toEqual([1, 5]);
    expect(span('[^]*(?:a|ab)', 'é ab')).toEqual([0, 4]);
    expect(span('(?:.|é)*x', 'ééx€x', 's')).toEqual([0, 5]);
  });
});

describe('programs on runaway patterns', () => {
  it('awk: match, ~, sub, gsub, split, FS and RS', async () => {
    const m = newMachine({ long: `${LONG}\n` });
    const script = [
      '{ print match($0, /(a*)*b/), RSTART, RLENGTH }',
      '{ print ($0 ~ /(a|aa)*c/) }',
      '{ s = $0; print gsub(/(a|aa)*c/, "x", s), sub(/(a*)*b/, "y", s) }',
      '{ print split($0, p, /(a*)*b/) }',
      '{ print match($0, /(a|aa)+$/), RLENGTH }',
    ].join('\n');
    const r = await run(m, ['awk', script, 'long']);
    expect(r.stdout).toBe('0 0 -1\n0\n0 0\n1\n1 5000\n');
    const f = await run(m, ['awk', '-F', '(a*)*b', '{ print NF }', 'long']);
    expect(f.stdout).toBe('1\n');
    const rs = await run(m, ['awk', 'BEGIN { RS = "(a|aa)*b" } END { print NR }', 'long']);
    expect(rs.stdout).toBe('1\n');
  });

  it('expr, find, csplit, nl and tac', async () => {
    const m = newMachine({ long: `${LONG}\n` });
    const e = await run(m, ['expr', LONG, ':', '\\(a*\\)*b']);
    expect(e.stdout).toBe('\n');
    const g = await run(m, ['expr', LONG, ':', '\\(a\\|aa\\)*']);
    expect(g.stdout).toBe('a\n');
    const name = 'a'.repeat(250);
    const f = await sh(m, `touch ${name}; find . -regex '.*/\\(a*\\)*b'; find . -regextype posix-extended -regex '\\./(a|aa)+' | wc -l`);
    expect(f.stdout).toBe('1\n');
    const c = await sh(m, "csplit -s long '/\\(a*\\)*b/' 2>&1; echo $?");
    expect(c.stdout).toContain('1\n');
    const n = await sh(m, "nl -b p'\\(a*\\)*b' long | cut -c1-8");
    expect(n.stdout).toBe('       a\n');
    const t = await sh(m, "tac -r -s '\\(a*\\)*b' long | wc -c");
    expect(t.stdout).toBe('5001\n');
  });
});
