// Which lines the window shows: screen rows per line (long lines wrap), the first line not
// fully shown ("botline"), and vim's rules for scrolling when the cursor leaves the window
// (move.c update_topline: near the top or bottom scroll just enough, far away put the
// cursor line in the middle), plus CTRL-D/U/F/B/E/Y and the z commands.
import type { Editor } from './editor';
import { lineWidth, vcolOf } from './text';

/** Width of the 'number' column: 'numberwidth' 4, wider for long files. */
export function numberWidth(ed: Editor): number {
  if (!ed.opts.number) return 0;
  return Math.max(3, String(ed.buf.lineCount).length) + 1;
}

export function textCols(ed: Editor): number {
  return Math.max(1, ed.cols - numberWidth(ed));
}

/** Screen rows line `i` takes (at most a window and a bit: nothing longer is ever drawn). */
export function lineRows(ed: Editor, i: number): number {
  if (!ed.opts.wrap) return 1;
  const tc = textCols(ed);
  const cap = tc * (ed.height + 2);
  const w = lineWidth(ed.buf.line(i), ed.opts.tabstop, ed.opts.list, cap) + (ed.opts.list ? 1 : 0);
  return Math.max(1, Math.ceil(w / tc));
}

/** The first line (0-based) not entirely in the window, or lineCount when the end shows. */
export function botline(ed: Editor, top = ed.top): number {
  let used = 0;
  let i = top;
  for (; i < ed.buf.lineCount; i++) {
    used += lineRows(ed, i);
    if (used > ed.height) return i;
  }
  return i;
}

/** Makes the cursor line visible, scrolling as vim does. */
export function updateTopline(ed: Editor): void {
  const H = ed.height;
  const n = ed.buf.lineCount;
  if (ed.buf.empty) {
    ed.top = 0;
    return;
  }
  ed.top = Math.max(0, Math.min(ed.top, n - 1));
  const cur = ed.cur.line;
  if (cur < ed.top) {
    const half = Math.max(2, Math.floor(H / 2) - 1);
    if (ed.top - cur >= half) scrollHalfway(ed);
    else ed.top = cur;
    return;
  }
  const bot = botline(ed);
  if (cur < bot) return;
  if (cur - bot + 1 <= H + 1) scrollCursorBot(ed);
  else scrollHalfway(ed);
}

/** Puts the cursor line at the bottom of the window. */
export function scrollCursorBot(ed: Editor): void {
  let used = lineRows(ed, ed.cur.line);
  let t = ed.cur.line;
  while (t > 0) {
    const h = lineRows(ed, t - 1);
    if (used + h > ed.height) break;
    used += h;
    t--;
  }
  ed.top = t;
}

/** vim's scroll_cursor_halfway(): the cursor line in the middle, or as low as the end allows. */
export function scrollHalfway(ed: Editor): void {
  const H = ed.height;
  const n = ed.buf.lineCount;
  let used = lineRows(ed, ed.cur.line);
  let above = 0;
  let below = 0;
  let top = ed.cur.line;
  let bl = ed.cur.line;
  while (top > 0) {
    if (below <= above) {
      if (bl < n - 1) {
        bl++;
        const h = lineRows(ed, bl);
        used += h;
        if (used > H) break;
        below += h;
      } else below++;
    }
    if (below > above) {
      const h = lineRows(ed, top - 1);
      used += h;
      if (used > H) break;
      above += h;
      top--;
    }
  }
  ed.top = top;
}

/** Where the cursor is drawn, relative to the window. */
export function cursorScreen(ed: Editor): { row: number; col: number } {
  const tc = textCols(ed);
  let row = 0;
  for (let i = ed.top; i < ed.cur.line && row <= ed.height; i++) row += lineRows(ed, i);
  const text = ed.buf.line(ed.cur.line);
  const v = vcolOf(text, ed.cur.col, ed.opts.tabstop, ed.opts.list);
  const onTab = text[ed.cur.col] === '\t' && !ed.opts.list && (ed.mode === 'normal' || ed.mode === 'visual' || ed.mode === 'vline' || ed.mode === 'vblock');
  let vcol = onTab ? v.end : v.start;
  if (!ed.opts.wrap) return { row, col: numberWidth(ed) + Math.min(vcol, tc - 1) };
  if (vcol >= tc * (ed.height + 2)) vcol = tc * (ed.height + 2) - 1;
  return { row: row + Math.floor(vcol / tc), col: numberWidth(ed) + (vcol % tc) };
}

