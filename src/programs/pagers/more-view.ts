// more on a terminal (util-linux 2.38): prints a screenful in the normal screen, then waits
// at a reverse-video --More--(NN%) prompt; the text scrolls up as the reader goes on.
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import type { Source } from './less/source';
import type { Terminal } from './terminal';

export interface MoreOptions {
  lines: number | undefined;
  squeeze: boolean;
  startLine: number;
  startPattern: string | undefined;
  silent: boolean;
}

const HEADER = (name: string): string[] => ['::::::::::::::', name, '::::::::::::::'];

const HELP = `Keys may follow a number k; the value used when none is typed is in brackets.
A star (*) marks keys whose k becomes the new default.
-------------------------------------------------------------------------------
<space>                 Show the next k lines [one screen]
z                       Show the next k lines [one screen]*
<return>                Show the next k lines [1]*
d or ctrl-D             Scroll k lines [scroll size, first 11]*
q or Q or <interrupt>   Leave more
s                       Skip k lines forward [1]
f                       Skip k screens forward [1]
b or ctrl-B             Go back k screens [1]
'                       Return to where the last search started
=                       Show the current line number
/<regular expression>   Find the kth line matching the expression [1]
n                       Find the kth next match of the last expression [1]
ctrl-L                  Draw the screen again
:n                      Go to the kth next file [1]
:p                      Go to the kth previous file [1]
:f                      Show the file name and the line number
.                       Repeat the previous command
-------------------------------------------------------------------------------
`;

export class MoreView {
  private src!: Source;
  private index = -1;
  /** Index of the next line to print. */
  private next = 0;
  private scroll = 11;
  private screen: number;
  private pattern: SafeRegExp | undefined;
  private searchStart = 0;
  private last = '';

  constructor(
    private readonly term: Terminal,
    private readonly names: string[],
    private readonly open: (name: string) => Promise<Source | string>,
    private readonly o: MoreOptions,
  ) {
    this.screen = o.lines ?? term.size().rows - 1;
  }

  private get cols(): number {
    return this.term.size().cols;
  }

  /** Screen rows a line takes once tabs are expanded and it wraps. */
  private rowsOf(line: string): number {
    const width = line.replace(/\t/g, '        ').length;
    return Math.max(1, Math.ceil(width / this.cols));
  }

  private async print(rows: number): Promise<boolean> {
    let used = 0;
    while (used < rows) {
      await this.src.ensure(this.next);
      if (this.next >= this.src.lines.length) return false;
      const line = this.src.lines[this.next]!;
      if (this.o.squeeze && line === '' && this.next > 0 && this.src.lines[this.next - 1] === '') {
        this.next++;
        continue;
      }
      this.term.write(`${line}\r\n`);
      used += this.rowsOf(line);
      this.next++;
    }
    await this.src.ensure(this.next);
    return this.next < this.src.lines.length;
  }

  private prompt(): string {
    const atEnd = this.src.eof && this.next >= this.src.lines.length;
    const what = atEnd && this.index + 1 < this.names.length ? `(Next file: ${this.names[this.index + 1]})` : this.src.size ? `(${Math.floor(((this.src.ends[this.next - 1] ?? 0) * 100) / this.src.size)}%)` : '';
    return `\x1b[7m--More--${what}${this.o.silent ? "[Press space to continue, 'q' to quit.]" : ''}\x1b[27m`;
  }

  /** Opens file `index` and prints its header when several files are shown. */
  private async openFile(index: number): Promise<boolean> {
    for (let i = index; i < this.names.length; i++) {
      const src = await this.open(this.names[i]!);
      if (typeof src === 'string') {
        this.term.write(`${src}\r\n`);
        continue;
      }
      this.src?.close();
      this.src = src;
      this.index = i;
      this.next = 0;
      return true;
    }
    return false;
  }

  async run(): Promise<void> {
    if (!(await this.openFile(0))) return;
    let rows = this.screen;
    const header = (): number => {
      if (this.names.length < 2) return 0;
      for (const l of HEADER(this.names[this.index]!)) this.term.write(`${l}\r\n`);
      return 3;
    };
    rows -= header();
    if (this.o.startPattern !== undefined) await this.search(this.o.startPattern, 1);
    else this.next = Math.max(0, this.o.startLine - 1);
    let more = await this.print(rows);
    for (;;) {
      if (!more) {
        if (this.index + 1 >= this.names.length) return;
      }
      this.term.write(this.prompt());
      const cmd = await this.command();
      this.term.write('\r\x1b[K');
      if (cmd.kind === 'quit') return;
      if (cmd.kind === 'next-file' || (!more && cmd.kind === 'lines')) {
        if (!(await this.openFile(this.index + 1))) return;
        more = await this.print(this.screen - header());
        continue;
      }
      if (cmd.kind === 'prev-file') {
        if (this.index > 0 && (await this.openFile(this.index - 1))) more = await this.print(this.screen - header());
        continue;
      }
      if (cmd.kind === 'lines') more = await this.print(cmd.n);
      else if (cmd.kind === 'skip') {
        this.next += cmd.n;
        this.term.write('\r\n...skipping ' + `${cmd.n} line${cmd.n === 1 ? '' : 's'}\r\n\r\n`);
        more = await this.print(this.screen);
      } else if (cmd.kind === 'back') {
        this.next = Math.max(0, this.next - this.screen * (cmd.n + 1));
        this.term.write(`...back ${cmd.n} page${cmd.n === 1 ? '' : 's'}\r\n\r\n`);
        more = await this.print(this.screen);
      } else if (cmd.kind === 'show') {
        more = await this.print(this.screen);
      }
    }
  }

