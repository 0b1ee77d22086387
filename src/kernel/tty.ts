// A terminal and its line discipline (n_tty), as termios sets it: canonical editing with
// erase, kill, word erase and reprint, echo (^X for control characters), ^C/^\/^Z as signals
// to the foreground process group, ^D as end of file, EOL/EOL2, literal next, ^S/^Q flow
// control, the input maps (ICRNL, INLCR, IGNCR, ISTRIP, IUCLC) and output ones (ONLCR, OCRNL, OLCUC).
// Writers wait while the output is stopped or the terminal has fallen behind (outputFull), and
// a signal character flushes the output not yet shown, as Linux's isig() does.
import { SIGNALS } from '../shared/signals';
import { encodeText } from '../shared/bytes';
import { defaultTermios, type Termios, type WinSize } from '../shared/termios';

// typed input that stands for a raw byte (U+DC00+byte, see shared/bytes.ts) arrives as that byte
const encoder = { encode: encodeText };

type Ready = Uint8Array | 'eof';

/**
 * The far end of the terminal when it can fall behind (the page's xterm.js): writers to the
 * tty wait while it is full, as n_tty_write sleeps on write_wait when the driver's buffer is.
 */
export interface OutputFlow {
  /** Too much output is on its way: writers must wait. */
  full(): boolean;
  /** Resolves once there is room again. */
  room(): Promise<void>;
  /** Drops the output not yet on its way (the driver's buffer, flushed on ^C). */
  discard(): void;
}

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
  /** Called every time a reader starts waiting for input (each prompt; the machine's autosave). */
  readonly idleListeners = new Set<() => void>();
  private literalNext = false;
  /** Output stopped by the STOP character (IXON), and what was written meanwhile. */
  private stopped = false;
  private held: string[] = [];
  /** writers waiting for ^Q (or an interrupt) to let the output go */
  private startWaiters: (() => void)[] = [];
  /** set by whoever shows this terminal, when that can fall behind (see OutputFlow) */
  flow: OutputFlow | undefined;
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

  /** n_tty_receive_char: input flags, then signals, then canonical editing or raw delivery. */
  private inputChar(input: string): void {
    const t = this.termios;
    let ch = input;
    let code = ch.codePointAt(0)!;
    if (t.istrip && code < 0x100) ch = String.fromCharCode((code &= 0x7f));
    if (t.iuclc && t.iexten && ch >= 'A' && ch <= 'Z') ch = ch.toLowerCase();
    if (this.literalNext) {
      this.literalNext = false;
      this.accept(ch, true);
      return;
    }
    // flow control: ^S holds the output, ^Q (or with ixany any key) lets it go
    if (t.ixon) {
      if (code === t.cc.stop && code !== 0) {
        this.stopped = true;
        return;
      }
      if (this.stopped && (code === t.cc.start || t.ixany)) {
        this.resumeOutput();
        if (code === t.cc.start) return;
      } else if (code === t.cc.start && code !== 0) return;
    }
    if (t.isig && code !== 0) {
      const sig = code === t.cc.intr ? SIGNALS.SIGINT : code === t.cc.quit ? SIGNALS.SIGQUIT : code === t.cc.susp ? SIGNALS.SIGTSTP : 0;
      if (sig) {
        if (!t.noflsh) {
          this.line = [];
          this.ready = [];
          // isig() flushes the output buffer too: what a flood queued is not shown after ^C
          this.held = [];
          this.flow?.discard();
        }
        // n_tty_receive_signal_char: the signal character restarts stopped output
        if (t.ixon && this.stopped) this.resumeOutput();
        if (t.echo) this.echo(this.visible(ch));
        if (this.foreground) this.hooks.signalGroup(this.foreground, sig);
        return;
      }
    }
    if (ch === '\r') {
      if (t.igncr) return;
      if (t.icrnl) ch = '\n';
    } else if (ch === '\n' && t.inlcr) ch = '\r';
    code = ch.codePointAt(0)!;
    if (!t.icanon) {
      this.accept(ch, false);
      return;
    }
    if (t.iexten && code === t.cc.lnext && code !== 0) {
      this.literalNext = true;
      if (t.echo && t.echoctl) this.echo('^\b');
      return;
    }
    if (code === t.cc.erase && code !== 0) return this.erase('char');
    if (code === t.cc.kill && code !== 0) return this.erase('line');
    if (t.iexten && code === t.cc.werase && code !== 0) return this.erase('word');
    if (t.iexten && code === t.cc.rprnt && code !== 0) {
      if (t.echo) this.echo(`${this.visible(ch)}\r\n${this.line.map((c) => this.visible(c)).join('')}`);
      return;
    }
    if (code === t.cc.eof && code !== 0) {
      if (this.line.length === 0) this.push('eof');
      else this.flushLine();
      return;
    }
    this.accept(ch, false);
  }

  /** ERASE, KILL and WERASE: what goes, and how the screen shows it (ECHOE, ECHOK, ECHOKE). */
  private erase(kind: 'char' | 'word' | 'line'): void {
    const t = this.termios;
    if (kind === 'line' && (!t.echoe || !t.echoke || !t.echok)) {
      // without visual erase the kill character is shown, then (ECHOK) a new line
      if (t.echo && this.line.length) this.echo(`${this.visible(String.fromCharCode(t.cc.kill))}${t.echok ? '\r\n' : ''}`);
      this.line = [];
      return;
    }
    let out = '';
    const pop = (): void => {
      const gone = this.line.pop()!;
      out += t.echoe ? rubout(gone, t.echoctl) : this.visible(String.fromCharCode(t.cc.erase));
    };
    if (kind === 'char') {
      if (this.line.length) pop();
    } else if (kind === 'line') {
      while (this.line.length) pop();
    } else {
      while (this.line.length && /\s/.test(this.line[this.line.length - 1]!)) pop();
      while (this.line.length && !/\s/.test(this.line[this.line.length - 1]!)) pop();
    }
    if (t.echo) this.echo(out);
  }

  /** A character for the reader: raw bytes at once, canonical ones into the line (NL, EOL and EOL2 end it). */
  private accept(ch: string, literal: boolean): void {
    const t = this.termios;
    if (!t.icanon) {
      if (t.echo) this.echo(ch === '\n' ? '\r\n' : this.visible(ch));
      else if (ch === '\n' && t.echonl) this.echo('\r\n');
      this.push(encoder.encode(ch));
      return;
    }
    this.line.push(ch);
    const code = ch.codePointAt(0)!;
    const ends = ch === '\n' || (!literal && code !== 0 && (code === t.cc.eol || code === t.cc.eol2));
    if (t.echo) this.echo(ch === '\n' ? '\r\n' : this.visible(ch));
    else if (ch === '\n' && t.echonl) this.echo('\r\n');
    if (ends) this.flushLine();
  }

  /** How echo shows a character: ECHOCTL turns a control character (not tab or newline) into ^X. */
  private visible(ch: string): string {
    return this.termios.echoctl && isControl(ch) && ch !== '\t' && ch !== '\n' ? caret(ch.codePointAt(0)!) : ch;
  }

  /**
   * tcsetattr: leaving canonical mode makes a half-typed line readable as it stands (n_tty
   * keeps the bytes), so keys typed ahead while a command ran reach the shell's line editor.
   */
  setTermios(t: Termios): void {
    const wasCanonical = this.termios.icanon;
    const hadIxon = this.termios.ixon;
    this.termios = t;
    if (wasCanonical && !t.icanon && this.line.length) this.flushLine();
    // turning flow control off restarts stopped output (n_tty_set_termios)
    if (hadIxon && !t.ixon && this.stopped) this.resumeOutput();
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
    for (const l of this.idleListeners) l();
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

  /**
   * Must a writer wait before writing? While ^S holds the output, or while the terminal shows
   * it slower than programs write it (the page's xterm.js behind a flood such as `yes`).
   */
  outputFull(): boolean {
    return this.stopped || (this.flow?.full() ?? false);
  }

  /** Resolves when the reason outputFull() gave may be gone (the writer checks again). */
  waitOutputRoom(): Promise<void> {
    if (this.stopped) return new Promise((resolve) => this.startWaiters.push(resolve));
    return this.flow?.full() ? this.flow.room() : Promise.resolve();
  }

  /** Output from programs, through OPOST processing (OLCUC, OCRNL, ONLCR); held while ^S stopped it. */
  write(data: Uint8Array): void {
    let text = this.decoder.decode(data, { stream: true });
    const t = this.termios;
    if (t.opost) {
      if (t.olcuc) text = text.toUpperCase();
      if (t.ocrnl) text = text.replace(/\r/g, '\n');
      if (t.onlcr) text = text.replace(/\n/g, '\r\n');
    }
    this.show(text);
  }

  private echo(text: string): void {
    this.show(text);
  }

  private show(text: string): void {
    if (!text) return;
    if (this.stopped) this.held.push(text);
    else this.hooks.output(text);
  }

  private resumeOutput(): void {
    this.stopped = false;
    const held = this.held.join('');
    this.held = [];
    if (held) this.hooks.output(held);
    const waiters = this.startWaiters;
    this.startWaiters = [];
    for (const w of waiters) w();
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

/** What erases a character on screen: two cells for ^X under ECHOCTL. */
function rubout(ch: string, echoctl: boolean): string {
  if (ch === '\t') return '\b';
  return isControl(ch) && echoctl ? '\b \b\b \b' : '\b \b';
}
