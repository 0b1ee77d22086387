// A terminal and its line discipline (n_tty): canonical editing with erase, kill and word
// erase, echo (with ^X for control characters), ^C/^\/^Z as signals to the foreground
// process group, ^D as end of file, CR to NL on input and NL to CR NL on output.
import { SIGNALS } from '../shared/signals';
import { encodeText } from '../shared/bytes';
import { defaultTermios, type Termios, type WinSize } from '../shared/termios';

// typed input that stands for a raw byte (U+DC00+byte, see shared/bytes.ts) arrives as that byte
const encoder = { encode: encodeText };

type Ready = Uint8Array | 'eof';

export interface TtyHooks {
  /** Sends `signal` to every process in group `pgid`. */
  signalGroup(pgid: number, signal: number): void;
  /** Receives what the terminal should display. */
  output(text: string): void;
}

export class Tty {
  termios: Termios = defaultTermios();
  winsize: WinSize = { cols: 80, rows: 24 };
  foreground = 0;
  session = 0;
  private line: string[] = [];
  private ready: Ready[] = [];
  private waiters: (() => void)[] = [];
  /** Called once, the first time a reader waits for input (the console's first prompt). */
  onIdle: (() => void) | undefined;
  private literalNext = false;
  private readonly decoder = new TextDecoder();

  constructor(
    readonly name: string,
    readonly rdev: [number, number],
    private readonly hooks: TtyHooks,
  ) {}

  // ---- input side (keys from the page) ----

  input(data: string): void {
    for (const ch of data) this.inputChar(ch);
  }

  private inputChar(input: string): void {
    const t = this.termios;
    let ch = input;
    const code = ch.codePointAt(0)!;
    if (this.literalNext) {
      this.literalNext = false;
      this.accept(ch);
      return;
    }
    if (t.isig) {
      const sig = code === t.cc.intr ? SIGNALS.SIGINT : code === t.cc.quit ? SIGNALS.SIGQUIT : code === t.cc.susp ? SIGNALS.SIGTSTP : 0;
      if (sig) {
        this.line = [];
        this.ready = [];
        if (t.echo && t.echoctl) this.echo(caret(code));
        if (this.foreground) this.hooks.signalGroup(this.foreground, sig);
        return;
      }
    }
    if (ch === '\r' && t.icrnl) ch = '\n';
    if (!t.icanon) {
      if (t.echo) this.echo(ch === '\n' ? '\r\n' : ch);
      this.push(encoder.encode(ch));
      return;
    }
    if (t.iexten && code === t.cc.lnext) {
      this.literalNext = true;
      return;
    }
    if (code === t.cc.erase || code === 0x08) {
      const gone = this.line.pop();
      if (gone !== undefined && t.echo && t.echoe) this.echo(rubout(gone));
      return;
    }
    if (code === t.cc.kill) {
      if (t.echo && t.echok) this.echo(this.line.map(rubout).reverse().join(''));
      this.line = [];
      return;
    }
    if (t.iexten && code === t.cc.werase) {
      let out = '';
      while (this.line.length && /\s/.test(this.line[this.line.length - 1]!)) out += rubout(this.line.pop()!);
      while (this.line.length && !/\s/.test(this.line[this.line.length - 1]!)) out += rubout(this.line.pop()!);
      if (t.echo) this.echo(out);
      return;
    }
    if (code === t.cc.eof) {
      if (this.line.length === 0) this.push('eof');
      else this.flushLine();
      return;
    }
    this.accept(ch);
  }

  private accept(ch: string): void {
    const t = this.termios;
    if (!t.icanon) {
      if (t.echo) this.echo(ch);
      this.push(encoder.encode(ch));
      return;
    }
    this.line.push(ch);
    if (t.echo) this.echo(ch === '\n' ? '\r\n' : isControl(ch) && t.echoctl && ch !== '\t' ? caret(ch.codePointAt(0)!) : ch);
    if (ch === '\n') this.flushLine();
  }

  private flushLine(): void {
    const text = this.line.join('');
    this.line = [];
    this.push(encoder.encode(text));
  }

  private push(item: Ready): void {
    this.ready.push(item);
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Is there something for read() to return (data or end of file)? */
  hasInput(): boolean {
    return this.ready.length > 0;
  }

  waitInput(): Promise<void> {
    const idle = this.onIdle;
    if (idle) {
      // someone waits to read the keyboard: whatever waited for that moment may begin
      this.onIdle = undefined;
      idle();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Takes input for read(): in canonical mode at most one line; null means end of file. */
  take(max: number): Uint8Array | null {
    const head = this.ready[0];
    if (head === undefined) return new Uint8Array(0);
    if (head === 'eof') {
      this.ready.shift();
      return null;
    }
    if (head.length <= max) {
      this.ready.shift();
      if (!this.termios.icanon) return this.takeMoreRaw(head, max);
      return head;
    }
    this.ready[0] = head.subarray(max);
    return head.subarray(0, max);
  }

  private takeMoreRaw(first: Uint8Array, max: number): Uint8Array {
    const parts = [first];
    let n = first.length;
    while (this.ready.length > 0) {
      const next = this.ready[0]!;
      if (next === 'eof' || n + next.length > max) break;
      parts.push(next);
      n += next.length;
      this.ready.shift();
    }
    if (parts.length === 1) return first;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }

  flushInput(): void {
    this.line = [];
    this.ready = [];
  }

  // ---- output side ----

  write(data: Uint8Array): void {
    let text = this.decoder.decode(data, { stream: true });
    if (this.termios.opost && this.termios.onlcr) text = text.replace(/\n/g, '\r\n');
    if (text) this.hooks.output(text);
  }

  private echo(text: string): void {
    if (text) this.hooks.output(text);
  }

  resize(size: WinSize): void {
    if (size.cols === this.winsize.cols && size.rows === this.winsize.rows) return;
    this.winsize = { ...size };
    if (this.foreground) this.hooks.signalGroup(this.foreground, SIGNALS.SIGWINCH);
  }
}

function isControl(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c < 0x20 || c === 0x7f;
}

function caret(code: number): string {
  return code === 0x7f ? '^?' : `^${String.fromCharCode(code + 0x40)}`;
}

function rubout(ch: string): string {
  if (ch === '\t') return '\b';
  return isControl(ch) ? '\b \b\b \b' : '\b \b';
}
