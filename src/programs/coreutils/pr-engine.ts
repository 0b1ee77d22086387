// The page maker behind pr(1), working on whole inputs held as binary strings: headers and
// trailers, columns down (stored and balanced on the last page) or across, files side by
// side (-m), line numbers, tab expansion and re-tabbing, form feeds that end pages early,
// and page ranges. It follows GNU pr's order of decisions closely, since the exact spacing
// of its output (pending blanks turned into tabs, separators printed late) depends on it.

export interface PrSettings {
  columns: number;
  explicitColumns: boolean;
  firstPage: number;
  lastPage: number;
  numbered: boolean;
  numberSep: string;
  numberDigits: number;
  startLineNum: number;
  skipCount: boolean;
  escapes: boolean;
  controlPrefix: boolean;
  doubleSpace: boolean;
  useColSep: boolean;
  colSep: string;
  header: string | undefined;
  extremities: boolean;
  keepFF: boolean;
  formFeed: boolean;
  across: boolean;
  parallel: boolean;
  storing: boolean;
  pageLength: number;
  pageWidth: number;
  truncate: boolean;
  join: boolean;
  untabify: boolean;
  inTab: string;
  inTabWidth: number;
  tabify: boolean;
  outTab: string;
  outTabWidth: number;
  margin: number;
}

/** An input: its bytes, read position, and how its header is dated and named. */
export interface PrInput {
  name: string;
  data: string;
  pos: number;
  /** The header's date text for this input. */
  date: string;
  /** The header's name for it ('' for standard input). */
  title: string;
  /** Reading it failed (side by side, pr dies only on getting there): the message. */
  error?: string;
}

const EOF = -1;
const HEADER_LINES = 5;
const FOOTER_LINES = 5;

const enum St {
  Open,
  FFFound,
  OnHold,
  Closed,
}

interface Column {
  input: PrInput;
  status: St;
  stored: boolean;
  currentLine: number;
  linesStored: number;
  linesToPrint: number;
  start: number;
  numbered: boolean;
  fullPagePrinted: boolean;
}

const isPrint = (c: number): boolean => c >= 32 && c < 127;
const tabWidth = (w: number, h: number): number => w - (h % w);

export class PrError extends Error {
  /** What was printed before a read error stopped pr. */
  partial = '';
}

/** Pages with no room for text (-d on a one-line body): GNU pr then loops forever. */
export class PrStall extends Error {}

export class Pager {
  private cols: Column[] = [];
  private columns: number;
  private out: string[] = [];
  private filesReady = 0;
  private page = 1;
  private lineNumber = 0;
  private lineCount = 1;
  private numberWidth = 0;
  private charsPerColumn = 0;
  private linesPerBody = 0;
  private separatorsPending = 0;
  private paddingPending = 0;
  private padVertically = false;
  private headerWidth = 0;
  private date = '';
  private title = '';
  private lastLine = false;
  private alignEmpty = false;
  private emptyLine = false;
  private ffOnly = false;
  private printFF = false;
  private printHeader = false;
  private spacesPending = 0;
  private outPos = 0;
  private inPos = 0;
  private buff: string[] = [];
  private lineStart: number[] = [];
  private lineEnd: number[] = [];
  private clump = '';
  /** Messages (without the program name) that do not stop the run. */
  readonly warnings: string[] = [];

  constructor(private readonly s: PrSettings) {
    this.columns = s.columns;
  }

  /** Pages `inputs` (one, or those of the `named` files that opened, side by side with -m);
   * returns the output text. */
  run(inputs: PrInput[], named = inputs.length): string {
    this.out = [];
    this.setup(named);
    this.openColumns(inputs);
    const s = this.s;
    if (s.firstPage > 1) {
      if (!this.skipTo(s.firstPage)) return this.out.join('');
      this.page = s.firstPage;
    } else this.page = 1;
    this.assignFuncs();
    this.lineNumber = this.lineCount;
    while (this.printPage());
    return this.out.join('');
  }

  private put(c: string): void {
    this.out.push(c);
  }

