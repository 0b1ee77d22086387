// Drawing the screen: the window's rows (text, wrapped; `~` past the end; `@` when the last
// line does not fit), then the last line (a message, the mode, or the command line being
// typed, with the ruler at the right). Each frame is compared with the one before and only
// the rows that changed are sent. Colours are those of the desert colorscheme that Photon's
// /etc/vimrc selects (no syntax files ship in the minimal install, so text is plain).
import { truncMiddle, type Editor, type Hl } from './editor';
import { botline, lineRows, numberWidth, textCols } from './layout';
import { compile, matchesIn } from './regex';
import { cellText, cellWidth, cmpPos, utf8Length } from './text';
import { introLines } from './version';
import { blockOf, inBlock, type Block } from './visual-block';

type Group = Hl | 'NonText' | 'LineNr' | 'Visual' | 'Search' | 'IncSearch' | 'SpecialKey';

const DESERT: Record<Group, string> = {
  Normal: '0;38;5;231;48;5;236',
  NonText: '0;38;5;81;48;5;239',
  ErrorMsg: '0;7;38;5;196;48;5;231',
  WarningMsg: '0;1;38;5;167;48;5;236',
  ModeMsg: '0;1;38;5;222;48;5;236',
  MoreMsg: '0;1;38;5;112;48;5;236',
  Question: '0;1;38;5;120;48;5;236',
  LineNr: '0;38;5;226;48;5;236',
  Visual: '0;38;5;186;48;5;64',
  Search: '0;38;5;186;48;5;242',
  IncSearch: '0;38;5;186;48;5;172',
  SpecialKey: '0;38;5;112;48;5;236',
};
const PLAIN: Record<Group, string> = {
  Normal: '0', NonText: '0', ErrorMsg: '0;7', WarningMsg: '0;1', ModeMsg: '0;1', MoreMsg: '0;1', Question: '0;1',
  LineNr: '0', Visual: '0;7', Search: '0;7', IncSearch: '0;7', SpecialKey: '0',
};

interface Cell {
  ch: string;
  g: Group;
}

/** Turns cells into text with colour changes; `fill` clears the rest of the row. */
function encode(cells: Cell[], colors: Record<Group, string>, fill: boolean): string {
  let out = '';
  let g: Group | undefined;
  for (const c of cells) {
    if (c.g !== g) {
      g = c.g;
      out += `\x1b[${colors[g]}m`;
    }
    out += c.ch;
  }
  if (fill) {
    const last = cells.at(-1)?.g;
    if (last === 'NonText' && cells.length <= 1) return `${out}\x1b[K`;
    out += `\x1b[${colors.Normal}m\x1b[K`;
  }
  return out;
}

export class Renderer {
  private prev: string[] = [];
  private colors: Record<Group, string>;

  constructor(term: string) {
    this.colors = /256/.test(term) ? DESERT : PLAIN;
  }

  /** Forget what is on the screen: the next draw repaints every row. */
  invalidate(): void {
    this.prev = [];
  }

  /** The screen as last sent (for output that scrolls it up). */
  lastFrame(): string[] {
    return this.prev.slice();
  }

  /** Text in the colours of the hit-enter prompt (for the normal screen after :!cmd). */
  question(text: string): string {
    return `\x1b[${this.colors.Question}m${text}\x1b[0m`;
  }

  start(): string {
    this.prev = [];
    return `\x1b[?1049h\x1b[H\x1b[${this.colors.Normal}m\x1b[2J`;
  }

  finish(): string {
    return '\x1b[0m\x1b[?25h\x1b[?1049l';
  }

  draw(ed: Editor): string {
    const frame = [...this.windowRows(ed), this.lastLine(ed)];
    let out = '\x1b[?25l';
    if (this.prev.length !== frame.length) out += `\x1b[H\x1b[${this.colors.Normal}m\x1b[2J`;
    for (let r = 0; r < frame.length; r++) {
      if (this.prev.length === frame.length && this.prev[r] === frame[r]) continue;
      out += `\x1b[${r + 1};1H${frame[r]}`;
    }
    this.prev = frame;
    const pos = this.cursorPos(ed);
    return `${out}\x1b[${this.colors.Normal}m\x1b[${pos.row + 1};${pos.col + 1}H\x1b[?25h`;
  }

  /** Output that scrolls the screen up, ending with the hit-enter prompt. */
  drawScrolled(ed: Editor, lines: { text: string; hl: Hl }[], prompt: string): string {
    const rows: string[] = [];
    for (const l of lines) {
      const parts = wrapText(l.text, ed.cols);
      for (const p of parts) rows.push(encode([...p].map((ch) => ({ ch, g: l.hl })), this.colors, p.length < ed.cols));
    }
    rows.push(encode([...prompt].map((ch) => ({ ch, g: 'Question' as Group })), this.colors, true));
    const frame = [...this.prev, ...rows].slice(-ed.rows);
    while (frame.length < ed.rows) frame.unshift(encode([], this.colors, true));
    let out = '\x1b[?25l';
    for (let r = 0; r < frame.length; r++) out += `\x1b[${r + 1};1H${frame[r]}`;
    this.prev = frame;
    return `${out}\x1b[${this.colors.Normal}m\x1b[${ed.rows};${Math.min(ed.cols, prompt.length + 1)}H\x1b[?25h`;
  }

