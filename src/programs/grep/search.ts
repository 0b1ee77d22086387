// Searching one input as GNU grep's grep()/grepbuf()/prtext()/prline() do: buffers of whole
// lines, before-context kept from the previous buffer, trailing context pending across
// buffers, `--` between groups, -m, -v, -o, --color, and the binary-file rules (a NUL in the
// data makes it binary from that buffer on: NULs then end lines and output stops at the
// first selected line, reported as "binary file matches").
import { BinWriter, binToUtf8, bytesToBin } from '../lib/binary-text';
import type { Ctx } from '../lib/context';
import { sgrEnd, sgrStart, type Colors } from './colors';
import type { Matcher } from './matcher';
import type { GrepConfig } from './options';

export class ReadFailure extends Error {
  constructor(readonly error: unknown) {
    super('read failure');
  }
}

/** What carries over from one input to the next. */
export class Run {
  readonly out: BinWriter;
  used = false;
  outQuiet: boolean;
  doneOnMatch: boolean;
  readonly eol: string;

  constructor(
    readonly ctx: Ctx,
    readonly cfg: GrepConfig,
    readonly matcher: Matcher,
    readonly colors: Colors | null,
    devNull: boolean,
  ) {
    this.out = new BinWriter(ctx.sys, 1, cfg.lineBuffered || ctx.sys.isatty(1));
    this.doneOnMatch = cfg.quiet || devNull || cfg.list !== 'none';
    this.outQuiet = cfg.count || this.doneOnMatch;
    this.eol = cfg.nullData ? '\0' : '\n';
  }
}

export interface ScanResult {
  nlines: number;
  /** Stopped before the end (-m): where the input should be left. */
  stopAt: number | undefined;
}

/** One input being searched. */
export class Scan {
  private buf = '';
  private bufAbs = 0;
  private nlIdx = 0;
  private nlCount = 0;
  private lastout = -1;
  private pending = 0;
  private outleft: number;
  private nlines = 0;
  private afterLastMatch = 0;
  private binaryAt = -1;
  private outQuiet: boolean;
  private doneOnMatch: boolean;
  private readonly offsetWidth: number;
  private readonly c: GrepConfig;
  private readonly eol: string;

  constructor(
    private readonly run: Run,
    private readonly name: string,
    private readonly outFile: boolean,
    size: number | undefined,
  ) {
    this.c = run.cfg;
    this.eol = run.eol;
    this.outleft = this.c.maxCount < 0 ? Infinity : this.c.maxCount;
    this.outQuiet = run.outQuiet;
    this.doneOnMatch = run.doneOnMatch;
    let width = 0;
    if (this.c.initialTab) {
      let num = size === undefined ? 9223372036854775807n : BigInt(size) + (this.c.lineNumber ? 1n : 0n);
      do {
        width++;
        num /= 10n;
      } while (num !== 0n);
    }
    this.offsetWidth = width;
    this.plain = !outFile && !this.c.lineNumber && !this.c.byteOffset && !this.c.only && !run.colors;
  }

  /** Lines are printed exactly as read (no file name, number, offset, -o or color). */
  private readonly plain: boolean;

  private w(s: string): void {
    const p = this.run.out.write(s);
    if (p) {
      // awaited later; a process killed meanwhile (SIGPIPE) must not leave it unhandled
      p.catch(() => {});
      this.flushes.push(p);
    }
  }

  private flushes: Promise<void>[] = [];

  async search(fd: number): Promise<ScanResult> {
    const { ctx } = this.run;
    let pos = 0;
    let first = true;
    for (;;) {
      await ctx.tick();
      let chunk: Uint8Array | null;
      try {
        chunk = await ctx.sys.read(fd, first ? 32768 : 1048576);
      } catch (e) {
        throw new ReadFailure(e);
      }
      if (first && chunk !== null && chunk.length < 32768) chunk = await this.gather(fd, chunk);
      first = false;
      if (chunk === null) break;
      let data = bytesToBin(chunk);
      if (this.binaryAt < 0 && this.eol === '\n' && this.c.binaryFiles !== 'text' && data.includes('\0')) {
        if (this.c.binaryFiles === 'without-match') return { nlines: 0, stopAt: undefined };
        if (!this.c.count) this.doneOnMatch = this.outQuiet = true;
        this.binaryAt = this.nlines;
      }
      if (this.binaryAt >= 0) data = data.replace(/\0/g, '\n');
      this.buf += data;
      const limit = this.buf.lastIndexOf(this.eol) + 1;
      if (limit > pos) pos = this.process(pos, limit);
      if (this.flushes.length) await this.drain();
      if (this.finished() || this.run.out.broken) return await this.result(false);
      pos = this.trim(pos);
    }
    if (pos < this.buf.length) {
      this.buf += this.eol;
      pos = this.process(pos, this.buf.length);
    }
    await this.drain();
    return await this.result(true);
  }

