// The paragraph filler behind fmt(1): reads a binary string byte by byte, groups lines into
// paragraphs (by indentation, the -p prefix and the -c/-t/-s modes), and chooses line breaks
// by the least total cost, the way GNU fmt weighs them: distance from the goal width,
// raggedness between neighbouring lines, and bonuses or penalties around sentence ends and
// punctuation. Very long paragraphs are emitted in parts when the word or byte buffer fills.

export interface FmtOptions {
  width: number;
  goal: number;
  crown: boolean;
  tagged: boolean;
  split: boolean;
  uniform: boolean;
  /** The -p string with its leading spaces counted and trailing spaces cut. */
  prefix: string;
  prefixLead: number;
  prefixFull: number;
}

const EOF = -1;
const TAB = 8;
const DEF_INDENT = 3;
const MAX_WORDS = 1000;
const MAX_CHARS = 5000;

const sq = (n: number): number => n * n;
const shortCost = (n: number): number => sq(n * 10);
const raggedCost = (n: number): number => Math.trunc(shortCost(n) / 2);
const LINE_COST = sq(70);
const widowCost = (n: number): number => Math.trunc(sq(200) / (n + 2));
const orphanCost = (n: number): number => Math.trunc(sq(150) / (n + 2));
const SENTENCE_BONUS = sq(50);
const NOBREAK_COST = sq(600);
const PAREN_BONUS = sq(40);
const PUNCT_BONUS = sq(40);
const LINE_CREDIT = sq(3);

interface Word {
  text: string;
  length: number;
  space: number;
  paren: boolean;
  period: boolean;
  punct: boolean;
  final: boolean;
  lineLength: number;
  bestCost: number;
  nextBreak: number;
}

const blankWord = (): Word => ({ text: '', length: 0, space: 0, paren: false, period: false, punct: false, final: false, lineLength: 0, bestCost: 0, nextBreak: 0 });

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isPunct = (c: number): boolean => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);

/** One fmt run over one input; `emit` receives output text as it is made. */
export class Filler {
  private pos = 0;
  private inColumn = 0;
  private outColumn = 0;
  private tabs = false;
  private prefixIndent = 0;
  private firstIndent = 0;
  private otherIndent = 0;
  private nextChar = 0;
  private nextPrefixIndent = 0;
  private lastLineLength = 0;
  private words: Word[] = [];
  /** Index of the word being built (the paragraph's words are 0..limit-1). */
  private limit = 0;
  /** Bytes of word text held (parabuf's fill), counting the word being built. */
  private held = 0;
  private out: string[] = [];

  constructor(private readonly o: FmtOptions, private readonly input: string) {}

  run(): string {
    this.nextChar = this.getPrefix();
    while (this.getParagraph()) {
      this.fmtParagraph();
      this.putParagraph(this.limit);
    }
    return this.out.join('');
  }

  private getc(): number {
    return this.pos < this.input.length ? this.input.charCodeAt(this.pos++) : EOF;
  }

  private word(i: number): Word {
    let w = this.words[i];
    if (!w) {
      w = blankWord();
      this.words[i] = w;
    }
    return w;
  }

  private setOtherIndent(same: boolean): void {
    const o = this.o;
    if (o.split) this.otherIndent = this.firstIndent;
    else if (o.crown) this.otherIndent = same ? this.inColumn : this.firstIndent;
    else if (o.tagged) {
      if (same && this.inColumn !== this.firstIndent) this.otherIndent = this.inColumn;
      else if (this.otherIndent === this.firstIndent) this.otherIndent = this.firstIndent === 0 ? DEF_INDENT : 0;
    } else this.otherIndent = this.firstIndent;
  }