  private cursorPos(ed: Editor): { row: number; col: number } {
    if (ed.cmdline) {
      const before = ed.cmdline.prompt + ed.cmdline.text.slice(0, ed.cmdline.pos);
      let w = 0;
      for (const c of before) w += cellWidth(c, w, 8, false);
      return { row: ed.rows - 1, col: Math.min(ed.cols - 1, w) };
    }
    const p = ed.cursorOnScreen();
    return { row: Math.min(p.row, ed.height - 1), col: Math.min(p.col, ed.cols - 1) };
  }

  private windowRows(ed: Editor): string[] {
    const H = ed.height;
    const tc = textCols(ed);
    const nuw = numberWidth(ed);
    const out: string[] = [];
    const hl = ed.opts.hlsearch && !ed.noHighlight && ed.lastSearch ? safeCompile(ed) : undefined;
    const vis = visualRange(ed);
    let line = ed.top;
    while (out.length < H && line < ed.buf.lineCount) {
      const rowsNeeded = lineRows(ed, line);
      if (out.length + rowsNeeded > H && out.length > 0) {
        // the line does not fit: vim fills the rest with "@" lines
        while (out.length < H) out.push(encode([{ ch: '@', g: 'NonText' }], this.colors, true));
        break;
      }
      const cells = this.lineCells(ed, line, hl, vis, tc * (H + 2));
      for (let r = 0; r < rowsNeeded && out.length < H; r++) {
        const rowCells: Cell[] = [];
        if (nuw) {
          const num = r === 0 && !ed.buf.empty ? String(line + 1).padStart(nuw - 1) + ' ' : ' '.repeat(nuw);
          for (const ch of num) rowCells.push({ ch, g: 'LineNr' });
        }
        const part = ed.opts.wrap ? cells.slice(r * tc, (r + 1) * tc) : cells.slice(0, tc);
        rowCells.push(...part);
        out.push(encode(rowCells, this.colors, part.length < tc));
      }
      line++;
    }
    const intro = ed.intro ? introLines(ed.rows, ed.cols) : undefined;
    while (out.length < H) {
      const r = out.length;
      const text = intro?.get(r);
      if (text) {
        const cells: Cell[] = [{ ch: '~', g: 'NonText' }];
        const pad = Math.max(1, text.col);
        for (let i = 1; i < pad; i++) cells.push({ ch: ' ', g: 'Normal' });
        for (const part of text.parts) for (const ch of part.text) cells.push({ ch, g: part.special ? 'SpecialKey' : 'Normal' });
        out.push(encode(cells, this.colors, true));
      } else out.push(encode([{ ch: '~', g: 'NonText' }], this.colors, true));
    }
    return out;
  }

  /** The cells of one line, up to `cap` of them, with search and Visual highlighting. */
  private lineCells(ed: Editor, i: number, hl: RegExp | undefined, vis: VisualRange | undefined, cap: number): Cell[] {
    const text = ed.buf.line(i);
    const cells: Cell[] = [];
    const marks = hl ? matchesIn(hl, text, 1000) : [];
    let m = 0;
    const ts = ed.opts.tabstop;
    const list = ed.opts.list;
    for (let c = 0; c < text.length && cells.length < cap; c++) {
      const ch = text[c]!;
      while (m < marks.length && marks[m]![1] <= c && marks[m]![1] > marks[m]![0]) m++;
      let g: Group = 'Normal';
      if (m < marks.length && marks[m]![0] <= c && c < marks[m]![1]) g = 'Search';
      if (vis && inVisual(vis, i, c, cells.length)) g = 'Visual';
      const cf = ed.confirm;
      if (cf && cf.line === i && c >= cf.start && c < cf.end) g = 'IncSearch';
      const w = cellWidth(ch, cells.length, ts, list);
      const shown = ch === '\t' && list ? '^I' : cellText(ch, w);
      const special = shown.length > 1 && ch !== '\t' ? 'SpecialKey' : ch === '\t' && list ? 'SpecialKey' : undefined;
      for (const s of shown) cells.push({ ch: s, g: g === 'Normal' && special ? special : g });
    }
    if (list && cells.length < cap) cells.push({ ch: '$', g: 'NonText' });
    else if (vis && !vis.block && inVisual(vis, i, text.length) && (text.length === 0 || vis.linewise)) cells.push({ ch: ' ', g: 'Visual' });
    return cells;
  }

