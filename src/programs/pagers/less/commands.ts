// The keys of less: movement, searching, jumping, files, help and quitting, each optionally
// preceded by a number. Runs until q; Ctrl-C only stops what is in progress.
import type { SafeRegExp } from '../../lib/safe-regex';
import { LESS_HELP } from './help';
import { PROTOS, evalPrompt } from './prompt';
import { compilePattern, find } from './search';
import type { Source } from './source';
import type { View } from './view';

const DOWN = new Set(['j', 'e', '\x0e', '\x05', '\r', '\n', '\x1b[B', '\x1bOB']);
const UP = new Set(['k', 'y', '\x10', '\x19', '\x0b', '\x1b[A', '\x1bOA']);
const PAGE_DOWN = new Set([' ', 'f', '\x06', '\x16', '\x1b[6~', '\x1b ']);
const PAGE_UP = new Set(['b', '\x02', '\x1bv', '\x1b[5~']);
const FIRST = new Set(['g', '<', '\x1b<', '\x1b[H', '\x1b[1~', '\x1bOH']);
const LAST = new Set(['G', '>', '\x1b>', '\x1b[F', '\x1b[4~', '\x1bOF']);
const REPAINT = new Set(['r', '\x12', '\x0c', 'R']);
const INFO = new Set(['=', '\x07']);

export interface Files {
  names: string[];
  /** Opens file `index`, or returns the message telling why it cannot be shown. */
  open(index: number): Promise<Source | string>;
  /** A source over text in memory (the help screen). */
  text(text: string): Source;
}

type Outcome = 'quit' | 'stay';

export class Commands {
  private half: number | undefined;
  private lastSearch: { re: SafeRegExp; forward: boolean } | undefined;
  private eofHits = 0;
  private help: { src: Source; top: View['top'] } | undefined;

  constructor(
    private readonly view: View,
    private readonly files: Files,
  ) {}

  /** Runs keys until the user quits. */
  async run(): Promise<void> {
    const v = this.view;
    const t = v.term;
    let num = '';
    for (;;) {
      if (!t.hasPending()) await v.paint();
      const key = await t.key();
      if (key === null) return;
      if (typeof key !== 'string') {
        if (key.signal === 'winch') v.reflow();
        else if (key.signal === 'tstp') await this.suspend();
        else if (v.o.quitOnIntr) return;
        num = '';
        v.input = undefined;
        continue;
      }
      if (v.message !== undefined) {
        v.message = undefined;
        if (key === '\r' || key === '\n') continue;
      }
      if (/^[0-9]$/.test(key)) {
        num += key;
        v.input = `:${num}`;
        continue;
      }
      v.input = undefined;
      const n = num === '' ? undefined : Number(num);
      num = '';
      if ((await this.command(key, n)) === 'quit') {
        if (!this.help) return;
        this.leaveHelp();
      }
    }
  }

  private async command(key: string, n: number | undefined): Promise<Outcome> {
    const v = this.view;
    if (DOWN.has(key)) return this.down(n ?? 1);
    if (UP.has(key)) return this.up(n ?? 1);
    if (PAGE_DOWN.has(key)) return this.down(n ?? v.page);
    if (PAGE_UP.has(key)) return this.up(n ?? v.page);
    if (key === 'd' || key === '\x04') {
      if (n !== undefined) this.half = n;
      return this.down(this.half ?? Math.floor(v.page / 2));
    }
    if (key === 'u' || key === '\x15') {
      if (n !== undefined) this.half = n;
      return this.up(this.half ?? Math.floor(v.page / 2));
    }
    if (FIRST.has(key)) {
      await v.goLine(n ?? 1);
      return 'stay';
    }
    if (LAST.has(key)) {
      if (n !== undefined) await v.goLine(n);
      else await v.goEnd();
      return 'stay';
    }
    if (key === 'p' || key === '%') {
      await v.goPercent(n ?? 0);
      return 'stay';
    }
    if (REPAINT.has(key)) return 'stay';
    if (INFO.has(key)) return this.info();
    if (key === 'q' || key === 'Q') return 'quit';
    if (key === 'h' || key === 'H') return this.showHelp();
    if (key === '/' || key === '?') return this.search(key === '/', n);
    if (key === 'n' || key === 'N') return this.repeat(key === 'n', n);
    if (key === '\x1b[C' || key === '\x1b)') return this.shiftBy(n ?? Math.floor(v.cols / 2));
    if (key === '\x1b[D' || key === '\x1b(') return this.shiftBy(-(n ?? Math.floor(v.cols / 2)));
    if (key === '\x1bu') {
      v.hilite = !v.hilite;
      return 'stay';
    }
    if (key === '\x1b') return this.command(`\x1b${await this.nextKey()}`, n);
    if (key === ':') return this.colon(await this.nextKey());
    if (key === 'Z') return (await this.nextKey()) === 'Z' ? 'quit' : 'stay';
    if (key === '-') return this.toggle(await this.nextKey());
    v.term.write('\x07');
    return 'stay';
  }

  /** Ctrl-Z: leave the screen as it was, stop, and draw everything again when continued. */
  private async suspend(): Promise<void> {
    const v = this.view;
    const t = v.term;
    if (!v.o.noInit) t.write('\r\x1b[K\x1b[?1l\x1b>\x1b[?1049l');
    await t.stop();
    if (!v.o.noInit) t.write('\x1b[?1049h\x1b[?1h\x1b=');
    v.reflow();
  }

