// xterm.js's DOM renderer rebuilds every row between the first and the last row that changed in
// a frame. A full-screen program that updates its text line and its status line for each key
// (vi in insert mode, less, top) therefore makes it throw away and re-create the DOM of the whole
// screen for every key: about 200 elements laid out and painted again, several milliseconds of
// the page's thread per key on this project's test machine. This wraps the renderer's
// renderRows so that a row whose cells are exactly what was drawn last time is left in place.
//
// It reaches into xterm.js's private objects (`_core._renderService._renderer.value` and each
// buffer line's cell array), which the pinned version (6.0) keeps under these names; where any of
// them is missing, nothing is wrapped and xterm.js renders as it always does. Rows are always
// drawn again when anything but their cells may have changed: the cursor's row (now and before),
// a line with combined characters or extended attributes (underline styles, hyperlinks), and
// every row after a change of buffer, scroll position, size or cell metrics, or a clear.
import type { Terminal } from '@xterm/xterm';

/** Cells are 3 numbers each in a buffer line's array (content, foreground, background). */
const CELL_SIZE = 3;

interface LineInternals {
  length: number;
  _data?: Uint32Array;
  _combined?: Record<number, string>;
  _extendedAttrs?: Record<number, unknown>;
}

interface BufferInternals {
  ybase: number;
  ydisp: number;
  y: number;
  lines: { get(i: number): LineInternals | undefined };
}

interface RendererInternals {
  renderRows(start: number, end: number): void;
  clear(): void;
  dimensions?: { css?: { cell?: { width: number; height: number } } };
}

interface CoreInternals {
  _bufferService?: { buffer: BufferInternals; cols: number; rows: number };
  _renderService?: { _renderer?: { value?: RendererInternals } };
}

function hasKeys(o: Record<number, unknown> | undefined): boolean {
  if (!o) return false;
  for (const k in o) if (o[k] !== undefined) return true;
  return false;
}

/** The cells a row can be compared by, or undefined when the line cannot be judged by its cells. */
function cellsOf(line: LineInternals | undefined): Uint32Array | undefined {
  const data = line?._data;
  if (!line || !(data instanceof Uint32Array) || data.length < line.length * CELL_SIZE) return undefined;
  if (hasKeys(line._combined) || hasKeys(line._extendedAttrs)) return undefined;
  return data.subarray(0, line.length * CELL_SIZE);
}

function same(a: Uint32Array | undefined, b: Uint32Array): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Makes `term`'s renderer skip rows that did not change. Returns a function that undoes it, or
 * a no-op when the renderer is not the one this knows.
 */
export function skipUnchangedRows(term: Terminal): () => void {
  const core = (term as unknown as { _core?: CoreInternals })._core;
  const buffers = core?._bufferService;
  const renderer = core?._renderService?._renderer?.value;
  if (!buffers || !renderer || typeof renderer.renderRows !== 'function' || typeof renderer.clear !== 'function') return () => {};
  const renderRows = renderer.renderRows;
  const clear = renderer.clear;
  /** what each viewport row showed when last drawn */
  let drawn: (Uint32Array | undefined)[] = [];
  let lastBuffer: BufferInternals | undefined;
  let lastView = '';
  let lastCursor = -1;
  renderer.clear = function (this: RendererInternals): void {
    drawn = [];
    clear.call(this);
  };
  renderer.renderRows = function (this: RendererInternals, start: number, end: number): void {
    const buffer = buffers.buffer;
    const cell = this.dimensions?.css?.cell;
    const view = `${buffer.ydisp}|${buffers.cols}|${buffers.rows}|${cell?.width}|${cell?.height}`;
    if (buffer !== lastBuffer || view !== lastView) {
      drawn = [];
      lastBuffer = buffer;
      lastView = view;
    }
    const cursor = buffer.ybase + buffer.y - buffer.ydisp;
    let from = -1;
    for (let y = start; y <= end; y++) {
      const cells = cellsOf(buffer.lines.get(buffer.ydisp + y));
      if (cells && y !== cursor && y !== lastCursor && same(drawn[y], cells)) {
        if (from >= 0) renderRows.call(this, from, y - 1);
        from = -1;
        continue;
      }
      if (from < 0) from = y;
      drawn[y] = cells?.slice();
    }
    if (from >= 0) renderRows.call(this, from, end);
    lastCursor = cursor;
  };
  return () => {
    renderer.renderRows = renderRows;
    renderer.clear = clear;
  };
}