  private async key(): Promise<string> {
    const k = await this.term.key();
    if (k === null) return 'q';
    if (typeof k === 'string') return k;
    if (k.signal === 'tstp') {
      await this.term.stop();
      this.term.write(`\r\x1b[K${this.prompt()}`);
    }
    return k.signal === 'intr' ? 'q' : '';
  }

  private async command(): Promise<{ kind: 'quit' | 'next-file' | 'prev-file' | 'show' | 'stay' } | { kind: 'lines' | 'skip' | 'back'; n: number }> {
    let num = '';
    for (;;) {
      let k = await this.key();
      if (/^[0-9]$/.test(k)) {
        num += k;
        continue;
      }
      if (k === '.') k = this.last;
      else this.last = k;
      const n = num === '' ? undefined : Number(num);
      num = '';
      switch (k) {
        case 'q': case 'Q': return { kind: 'quit' };
        case ' ': return { kind: 'lines', n: n ?? this.screen };
        case 'z': if (n !== undefined) this.screen = n; return { kind: 'lines', n: this.screen };
        case '\r': case '\n': case 'j': return { kind: 'lines', n: n ?? 1 };
        case 'd': case '\x04': if (n !== undefined) this.scroll = n; return { kind: 'lines', n: this.scroll };
        case 's': return { kind: 'skip', n: n ?? 1 };
        case 'f': return { kind: 'skip', n: (n ?? 1) * this.screen };
        case 'b': case '\x02': if (this.src.name === undefined) break; return { kind: 'back', n: n ?? 1 };
        case '=': this.term.write(`\r\x1b[K${this.next}`); break;
        case "'": this.next = this.searchStart; return { kind: 'show' };
        case '\x0c': return { kind: 'show' };
        case 'h': case '?': this.term.write(`\r\x1b[K${HELP.replace(/\n/g, '\r\n')}${this.prompt()}`); break;
        case '/': {
          const text = await this.readLine('/');
          if (text === undefined) break;
          if (await this.search(text, n ?? 1)) return { kind: 'show' };
          break;
        }
        case 'n':
          if (this.pattern && (await this.search(undefined, n ?? 1))) return { kind: 'show' };
          break;
        case ':': {
          const c = await this.key();
          if (c === 'n') return { kind: 'next-file' };
          if (c === 'p') return { kind: 'prev-file' };
          if (c === 'q') return { kind: 'quit' };
          if (c === 'f') this.term.write(`\r\x1b[K"${this.src.name ?? ''}" line ${this.next}`);
          break;
        }
        case '':
          break;
        default:
          this.term.write(this.o.silent ? "\r\x1b[K\x1b[7m[Press 'h' for instructions.]\x1b[27m" : '\x07');
      }
    }
  }

  private async readLine(lead: string): Promise<string | undefined> {
    let text = '';
    this.term.write(`\r\x1b[K${lead}`);
    for (;;) {
      const k = await this.key();
      if (k === '\r' || k === '\n') return text;
      if (k === '\x7f' || k === '\b') {
        if (text === '') return undefined;
        text = text.slice(0, -1);
        this.term.write('\b \b');
      } else if (k.length === 1 && k >= ' ') {
        text += k;
        this.term.write(k);
      }
    }
  }

  /** Moves to the `count`-th line matching, two lines of context above it. */
  private async search(text: string | undefined, count: number): Promise<boolean> {
    if (text !== undefined) {
      try {
        this.pattern = new SafeRegExp(gnuRegexSource(text, 'extended'));
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        this.term.write(`\r\x1b[K${e.message}`);
        return false;
      }
    }
    const re = this.pattern!;
    let left = count;
    for (let line = this.next; ; line++) {
      await this.src.ensure(line);
      if (line >= this.src.lines.length) {
        this.term.write('\r\x1b[K\x1b[7mPattern not found\x1b[27m');
        return false;
      }
      if (re.test(this.src.lines[line]!) && --left === 0) {
        this.searchStart = this.next;
        const skipped = line - this.next;
        if (skipped > 2) this.term.write('\r\n...skipping\r\n');
        this.next = Math.max(this.next, line - 2);
        return true;
      }
    }
  }
}
