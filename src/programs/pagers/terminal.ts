// The keyboard and screen a full-screen pager uses: keys come from /dev/tty (standard input
// may be the text being paged), one key or escape sequence at a time; Ctrl-C and a window
// resize arrive as signals, which interrupt the wait for a key.
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import type { Termios } from '../../shared/termios';

export type Key = string | { signal: 'intr' | 'winch' | 'tstp' } | null;

const decoder = new TextDecoder();

export class Terminal {
  private pending = '';
  private saved: Termios | undefined;
  interrupted = false;
  resized = false;
  suspended = false;
  private out = '';

  private constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly owned: boolean,
  ) {}

  /** Opens the controlling terminal for keys, or falls back to a terminal among fds 0-2. */
  static async open(sys: Sys): Promise<Terminal | undefined> {
    try {
      const fd = await sys.open('/dev/tty', { read: true, write: true });
      return new Terminal(sys, fd, true);
    } catch {
      const fd = [0, 2, 1].find((f) => sys.isatty(f));
      return fd === undefined ? undefined : new Terminal(sys, fd, false);
    }
  }

  size(): { cols: number; rows: number } {
    const w = this.sys.winsize(this.fd);
    return { cols: Math.max(1, w.cols), rows: Math.max(2, w.rows) };
  }

  /** Raw keys without echo; Ctrl-C still raises SIGINT, which the handler turns into a flag. */
  raw(): void {
    const t = this.sys.tcgetattr(this.fd);
    this.saved = t;
    this.sys.tcsetattr(this.fd, { ...t, icanon: false, echo: false, cc: { ...t.cc, min: 1, time: 0 } });
    this.sys.signal(SIGNALS.SIGINT, () => (this.interrupted = true));
    this.sys.signal(SIGNALS.SIGWINCH, () => (this.resized = true));
    this.sys.signal(SIGNALS.SIGTSTP, () => (this.suspended = true));
  }

  restore(): void {
    if (this.saved) this.sys.tcsetattr(this.fd, this.saved);
    this.saved = undefined;
    for (const sig of [SIGNALS.SIGINT, SIGNALS.SIGWINCH, SIGNALS.SIGTSTP]) this.sys.signal(sig, 'default');
  }

  /** Ctrl-Z: give the terminal its settings back, stop, and take raw mode again when continued. */
  async stop(): Promise<void> {
    await this.flush();
    if (this.saved) this.sys.tcsetattr(this.fd, this.saved);
    this.sys.kill(this.sys.pid, SIGNALS.SIGSTOP);
    // the next system call waits here until the shell continues the job (fg)
    await this.sys.tick();
    const t = this.sys.tcgetattr(this.fd);
    this.saved = t;
    this.sys.tcsetattr(this.fd, { ...t, icanon: false, echo: false, cc: { ...t.cc, min: 1, time: 0 } });
  }

  close(): void {
    if (this.owned) this.sys.close(this.fd);
  }

  /** Queues screen output; flush() sends it in one write. */
  write(text: string): void {
    this.out += text;
  }

  async flush(): Promise<void> {
    if (!this.out) return;
    const text = this.out;
    this.out = '';
    await this.sys.write(1, text);
  }

  /** Puts keys back in front of the input (initial +commands, a key that ends a message). */
  unread(keys: string): void {
    this.pending = keys + this.pending;
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** The next key: a character, a whole escape sequence, a signal, or null at end of input. */
  async key(): Promise<Key> {
    for (;;) {
      if (this.interrupted) {
        this.interrupted = false;
        return { signal: 'intr' };
      }
      if (this.resized) {
        this.resized = false;
        return { signal: 'winch' };
      }
      if (this.suspended) {
        this.suspended = false;
        return { signal: 'tstp' };
      }
      const m = /^(\x1b\[[0-9;?]*[A-Za-z~]|\x1bO[A-Za-z]|\x1b[^[O]|[\s\S])/u.exec(this.pending);
      if (m && !/^\x1b(\[[0-9;?]*|O)$/.test(this.pending)) {
        this.pending = this.pending.slice(m[0].length);
        return m[0];
      }
      await this.flush();
      let chunk: Uint8Array | null;
      try {
        chunk = await this.sys.read(this.fd, 256);
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') continue;
        throw e;
      }
      if (chunk === null) return this.pending ? this.take() : null;
      this.pending += decoder.decode(chunk, { stream: true });
    }
  }

  private take(): string {
    const k = this.pending;
    this.pending = '';
    return k;
  }
}