  /**
   * A first read from a pipe gets what the writers had written by then: grep starts after
   * them and finds more than their first write waiting (its binary test sees all of it).
   */
  private async gather(fd: number, chunk: Uint8Array): Promise<Uint8Array> {
    const { ctx } = this.run;
    const parts = [chunk];
    let size = chunk.length;
    for (let round = 0; round < 4 && size < 32768; round++) {
      // a turn of the scheduler: the writers run as far as they can without waiting (and
      // without the clock, which a machine may hold still)
      await ctx.sys.schedYield();
      while (size < 32768 && ctx.sys.readReady(fd)) {
        const more = await ctx.sys.read(fd, 32768 - size);
        if (more === null || more.length === 0) return join(parts, size);
        parts.push(more);
        size += more.length;
      }
    }
    return join(parts, size);
  }

  private async drain(): Promise<void> {
    const list = this.flushes;
    this.flushes = [];
    for (const p of list) await p;
  }

  private finished(): boolean {
    return (this.outleft === 0 && this.pending === 0) || (this.doneOnMatch && Math.max(0, this.binaryAt) < this.nlines);
  }

  private async result(eof: boolean): Promise<ScanResult> {
    const r: ScanResult = { nlines: this.nlines, stopAt: eof || this.outleft !== 0 ? undefined : this.afterLastMatch };
    const c = this.c;
    if (c.binaryFiles === 'binary' && !this.run.outQuiet && this.binaryAt >= 0 && this.binaryAt < this.nlines) {
      await this.run.out.flush();
      await this.run.ctx.error(`${binToUtf8(this.name)}: binary file matches`);
    }
    return r;
  }

  /** Drops what is no longer needed, keeping `before` lines of context; returns the new pos. */
  private trim(pos: number): number {
    let r = pos;
    for (let i = 0; i < this.c.before && r > 0; i++) r = this.buf.lastIndexOf(this.eol, r - 2) + 1;
    if (r <= 0) return pos;
    if (this.c.lineNumber) this.countTo(r);
    this.buf = this.buf.slice(r);
    this.bufAbs += r;
    this.nlIdx -= r;
    return pos - r;
  }

  private countTo(idx: number): number {
    const s = this.buf;
    const eol = this.eol;
    if (idx >= this.nlIdx) {
      for (let i = s.indexOf(eol, this.nlIdx); i >= 0 && i < idx; i = s.indexOf(eol, i + 1)) this.nlCount++;
    } else {
      for (let i = s.indexOf(eol, idx); i >= 0 && i < this.nlIdx; i = s.indexOf(eol, i + 1)) this.nlCount--;
    }
    this.nlIdx = idx;
    return this.nlCount;
  }

  /** Handles the complete lines in [pos, limit); returns where it stopped. */
  private process(pos: number, limit: number): number {
    const { matcher } = this.run;
    const s = this.buf;
    const eol = this.eol;
    const invert = this.c.invert;
    while (pos < limit && this.outleft > 0 && !(this.doneOnMatch && Math.max(0, this.binaryAt) < this.nlines)) {
      const m = matcher.find(s, pos);
      const hit = m >= 0 && m < limit;
      const ls = hit ? (m > 0 ? s.lastIndexOf(eol, m - 1) + 1 : 0) : limit;
      if (!invert) {
        if (!hit) {
          pos = limit;
          break;
        }
        const le = s.indexOf(eol, m) + 1;
        this.prtext(ls, le);
        pos = le;
      } else {
        if (ls > pos) this.prtext(pos, ls);
        if (!hit) {
          pos = limit;
          break;
        }
        pos = s.indexOf(eol, m) + 1;
      }
    }
    if (this.pending > 0) this.prpending(limit);
    return this.outleft === 0 || this.finished() ? limit : pos;
  }

  private prpending(lim: number): void {
    let p = this.lastout < 0 ? 0 : this.lastout - this.bufAbs;
    while (this.pending > 0 && p < lim) {
      const nl = this.buf.indexOf(this.eol, p) + 1;
      this.pending--;
      this.prline(p, nl, '-');
      p = nl;
    }
  }