/** CTRL-E (down) and CTRL-Y (up): scroll `count` lines; the cursor stays unless it would leave. */
export function scrollLines(ed: Editor, count: number, down: boolean): boolean {
  const before = ed.top;
  if (down) ed.top = Math.min(ed.buf.lineCount - 1, ed.top + count);
  else ed.top = Math.max(0, ed.top - count);
  if (ed.cur.line < ed.top) ed.moveToLine(ed.top, false);
  else {
    const bot = botline(ed);
    if (ed.cur.line >= bot) ed.moveToLine(Math.max(ed.top, bot - 1), false);
  }
  return ed.top !== before;
}

/** Rows used from `from` to the end of the buffer, stopping once past `limit`. */
function rowsToEnd(ed: Editor, from: number, limit: number): number {
  let n = 0;
  for (let i = from; i < ed.buf.lineCount && n <= limit; i++) n += lineRows(ed, i);
  return n;
}

/** CTRL-D / CTRL-U (half) and CTRL-F / CTRL-B (whole pages), after move.c pagescroll(). */
export function pageScroll(ed: Editor, down: boolean, count: number, half: boolean): boolean {
  const H = ed.height;
  const n = ed.buf.lineCount;
  const prevTop = ed.top;
  const prevLine = ed.cur.line;
  const prevCol = ed.cur.col;
  if (half) {
    if (count) ed.scroll = Math.min(H, count);
    let amount = Math.min(H, ed.scroll || Math.max(1, Math.floor(H / 2)));
    const moveBy = amount;
    if (down) {
      // never scroll so far that rows after the end show
      const rows = rowsToEnd(ed, ed.top, H + amount);
      if (rows < H + amount) amount = rows - H;
      if (amount > 0) ed.top = Math.min(n - 1, ed.top + amount);
      ed.moveToLine(Math.min(n - 1, ed.cur.line + moveBy), true);
    } else {
      ed.top = Math.max(0, ed.top - amount);
      ed.moveToLine(Math.max(0, ed.cur.line - moveBy), true);
    }
  } else {
    const overlap = pageOverlap(ed, down);
    const amount = Math.max(1, count || 1) * overlap;
    if (down) ed.top = Math.min(n - 1, ed.top + amount);
    else ed.top = Math.max(0, ed.top - amount);
    if (ed.top !== prevTop) ed.moveToLine(down ? ed.top : Math.max(ed.top, botline(ed) - 1), true);
  }
  updateTopline(ed);
  const moved = ed.top !== prevTop || ed.cur.line !== prevLine || ed.cur.col !== prevCol;
  return moved;
}

/** get_scroll_overlap(): CTRL-F and CTRL-B keep two lines of the previous page. */
function pageOverlap(ed: Editor, down: boolean): number {
  const min = ed.height - 2;
  if ((!down && ed.top === 0) || (down && botline(ed) >= ed.buf.lineCount)) return min + 2;
  const start = down ? botline(ed) : ed.top - 1;
  const step = down ? -1 : 1;
  const h = (i: number): number => (i >= 0 && i < ed.buf.lineCount ? lineRows(ed, i) : Infinity);
  const h1 = h(start);
  if (h1 > min) return min + 2;
  const h2 = h(start + step);
  if (h2 + h1 > min) return min + 2;
  const h3 = h(start + 2 * step);
  if (h3 + h2 > min) return min + 2;
  const h4 = h(start + 3 * step);
  if (h4 + h3 + h2 > min || h3 + h2 + h1 > min) return min + 1;
  return Math.max(1, min);
}

/** zt / zz / zb (and z<CR> z. z-): the cursor line at the top, middle or bottom. */
export function scrollCursorTo(ed: Editor, where: 't' | 'z' | 'b'): void {
  if (where === 't') ed.top = ed.cur.line;
  else if (where === 'b') scrollCursorBot(ed);
  else {
    let used = lineRows(ed, ed.cur.line);
    let t = ed.cur.line;
    const want = Math.floor((ed.height - used) / 2) + used;
    while (t > 0 && used + lineRows(ed, t - 1) <= want) {
      used += lineRows(ed, t - 1);
      t--;
    }
    ed.top = t;
  }
}
