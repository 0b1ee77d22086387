// The buffer, motions, text objects and patterns of vim, without a terminal: table-driven
// checks of where each motion lands and what each object covers (vim's own results for the
// same text), and of the undo history's records.
import { describe, expect, it } from 'vitest';
import { TextBuffer } from '../../../src/programs/vim/buffer';
import { bckEndWord, bckWord, endWord, findChar, fwdWord, matchPair, paragraph } from '../../../src/programs/vim/motions';
import { textObject } from '../../../src/programs/vim/textobj';

const buf = (...lines: string[]): TextBuffer => new TextBuffer(lines);
const at = (line: number, col: number) => ({ line, col });

describe('word motions', () => {
  const b = buf('foo.bar  baz', '', '  qux-quux end');
  it.each([
    ['w', at(0, 0), 1, at(0, 3)],
    ['w', at(0, 3), 1, at(0, 4)],
    ['w', at(0, 4), 1, at(0, 9)],
    ['w', at(0, 9), 1, at(1, 0)],
    ['w', at(1, 0), 1, at(2, 2)],
    ['w', at(0, 0), 4, at(1, 0)],
    ['W', at(0, 0), 1, at(0, 9)],
    ['W', at(2, 2), 1, at(2, 11)],
  ])('%s from %j x%i lands on %j', (key, from, count, want) => {
    expect(fwdWord(b, from, count, key === 'W', false).pos).toEqual(want);
  });

  it('stops at the end of the line for an operator (dw on the last word)', () => {
    expect(fwdWord(b, at(0, 9), 1, false, true).pos).toEqual(at(0, 12));
    // on the last word of the file w reaches the end of it (and the cursor is put back on its last character)
    expect(fwdWord(b, at(2, 11), 1, false, false)).toEqual({ pos: at(2, 14), ok: true });
    expect(fwdWord(b, at(2, 13), 1, false, false)).toEqual({ pos: at(2, 14), ok: false });
  });

  it.each([
    ['e', at(0, 0), at(0, 2)],
    ['e', at(0, 2), at(0, 3)],
    ['e', at(0, 3), at(0, 6)],
    ['e', at(0, 11), at(2, 4)],
    ['E', at(0, 0), at(0, 6)],
  ])('%s from %j lands on %j', (key, from, want) => {
    expect(endWord(b, from, 1, key === 'E', false, false)).toEqual(want);
  });

  it.each([
    ['b', at(0, 9), at(0, 4)],
    ['b', at(0, 4), at(0, 3)],
    ['b', at(0, 3), at(0, 0)],
    ['b', at(2, 2), at(1, 0)],
    ['b', at(1, 0), at(0, 9)],
    ['B', at(0, 9), at(0, 0)],
  ])('%s from %j lands on %j', (key, from, want) => {
    expect(bckWord(b, from, 1, key === 'B', false)).toEqual(want);
  });

  it('ge goes to the end of the previous word, and b fails at the start', () => {
    expect(bckEndWord(b, at(0, 9), 1, false)).toEqual(at(0, 6));
    expect(bckEndWord(b, at(0, 4), 1, false)).toEqual(at(0, 3));
    expect(bckWord(b, at(0, 0), 1, false, false)).toBeUndefined();
  });
});