  private setup(nFiles: number): void {
    const s = this.s;
    this.linesPerBody = s.pageLength - HEADER_LINES - FOOTER_LINES;
    if (this.linesPerBody <= 0) {
      s.extremities = false;
      s.keepFF = true;
    }
    if (!s.extremities) this.linesPerBody = s.pageLength;
    if (s.doubleSpace) this.linesPerBody = Math.trunc(this.linesPerBody / 2);
    if (s.parallel) this.columns = nFiles;
    if (this.columns > 1) {
      if (!s.useColSep) {
        s.colSep = s.join ? '\t' : ' ';
        s.useColSep = true;
      } else if (!s.join && s.colSep === '\t') s.colSep = ' ';
      s.truncate = true;
      if (s.colSep !== '\t') s.untabify = true;
      s.tabify = true;
    } else s.storing = false;
    if (s.join) s.truncate = false;
    let byNumber = 0;
    if (s.numbered) {
      this.lineCount = s.startLineNum;
      this.numberWidth = s.numberSep === '\t' ? s.numberDigits + tabWidth(8, s.numberDigits) : s.numberDigits + 1;
      if (s.parallel) byNumber = this.numberWidth;
    }
    const useful = Math.max(0, s.pageWidth - byNumber - (this.columns - 1) * s.colSep.length);
    this.charsPerColumn = Math.trunc(useful / this.columns);
    if (this.charsPerColumn < 1) throw new PrError('page width too narrow');
  }

  private openColumns(inputs: PrInput[]): void {
    const s = this.s;
    const fresh = (input: PrInput): Column => ({ input, status: St.Open, stored: false, currentLine: 0, linesStored: 0, linesToPrint: 0, start: 0, numbered: false, fullPagePrinted: false });
    if (s.parallel) {
      this.cols = inputs.map(fresh);
      this.columns = this.cols.length;
      this.header(inputs[0]!.date, '');
    } else {
      const input = inputs[0]!;
      this.cols = Array.from({ length: this.columns }, () => fresh(input));
      this.header(input.date, input.title);
    }
    this.filesReady = inputs.length;
  }

  private header(date: string, title: string): void {
    this.date = date;
    this.title = this.s.header ?? title;
    this.headerWidth = this.s.pageWidth - date.length - this.title.length;
  }

  private assignFuncs(): void {
    const s = this.s;
    let h = s.margin;
    let hNext = !s.truncate ? 0 : s.parallel && s.numbered ? h + this.charsPerColumn + this.numberWidth : h + this.charsPerColumn;
    h += s.colSep.length;
    const n = this.cols.length;
    for (let i = 0; i < n; i++) {
      const p = this.cols[i]!;
      p.stored = s.storing;
      p.numbered = s.numbered && (!s.parallel || i === 0);
      p.start = h;
      if (i === n - 1) break;
      if (!s.truncate) {
        h = 0;
        hNext = 0;
      } else {
        h = hNext + s.colSep.length;
        hNext = h + this.charsPerColumn;
      }
    }
  }

  // ---- input ----

  private getc(p: Column): number {
    const f = p.input;
    return f.pos < f.data.length ? f.data.charCodeAt(f.pos++) : EOF;
  }

  private ungetc(p: Column, c: number): void {
    if (c !== EOF) p.input.pos--;
  }

  private closeFile(p: Column): void {
    if (p.status === St.Closed) return;
    if (p.input.error !== undefined) {
      const e = new PrError(p.input.error);
      e.partial = this.out.join('');
      throw e;
    }
    if (!this.s.parallel) {
      for (const q of this.cols) {
        q.status = St.Closed;
        if (q.linesStored === 0) q.linesToPrint = 0;
      }
    } else {
      p.status = St.Closed;
      p.linesToPrint = 0;
    }
    this.filesReady--;
  }

  private holdFile(p: Column): void {
    if (!this.s.parallel) for (const q of this.cols) q.status = this.s.storing ? St.FFFound : St.OnHold;
    else p.status = St.OnHold;
    p.linesToPrint = 0;
    this.filesReady--;
  }

  private resetStatus(): void {
    for (const p of this.cols) {
      if (p.status === St.OnHold) {
        p.status = St.Open;
        this.filesReady++;
      }
    }
    if (this.s.storing) this.filesReady = this.cols[0]!.status === St.Closed ? 0 : 1;
  }

  private colsReady(): number {
    let n = 0;
    for (const q of this.cols) {
      if (q.status === St.Open || q.status === St.FFFound || (this.s.storing && q.linesStored > 0 && q.linesToPrint > 0)) n++;
    }
    return n;
  }

  // ---- pages ----

  private initPage(): void {
    if (this.s.storing) {
      this.storeColumns();
      for (const p of this.cols) p.linesToPrint = p.linesStored;
    } else {
      for (const p of this.cols) p.linesToPrint = p.status === St.Open ? this.linesPerBody : 0;
    }
  }