  private getParagraph(): boolean {
    const o = this.o;
    this.lastLineLength = 0;
    let c = this.nextChar;
    // copy blank lines and lines without the prefix through unchanged
    while (c === 10 || c === EOF || this.nextPrefixIndent < o.prefixLead || this.inColumn < this.nextPrefixIndent + o.prefixFull) {
      c = this.copyRest(c);
      if (c === EOF) {
        this.nextChar = EOF;
        return false;
      }
      this.out.push('\n');
      c = this.getPrefix();
    }
    this.prefixIndent = this.nextPrefixIndent;
    this.firstIndent = this.inColumn;
    this.held = 0;
    this.limit = 0;
    c = this.getLine(c);
    this.setOtherIndent(this.samePara(c));
    if (o.split) {
      // each line stands alone
    } else if (o.crown || o.tagged) {
      if (this.samePara(c) && (o.crown || this.inColumn !== this.firstIndent)) {
        do c = this.getLine(c);
        while (this.samePara(c) && this.inColumn === this.otherIndent);
      }
    } else {
      while (this.samePara(c) && this.inColumn === this.otherIndent) c = this.getLine(c);
    }
    const last = this.word(this.limit - 1);
    last.period = last.final = true;
    this.nextChar = c;
    return true;
  }

  private copyRest(c: number): number {
    const o = this.o;
    this.outColumn = 0;
    if (this.inColumn > this.nextPrefixIndent || (c !== 10 && c !== EOF)) {
      this.putSpace(this.nextPrefixIndent);
      for (let i = 0; this.outColumn !== this.inColumn && i < o.prefix.length; this.outColumn++) this.out.push(o.prefix[i++]!);
      if (c !== EOF && c !== 10) this.putSpace(this.inColumn - this.outColumn);
      if (c === EOF && this.inColumn >= this.nextPrefixIndent + o.prefix.length) this.out.push('\n');
    }
    const start = this.pos;
    if (c !== 10 && c !== EOF) {
      let end = this.input.indexOf('\n', start);
      if (end < 0) end = this.input.length;
      this.out.push(String.fromCharCode(c), this.input.slice(start, end));
      this.pos = end;
      c = this.getc();
    }
    return c;
  }

  private samePara(c: number): boolean {
    return this.nextPrefixIndent === this.prefixIndent && this.inColumn >= this.nextPrefixIndent + this.o.prefixFull && c !== 10 && c !== EOF;
  }

  private getLine(c: number): number {
    do {
      // one word
      let text = '';
      let w = this.word(this.limit);
      do {
        if (this.held === MAX_CHARS) {
          this.setOtherIndent(true);
          w.text = text;
          text = this.flushParagraph(text);
          w = this.word(this.limit);
        }
        text += String.fromCharCode(c);
        this.held++;
        c = this.getc();
      } while (c !== EOF && !isSpace(c));
      w.text = text;
      w.length = text.length;
      this.inColumn += w.length;
      this.checkPunctuation(w);
      // the space after it
      const start = this.inColumn;
      c = this.getSpace(c);
      w.space = this.inColumn - start;
      w.final = c === EOF || (w.period && (c === 10 || w.space > 1));
      if (c === 10 || c === EOF || this.o.uniform) w.space = w.final ? 2 : 1;
      if (this.limit === MAX_WORDS - 2) {
        this.setOtherIndent(true);
        this.flushParagraph(null);
      }
      this.limit++;
    } while (c !== 10 && c !== EOF);
    return this.getPrefix();
  }

  private getPrefix(): number {
    const o = this.o;
    this.inColumn = 0;
    let c = this.getSpace(this.getc());
    if (o.prefix.length === 0) this.nextPrefixIndent = Math.min(o.prefixLead, this.inColumn);
    else {
      this.nextPrefixIndent = this.inColumn;
      for (let i = 0; i < o.prefix.length; i++) {
        if (c !== o.prefix.charCodeAt(i)) return c;
        this.inColumn++;
        c = this.getc();
      }
      c = this.getSpace(c);
    }
    return c;
  }

  private getSpace(c: number): number {
    for (;;) {
      if (c === 32) this.inColumn++;
      else if (c === 9) {
        this.tabs = true;
        this.inColumn = (Math.floor(this.inColumn / TAB) + 1) * TAB;
      } else return c;
      c = this.getc();
    }
  }

  private checkPunctuation(w: Word): void {
    const t = w.text;
    w.paren = `(['\`"`.includes(t[0]!);
    w.punct = isPunct(t.charCodeAt(t.length - 1));
    let end = t.length - 1;
    while (end > 0 && `)]'"`.includes(t[end]!)) end--;
    w.period = '.?!'.includes(t[end]!);
  }