  private async nextKey(): Promise<string> {
    const k = await this.view.term.key();
    return typeof k === 'string' ? k : '';
  }

  private async down(n: number): Promise<Outcome> {
    const v = this.view;
    const moved = await v.forward(n);
    if (v.o.quitAtEof === 0) return 'stay';
    if (!moved) this.eofHits++;
    if (v.o.quitAtEof === 1 && (await v.atEnd())) return 'quit';
    return v.o.quitAtEof === 2 && this.eofHits >= 1 && !moved ? 'quit' : 'stay';
  }

  private up(n: number): Outcome {
    this.view.backward(n);
    return 'stay';
  }

  private shiftBy(n: number): Outcome {
    const v = this.view;
    v.shift = Math.max(0, v.shift + n);
    v.reflow();
    return 'stay';
  }

  private async info(): Promise<Outcome> {
    const v = this.view;
    const shown = await v.collect(v.top, v.page);
    v.message = `${evalPrompt(v.o.prompts['='] ?? PROTOS['='], await v.promptInfo(shown))}  (press RETURN)`;
    return 'stay';
  }

  private async colon(key: string): Promise<Outcome> {
    const v = this.view;
    if (key === 'q' || key === 'Q') return 'quit';
    if (key === 'f') return this.info();
    const target = key === 'n' ? v.fileIndex + 1 : key === 'p' ? v.fileIndex - 1 : key === 'x' ? 0 : -2;
    if (target === -2) return 'stay';
    if (target < 0 || target >= this.files.names.length) {
      v.message = `No ${key === 'n' ? 'next' : 'previous'} file  (press RETURN)`;
      return 'stay';
    }
    const src = await this.files.open(target);
    if (typeof src === 'string') {
      v.message = `${src}  (press RETURN)`;
      return 'stay';
    }
    v.src.close();
    v.fileIndex = target;
    v.nextFile = this.files.names[target + 1];
    v.setSource(src);
    return 'stay';
  }

  private toggle(letter: string): Outcome {
    const v = this.view;
    const o = v.o;
    const messages: Record<string, () => string> = {
      N: () => ((o.lineNumbers = !o.lineNumbers) ? 'Constantly display line numbers' : "Don't use line numbers"),
      S: () => ((o.chop = !o.chop) ? 'Chop long lines' : 'Fold long lines'),
      i: () => ((o.ignoreCase = o.ignoreCase === 'smart' ? '' : 'smart') ? 'Ignore case in searches' : 'Case is significant in searches'),
    };
    const m = messages[letter];
    if (!m) {
      v.message = `There is no -${letter} option  (press RETURN)`;
      return 'stay';
    }
    v.message = `${m()}  (press RETURN)`;
    v.reflow();
    return 'stay';
  }

  /** Reads a pattern on the bottom line, then searches for it. */
  private async search(forward: boolean, n: number | undefined): Promise<Outcome> {
    const v = this.view;
    const lead = forward ? '/' : '?';
    let text = '';
    for (;;) {
      v.input = `${lead}${text}`;
      if (!v.term.hasPending()) await v.paint();
      const k = await v.term.key();
      if (k === null || typeof k !== 'string') {
        v.input = undefined;
        return 'stay';
      }
      if (k === '\r' || k === '\n') break;
      if (k === '\x7f' || k === '\b') {
        if (text === '') {
          v.input = undefined;
          return 'stay';
        }
        text = text.slice(0, -1);
      } else if (k === '\x15') text = '';
      else if (k.length === 1 && k >= ' ') text += k;
    }
    v.input = undefined;
    if (text === '') return this.repeat(forward === (this.lastSearch?.forward ?? true), n);
    const re = compilePattern(text, v.o);
    if (typeof re === 'string') {
      v.message = `${re}  (press RETURN)`;
      return 'stay';
    }
    this.lastSearch = { re, forward };
    v.pattern = re;
    v.hilite = v.o.hilite;
    if (!(await find(v, re, forward, n ?? 1))) this.notFound();
    return 'stay';
  }

  private async repeat(same: boolean, n: number | undefined): Promise<Outcome> {
    const v = this.view;
    const last = this.lastSearch;
    if (!last) {
      v.message = 'No previous regular expression  (press RETURN)';
      return 'stay';
    }
    v.pattern = last.re;
    if (!(await find(v, last.re, same ? last.forward : !last.forward, n ?? 1))) this.notFound();
    return 'stay';
  }

  private notFound(): void {
    const v = this.view;
    if (v.term.interrupted) return;
    v.message = 'Pattern not found  (press RETURN)';
  }

  private showHelp(): Outcome {
    const v = this.view;
    if (this.help) return 'stay';
    this.help = { src: v.src, top: v.top };
    v.promptProto = v.o.prompts.h ?? PROTOS.h;
    v.setSource(this.files.text(LESS_HELP));
    return 'stay';
  }

  private leaveHelp(): void {
    const v = this.view;
    const h = this.help!;
    this.help = undefined;
    v.promptProto = undefined;
    v.setSource(h.src);
    v.top = h.top;
    v.newFile = false;
  }
}
