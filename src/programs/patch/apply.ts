// Applying hunks to a file's lines as GNU patch 2.7 does: each hunk is looked for where its
// header says (moved by the offset of the hunk before), then ever further above and below,
// first exactly, then ignoring up to `fuzz` lines of context at its ends; a hunk with less
// context at one end than at the other must sit at that end of the file. Hunks found go in
// order (none before the end of the last one applied); the others are rejected.
import type { Hunk, HunkLine } from './parse';

export interface FileText {
  lines: string[];
  /** The last line has no newline. */
  noEol: boolean;
}

export function splitText(text: string): FileText {
  if (text === '') return { lines: [], noEol: false };
  const lines = text.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) lines.pop();
  return { lines, noEol };
}

export function joinText(f: FileText): string {
  if (f.lines.length === 0) return '';
  return f.lines.join('\n') + (f.noEol ? '' : '\n');
}

/** A hunk as it applies: with -R its sides swapped. */
export function oriented(h: Hunk, reverse: boolean): Hunk {
  if (!reverse) return h;
  const flip = (l: HunkLine): HunkLine => ({ t: l.t === '-' ? '+' : l.t === '+' ? '-' : ' ', s: l.s });
  return {
    ...h, oldStart: h.newStart, oldCount: h.newCount, newStart: h.oldStart, newCount: h.oldCount,
    lines: h.lines.map(flip), oldNoEol: h.newNoEol, newNoEol: h.oldNoEol,
  };
}

export type Outcome = { ok: true; hunk: number; line: number; fuzz: number; offset: number } | { ok: false; hunk: number; line: number; crlf: boolean };

export interface ApplyOptions {
  maxFuzz: number;
  ignoreWhitespace: boolean;
}

const squash = (s: string): string => s.replace(/[ \t]+/g, ' ').trim();

export class Applier {
  private readonly out: string[] = [];
  private pos = 0;
  private lastOffset = 0;
  private frozen = 0;
  noEol: boolean;
  readonly outcomes: Outcome[] = [];

  constructor(
    private readonly file: FileText,
    private readonly o: ApplyOptions,
  ) {
    this.noEol = file.noEol;
  }

  private eq(a: string, b: string): boolean {
    return a === b || (this.o.ignoreWhitespace && squash(a) === squash(b));
  }

  /** Lines match with their ends too: a last line without a newline is another line. */
  private matches(pattern: string[], noEol: boolean, at: number, skipStart: number, skipEnd: number): boolean {
    const last = this.file.lines.length - 1;
    for (let i = skipStart; i < pattern.length - skipEnd; i++) {
      if (!this.eq(this.file.lines[at + i]!, pattern[i]!)) return false;
      if ((at + i === last && this.file.noEol) !== (i === pattern.length - 1 && noEol)) return false;
    }
    return true;
  }

  /** Where (0-based) the hunk's old lines start in the file, or undefined. */
  locate(h: Hunk, fuzz: number): number | undefined {
    const pattern = h.lines.filter((l) => l.t !== '+').map((l) => l.s);
    const n = this.file.lines.length;
    let prefix = 0;
    while (prefix < h.lines.length && h.lines[prefix]!.t === ' ') prefix++;
    let suffix = 0;
    while (suffix < h.lines.length - prefix && h.lines[h.lines.length - 1 - suffix]!.t === ' ') suffix++;
    const context = Math.max(prefix, suffix);
    const pf = fuzz + prefix - context;
    const sf = fuzz + suffix - context;
    const first = (h.oldCount === 0 ? h.oldStart : h.oldStart - 1) + this.lastOffset;
    const max = n - pattern.length;
    // a bare insertion (no lines to find) goes where it is said to, inside the file
    if (pattern.length === 0) return Math.min(Math.max(first, this.frozen), n);
    const ok = (at: number): boolean => at >= this.frozen && at <= max && this.matches(pattern, h.oldNoEol, at, Math.max(pf, 0), Math.max(sf, 0));
    if (pf < 0 && sf < 0) return pattern.length === n && ok(0) ? 0 : undefined;
    if (pf < 0) return ok(0) ? 0 : undefined;
    if (sf < 0) return ok(max) ? max : undefined;
    for (let d = 0; first + d <= max || first - d >= this.frozen; d++) {
      if (ok(first + d)) return first + d;
      if (d > 0 && ok(first - d)) return first - d;
    }
    return undefined;
  }

  /** Applies hunk number `num`; false when it is rejected. */
  apply(h: Hunk, num: number): boolean {
    // no more fuzz than the hunk has context at its longer end
    let prefix = 0;
    while (prefix < h.lines.length && h.lines[prefix]!.t === ' ') prefix++;
    let suffix = 0;
    while (suffix < h.lines.length - prefix && h.lines[h.lines.length - 1 - suffix]!.t === ' ') suffix++;
    const maxFuzz = Math.min(this.o.maxFuzz, Math.max(prefix, suffix));
    let where: number | undefined;
    let fuzz = 0;
    for (; fuzz <= maxFuzz; fuzz++) {
      where = this.locate(h, fuzz);
      if (where !== undefined) break;
    }
    const base = h.oldCount === 0 ? h.oldStart : h.oldStart - 1;
    if (where === undefined) {
      // would it be found were carriage returns not there (in the file or in the patch)?
      const bare = (t: string): string => t.replace(/\r$/, '');
      const plain = new Applier({ lines: this.file.lines.map(bare), noEol: this.file.noEol }, this.o);
      plain.frozen = this.frozen;
      plain.lastOffset = this.lastOffset;
      const h2 = { ...h, lines: h.lines.map((l) => ({ t: l.t, s: bare(l.s) })) };
      let crlf = false;
      for (let f = 0; f <= maxFuzz && !crlf; f++) crlf = plain.locate(h2, f) !== undefined;
      this.outcomes.push({ ok: false, hunk: num, line: h.oldStart, crlf });
      return false;
    }
    if (h.lines.some((l) => l.t !== '+')) this.lastOffset = where - base;
    for (; this.pos < where; this.pos++) this.out.push(this.file.lines[this.pos]!);
    // the line of the output the hunk's new text starts at
    this.outcomes.push({ ok: true, hunk: num, line: this.out.length + 1, fuzz, offset: h.lines.some((l) => l.t !== '+') ? this.lastOffset : 0 });
    for (const l of h.lines) {
      if (l.t === ' ') this.out.push(this.file.lines[this.pos++]!);
      else if (l.t === '-') this.pos++;
      else this.out.push(l.s);
    }
    this.frozen = this.pos;
    if (this.pos >= this.file.lines.length) this.noEol = h.newNoEol;
    return true;
  }

  /** The file with the hunks applied. */
  result(): FileText {
    const lines = [...this.out, ...this.file.lines.slice(this.pos)];
    return { lines, noEol: lines.length > 0 && this.noEol };
  }

  /** Whether the two (possibly reversed) hunks would apply at fuzz 0, as a first check. */
  static wouldApply(file: FileText, h: Hunk): boolean {
    return new Applier(file, { maxFuzz: 0, ignoreWhitespace: false }).locate(h, 0) !== undefined;
  }
}
