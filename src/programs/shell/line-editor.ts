// The interactive line editor (a small readline): raw mode, cursor movement, editing keys,
// history with up/down, ^C abandons the line, ^D on an empty line is end of input.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { Prompt } from './prompt';
import type { EditorCompletion } from './complete';
import { ByteDecoder, encodeText } from './byte-text';

export class LineInterrupted extends Error {}


export class LineEditor {
  private buf: string[] = [];
  private cursor = 0;
  private prompt: Prompt = { text: '', width: 0 };
  private histIndex = 0;
  private draft: string[] = [];
  private pending = '';
  /** Text cut by ^K ^U ^W Alt-D, for ^Y. */
  private killed = '';
  private lastKey = '';
  /** Whether the last Tab changed the line (readline lists the choices on a Tab after one that did not). */
  private tabChanged = false;

  /**
   * `outFd`: where the prompt and the echo go. Input that is not a terminal (bash -i reading a
   * pipe or /dev/null) is read a byte at a time, as readline does, so a command run from the
   * line reads the rest; the line is echoed to standard error, and end of input, or a read
   * that fails, ends the line.
   */
  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
    private readonly history: () => string[],
    private readonly complete?: (before: string, after: string, listing: boolean) => Promise<EditorCompletion>,
    private readonly outFd = fd,
  ) {}

  private tty = true;

  private cols(): number {
    try {
      return Math.max(1, this.sys.winsize(this.fd).cols);
    } catch {
      return 80;
    }
  }

  /** Keys as text: a byte that is not UTF-8 is one character (U+DC00+byte), as readline keeps it. */
  private readonly decoder = new ByteDecoder();

  /** Output: such a byte goes to the terminal as itself (readline echoes it raw, one column). */
  private async out(text: string): Promise<void> {
    await this.sys.write(this.outFd, encodeText(text));
  }

  /** Ends the line a ^C abandoned (after what a SIGINT trap printed). */
  async endInterrupted(): Promise<void> {
    await this.out('\n');
  }

  /** Reads one line; null at end of input. Throws LineInterrupted on ^C (see endInterrupted). */
  async readLine(prompt: Prompt): Promise<string | null> {
    this.tty = this.sys.isatty(this.fd);
    const saved = this.tty ? this.sys.tcgetattr(this.fd) : undefined;
    if (saved) this.sys.tcsetattr(this.fd, { ...saved, icanon: false, echo: false, icrnl: false });
    this.buf = [];
    this.cursor = 0;
    this.prompt = prompt;
    this.histIndex = this.history().length;
    this.draft = [];
    try {
      await this.out(prompt.text);
      for (;;) {
        const key = await this.nextKey();
        if (key === null) {
          if (this.buf.length === 0) return null;
          if (this.tty) continue;
          // readline returns a partial last line at end of input
          await this.moveTo(this.buf.length);
          await this.out('\n');
          return this.buf.join('');
        }
        const r = key === '\x12' ? await this.reverseSearch() : await this.handle(key);
        this.lastKey = key;
        if (r === 'eof') return null;
        if (r === 'accept') {
          const line = this.buf.join('');
          await this.moveTo(this.buf.length);
          await this.out('\n');
          return line;
        }
      }
    } catch (e) {
      if (isSysError(e) && e.errno === 'EINTR') {
        await this.moveTo(this.buf.length);
        await this.out('^C');
        throw new LineInterrupted();
      }
      throw e;
    } finally {
      if (saved) this.sys.tcsetattr(this.fd, saved);
    }
  }

  /** One key: a character or a whole escape sequence. */
  private async nextKey(): Promise<string | null> {
    while (true) {
      const m = /^(\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b[^[O]|[\s\S])/u.exec(this.pending);
      if (m && !(this.pending === '\x1b' || /^\x1b\[[0-9;]*$/.test(this.pending) || this.pending === '\x1bO')) {
        this.pending = this.pending.slice(m[0].length);
        return m[0];
      }
      let chunk: Uint8Array | null;
      try {
        chunk = await this.sys.read(this.fd, this.tty ? 4096 : 1);
      } catch (e) {
        // readline takes a read error (a closed descriptor) for end of input
        if (this.tty || !isSysError(e) || e.errno === 'EINTR') throw e;
        chunk = null;
      }
      if (chunk === null) return null;
      this.pending += this.decoder.decode(chunk, { stream: true });
    }
  }

  private width(chars: string[]): number {
    return chars.length;
  }

  /** Moves the terminal cursor from its current place to buffer position `to`. */
  private async moveTo(to: number): Promise<void> {
    const cols = this.cols();
    const from = this.prompt.width + this.width(this.buf.slice(0, this.cursor));
    const target = this.prompt.width + this.width(this.buf.slice(0, to));
    if (from === target) {
      this.cursor = to;
      return;
    }
    const fromRow = Math.floor(from / cols);
    const toRow = Math.floor(target / cols);
    let seq = '';
    if (toRow < fromRow) seq += `\x1b[${fromRow - toRow}A`;
    else if (toRow > fromRow) seq += `\x1b[${toRow - fromRow}B`;
    const col = target % cols;
    seq += '\r';
    if (col > 0) seq += `\x1b[${col}C`;
    this.cursor = to;
    if (seq) await this.out(seq);
  }

  /** Rewrites the buffer from the cursor (which must be at buffer index `this.cursor`) and moves to `newCursor`. */
  private async redraw(newCursor: number): Promise<void> {
    const cols = this.cols();
    let seq = `${this.buf.slice(this.cursor).join('')}\x1b[J`;
    const total = this.prompt.width + this.width(this.buf);
    // at the right margin the terminal defers the wrap: force it so the arithmetic below holds
    if (total > 0 && total % cols === 0 && this.cursor < this.buf.length) seq += '\n';
    const endRow = Math.floor(total / cols);
    const target = this.prompt.width + this.width(this.buf.slice(0, newCursor));
    const tRow = Math.floor(target / cols);
    if (target !== total || (total > 0 && total % cols === 0 && this.cursor < this.buf.length)) {
      if (endRow > tRow) seq += `\x1b[${endRow - tRow}A`;
      seq += '\r';
      if (target % cols > 0) seq += `\x1b[${target % cols}C`;
    }
    await this.out(seq);
    this.cursor = newCursor;
  }

  private async insert(text: string): Promise<void> {
    const chars = [...text];
    const atEnd = this.cursor === this.buf.length;
    this.buf.splice(this.cursor, 0, ...chars);
    const end = this.prompt.width + this.width(this.buf);
    if (atEnd && end % this.cols() !== 0) {
      this.cursor += chars.length;
      await this.out(text);
      return;
    }
    await this.redraw(this.cursor + chars.length);
  }

  private async setBuffer(chars: string[]): Promise<void> {
    await this.moveTo(0);
    this.buf = chars;
    this.cursor = 0;
    await this.redraw(chars.length);
  }

  /** Deletes `count` characters before the cursor. */
  private async deleteBack(count: number): Promise<void> {
    const pos = this.cursor - count;
    if (count <= 0 || pos < 0) return;
    const cols = this.cols();
    const atEnd = this.cursor === this.buf.length;
    const col = (this.prompt.width + this.width(this.buf.slice(0, this.cursor))) % cols;
    if (atEnd && count === 1 && col > 0) {
      this.buf.pop();
      this.cursor--;
      await this.out('\b\x1b[K');
      return;
    }
    await this.moveTo(pos);
    this.buf.splice(pos, count);
    await this.redraw(pos);
  }

  private async handle(key: string): Promise<'accept' | 'eof' | undefined> {
    switch (key) {
      case '\r':
      case '\n':
        return 'accept';
      case '\x7f':
      case '\b':
        await this.deleteBack(1);
        return undefined;
      case '\x04':
        if (this.buf.length === 0) return 'eof';
        if (this.cursor < this.buf.length) {
          this.buf.splice(this.cursor, 1);
          await this.redraw(this.cursor);
        }
        return undefined;
      case '\x1b[3~':
        if (this.cursor < this.buf.length) {
          this.buf.splice(this.cursor, 1);
          await this.redraw(this.cursor);
        }
        return undefined;
      case '\x1b[D':
      case '\x1bOD':
      case '\x02':
        if (this.cursor > 0) await this.moveTo(this.cursor - 1);
        return undefined;
      case '\x1b[C':
      case '\x1bOC':
      case '\x06':
        if (this.cursor < this.buf.length) await this.moveTo(this.cursor + 1);
        return undefined;
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        await this.moveTo(0);
        return undefined;
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        await this.moveTo(this.buf.length);
        return undefined;
      case '\x1b[1;5D':
      case '\x1bb': {
        let p = this.cursor;
        while (p > 0 && !/\w/.test(this.buf[p - 1]!)) p--;
        while (p > 0 && /\w/.test(this.buf[p - 1]!)) p--;
        await this.moveTo(p);
        return undefined;
      }
      case '\x1b[1;5C':
      case '\x1bf': {
        let p = this.cursor;
        while (p < this.buf.length && !/\w/.test(this.buf[p]!)) p++;
        while (p < this.buf.length && /\w/.test(this.buf[p]!)) p++;
        await this.moveTo(p);
        return undefined;
      }
      case '\x0b':
        this.killed = this.buf.slice(this.cursor).join('');
        this.buf.splice(this.cursor);
        await this.redraw(this.cursor);
        return undefined;
      case '\x15':
        this.killed = this.buf.slice(0, this.cursor).join('');
        await this.deleteBack(this.cursor);
        return undefined;
      case '\x17': {
        let p = this.cursor;
        while (p > 0 && this.buf[p - 1] === ' ') p--;
        while (p > 0 && this.buf[p - 1] !== ' ') p--;
        this.killed = this.buf.slice(p, this.cursor).join('');
        await this.deleteBack(this.cursor - p);
        return undefined;
      }
      case '\x1b\x7f': {
        let p = this.cursor;
        while (p > 0 && !/\w/.test(this.buf[p - 1]!)) p--;
        while (p > 0 && /\w/.test(this.buf[p - 1]!)) p--;
        this.killed = this.buf.slice(p, this.cursor).join('');
        await this.deleteBack(this.cursor - p);
        return undefined;
      }
      case '\x1bd': {
        let p = this.cursor;
        while (p < this.buf.length && !/\w/.test(this.buf[p]!)) p++;
        while (p < this.buf.length && /\w/.test(this.buf[p]!)) p++;
        this.killed = this.buf.slice(this.cursor, p).join('');
        this.buf.splice(this.cursor, p - this.cursor);
        await this.redraw(this.cursor);
        return undefined;
      }
      case '\x19':
        if (this.killed) await this.insert(this.killed);
        return undefined;
      case '\x14':
        if (this.cursor > 0 && this.buf.length > 1) {
          const at = this.cursor === this.buf.length ? this.cursor - 1 : this.cursor;
          const a = this.buf[at - 1]!;
          this.buf[at - 1] = this.buf[at]!;
          this.buf[at] = a;
          await this.moveTo(at - 1);
          await this.redraw(Math.min(at + 1, this.buf.length));
        }
        return undefined;
      case '\x0c':
        await this.out('\x1b[H\x1b[2J');
        this.cursor = this.buf.length;
        await this.out(this.prompt.text + this.buf.join(''));
        return undefined;
      case '\x1b[A':
      case '\x1bOA':
      case '\x10':
        return this.historyMove(-1);
      case '\x1b[B':
      case '\x1bOB':
      case '\x0e':
        return this.historyMove(1);
      case '\t':
        if (this.complete) await this.tab();
        return undefined;
      default:
        if (key.startsWith('\x1b') || (key.length === 1 && key.charCodeAt(0) < 0x20)) return undefined;
        await this.insert(key);
        return undefined;
    }
  }

  /**
   * Tab: the first completes the word (the longest common prefix of the choices, with the
   * bell when there are several); a Tab after one that changed nothing lists the choices.
   */
  private async tab(): Promise<void> {
    const listing = this.lastKey === '\t' && !this.tabChanged;
    const r = await this.complete!(this.buf.slice(0, this.cursor).join(''), this.buf.slice(this.cursor).join(''), listing);
    this.tabChanged = false;
    if (listing) {
      if (r.list.length > 0) await this.showList(r.list, r.width);
      else await this.out('\x07');
      return;
    }
    const start = this.cursor - r.replace;
    const old = this.buf.slice(start, this.cursor).join('');
    if (r.bell) await this.out('\x07');
    if (r.text === old) return;
    const chars = [...r.text];
    this.tabChanged = true;
    if (r.text.startsWith(old)) {
      // the usual case: the word grows, and only the new part is typed in
      await this.insert(r.text.slice(old.length));
      return;
    }
    await this.moveTo(start);
    this.buf.splice(start, r.replace, ...chars);
    await this.redraw(start + chars.length);
  }

  /** Lists completions below the line as readline does (asking first when there are 100 or more). */
  private async showList(items: string[], width: number): Promise<void> {
    const at = this.cursor;
    await this.moveTo(this.buf.length);
    let show = true;
    if (items.length >= 100) {
      await this.out(`\nDisplay all ${items.length} possibilities? (y or n)`);
      show = (await this.yesNo(false)) === 1;
    }
    await this.out('\n');
    if (show) {
      const rows = columns(items, this.cols(), width);
      let height = 24;
      try {
        height = this.sys.winsize(this.fd).rows || 24;
      } catch {
        // not a terminal
      }
      let lines = 0;
      for (let i = 0; i < rows.length; i++) {
        await this.out(`${rows[i]}\n`);
        lines++;
        // page-completions: --More-- after a screenful
        if (lines >= height - 1 && i < rows.length - 1) {
          await this.out('--More--');
          const a = await this.yesNo(true);
          await this.out('\r\x1b[K');
          if (a === 0) break;
          lines = a === 2 ? lines - 1 : 0;
        }
      }
    }
    await this.out(`${this.prompt.text}${this.buf.join('')}`);
    this.cursor = this.buf.length;
    await this.moveTo(at);
  }

  /** readline's get_y_or_n: 1 for y, Y or space; 0 for n, N, DEL, q (pager); 2 for Return (pager). */
  private async yesNo(pager: boolean): Promise<number> {
    for (;;) {
      const k = await this.nextKey();
      if (k === null) return 0;
      if (k === 'y' || k === 'Y' || k === ' ') return 1;
      if (k === 'n' || k === 'N' || k === '\x7f' || k === '\x07') return 0;
      if (pager && (k === 'q' || k === 'Q')) return 0;
      if (pager && (k === '\r' || k === '\n')) return 2;
      await this.out('\x07');
    }
  }

  /** ^R: incremental search back through history. */
  private async reverseSearch(): Promise<'accept' | undefined> {
    const hist = this.history();
    let query = '';
    let index = hist.length;
    let match = this.buf.join('');
    let failed = false;
    const show = async (): Promise<void> => {
      await this.moveTo(0);
      await this.out(`\r\x1b[J(${failed ? 'failed ' : ''}reverse-i-search)\`${query}': ${match}`);
    };
    const find = (from: number): void => {
      for (let i = from; i >= 0; i--) {
        if (hist[i]!.includes(query)) {
          index = i;
          match = hist[i]!;
          failed = false;
          return;
        }
      }
      failed = true;
    };
    await show();
    for (;;) {
      const key = await this.nextKey();
      if (key === null) break;
      if (key === '\x12') find(index - 1);
      else if (key === '\x7f' || key === '\b') {
        query = query.slice(0, -1);
        find(hist.length - 1);
      } else if (key === '\x07') {
        match = this.buf.join('');
        break;
      } else if (key.length === 1 && key >= ' ') {
        query += key;
        find(Math.min(index, hist.length - 1));
      } else {
        // any other key ends the search with the match in the line, then acts as usual
        this.buf = [...match];
        this.cursor = this.buf.length;
        await this.out(`\r\x1b[J${this.prompt.text}${match}`);
        return this.handle(key) as Promise<'accept' | undefined>;
      }
      await show();
    }
    this.buf = [...match];
    this.cursor = this.buf.length;
    await this.out(`\r\x1b[J${this.prompt.text}${match}`);
    return undefined;
  }

  private async historyMove(dir: number): Promise<undefined> {
    const hist = this.history();
    const next = this.histIndex + dir;
    if (next < 0 || next > hist.length) return undefined;
    if (this.histIndex === hist.length) this.draft = [...this.buf];
    this.histIndex = next;
    await this.setBuffer(next === hist.length ? [...this.draft] : [...hist[next]!]);
    return undefined;
  }
}

/**
 * Completion choices in rows of columns, as readline's rl_display_match_list prints them:
 * sorted down the columns, each padded to the widest plus two, except in the last column.
 */
function columns(items: string[], width: number, widest: number): string[] {
  const max = widest + 2;
  let limit = Math.floor(width / max);
  if (limit !== 1 && limit * max === width) limit--;
  if (limit <= 0) limit = 1;
  const count = Math.ceil(items.length / limit);
  const rows: string[] = [];
  for (let r = 0; r < count; r++) {
    let line = '';
    for (let c = 0; c < limit; c++) {
      const item = items[c * count + r];
      if (item === undefined) break;
      line += item;
      // the column width leaves out a directory's slash, the padding does not (print_filename)
      if (c + 1 < limit) line += ' '.repeat(Math.max(1, max - [...item].length));
    }
    rows.push(line);
  }
  return rows;
}