  private alignColumn(p: Column): void {
    this.paddingPending = p.start;
    if (this.s.colSep.length < this.paddingPending) {
      this.padAcross(this.paddingPending - this.s.colSep.length);
      this.paddingPending = 0;
    }
    if (this.s.useColSep) this.printSep();
    if (p.numbered) this.addLineNumber(p);
  }

  private printPage(): boolean {
    const s = this.s;
    this.initPage();
    if (this.colsReady() === 0) return false;
    if (this.linesPerBody <= 0) throw new PrStall();
    if (s.extremities) this.printHeader = true;
    this.padVertically = false;
    let pv = false;
    let left = this.linesPerBody * (s.doubleSpace ? 2 : 1);
    while (left > 0 && this.colsReady() > 0) {
      this.outPos = 0;
      this.spacesPending = 0;
      this.separatorsPending = 0;
      this.padVertically = false;
      this.alignEmpty = false;
      this.emptyLine = true;
      for (const p of this.cols) {
        this.inPos = 0;
        if (p.linesToPrint > 0 || p.status === St.FFFound) {
          this.ffOnly = false;
          this.paddingPending = p.start;
          if (!(p.stored ? this.printStored(p) : this.readLine(p))) this.readRest(p);
          pv ||= this.padVertically;
          p.linesToPrint--;
          if (p.linesToPrint <= 0 && this.colsReady() === 0) break;
          if (s.parallel && p.status !== St.Open) {
            if (this.emptyLine) this.alignEmpty = true;
            else if (p.status === St.Closed || (p.status === St.OnHold && this.ffOnly)) this.alignColumn(p);
          }
        } else if (s.parallel) {
          if (this.emptyLine) this.alignEmpty = true;
          else this.alignColumn(p);
        }
        if (s.useColSep) this.separatorsPending++;
      }
      if (this.padVertically) {
        this.put('\n');
        left--;
      }
      if (this.colsReady() === 0 && !s.extremities) break;
      if (s.doubleSpace && pv) {
        this.put('\n');
        left--;
      }
    }
    if (left === 0) for (const p of this.cols) if (p.status === St.Open) p.fullPagePrinted = true;
    this.padVertically = pv;
    if (pv && s.extremities) this.padDown(left + FOOTER_LINES);
    else if (s.keepFF && this.printFF) {
      this.put('\f');
      this.printFF = false;
    }
    if (s.lastPage < ++this.page) return false;
    this.resetStatus();
    return true;
  }

  private storeColumns(): void {
    let line = 0;
    let start = 0;
    this.buff = [];
    this.lineStart = [];
    this.lineEnd = [];
    for (const p of this.cols) p.linesStored = 0;
    for (let i = 0; i < this.cols.length && this.filesReady; i++) {
      const p = this.cols[i]!;
      p.currentLine = line;
      for (let j = this.linesPerBody; j && this.filesReady; j--) {
        if (p.status !== St.Open) continue;
        this.inPos = 0;
        if (!this.readLine(p)) this.readRest(p);
        if (p.status === St.Open || start !== this.buff.length) {
          p.linesStored++;
          this.lineStart[line] = start;
          this.lineEnd[line++] = this.inPos;
          start = this.buff.length;
        }
      }
    }
    this.lineStart[line] = start;
    // balance the columns
    let first = 0;
    const n = this.cols.length;
    for (let i = 0; i < n; i++) {
      const p = this.cols[i]!;
      const lines = Math.trunc(line / n) + (i < line % n ? 1 : 0);
      p.linesStored = lines;
      p.currentLine = first;
      first += lines;
    }
  }

  private addLineNumber(p: Column): void {
    const s = this.s;
    const text = String(this.lineNumber).padStart(s.numberDigits);
    this.lineNumber++;
    for (const ch of text.slice(text.length - s.numberDigits)) this.charOut(p, ch);
    if (this.columns > 1) {
      if (s.numberSep === '\t') for (let i = this.numberWidth - s.numberDigits; i > 0; i--) this.charOut(p, ' ');
      else this.charOut(p, s.numberSep);
    } else {
      this.charOut(p, s.numberSep);
      if (s.numberSep === '\t') this.outPos += tabWidth(s.outTabWidth, this.outPos);
    }
    if (s.truncate && !s.parallel) this.inPos += this.numberWidth;
  }

  private padAcross(position: number): void {
    if (this.s.tabify) this.spacesPending = position - this.outPos;
    else {
      if (position > this.outPos) this.put(' '.repeat(position - this.outPos));
      this.outPos = position;
    }
  }

