// The row cache in front of xterm.js's DOM renderer (src/ui/xterm-row-cache.ts), on a stand-in
// of the private objects it reads: which rows reach the real renderRows. (The e2e suite checks
// the drawn page against the buffer in Chromium: test/e2e/vim-e2e.mjs.)
import { describe, expect, it } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { skipUnchangedRows } from '../../src/ui/xterm-row-cache';

const COLS = 4;
const ROWS = 5;

class Line {
  _data = new Uint32Array(COLS * 3);
  _combined: Record<number, string> = {};
  _extendedAttrs: Record<number, unknown> = {};
  length = COLS;
  set(text: string): void {
    this._data.fill(0);
    for (let i = 0; i < text.length && i < COLS; i++) this._data[i * 3] = text.charCodeAt(i);
  }
}

function fakeTerminal() {
  const lines = Array.from({ length: 20 }, () => new Line());
  const buffer = { ybase: 0, ydisp: 0, y: 0, lines: { get: (i: number) => lines[i] } };
  const normal = buffer;
  const drawnCalls: [number, number][] = [];
  let cleared = 0;
  const renderer = {
    dimensions: { css: { cell: { width: 9, height: 18 } } },
    renderRows(start: number, end: number) {
      drawnCalls.push([start, end]);
    },
    clear() {
      cleared++;
    },
  };
  const bufferService = { buffer, cols: COLS, rows: ROWS };
  const term = { _core: { _bufferService: bufferService, _renderService: { _renderer: { value: renderer } } } } as unknown as Terminal;
  /** the rows the real renderer was asked to draw by one render of rows start..end */
  const render = (start = 0, end = ROWS - 1): number[] => {
    drawnCalls.length = 0;
    renderer.renderRows(start, end);
    return drawnCalls.flatMap(([s, e]) => Array.from({ length: e - s + 1 }, (_, i) => s + i));
  };
  return { term, lines, buffer, normal, bufferService, renderer, render, cleared: () => cleared };
}

describe('skipUnchangedRows', () => {
  it('draws everything once, then only the rows whose cells changed and the cursor rows', () => {
    const t = fakeTerminal();
    skipUnchangedRows(t.term);
    t.lines.forEach((l, i) => l.set(`r${i}`));
    t.buffer.y = 2;
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
    // vi in insert mode: the text line and the status line change, the cursor stays on row 2
    t.lines[0]!.set('ab');
    t.lines[4]!.set('-- I');
    expect(t.render()).toEqual([0, 2, 4]);
    expect(t.render()).toEqual([2]);
    // the cursor moves to row 3: its old row and its new one are drawn again
    t.buffer.y = 3;
    expect(t.render()).toEqual([2, 3]);
    expect(t.render()).toEqual([3]);
  });

  it('keeps to the range it is asked for', () => {
    const t = fakeTerminal();
    skipUnchangedRows(t.term);
    t.buffer.y = 4;
    t.render();
    t.lines[1]!.set('x');
    t.lines[3]!.set('y');
    expect(t.render(2, 2)).toEqual([]);
    expect(t.render(0, 3)).toEqual([1, 3]);
  });

  it('compares against a copy: a line changed in place is drawn again', () => {
    const t = fakeTerminal();
    skipUnchangedRows(t.term);
    t.buffer.y = 4;
    t.lines[1]!.set('one');
    t.render();
    t.lines[1]!._data[0] = 'O'.charCodeAt(0);
    expect(t.render()).toEqual([1, 4]);
  });

  it('always draws lines with combined characters or extended attributes', () => {
    const t = fakeTerminal();
    skipUnchangedRows(t.term);
    t.buffer.y = 4;
    t.lines[1]!._combined[0] = 'e\u0301';
    t.lines[2]!._extendedAttrs[0] = { underlineStyle: 3 };
    t.render();
    expect(t.render()).toEqual([1, 2, 4]);
  });

  it('draws every row again after a scroll, a resize, new cell metrics, another buffer or a clear', () => {
    const t = fakeTerminal();
    skipUnchangedRows(t.term);
    t.buffer.y = 4;
    t.render();
    expect(t.render()).toEqual([4]);
    t.buffer.ybase = t.buffer.ydisp = 1;
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
    expect(t.render()).toEqual([4]);
    t.bufferService.cols = COLS + 1;
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
    t.renderer.dimensions.css.cell.width = 10;
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
    t.bufferService.buffer = { ...t.buffer };
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
    expect(t.render()).toEqual([4]);
    t.renderer.clear();
    expect(t.cleared()).toBe(1);
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
  });

  it('leaves a renderer it does not know alone, and can be undone', () => {
    const odd = { _core: { _renderService: { _renderer: { value: undefined } } } } as unknown as Terminal;
    expect(() => skipUnchangedRows(odd)()).not.toThrow();
    const t = fakeTerminal();
    const undo = skipUnchangedRows(t.term);
    t.buffer.y = 4;
    t.render();
    undo();
    expect(t.render()).toEqual([0, 1, 2, 3, 4]);
  });
});