  private prtext(beg: number, lim: number): void {
    const c = this.c;
    const s = this.buf;
    const eol = this.eol;
    if (!this.outQuiet && this.pending > 0) this.prpending(beg);
    if (!this.outQuiet) {
      const bp = this.lastout < 0 ? 0 : Math.max(0, this.lastout - this.bufAbs);
      let p = beg;
      for (let i = 0; i < c.before && p > bp; i++) p = s.lastIndexOf(eol, p - 2) + 1;
      if ((c.before >= 0 || c.after >= 0) && this.run.used && p + this.bufAbs !== this.lastout && c.groupSeparator !== null) {
        const colors = this.run.colors;
        this.w(colors ? `${sgrStart(colors, colors.se)}${c.groupSeparator}${sgrEnd(colors, colors.se)}\n` : `${c.groupSeparator}\n`);
      }
      while (p < beg) {
        const nl = s.indexOf(eol, p) + 1;
        this.prline(p, nl, '-');
        p = nl;
      }
    }
    let n: number;
    if (c.invert && !this.outQuiet && this.plain) {
      // no prefixes or colors: the whole run of lines goes out at once
      let p = beg;
      n = 0;
      while (p < lim && n < this.outleft) {
        p = s.indexOf(eol, p) + 1;
        n++;
      }
      this.w(s.slice(beg, p));
      this.lastout = this.bufAbs + p;
      lim = p;
    } else if (c.invert) {
      n = 0;
      let p = beg;
      while (p < lim && n < this.outleft) {
        const nl = s.indexOf(eol, p) + 1;
        if (!this.outQuiet) this.prline(p, nl, ':');
        p = nl;
        n++;
      }
      lim = p;
    } else {
      n = 1;
      if (!this.outQuiet) this.prline(beg, lim, ':');
    }
    this.afterLastMatch = this.bufAbs + lim;
    this.pending = this.outQuiet ? 0 : Math.max(0, c.after);
    this.run.used = true;
    this.outleft -= n;
    this.nlines += n;
  }

  private prline(beg: number, lim: number, sep: string): void {
    const c = this.c;
    const colors = this.run.colors;
    const matching = (sep === ':') !== c.invert;
    if (!c.only) this.lineHead(beg, lim - beg - 1, sep);
    if (colors || c.only) {
      const lineColor = colors ? (((sep === ':') !== (c.invert && colors.rv)) ? colors.sl : colors.cx) : '';
      const matchColor = colors ? (sep === ':' ? colors.ms : colors.mc) : '';
      if ((c.only && matching) || (colors && (lineColor || matchColor))) {
        if (matching && (c.only || matchColor)) beg = this.lineMiddle(beg, lim, lineColor, matchColor);
        if (!c.only && lineColor && colors) {
          // print_line_tail: the rest of the line, short of its end (and a CR before it)
          let end = lim - 1;
          if (end > beg && this.buf[end - 1] === '\r') end--;
          if (end > beg) {
            this.w(`${sgrStart(colors, lineColor)}${this.buf.slice(beg, end)}${sgrEnd(colors, lineColor)}`);
            beg = end;
          }
        }
      }
    }
    if (!c.only && lim > beg) this.w(this.buf.slice(beg, lim));
    this.lastout = this.bufAbs + lim;
  }

  private lineMiddle(beg: number, lim: number, lineColor: string, matchColor: string): number {
    const c = this.c;
    const colors = this.run.colors;
    let cur = beg;
    let mid = -1;
    while (cur < lim) {
      const r = this.run.matcher.match(this.buf, cur, lim - 1);
      if (!r) break;
      const [b, e] = r;
      if (b >= lim - 1 && e === b) break;
      if (e === b) {
        if (mid < 0) mid = cur;
        cur = b + 1;
        continue;
      }
      if (c.only) this.lineHead(b, e - b, c.invert ? '-' : ':');
      else {
        if (colors) this.w(sgrStart(colors, lineColor));
        if (mid >= 0) {
          cur = mid;
          mid = -1;
        }
        this.w(this.buf.slice(cur, b));
      }
      const text = this.buf.slice(b, e);
      this.w(colors ? `${sgrStart(colors, matchColor)}${text}${sgrEnd(colors, matchColor)}` : text);
      if (c.only) this.w(this.eol);
      cur = e;
    }
    if (c.only) return lim;
    return mid >= 0 ? mid : cur;
  }

  private lineHead(beg: number, len: number, sep: string): void {
    const c = this.c;
    const colors = this.run.colors;
    const paint = (code: string, text: string): string => (colors ? `${sgrStart(colors, code)}${text}${sgrEnd(colors, code)}` : text);
    const sepText = colors ? paint(colors.se, sep) : sep;
    let head = '';
    if (this.outFile) head += paint(colors?.fn ?? '', this.name) + (c.nullAfterName ? '\0' : sepText);
    if (c.lineNumber) {
      const n = this.countTo(beg) + 1;
      head += paint(colors?.ln ?? '', String(n).padStart(this.offsetWidth)) + sepText;
    }
    if (c.byteOffset) head += paint(colors?.bn ?? '', String(this.bufAbs + beg).padStart(this.offsetWidth)) + sepText;
    if (c.initialTab && (this.outFile || c.lineNumber || c.byteOffset) && len !== 0) head += '\t';
    this.w(head);
  }
}

function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
