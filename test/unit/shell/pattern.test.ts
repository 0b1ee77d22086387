import { describe, expect, it } from 'vitest';
import { matchPattern, replace, trim } from '../../../src/programs/shell/pattern';

describe('shell patterns', () => {
  it.each([
    ['file.txt', '*.txt', true],
    ['file.txt', '*.TXT', false],
    ['a', '?', true],
    ['ab', '?', false],
    ['b', '[abc]', true],
    ['d', '[!abc]', true],
    ['5', '[[:digit:]]', true],
    ['x', '[[:digit:]]', false],
    ['*', '\\*', true],
    ['foo.c', '@(*.c|*.h)', true],
    ['foo.o', '!(*.c|*.h)', true],
    ['foo.c', '!(*.c|*.h)', false],
    ['aaa', '+(a)', true],
  ])('%s ~ %s = %s', (text, pat, want) => {
    expect(matchPattern(text, pat)).toBe(want);
  });

  it('trims shortest and longest matches', () => {
    expect(trim('a/b/c.tar.gz', '*/', true, false)).toBe('b/c.tar.gz');
    expect(trim('a/b/c.tar.gz', '*/', true, true)).toBe('c.tar.gz');
    expect(trim('c.tar.gz', '.*', false, false)).toBe('c.tar');
    expect(trim('c.tar.gz', '.*', false, true)).toBe('c');
  });

  it('replaces first, all and anchored matches', () => {
    expect(replace('a-b-c', '-', '+', 'first')).toBe('a+b-c');
    expect(replace('a-b-c', '-', '+', 'all')).toBe('a+b+c');
    expect(replace('abcabc', 'a', 'X', 'prefix')).toBe('Xbcabc');
    expect(replace('abcabc', 'c', 'X', 'suffix')).toBe('abcabX');
  });
});
