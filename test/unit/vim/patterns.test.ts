// vim patterns turned into JavaScript ones, searching with 'wrapscan', the replacement
// string of :s, the options :set knows, and the command line's arguments.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/programs/vim/args';
import { TextBuffer } from '../../../src/programs/vim/buffer';
import { truncMiddle } from '../../../src/programs/vim/editor';
import { splitText } from '../../../src/programs/vim/file';
import { defaultOptions, setOptions } from '../../../src/programs/vim/options';
import { compile, matchesIn } from '../../../src/programs/vim/regex';
import { expandReplacement, searchBuffer, starPattern } from '../../../src/programs/vim/search';
import { isWordChar } from '../../../src/programs/vim/text';

const opts = { ignorecase: false, smartcase: false };
const spans = (pattern: string, line: string, o = opts): string[] => matchesIn(compile(pattern, o).re, line).map(([s, e]) => line.slice(s, e));

describe('vim patterns', () => {
  it.each([
    ['a\\+', 'caaat a', ['aaa', 'a']],
    ['\\<the\\>', 'the other bathe the', ['the', 'the']],
    ['x\\{2}', 'xxxxx', ['xx', 'xx']],
    ['[[:digit:]]\\+', 'ab 12 c345', ['12', '345']],
    ['\\(ab\\)\\1', 'ababab', ['abab']],
    ['a.c', 'abc a.c', ['abc', 'a.c']],
    ['1+1', '1+1=2', ['1+1']],
    ['a\\|b', 'cab', ['a', 'b']],
    ['\\vfo+|ba(r)', 'foo bar', ['foo', 'bar']],
    ['\\Va.c', 'abc a.c', ['a.c']],
    ['^ab', 'abab', ['ab']],
    ['ab$', 'abab', ['ab']],
    ['a^b', 'a^b', ['a^b']],
    ['foo\\zsbar', 'foobar bar', ['bar']],
    ['\\s\\+$', 'x  ', ['  ']],
  ])('%s in %j matches %j', (pattern, line, want) => {
    expect(spans(pattern, line)).toEqual(want);
  });

  it('applies ignorecase, smartcase and \\c / \\C', () => {
    expect(spans('abc', 'ABC abc', { ignorecase: true, smartcase: false })).toEqual(['ABC', 'abc']);
    expect(spans('Abc', 'ABC Abc', { ignorecase: true, smartcase: true })).toEqual(['Abc']);
    expect(spans('\\cabc', 'ABC')).toEqual(['ABC']);
    expect(spans('abc\\C', 'ABC', { ignorecase: true, smartcase: false })).toEqual([]);
  });

  it('searches forward and backward, wrapping with the warning, or failing with E486 / E385', async () => {
    const b = new TextBuffer(['one x', 'two', 'three x']);
    const rx = compile('x', opts);
    const pace = async (): Promise<boolean> => false;
    expect(await searchBuffer(b, rx, { line: 0, col: 4 }, true, 1, true, pace)).toEqual({ found: { pos: { line: 2, col: 6 }, end: { line: 2, col: 7 }, wrapped: undefined } });
    expect(await searchBuffer(b, rx, { line: 2, col: 6 }, true, 1, true, pace)).toMatchObject({ found: { pos: { line: 0, col: 4 }, wrapped: 'search hit BOTTOM, continuing at TOP' } });
    expect(await searchBuffer(b, rx, { line: 0, col: 4 }, false, 1, true, pace)).toMatchObject({ found: { pos: { line: 2, col: 6 }, wrapped: 'search hit TOP, continuing at BOTTOM' } });
    expect(await searchBuffer(b, rx, { line: 2, col: 6 }, true, 1, false, pace)).toEqual({ error: 'E385: Search hit BOTTOM without match for: x' });
    expect(await searchBuffer(b, compile('zz', opts), { line: 0, col: 0 }, true, 1, true, pace)).toEqual({ error: 'E486: Pattern not found: zz' });
  });

  it('finds the word for * and #', () => {
    expect(starPattern('  foo.bar', 0, isWordChar)).toBe('\\<foo\\>');
    expect(starPattern('  foo.bar', 6, isWordChar)).toBe('\\<bar\\>');
    expect(starPattern('a ... b', 2, isWordChar)).toBe('\\<b\\>');
    expect(starPattern(' ...', 0, isWordChar)).toBe('\\.\\.\\.');
  });

  it('expands & \\1 \\u \\U \\r in a replacement', () => {
    const m = /(\w+) (\w+)/.exec('hello world')!;
    expect(expandReplacement('\\2 \\1', m, '')).toBe('world hello');
    expect(expandReplacement('<&>', m, '')).toBe('<hello world>');
    expect(expandReplacement('\\u\\1 \\U\\2\\E!', m, '')).toBe('Hello WORLD!');
    expect(expandReplacement('\\1\\r\\2', m, '')).toBe('hello\rworld');
  });
});

describe(':set, file text, arguments, messages', () => {
  it('sets, toggles and shows options as vim does, and names unknown ones', () => {
    const o = defaultOptions();
    expect(setOptions(o, 'nu ts=4 list').changed).toEqual(['number', 'tabstop', 'list']);
    expect([o.number, o.tabstop, o.list]).toEqual([true, 4, true]);
    expect(setOptions(o, 'nonu invlist ts+=2').changed.length).toBe(3);
    expect([o.number, o.list, o.tabstop]).toEqual([false, false, 6]);
    expect(setOptions(o, 'ts? nu?').shown).toEqual(['  tabstop=6', '  nonumber']);
    expect(setOptions(o, 'ts').shown).toEqual(['  tabstop=6']);
    expect(setOptions(o, 'foo').error).toBe('E518: Unknown option: foo');
    expect(setOptions(o, 'ts=x').error).toBe('E521: Number required after =: ts=x');
    expect(setOptions(o, 'nu=1').error).toBe('E474: Invalid argument: nu=1');
  });

  it('splits file text into lines, noting a missing last newline and CR LF endings', () => {
    expect(splitText('a\nb\n')).toEqual({ lines: ['a', 'b'], noeol: false, dos: false });
    expect(splitText('a\nb')).toEqual({ lines: ['a', 'b'], noeol: true, dos: false });
    expect(splitText('a\r\nb\r\n')).toEqual({ lines: ['a', 'b'], noeol: false, dos: true });
    expect(splitText('')).toEqual({ lines: [], noeol: false, dos: false });
  });

  it('reads vim arguments and the name it runs as', () => {
    expect(parseArgs(['vi', '+5', '-c', 'set nu', 'f'])).toMatchObject({ files: ['f'], commands: ['5', 'set nu'], readonly: false });
    expect(parseArgs(['view', 'f'])).toMatchObject({ readonly: true, restricted: false });
    expect(parseArgs(['rview', '-R', 'f'])).toMatchObject({ readonly: true, restricted: true });
    expect(parseArgs(['vim', '+', 'f']).commands).toEqual(['$']);
    expect(parseArgs(['vim', '-k']).error).toBe('Unknown option argument: "-k"');
    expect(parseArgs(['vim', '--', '-R']).files).toEqual(['-R']);
  });

  it('cuts a long message in the middle as trunc_string() does', () => {
    expect(truncMiddle('Type  :qa!  and press <Enter> to abandon all changes and exit Vim', 61)).toBe('Type  :qa!  and press <Enter>...ndon all changes and exit Vim');
    expect(truncMiddle('short', 61)).toBe('short');
  });
});