  private lastLine(ed: Editor): string {
    const cells: Cell[] = [];
    if (ed.cmdline) {
      for (const ch of ed.cmdline.prompt + ed.cmdline.text) {
        const w = cellWidth(ch, cells.length, 8, false);
        for (const s of cellText(ch, w)) cells.push({ ch: s, g: 'Normal' });
      }
      return encode(cells.slice(0, ed.cols), this.colors, cells.length < ed.cols);
    }
    const modeText = modeMessage(ed);
    let left = modeText ? { text: modeText, hl: 'ModeMsg' as Hl } : ed.msg;
    // a message kept across a resize is cut again for the new width
    if (left && left.hl !== 'ErrorMsg' && left.text.length > ed.cols - 19) left = { text: truncMiddle(left.text, ed.cols - 19), hl: left.hl };
    if (left) for (const ch of left.text) cells.push({ ch, g: left.hl });
    if (ed.opts.ruler) {
      const { text, col } = ruler(ed);
      if (cells.length < col) {
        while (cells.length < col) cells.push({ ch: ' ', g: 'Normal' });
        for (const ch of text) cells.push({ ch, g: 'Normal' });
      }
    }
    return encode(cells.slice(0, ed.cols), this.colors, cells.length < ed.cols);
  }
}

function safeCompile(ed: Editor): RegExp | undefined {
  try {
    return compile(ed.lastSearch!.pattern, { ignorecase: ed.opts.ignorecase, smartcase: ed.opts.smartcase, lastSub: ed.lastSub?.rep }).re;
  } catch {
    return undefined;
  }
}

interface VisualRange {
  start: { line: number; col: number };
  end: { line: number; col: number };
  linewise: boolean;
  block?: Block;
}

function visualRange(ed: Editor): VisualRange | undefined {
  if (ed.mode !== 'visual' && ed.mode !== 'vline' && ed.mode !== 'vblock') return undefined;
  const [start, end] = cmpPos(ed.visualStart, ed.cur) <= 0 ? [ed.visualStart, ed.cur] : [ed.cur, ed.visualStart];
  return { start, end, linewise: ed.mode === 'vline', ...(ed.mode === 'vblock' ? { block: blockOf(ed) } : {}) };
}

function inVisual(v: VisualRange, line: number, col: number, vcol = 0): boolean {
  if (v.block) return inBlock(v.block, line, vcol);
  if (line < v.start.line || line > v.end.line) return false;
  if (v.linewise) return true;
  if (line === v.start.line && col < v.start.col) return false;
  if (line === v.end.line && col > v.end.col) return false;
  return true;
}

function modeMessage(ed: Editor): string | undefined {
  const rec = ed.macro ? `recording @${ed.macro.reg}` : '';
  if (!ed.opts.showmode) return rec || undefined;
  switch (ed.mode) {
    case 'insert': return `-- INSERT --${rec}`;
    case 'replace': return `-- REPLACE --${rec}`;
    case 'visual': return `-- VISUAL --${rec}`;
    case 'vline': return `-- VISUAL LINE --${rec}`;
    case 'vblock': return `-- VISUAL BLOCK --${rec}`;
    default: return rec || undefined;
  }
}

/** The ruler ("12,5-9         42%") and the column it starts in, as win_redr_ruler() lays it out. */
export function ruler(ed: Editor): { text: string; col: number } {
  const width = ed.cols;
  let col = Math.max(width - 18, Math.floor((width + 1) / 2));
  const text = ed.line();
  const insert = ed.mode === 'insert' || ed.mode === 'replace';
  const emptyLine = !insert && text === '';
  const lnum = ed.buf.empty ? 0 : ed.cur.line + 1;
  const byteCol = emptyLine ? 0 : utf8Length(text.slice(0, ed.cur.col)) + 1;
  const vcol = virtCol(ed) + 1;
  let left = `${lnum},${byteCol === vcol ? byteCol : `${byteCol}-${vcol}`}`;
  const rel = relPos(ed);
  const o = left.length + rel.length + 1;
  if (col + o < width) {
    left += ' '.repeat(width - col - o) + rel;
  }
  if (col + left.length > width) col = Math.max(0, width - left.length);
  return { text: left, col };
}

function virtCol(ed: Editor): number {
  const text = ed.line();
  let v = 0;
  for (let i = 0; i < ed.cur.col && i < text.length; i++) v += cellWidth(text[i]!, v, ed.opts.tabstop, false);
  const insert = ed.mode === 'insert' || ed.mode === 'replace';
  if (!insert && text[ed.cur.col] === '\t') v += cellWidth('\t', v, ed.opts.tabstop, false) - 1;
  return v;
}

/** "All", "Top", "Bot" or the percentage of lines above the window. */
function relPos(ed: Editor): string {
  const above = ed.top;
  const below = ed.buf.lineCount - botline(ed);
  if (below <= 0) return above === 0 ? 'All' : 'Bot';
  if (above <= 0) return 'Top';
  const perc = above > 1000000 ? Math.floor(above / Math.floor((above + below) / 100)) : Math.floor((above * 100) / (above + below));
  return perc < 10 ? ` ${perc}%` : `${perc}%`;
}

/** Splits text into screen rows of `cols` cells. */
export function wrapText(text: string, cols: number): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  for (let i = 0; i < text.length; i += cols) out.push(text.slice(i, i + cols));
  return out;
}
