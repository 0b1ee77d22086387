// vim's terminal: raw mode on /dev/tty (no echo, no line editing, Enter arrives as CR as in
// vim's own settings), keys decoded into single tokens (special keys become private-use
// characters so a key sequence can be recorded and replayed as a string), signals turned
// into keys (Ctrl-C) or events (a resize), and an optional wait with a timeout, which the
// <Esc><Esc> mapping of Photon's /etc/vimrc needs ('timeoutlen' 1000 ms).
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import type { Termios } from '../../shared/termios';

/** Special keys, as single characters from Unicode's private use area. */
export const K = {
  Up: '\ue000',
  Down: '\ue001',
  Left: '\ue002',
  Right: '\ue003',
  Home: '\ue004',
  End: '\ue005',
  PageUp: '\ue006',
  PageDown: '\ue007',
  Insert: '\ue008',
  Del: '\ue009',
  F1: '\ue011',
  F2: '\ue012',
  F10: '\ue01a',
  /** The terminal went away: leave as vim does on a read error. */
  Eof: '\ue0ff',
} as const;

const CSI_KEYS: Record<string, string> = {
  A: K.Up, B: K.Down, C: K.Right, D: K.Left, H: K.Home, F: K.End,
  '1~': K.Home, '7~': K.Home, '4~': K.End, '8~': K.End, '5~': K.PageUp, '6~': K.PageDown,
  '2~': K.Insert, '3~': K.Del, '11~': K.F1, '12~': K.F2, '21~': K.F10,
};
const SS3_KEYS: Record<string, string> = { A: K.Up, B: K.Down, C: K.Right, D: K.Left, H: K.Home, F: K.End, P: K.F1, Q: K.F2 };

const decoder = new TextDecoder();

export class VimTty {
  private raw = '';
  private queue: string[] = [];
  private saved: Termios | undefined;
  private reading: Promise<Uint8Array | null> | undefined;
  private out = '';
  private flags = { intr: false, winch: false, tstp: false, term: '' };
  /** Keys consumed since recording started (for "." repeat). */
  recording: string[] | undefined;
  /** Typed keys go here too while a macro is recorded (q{reg}). */
  macro: string[] | undefined;
  onResize: () => Promise<void> = async () => {};
  onSuspend: () => Promise<void> = async () => {};
  /** Set by SIGTERM or SIGHUP: the signal's name, for "Vim: Caught deadly signal". */
  deadly = '';
  /** The terminal reached end of file: vim leaves. */
  ended = false;

  private constructor(
    readonly sys: Sys,
    readonly fd: number,
    private readonly owned: boolean,
  ) {}

  /** No terminal at all (vim -es): keys only from push(), output dropped. */
  static detached(sys: Sys): VimTty {
    const t = new VimTty(sys, -1, false);
    t.ended = true;
    return t;
  }

  static async open(sys: Sys): Promise<VimTty | undefined> {
    try {
      const fd = await sys.open('/dev/tty', { read: true, write: true });
      return new VimTty(sys, fd, true);
    } catch {
      const fd = [0, 2, 1].find((f) => sys.isatty(f));
      return fd === undefined ? undefined : new VimTty(sys, fd, false);
    }
  }

  size(): { cols: number; rows: number } {
    if (this.fd < 0) return { cols: 80, rows: 24 };
    const w = this.sys.winsize(this.fd);
    return { cols: Math.max(12, w.cols || 80), rows: Math.max(2, w.rows || 24) };
  }

  /** vim's raw mode: ICANON, ECHO, ICRNL and IXON off; ISIG stays so Ctrl-C can interrupt work. */
  rawMode(): void {
    const t = this.sys.tcgetattr(this.fd);
    this.saved ??= t;
    this.sys.tcsetattr(this.fd, { ...t, icanon: false, echo: false, icrnl: false, ixon: false, iexten: false, cc: { ...t.cc, min: 1, time: 0 } });
    this.sys.signal(SIGNALS.SIGINT, () => (this.flags.intr = true));
    this.sys.signal(SIGNALS.SIGWINCH, () => (this.flags.winch = true));
    this.sys.signal(SIGNALS.SIGTSTP, () => (this.flags.tstp = true));
    this.sys.signal(SIGNALS.SIGQUIT, 'ignore');
    this.sys.signal(SIGNALS.SIGTERM, () => (this.deadly = 'TERM'));
    this.sys.signal(SIGNALS.SIGHUP, () => (this.deadly = 'HUP'));
  }

  /** The terminal's own settings back for a child program (:!cmd); vim keeps its signal handlers. */
  cooked(): void {
    if (this.saved) this.sys.tcsetattr(this.fd, this.saved);
  }

  restore(): void {
    if (this.saved) this.sys.tcsetattr(this.fd, this.saved);
    for (const s of [SIGNALS.SIGINT, SIGNALS.SIGWINCH, SIGNALS.SIGTSTP, SIGNALS.SIGQUIT, SIGNALS.SIGTERM, SIGNALS.SIGHUP]) this.sys.signal(s, 'default');
  }