describe('f, t and %', () => {
  it.each([
    ['f', 'a', 1, false, 4],
    ['f', 'a', 2, false, 7],
    ['t', 'a', 1, false, 3],
    ['t', 'a', 1, true, 6],
    ['F', 'x', 1, false, undefined],
  ])('%s%s x%i (repeat %s) from 0 of "xyz ab ab" goes to %s', (cmd, ch, count, repeat, want) => {
    const line = 'xyz ab ab';
    const from = cmd === 't' && repeat ? 3 : 0;
    expect(findChar(line, from, cmd, ch, count, repeat)).toBe(want);
  });

  it('matches brackets forward and back, over lines', () => {
    const b = buf('if (a(b)) {', '  x[1];', '}');
    expect(matchPair(b, at(0, 0))).toEqual(at(0, 8));
    expect(matchPair(b, at(0, 5))).toEqual(at(0, 7));
    expect(matchPair(b, at(0, 10))).toEqual(at(2, 0));
    expect(matchPair(b, at(2, 0))).toEqual(at(0, 10));
    expect(matchPair(b, at(1, 3))).toEqual(at(1, 5));
  });

  it('moves over paragraphs with { and }', () => {
    const b = buf('a', 'b', '', 'c', '', '', 'd');
    expect(paragraph(b, at(0, 0), 1, true)?.pos).toEqual(at(2, 0));
    expect(paragraph(b, at(2, 0), 1, true)?.pos).toEqual(at(4, 0));
    expect(paragraph(b, at(4, 0), 1, true)).toMatchObject({ pos: at(6, 0), inclusive: true });
    expect(paragraph(b, at(6, 0), 1, false)?.pos).toEqual(at(5, 0));
    expect(paragraph(b, at(3, 0), 2, false)?.pos).toEqual(at(0, 0));
  });
});

describe('text objects', () => {
  const b = buf('say "hello there" (to (all)) now', '', 'p1', 'p2', '', 'p3');
  const range = (line: number, col: number, kind: string, inner: boolean, count = 1): [number, number] | undefined => {
    const t = textObject(b, at(line, col), kind, inner, count);
    // an exclusive end is the character before
    return t && [t.start!.col, t.inclusive ? t.pos.col : t.pos.col - 1];
  };
  it.each([
    ['w', true, 1, [0, 2]],
    ['w', false, 1, [0, 3]],
    ['"', true, 7, [5, 15]],
    ['"', false, 7, [4, 17]],
    ['(', true, 24, [23, 25]],
    ['(', false, 24, [22, 26]],
    ['b', true, 19, [19, 26]],
  ])('%s (inner %s) at column %i covers %j', (kind, inner, col, want) => {
    expect(range(0, col, kind, inner)).toEqual(want);
  });

  it('counts enclosing blocks and selects paragraphs linewise', () => {
    expect(range(0, 24, '(', false, 2)).toEqual([18, 27]);
    expect(textObject(b, at(2, 0), 'p', true, 1)).toMatchObject({ start: at(2, 0), pos: at(3, 0), linewise: true });
    expect(textObject(b, at(2, 0), 'p', false, 1)).toMatchObject({ start: at(2, 0), pos: at(4, 0), linewise: true });
  });
});

describe('the undo history', () => {
  it('records replaced lines, so undo and redo restore the text and say what changed', () => {
    const b = buf('one', 'two', 'three');
    b.sync(at(1, 0));
    b.replace(1, 1, []);
    expect(b.lines).toEqual(['one', 'three']);
    expect(b.modified).toBe(true);
    const u = b.undo()!;
    expect(b.lines).toEqual(['one', 'two', 'three']);
    expect(u).toMatchObject({ delta: 1, seq: 1, cursor: at(1, 0) });
    expect(b.modified).toBe(false);
    expect(b.redo()).toMatchObject({ delta: -1, seq: 1 });
    expect(b.lines).toEqual(['one', 'three']);
    expect(b.undo()).toBeDefined();
    expect(b.undo()).toBeUndefined();
  });

  it('saves a line once per step while it is typed into (one change)', () => {
    const b = buf('ab');
    b.sync(at(0, 1));
    for (const s of ['aXb', 'aXYb', 'aXYZb']) b.setLine(0, s);
    const u = b.undo()!;
    expect(u).toMatchObject({ delta: 0, changes: 1 });
    expect(b.lines).toEqual(['ab']);
  });

  it('knows an empty buffer from one empty line, for writing', () => {
    const b = new TextBuffer([], true);
    expect(b.text()).toBe('');
    b.sync(at(0, 0));
    b.setLine(0, 'x');
    expect(b.text()).toBe('x\n');
    b.undo();
    expect(b.empty).toBe(true);
    b.sync(at(0, 0));
    b.clearAll();
    expect(b.text()).toBe('');
  });
});