  private padDown(lines: number): void {
    if (this.s.formFeed) this.put('\f');
    else this.put('\n'.repeat(Math.max(0, lines)));
  }

  private readRest(p: Column): void {
    for (;;) {
      let c = this.getc(p);
      if (c === 10) return;
      if (c === 12) {
        c = this.getc(p);
        if (c !== 10) this.ungetc(p, c);
        if (this.s.keepFF) this.printFF = true;
        this.holdFile(p);
        return;
      }
      if (c === EOF) {
        this.closeFile(p);
        return;
      }
    }
  }

  private skipRead(p: Column, colNo: number): void {
    const s = this.s;
    let c = this.getc(p);
    if (c === 12 && p.fullPagePrinted) {
      c = this.getc(p);
      if (c === 10) c = this.getc(p);
    }
    p.fullPagePrinted = false;
    const singleFF = c === 12;
    if (this.lastLine) p.fullPagePrinted = true;
    while (c !== 10) {
      if (c === 12) {
        if (this.lastLine) {
          if (!s.parallel) for (const q of this.cols) q.fullPagePrinted = false;
          else p.fullPagePrinted = false;
        }
        c = this.getc(p);
        if (c !== 10) this.ungetc(p, c);
        this.holdFile(p);
        break;
      }
      if (c === EOF) {
        this.closeFile(p);
        break;
      }
      c = this.getc(p);
    }
    if (s.skipCount && (!s.parallel || colNo === 1) && !singleFF) this.lineCount++;
  }

  private printWhite(): void {
    let h = this.outPos;
    const goal = h + this.spacesPending;
    const w = this.s.outTabWidth;
    for (;;) {
      if (goal - h <= 1) break;
      const next = h + tabWidth(w, h);
      if (next > goal) break;
      this.put(this.s.outTab);
      h = next;
    }
    if (goal > h) this.put(' '.repeat(goal - h));
    this.outPos = goal;
    this.spacesPending = 0;
  }

  private printSep(): void {
    const sep = this.s.colSep;
    if (this.separatorsPending <= 0) {
      if (this.spacesPending > 0) this.printWhite();
      return;
    }
    // like GNU pr, the separator's text goes out once however many are pending
    let first = true;
    for (; this.separatorsPending > 0; this.separatorsPending--) {
      if (first) {
        for (const ch of sep) {
          if (ch === ' ') this.spacesPending++;
          else {
            if (this.spacesPending > 0) this.printWhite();
            this.put(ch);
            this.outPos++;
          }
        }
        first = false;
      }
      if (this.spacesPending > 0) this.printWhite();
    }
  }

  private charOut(p: Column, ch: string): void {
    if (p.stored) this.buff.push(ch);
    else this.printChar(ch);
  }

  private printChar(ch: string): void {
    if (this.s.tabify) {
      if (ch === ' ') {
        this.spacesPending++;
        return;
      }
      if (this.spacesPending > 0) this.printWhite();
      const c = ch.charCodeAt(0);
      if (!isPrint(c)) {
        if (c === 8) this.outPos--;
      } else this.outPos++;
    }
    this.put(ch);
  }

  private skipTo(page: number): boolean {
    for (let n = 1; n < page; n++) {
      for (let i = 1; i < this.linesPerBody; i++) {
        this.cols.forEach((p, j) => {
          if (p.status === St.Open) this.skipRead(p, j + 1);
        });
      }
      this.lastLine = true;
      this.cols.forEach((p, j) => {
        if (p.status === St.Open) this.skipRead(p, j + 1);
      });
      if (this.s.storing) for (const p of this.cols) if (p.status !== St.Closed) p.status = St.OnHold;
      this.resetStatus();
      this.lastLine = false;
      if (this.filesReady < 1) {
        this.warnings.push(`starting page number ${page} exceeds page count ${n}`);
        break;
      }
    }
    return this.filesReady > 0;
  }

  private printHeaderNow(): void {
    const s = this.s;
    this.outPos = 0;
    this.padAcross(s.margin);
    this.printWhite();
    const pageText = `Page ${this.page}`;
    const avail = Math.max(0, this.headerWidth - pageText.length);
    const lhs = avail >> 1;
    const rhs = avail - lhs;
    const pad = (n: number): string => ' '.repeat(Math.max(1, n));
    this.put(`\n\n${' '.repeat(s.margin)}${this.date}${pad(lhs)}${this.title}${pad(rhs)}${pageText}\n\n\n`);
    this.printHeader = false;
    this.outPos = 0;
  }

