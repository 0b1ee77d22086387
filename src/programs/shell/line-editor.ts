// The interactive line editor (a small readline): raw mode, cursor movement, editing keys,
// history with up/down, ^C abandons the line, ^D on an empty line is end of input.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { Prompt } from './prompt';

export class LineInterrupted extends Error {}

const decoder = new TextDecoder();

export class LineEditor {
  private buf: string[] = [];
  private cursor = 0;
  private prompt: Prompt = { text: '', width: 0 };
  private histIndex = 0;
  private draft: string[] = [];
  private pending = '';

  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
    private readonly history: () => string[],
    private readonly complete?: (line: string, cursor: number) => Promise<{ insert: string; list?: string[] }>,
  ) {}

  private cols(): number {
    try {
      return Math.max(1, this.sys.winsize(this.fd).cols);
    } catch {
      return 80;
    }
  }

  private async out(text: string): Promise<void> {
    await this.sys.write(this.fd, text);
  }

  /** Reads one line; null at end of input. Throws LineInterrupted on ^C. */
  async readLine(prompt: Prompt): Promise<string | null> {
    const saved = this.sys.tcgetattr(this.fd);
    this.sys.tcsetattr(this.fd, { ...saved, icanon: false, echo: false, icrnl: false });
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
          continue;
        }
        const r = await this.handle(key);
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
        await this.out('^C\n');
        throw new LineInterrupted();
      }
      throw e;
    } finally {
      this.sys.tcsetattr(this.fd, saved);
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
      const chunk = await this.sys.read(this.fd, 4096);
      if (chunk === null) return null;
      this.pending += decoder.decode(chunk, { stream: true });
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
        this.buf.splice(this.cursor);
        await this.redraw(this.cursor);
        return undefined;
      case '\x15':
        await this.deleteBack(this.cursor);
        return undefined;
      case '\x17': {
        let p = this.cursor;
        while (p > 0 && this.buf[p - 1] === ' ') p--;
        while (p > 0 && this.buf[p - 1] !== ' ') p--;
        await this.deleteBack(this.cursor - p);
        return undefined;
      }
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
        if (this.complete) {
          const r = await this.complete(this.buf.join(''), this.cursor);
          if (r.insert) await this.insert(r.insert);
          else if (r.list && r.list.length > 0) {
            await this.moveTo(this.buf.length);
            await this.out(`\n${r.list.join('  ')}\n${this.prompt.text}${this.buf.join('')}`);
            this.cursor = this.buf.length;
          } else await this.out('\x07');
        }
        return undefined;
      default:
        if (key.startsWith('\x1b') || (key.length === 1 && key.charCodeAt(0) < 0x20)) return undefined;
        await this.insert(key);
        return undefined;
    }
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