  /**
   * The buffer is full: print the paragraph so far up to a cheap break near its end and keep
   * the rest. `partial` is the text of the word being read (null between words); returns what
   * of it is still held.
   */
  private flushParagraph(partial: string | null): string {
    if (this.limit === 0) {
      // all one word: write it out as it is
      this.out.push(partial ?? '');
      this.held = 0;
      return '';
    }
    this.fmtParagraph();
    let split = this.limit;
    let bestBreak = Number.MAX_VALUE;
    for (let i = this.words[0]!.nextBreak; i !== this.limit; i = this.words[i]!.nextBreak) {
      const w = this.words[i]!;
      const d = w.bestCost - this.word(w.nextBreak).bestCost;
      if (d < bestBreak) {
        split = i;
        bestBreak = d;
      }
      if (bestBreak !== Number.MAX_VALUE) bestBreak += LINE_CREDIT;
    }
    this.putParagraph(split);
    for (let i = 0; i < split; i++) this.held -= this.words[i]!.length;
    // words from split up to and including the one being read move down to the front
    const moved = this.words.slice(split, this.limit + 1);
    this.words = moved;
    this.limit -= split;
    return partial ?? '';
  }

  private fmtParagraph(): void {
    const o = this.o;
    const limitWord = this.word(this.limit);
    limitWord.bestCost = 0;
    const savedLength = limitWord.length;
    limitWord.length = o.width;
    for (let start = this.limit - 1; start >= 0; start--) {
      const s = this.words[start]!;
      let best = Infinity;
      let len = (start === 0 ? this.firstIndent : this.otherIndent) + s.length;
      let w = start;
      do {
        w++;
        const ww = this.words[w]!;
        let cost = this.lineCost(w, len) + ww.bestCost;
        if (start === 0 && this.lastLineLength > 0) cost += raggedCost(len - this.lastLineLength);
        if (cost < best) {
          best = cost;
          s.nextBreak = w;
          s.lineLength = len;
        }
        if (w === this.limit) break;
        len += this.words[w - 1]!.space + ww.length;
      } while (len < o.width);
      s.bestCost = best + this.baseCost(start);
    }
    limitWord.length = savedLength;
  }

  private baseCost(i: number): number {
    const w = this.words[i]!;
    let cost = LINE_COST;
    if (i > 0) {
      const prev = this.words[i - 1]!;
      if (prev.period) cost += prev.final ? -SENTENCE_BONUS : NOBREAK_COST;
      else if (prev.punct) cost -= PUNCT_BONUS;
      else if (i > 1 && this.words[i - 2]!.final) cost += widowCost(prev.length);
    }
    if (w.paren) cost -= PAREN_BONUS;
    else if (w.final) cost += orphanCost(w.length);
    return cost;
  }

  private lineCost(next: number, len: number): number {
    if (next === this.limit) return 0;
    const w = this.words[next]!;
    let cost = shortCost(this.o.goal - len);
    if (w.nextBreak !== this.limit) cost += raggedCost(len - w.lineLength);
    return cost;
  }

  private putParagraph(finish: number): void {
    this.putLine(0, this.firstIndent);
    for (let i = this.words[0]!.nextBreak; i !== finish; i = this.words[i]!.nextBreak) this.putLine(i, this.otherIndent);
  }

  private putLine(i: number, indent: number): void {
    this.outColumn = 0;
    this.putSpace(this.prefixIndent);
    this.out.push(this.o.prefix);
    this.outColumn += this.o.prefix.length;
    this.putSpace(indent - this.outColumn);
    const end = this.words[i]!.nextBreak - 1;
    for (; i !== end; i++) {
      const w = this.words[i]!;
      this.out.push(w.text);
      this.outColumn += w.length;
      this.putSpace(w.space);
    }
    const w = this.words[i]!;
    this.out.push(w.text);
    this.outColumn += w.length;
    this.lastLineLength = this.outColumn;
    this.out.push('\n');
  }

  private putSpace(space: number): void {
    const target = this.outColumn + space;
    if (this.tabs) {
      const tabTarget = Math.floor(target / TAB) * TAB;
      if (this.outColumn + 1 < tabTarget) {
        while (this.outColumn < tabTarget) {
          this.out.push('\t');
          this.outColumn = (Math.floor(this.outColumn / TAB) + 1) * TAB;
        }
      }
    }
    if (this.outColumn < target) {
      this.out.push(' '.repeat(target - this.outColumn));
      this.outColumn = target;
    }
  }
}