  private readLine(p: Column): boolean {
    const s = this.s;
    let c = this.getc(p);
    let lastIn = this.inPos;
    if (c === 12 && p.fullPagePrinted) {
      c = this.getc(p);
      if (c === 10) c = this.getc(p);
    }
    p.fullPagePrinted = false;
    if (c === 12) {
      const d = this.getc(p);
      if (d !== 10) this.ungetc(p, d);
      this.ffOnly = true;
      if (this.printHeader && !s.storing) {
        this.padVertically = true;
        this.printHeaderNow();
      } else if (s.keepFF) this.printFF = true;
      this.holdFile(p);
      return true;
    }
    if (c === EOF) {
      this.closeFile(p);
      return true;
    }
    if (c !== 10) this.toClump(c);
    if (s.truncate && this.inPos > this.charsPerColumn) {
      this.inPos = lastIn;
      return false;
    }
    if (!p.stored) {
      this.padVertically = true;
      if (this.printHeader && !s.storing) this.printHeaderNow();
      if (s.parallel && this.alignEmpty) {
        const k = this.separatorsPending;
        this.separatorsPending = 0;
        for (let j = 0; j < k; j++) {
          this.alignColumn(this.cols[j]!);
          this.separatorsPending++;
        }
        this.paddingPending = p.start;
        this.spacesPending = s.truncate ? this.charsPerColumn : 0;
        this.alignEmpty = false;
      }
      if (s.colSep.length < this.paddingPending) {
        this.padAcross(this.paddingPending - s.colSep.length);
        this.paddingPending = 0;
      }
      if (s.useColSep) this.printSep();
    }
    if (p.numbered) this.addLineNumber(p);
    this.emptyLine = false;
    if (c === 10) return true;
    this.emitClump(p);
    for (;;) {
      c = this.getc(p);
      if (c === 10) return true;
      if (c === 12) {
        const d = this.getc(p);
        if (d !== 10) this.ungetc(p, d);
        if (s.keepFF) this.printFF = true;
        this.holdFile(p);
        return true;
      }
      if (c === EOF) {
        this.closeFile(p);
        return true;
      }
      lastIn = this.inPos;
      this.toClump(c);
      if (s.truncate && this.inPos > this.charsPerColumn) {
        this.inPos = lastIn;
        return false;
      }
      this.emitClump(p);
    }
  }

  private emitClump(p: Column): void {
    for (const ch of this.clump) this.charOut(p, ch);
  }

  private printStored(p: Column): boolean {
    const s = this.s;
    const line = p.currentLine++;
    const first = this.lineStart[line]!;
    const last = this.lineStart[line + 1]!;
    this.padVertically = true;
    if (this.printHeader) this.printHeaderNow();
    if (p.status === St.FFFound) {
      for (const q of this.cols) q.status = St.OnHold;
      if (this.cols[0]!.linesToPrint <= 0) {
        if (!s.extremities) this.padVertically = false;
        return true;
      }
    }
    if (s.colSep.length < this.paddingPending) {
      this.padAcross(this.paddingPending - s.colSep.length);
      this.paddingPending = 0;
    }
    if (s.useColSep) this.printSep();
    for (let i = first; i < last; i++) this.printChar(this.buff[i]!);
    if (this.spacesPending === 0) {
      this.outPos = p.start + this.lineEnd[line]!;
      if (p.start - s.colSep.length === s.margin) this.outPos -= s.colSep.length;
    }
    return true;
  }

  /** Turns one input byte into the text that shows it, moving the input position. */
  private toClump(c: number): void {
    const s = this.s;
    const ch = String.fromCharCode(c);
    let width: number;
    if (ch === s.inTab || c === 9) {
      width = tabWidth(ch === s.inTab ? s.inTabWidth : 8, this.inPos);
      this.clump = s.untabify ? ' '.repeat(width) : ch;
    } else if (!isPrint(c)) {
      const octal = `\\${c.toString(8).padStart(3, '0')}`;
      if (s.escapes) {
        width = 4;
        this.clump = octal;
      } else if (s.controlPrefix) {
        if (c < 0o200) {
          width = 2;
          this.clump = `^${String.fromCharCode(c ^ 0o100)}`;
        } else {
          width = 4;
          this.clump = octal;
        }
      } else {
        width = c === 8 ? -1 : 0;
        this.clump = ch;
      }
    } else {
      width = 1;
      this.clump = ch;
    }
    if (width < 0 && this.inPos === 0) this.clump = '';
    else if (width < 0 && this.inPos <= -width) this.inPos = 0;
    else this.inPos += width;
  }
}