  /** Gives the terminal back, stops (Ctrl-Z), and takes raw mode again when continued. */
  async stop(): Promise<void> {
    await this.flush();
    if (this.saved) this.sys.tcsetattr(this.fd, this.saved);
    this.sys.kill(this.sys.pid, SIGNALS.SIGSTOP);
    await this.sys.tick();
    this.saved = undefined;
    this.rawMode();
  }

  close(): void {
    if (this.owned) this.sys.close(this.fd);
  }

  write(text: string): void {
    this.out += text;
  }

  async flush(): Promise<void> {
    if (this.fd < 0) this.out = '';
    if (!this.out) return;
    const text = this.out;
    this.out = '';
    await this.sys.write(this.fd, text);
  }

  /** Ctrl-C was pressed while working (a long :s or search): consume it. */
  takeInterrupt(): boolean {
    const was = this.flags.intr;
    this.flags.intr = false;
    return was;
  }

  /** Puts keys back in front of the input (a mapping's right-hand side, "." replaying). */
  push(keys: string): void {
    this.queue.unshift(...[...keys]);
  }

  hasPending(): boolean {
    return this.queue.length > 0 || this.raw.length > 0;
  }

  /** The next key; with `timeout`, undefined when none arrives in that many ms. */
  async key(timeout?: number): Promise<string | undefined> {
    const k = await this.next(timeout);
    if (k !== undefined && this.recording) this.recording.push(k);
    return k;
  }

  private async next(timeout?: number): Promise<string | undefined> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      if (this.deadly) return K.Eof;
      if (this.flags.intr) {
        this.flags.intr = false;
        this.raw = '';
        return '\x03';
      }
      if (this.flags.winch) {
        this.flags.winch = false;
        await this.onResize();
        continue;
      }
      if (this.flags.tstp) {
        this.flags.tstp = false;
        await this.onSuspend();
        continue;
      }
      const q = this.queue.shift();
      if (q !== undefined) return q;
      const k = this.decode();
      if (k !== undefined) {
        this.macro?.push(k);
        return k;
      }
      await this.flush();
      if (this.fd < 0) return timeout === undefined ? K.Eof : undefined;
      if (this.raw.startsWith('\x1b')) {
        // the start of an escape sequence with nothing after it for a while is <Esc> and a key
        const more = await this.fill(50);
        if (more === 'timeout') {
          this.raw = this.raw.slice(1);
          return '\x1b';
        }
        if (more === 'eof') {
          this.ended = true;
          return K.Eof;
        }
        continue;
      }
      const got = await this.fill(timeout);
      if (got === 'timeout') return undefined;
      if (got === 'eof') {
        this.ended = true;
        return K.Eof;
      }
    }
    this.ended = true;
    return K.Eof;
  }

  /** Takes one key from the raw input, or undefined when more bytes are needed. */
  private decode(): string | undefined {
    const s = this.raw;
    if (!s) return undefined;
    if (s[0] !== '\x1b' || s.length === 1) {
      const c = String.fromCodePoint(s.codePointAt(0)!);
      this.raw = s.slice(c.length);
      return c;
    }
    const csi = /^\x1b\[([0-9;?]*)([A-Za-z~])/.exec(s);
    if (csi) {
      this.raw = s.slice(csi[0].length);
      const params = csi[1]!.split(';');
      const key = csi[2] === '~' ? `${params[0]}~` : csi[2]!;
      return CSI_KEYS[key] ?? this.decode();
    }
    // SS3 only for the keys terminals send that way (F1-F4, and Home/End/arrows in keypad
    // mode), so that <Esc> followed quickly by O (open a line above) still works
    const ss3 = /^\x1bO([A-DHFP-S])/.exec(s);
    if (ss3) {
      this.raw = s.slice(3);
      return SS3_KEYS[ss3[1]!] ?? this.decode();
    }
    // an unfinished sequence waits for its end (a terminal sends each in one write)
    if (/^\x1b(\[[0-9;?]*|O)$/.test(s)) return undefined;
    // Esc then another key (typed quickly, or Alt-key): two keys for vim
    this.raw = s.slice(1);
    return '\x1b';
  }

  private async fill(timeout: number | undefined): Promise<'data' | 'timeout' | 'eof' | 'signal'> {
    if (!this.reading) {
      this.reading = this.sys.read(this.fd, 4096);
      this.reading.catch(() => undefined);
    }
    const reading = this.reading;
    try {
      let got: Uint8Array | null | 'timeout';
      if (timeout === undefined) got = await reading;
      else {
        const timer = this.sys.sleep(timeout).then(() => 'timeout' as const, () => 'timeout' as const);
        got = await Promise.race([reading, timer]);
      }
      if (got === 'timeout') return this.flags.intr || this.flags.winch ? 'signal' : 'timeout';
      this.reading = undefined;
      if (got === null) return 'eof';
      this.raw += decoder.decode(got, { stream: true });
      return 'data';
    } catch (e) {
      this.reading = undefined;
      if (isSysError(e) && e.errno === 'EINTR') return 'signal';
      throw e;
    }
  }
}
