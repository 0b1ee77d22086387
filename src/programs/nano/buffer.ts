// nano's buffer: the lines of the file, the cursor, the cutbuffer and the last search. As in
// nano, a file that ends with a newline has an empty last line (the "magic line"), text
// typed on the last line grows a new magic line, and writing puts a newline after every line
// but the last.

export class Buffer {
  lines: string[] = [''];
  /** The cursor: line index and character index in that line. */
  row = 0;
  col = 0;
  /** The column the cursor wants when moving up and down (placewewant). */
  want = 0;
  modified = false;
  filename = '';
  /** What ^K cut and ^U pastes; consecutive ^K cuts add to it. */
  cutbuffer = '';
  keepCut = false;
  lastSearch = '';

  static fromText(text: string): Buffer {
    const b = new Buffer();
    b.lines = text.split('\n');
    return b;
  }

  /** The lines the file holds (the magic line not counted). */
  lineCount(): number {
    const n = this.lines.length;
    return this.lines[n - 1] === '' ? n - 1 : n;
  }

  get line(): string {
    return this.lines[this.row]!;
  }

  text(): string {
    return this.lines.join('\n');
  }

  /** Total characters of the file, newlines included (^C's char count). */
  size(): number {
    return this.lines.reduce((n, l) => n + [...l].length, 0) + this.lines.length - 1;
  }

  private touch(): void {
    this.modified = true;
  }

  /** Typing on the last line gives the file a new empty last line (nano.c inject). */
  private magic(): void {
    if (this.row === this.lines.length - 1 && this.line !== '') this.lines.push('');
  }

  insert(text: string): void {
    const parts = text.split('\n');
    const head = this.line.slice(0, this.col);
    const tail = this.line.slice(this.col);
    if (parts.length === 1) {
      this.lines[this.row] = head + text + tail;
      this.col += text.length;
    } else {
      const mid = parts.slice(1, -1);
      const last = parts.at(-1)!;
      this.lines.splice(this.row, 1, head + parts[0], ...mid, last + tail);
      this.row += parts.length - 1;
      this.col = last.length;
    }
    this.magic();
    this.want = this.col;
    this.touch();
  }

  enter(): void {
    const tail = this.line.slice(this.col);
    this.lines[this.row] = this.line.slice(0, this.col);
    this.lines.splice(this.row + 1, 0, tail);
    this.row++;
    this.col = 0;
    this.want = 0;
    this.touch();
  }

  backspace(): void {
    if (this.col > 0) {
      this.lines[this.row] = this.line.slice(0, this.col - 1) + this.line.slice(this.col);
      this.col--;
    } else if (this.row > 0) {
      const prev = this.lines[this.row - 1]!;
      this.lines.splice(this.row - 1, 2, prev + this.line);
      this.row--;
      this.col = prev.length;
    } else return;
    this.want = this.col;
    this.touch();
  }

  delete(): void {
    if (this.col < this.line.length) {
      this.lines[this.row] = this.line.slice(0, this.col) + this.line.slice(this.col + 1);
    } else if (this.row < this.lines.length - 1) {
      this.lines.splice(this.row, 2, this.line + this.lines[this.row + 1]!);
    } else return;
    this.touch();
  }

  /** ^K: the whole line (with its newline) into the cutbuffer; false when nothing was cut. */
  cutLine(): boolean {
    const last = this.row === this.lines.length - 1;
    if (last && this.line === '') return false;
    const taken = last ? this.line : `${this.line}\n`;
    this.cutbuffer = this.keepCut ? this.cutbuffer + taken : taken;
    if (last) this.lines[this.row] = '';
    else this.lines.splice(this.row, 1);
    this.col = 0;
    this.want = 0;
    this.keepCut = true;
    this.touch();
    return true;
  }

  /** ^U: the cutbuffer at the cursor; false when it is empty. */
  paste(): boolean {
    if (this.cutbuffer === '') return false;
    this.insert(this.cutbuffer);
    return true;
  }

  // ---- moving ----

  left(): void {
    if (this.col > 0) this.col--;
    else if (this.row > 0) {
      this.row--;
      this.col = this.line.length;
    }
    this.want = this.col;
  }

  right(): void {
    if (this.col < this.line.length) this.col++;
    else if (this.row < this.lines.length - 1) {
      this.row++;
      this.col = 0;
    }
    this.want = this.col;
  }

  up(n = 1): void {
    this.row = Math.max(0, this.row - n);
    this.col = Math.min(this.want, this.line.length);
  }

  down(n = 1): void {
    this.row = Math.min(this.lines.length - 1, this.row + n);
    this.col = Math.min(this.want, this.line.length);
  }

  home(): void {
    this.col = 0;
    this.want = 0;
  }

  end(): void {
    this.col = this.line.length;
    this.want = this.col;
  }

  goto(line: number, column = 1): void {
    this.row = Math.max(0, Math.min(this.lines.length - 1, line - 1));
    this.col = Math.max(0, Math.min(this.line.length, column - 1));
    this.want = this.col;
  }

  /**
   * findnextstr: the next match after the cursor, ignoring case, wrapping past the end back
   * to the cursor. Says whether the search wrapped; undefined when nothing matches.
   */
  find(needle: string): { wrapped: boolean } | undefined {
    const n = needle.toLowerCase();
    const total = this.lines.length;
    const startRow = this.row;
    const startCol = this.col;
    for (let i = 0; i <= total; i++) {
      const r = (startRow + i) % total;
      const hay = this.lines[r]!.toLowerCase();
      let at = hay.indexOf(n, i === 0 ? startCol + 1 : 0);
      // back on the starting line: only up to the cursor
      if (i === total && at > startCol) at = -1;
      if (at >= 0) {
        this.row = r;
        this.col = at;
        this.want = at;
        return { wrapped: startRow + i >= total };
      }
    }
    return undefined;
  }
}
