// The POSIX regular expression library grep, sed (and awk) share: GNU's syntax for BRE and
// ERE, glibc's error messages, grep's dfa warnings, and leftmost-longest matches.
import { describe, expect, it } from 'vitest';
import { PosixRegExp } from '../../../src/programs/lib/posix-match';
import { parsePosix, RegexSyntaxError, type PosixOptions } from '../../../src/programs/lib/posix-regex';
import { binToBytes, bytesToBin, utf8ToBin, binToUtf8 } from '../../../src/programs/lib/binary-text';

const grepBre: PosixOptions = { extended: false, flavor: 'grep', eol: 10 };
const grepEre: PosixOptions = { extended: true, flavor: 'grep', eol: 10 };
const sedBre: PosixOptions = { extended: false, flavor: 'sed' };
const sedEre: PosixOptions = { extended: true, flavor: 'sed' };

function first(pattern: string, o: PosixOptions, s: string): string | null {
  const m = PosixRegExp.compile(pattern, o).exec(s, 0);
  return m ? s.slice(m.index, m.end) : null;
}

function error(pattern: string, o: PosixOptions): string {
  try {
    parsePosix(pattern, o);
    return '';
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
}

describe('POSIX regular expressions', () => {
  it.each([
    ['a\\{2\\}', grepBre, 'baaa', 'aa'],
    ['a\\+b', grepBre, 'xaab', 'aab'],
    ['a+b', grepBre, 'xa+b', 'a+b'],
    ['a\\|bc', grepBre, 'xbc', 'bc'],
    ['\\(ab\\)\\1', grepBre, 'xabab', 'abab'],
    ['[]a]*', grepBre, ']a]b', ']a]'],
    ['[^]a]', grepBre, ']ab', 'b'],
    ['[a-]', grepBre, 'x-', '-'],
    ['[[:digit:]]\\+', grepBre, 'ab123c', '123'],
    ['*a', grepBre, 'x*a', '*a'],
    ['^*a', grepBre, '*a', '*a'],
    ['a^b', grepBre, 'a^b', 'a^b'],
    ['a$b', grepBre, 'a$b', 'a$b'],
    ['\\<is\\>', grepBre, 'this is', 'is'],
    ['\\bis', grepBre, 'this is', 'is'],
    ['\\w\\+', grepBre, '  foo_1-', 'foo_1'],
    ['x*', grepBre, 'abc', ''],
    ['a|ab|abc', grepEre, 'abcd', 'abc'],
    ['(a|ab)(c|bcd)', grepEre, 'abcd', 'abcd'],
    ['a{1', grepEre, 'a{1', 'a{1'],
    ['a)', grepEre, 'a)', 'a)'],
    ['*a', grepEre, 'xa', 'a'],
    ['a{,2}b', grepEre, 'aaab', 'aab'],
    ['.', grepEre, '\n', null],
    ['[^a]', grepEre, '\n', null],
    ['.', sedEre, '\n', '\n'],
    ['a.c', sedBre, 'a\nc', 'a\nc'],
  ])('%s in %o on %j', (pattern, o, s, want) => {
    expect(first(pattern, o, s)).toBe(want);
  });

  it('gives glibc messages', () => {
    expect(error('a[', grepBre)).toBe('Invalid regular expression');
    expect(error('[a', grepBre)).toBe('Unmatched [, [^, [:, [., or [=');
    expect(error('\\(a', grepBre)).toBe('Unmatched ( or \\(');
    expect(error('a\\)', grepBre)).toBe('Unmatched ) or \\)');
    expect(error('a\\{1', grepBre)).toBe('Unmatched \\{');
    expect(error('a\\{2,1\\}', grepBre)).toBe('Invalid content of \\{\\}');
    expect(error('a{}', grepEre)).toBe('Invalid content of \\{\\}');
    expect(error('\\1', grepBre)).toBe('Invalid back reference');
    expect(error('a\\', grepBre)).toBe('Trailing backslash');
    expect(error('[[:foo:]]', grepBre)).toBe('Invalid character class name');
    expect(error('[b-a]', grepBre)).toBe('Invalid range end');
    expect(error('[a-z-9]', grepBre)).toBe('Invalid range end');
    expect(error('[[.ab.]]', grepBre)).toBe('Invalid collation character');
    expect(error('x\\{32768\\}', grepBre)).toBe('Regular expression too big');
    expect(error('[:space:]', grepBre)).toBe('character class syntax is [[:space:]], not [:space:]');
    // sed's syntax: repetition after repetition in BRE, and operators at the start of ERE
    expect(error('a**', sedBre)).toBe('Invalid preceding regular expression');
    expect(error('\\{1\\}', sedBre)).toBe('Invalid preceding regular expression');
    expect(error('*a', sedEre)).toBe('Invalid preceding regular expression');
    expect(error('a)', sedEre)).toBe('Unmatched ) or \\)');
    expect(error('a{1', sedEre)).toBe('Unmatched \\{');
  });

  it('warns of an operator at the start as grep does, and of no stray backslash', () => {
    const warnings: string[] = [];
    parsePosix('\\/x\\ y\\d\\]\\}\\.', { ...grepBre, warn: (w) => warnings.push(w) });
    parsePosix('+a|*b', { ...grepEre, warn: (w) => warnings.push(w) });
    parsePosix('\\{1\\}', { ...grepBre, warn: (w) => warnings.push(w) });
    expect(warnings).toEqual(['+ at start of expression', '* at start of expression']);
  });

  it('reports group texts, sed-style multiline anchors and case folding', () => {
    const re = PosixRegExp.compile('\\(a*\\)\\(b\\)\\?c', sedBre);
    expect(re.exec('xaac', 0)).toEqual({ index: 1, end: 4, groups: ['aa', undefined] });
    const m = PosixRegExp.compile('^b$', { ...sedBre, multiline: true });
    expect(m.exec('a\nb\nc', 0)).toMatchObject({ index: 2, end: 3 });
    expect(PosixRegExp.compile('^b', sedBre).exec('a\nb', 0)).toBeNull();
    expect(first('[a-c]x', { ...grepBre, icase: true }, 'BX')).toBe('BX');
  });
});

describe('binary strings', () => {
  it('keep every byte', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = bytesToBin(bytes);
    expect(s.length).toBe(256);
    expect([...binToBytes(s)]).toEqual([...bytes]);
    expect(utf8ToBin('é')).toBe('\xc3\xa9');
    expect(binToUtf8('\xc3\xa9')).toBe('é');
  });
});
