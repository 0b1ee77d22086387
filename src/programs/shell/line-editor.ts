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

  /** Redraws from the cursor's row start to the end of the buffer. */
  private async redraw(newCursor: number): Promise<void> {
    const cols = this.cols();
    const cur = this.prompt.width + this.width(this.buf.slice(0, this.cursor));
    const row = Math.floor(cur / cols);
    let seq = row > 0 ? `\x1b[${row}A` : '';
    seq += `\r${this.prompt.text}${this.buf.join('')}\x1b[J`;
    const total = this.prompt.width + this.width(this.buf);
    if (total > 0 && total % cols === 0) seq += '\n';
    await this.out(seq);
    this.cursor = this.buf.length;
    // now at the end; move to the wanted position
    const endRow = Math.floor(total / cols);
    const target = this.prompt.width + this.width(this.buf.slice(0, newCursor));
    const tRow = Math.floor(target / cols);
    let move = endRow > tRow ? `\x1b[${endRow - tRow}A` : '';
    move += '\r';
    if (target % cols > 0) move += `\x1b[${target % cols}C`;
    if (newCursor !== this.buf.length || total % cols === 0) await this.out(move);
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

  private async handle(key: string): Promise<'accept' | 'eof' | undefined> {
    switch (key) {
      case '\r':
      case '\n':
        return 'accept';
      case '\x7f':
      case '\b':
        if (this.cursor > 0) {
          this.buf.splice(this.cursor - 1, 1);
          const pos = this.cursor - 1;
          await this.moveTo(pos);
          await this.redraw(pos);
        }
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
      case '\x15': {
        this.buf.splice(0, this.cursor);
        await this.moveTo(0);
        this.cursor = 0;
        await this.redraw(0);
        return undefined;
      }
      case '\x17': {
        let p = this.cursor;
        while (p > 0 && this.buf[p - 1] === ' ') p--;
        while (p > 0 && this.buf[p - 1] !== ' ') p--;
        this.buf.splice(p, this.cursor - p);
        await this.moveTo(p);
        await this.redraw(p);
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
