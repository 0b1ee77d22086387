// A small VT100/xterm screen for tests of full-screen programs: it applies the bytes a
// program wrote (cursor moves, erases, the alternate screen, scrolling, SGR reverse video)
// so tests can assert what a learner would see, not the escape sequences.

interface Cell {
  ch: string;
  reverse: boolean;
  bold: boolean;
  under: boolean;
}

const blank = (): Cell => ({ ch: ' ', reverse: false, bold: false, under: false });

export class Screen {
  private grid: Cell[][];
  private saved: { grid: Cell[][]; x: number; y: number } | undefined;
  x = 0;
  y = 0;
  private wrapPending = false;
  private attr = { reverse: false, bold: false, under: false };
  private pending = '';

  constructor(
    public cols: number,
    public rows: number,
  ) {
    this.grid = this.empty();
  }

  private empty(): Cell[][] {
    return Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, blank));
  }

  /** A window resize: the grid is cut or padded, as xterm does. */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    const fit = (old: Cell[][]): Cell[][] => {
      const grid = this.empty();
      for (let r = 0; r < Math.min(rows, old.length); r++) for (let c = 0; c < Math.min(cols, old[r]!.length); c++) grid[r]![c] = old[r]![c]!;
      return grid;
    };
    this.grid = fit(this.grid);
    if (this.saved) this.saved = { grid: fit(this.saved.grid), x: Math.min(this.saved.x, cols - 1), y: Math.min(this.saved.y, rows - 1) };
    this.x = Math.min(this.x, cols - 1);
    this.y = Math.min(this.y, rows - 1);
  }

  write(data: string): void {
    const text = this.pending + data;
    this.pending = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (c === '\x1b') {
        const rest = text.slice(i);
        const m = /^\x1b(\[[?]?[0-9;]*[A-Za-z@]|[=>M78]|\][^\x07]*\x07)/.exec(rest);
        if (!m) {
          if (/^\x1b(\[[?]?[0-9;]*)?$/.test(rest)) {
            this.pending = rest;
            return;
          }
          continue;
        }
        this.escape(m[1]!);
        i += m[0].length - 1;
        continue;
      }
      this.char(c);
    }
  }

  private char(c: string): void {
    switch (c) {
      case '\r': this.x = 0; this.wrapPending = false; return;
      case '\n': this.lineFeed(); return;
      case '\b': if (this.x > 0) this.x--; this.wrapPending = false; return;
      case '\x07': return;
      case '\t': this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8); return;
    }
    if (this.wrapPending) {
      this.x = 0;
      this.lineFeed();
    }
    this.grid[this.y]![this.x] = { ch: c, ...this.attr };
    if (this.x === this.cols - 1) this.wrapPending = true;
    else this.x++;
  }

  private lineFeed(): void {
    this.wrapPending = false;
    if (this.y === this.rows - 1) {
      this.grid.shift();
      this.grid.push(Array.from({ length: this.cols }, blank));
    } else this.y++;
  }

  private escape(seq: string): void {
    if (seq === 'M') {
      if (this.y === 0) {
        this.grid.pop();
        this.grid.unshift(Array.from({ length: this.cols }, blank));
      } else this.y--;
      return;
    }
    if (seq[0] !== '[') return;
    const final = seq[seq.length - 1]!;
    const priv = seq[1] === '?';
    const params = seq.slice(priv ? 2 : 1, -1).split(';').map((p) => (p === '' ? undefined : Number(p)));
    const n = (k: number, d: number): number => params[k] ?? d;
    this.wrapPending = false;
    if (priv) {
      if (params[0] === 1049 && final === 'h') {
        this.saved = { grid: this.grid, x: this.x, y: this.y };
        this.grid = this.empty();
      } else if (params[0] === 1049 && final === 'l' && this.saved) {
        ({ grid: this.grid, x: this.x, y: this.y } = this.saved);
        this.saved = undefined;
      }
      return;
    }
    switch (final) {
      case 'H': case 'f': this.y = Math.min(this.rows, n(0, 1)) - 1; this.x = Math.min(this.cols, n(1, 1)) - 1; return;
      case 'A': this.y = Math.max(0, this.y - n(0, 1)); return;
      case 'B': this.y = Math.min(this.rows - 1, this.y + n(0, 1)); return;
      case 'C': this.x = Math.min(this.cols - 1, this.x + n(0, 1)); return;
      case 'D': this.x = Math.max(0, this.x - n(0, 1)); return;
      case 'G': this.x = Math.min(this.cols, n(0, 1)) - 1; return;
      case 'K': {
        const row = this.grid[this.y]!;
        const mode = n(0, 0);
        for (let c = 0; c < this.cols; c++) if ((mode === 0 && c >= this.x) || (mode === 1 && c <= this.x) || mode === 2) row[c] = blank();
        return;
      }
      case 'J': {
        const mode = n(0, 0);
        for (let r = 0; r < this.rows; r++) {
          if (mode === 0 && r < this.y) continue;
          if (mode === 1 && r > this.y) continue;
          for (let c = 0; c < this.cols; c++) {
            if (mode === 0 && r === this.y && c < this.x) continue;
            if (mode === 1 && r === this.y && c > this.x) continue;
            this.grid[r]![c] = blank();
          }
        }
        return;
      }
      case 'm':
        for (const p of params.length ? params : [0]) {
          const v = p ?? 0;
          if (v === 0) this.attr = { reverse: false, bold: false, under: false };
          else if (v === 1) this.attr.bold = true;
          else if (v === 22) this.attr.bold = false;
          else if (v === 4) this.attr.under = true;
          else if (v === 24) this.attr.under = false;
          else if (v === 7) this.attr.reverse = true;
          else if (v === 27) this.attr.reverse = false;
        }
        return;
    }
  }

  /** Row `r` as text, trailing spaces removed. */
  line(r: number): string {
    return this.grid[r]!.map((c) => c.ch).join('').replace(/ +$/, '');
  }

  /** The whole screen, one string per row. */
  lines(): string[] {
    return this.grid.map((_, r) => this.line(r));
  }

  /** Row `r` with reverse-video runs in [brackets], bold in *stars* and underline in _underscores_. */
  styled(r: number): string {
    let out = '';
    let cur = { reverse: false, bold: false, under: false };
    const row = this.grid[r]!;
    let end = row.length;
    while (end > 0 && row[end - 1]!.ch === ' ' && !row[end - 1]!.reverse) end--;
    for (let c = 0; c < end; c++) {
      const cell = row[c]!;
      const close = (k: 'reverse' | 'bold' | 'under', mark: string): void => {
        if (cur[k] && !cell[k]) out += mark;
      };
      close('under', '_');
      close('bold', '*');
      close('reverse', ']');
      if (cell.reverse && !cur.reverse) out += '[';
      if (cell.bold && !cur.bold) out += '*';
      if (cell.under && !cur.under) out += '_';
      cur = { reverse: cell.reverse, bold: cell.bold, under: cell.under };
      out += cell.ch;
    }
    if (cur.under) out += '_';
    if (cur.bold) out += '*';
    if (cur.reverse) out += ']';
    return out;
  }
}
