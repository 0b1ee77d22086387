// The pieces of nano's screen as rows of cells: the title bar (winio.c titlebar), the two
// help lines (bottombars, post_one_key), the status bar (statusline) and the prompt bar
// (draw_the_promptbar). Without a color configuration nano shows the bars in reverse video,
// and error messages in bold white on red (set_interface_colorpairs).

export const enum Attr {
  Normal = 0,
  Reverse = 1,
  Error = 2,
}

const SGR = ['\x1b[m', '\x1b[7m', '\x1b[1;37;41m'];

export class Row {
  readonly chars: string[];
  readonly attrs: Attr[];

  constructor(readonly cols: number, attr: Attr = Attr.Normal) {
    this.chars = Array.from({ length: cols }, () => ' ');
    this.attrs = Array.from({ length: cols }, () => attr);
  }

  /** Writes `text` from column `col` (clipped at the right edge). */
  put(col: number, text: string, attr: Attr = Attr.Normal): void {
    let c = col;
    for (const ch of text) {
      if (c >= this.cols) break;
      if (c >= 0) {
        this.chars[c] = ch;
        this.attrs[c] = attr;
      }
      c++;
    }
  }

  /** The row as terminal output (from column 1 of its line): attributes, text, clear to the end. */
  ansi(): string {
    let end = this.cols;
    while (end > 0 && this.chars[end - 1] === ' ' && this.attrs[end - 1] === Attr.Normal) end--;
    let out = '';
    let cur: Attr = Attr.Normal;
    for (let c = 0; c < end; c++) {
      const a = this.attrs[c]!;
      if (a !== cur) {
        out += a === Attr.Normal ? SGR[0] : `${SGR[0]}${SGR[a]}`;
        cur = a;
      }
      out += this.chars[c];
    }
    if (cur !== Attr.Normal) out += SGR[0];
    return end < this.cols ? `${out}\x1b[K` : out;
  }
}

export const VERSION = '8.2';
const BRANDING = `GNU nano ${VERSION}`;

/** titlebar: the version at the left, the file name centred, "Modified" at the right. */
export function titleBar(cols: number, opts: { path: string; modified: boolean; help?: boolean }): Row {
  const row = new Row(cols, Attr.Reverse);
  const upperleft = opts.help ? '' : BRANDING;
  const state = opts.help ? '' : opts.modified ? 'Modified' : '';
  let pluglen = opts.help || opts.modified ? 0 : 'Modified'.length + 1;
  let verlen = upperleft.length + 3;
  let pathlen = opts.path.length;
  let statelen = state.length + 2;
  if (statelen > 2) pathlen++;
  const fits = (): boolean => verlen + pathlen + pluglen + statelen <= cols;
  if (fits()) row.put(2, upperleft, Attr.Reverse);
  else {
    verlen = 2;
    if (!fits()) pluglen = 0;
    if (!fits()) {
      verlen = 0;
      statelen -= 2;
    }
  }
  const offset = verlen > 0 ? verlen + Math.floor((cols - (verlen + pluglen + statelen) - pathlen) / 2) : 0;
  if (pathlen + pluglen + statelen <= cols) row.put(offset, opts.path, Attr.Reverse);
  else if (5 + statelen <= cols) row.put(offset, `...${opts.path.slice(3 + pathlen - cols + statelen)}`, Attr.Reverse);
  if (statelen > 0 && statelen <= cols) row.put(cols - statelen, state, Attr.Reverse);
  else if (statelen > 0) row.put(0, state.slice(0, cols), Attr.Reverse);
  return row;
}

/** A menu's shortcuts as nano lists them: key (as shown) and tag. */
export type Menu = [string, string][];

/** bottombars: the first shortcuts of a menu, in pairs of columns over the two help lines. */
export function helpLines(cols: number, menu: Menu): [Row, Row] {
  const rows: [Row, Row] = [new Row(cols), new Row(cols)];
  const number = Math.min(menu.length, Math.floor((cols + 40) / 20) * 2);
  const itemwidth = Math.floor(cols / Math.floor((number + 1) / 2));
  if (itemwidth === 0) return rows;
  for (let index = 0; index < number; index++) {
    const [key, tag] = menu[index]!;
    let width = itemwidth;
    // when the number is odd, the penultimate item can be double wide; the last two take the slack
    if (number % 2 === 1 && index + 2 === number) width += itemwidth;
    if (index + 2 >= number) width += cols % itemwidth;
    postOneKey(rows[index % 2]!, Math.floor(index / 2) * itemwidth, key, tag, width);
  }
  return rows;
}

/** post_one_key: the key in reverse video, a space, the tag as far as it fits. */
export function postOneKey(row: Row, col: number, key: string, tag: string, width: number): void {
  row.put(col, key.slice(0, width), Attr.Reverse);
  const room = width - key.length;
  if (room < 2) return;
  row.put(col + key.length + 1, tag.slice(0, room - 1));
}

/** statusline: "[ message ]" centred, or the bare message when it fills the row. */
export function statusRow(cols: number, message: string, error: boolean): Row {
  const row = new Row(cols);
  const msg = message.slice(0, cols);
  const start = Math.floor((cols - msg.length) / 2);
  const attr = error ? Attr.Error : Attr.Reverse;
  if (start > 1) row.put(start - 2, `[ ${msg} ]`, attr);
  else row.put(start, msg, attr);
  return row;
}

/** draw_the_promptbar: the prompt and the answer over the full width in reverse; the cursor column. */
export function promptRow(cols: number, prompt: string, answer: string, cursor: number): { row: Row; col: number } {
  const row = new Row(cols, Attr.Reverse);
  const base = prompt.length + 2;
  const column = base + cursor;
  // the answer scrolls by pages when it does not fit (get_statusbar_page_start)
  const pageStart = (b: number, c: number): number => {
    if (c === b || c < cols - 1) return 0;
    if (cols > b + 2) return c - b - 1 - ((c - b - 1) % (cols - b - 2));
    return c - cols + 1;
  };
  const page = pageStart(base, column);
  row.put(0, `${prompt}:${page === 0 ? ' ' : '<'}`, Attr.Reverse);
  row.put(base, answer.slice(page, page + cols - base), Attr.Reverse);
  return { row, col: column - page };
}

/** ask_user's help lines: " Y Yes" / " N No" and "^C Cancel" (and " A All"). */
export function yesNoLines(cols: number, all = false): [Row, Row] {
  const width = cols < 32 ? Math.floor(cols / 2) : 16;
  const rows: [Row, Row] = [new Row(cols), new Row(cols)];
  postOneKey(rows[0], 0, ' Y', 'Yes', width);
  postOneKey(rows[1], 0, ' N', 'No', width);
  if (all) postOneKey(rows[0], width, ' A', 'All', width);
  postOneKey(rows[1], width, '^C', 'Cancel', width);
  return rows;
}
