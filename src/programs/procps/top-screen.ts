// top on a terminal: the alternate screen in raw mode, redrawn every delay seconds or at a
// key; the keys of top.c's do_key (sort, toggles, kill, renice, delay, help), its prompts on
// the message line below the summary, and its messages (shown for MSG_USLEEP, 1.25 s).
// Ctrl-C quits, a window resize redraws, Ctrl-Z stops and redraws when continued.
import { isSysError, strerror } from '../../shared/errno';
import { parseSignal } from '../../shared/signals';
import type { Ctx } from '../lib/context';
import type { Key, Terminal } from '../pagers/terminal';
import { buildFrame, styled, takeSample, type Frame, type Sample, type SortField, type View } from './top-frame';
import { keysHelp, WINDOWS_HELP } from './top-help';

const MSG_MS = 1250;
/** The priming wait before the first frame (LIB_USLEEP), so it has %CPU to show. */
export const PRIME_MS = 100;
// every key some part of top's do_key handles; any other is an unknown command
const KNOWN = new Set([...'?BdEefgHhIkrsXYZ0!12345ClmtCbcFiJjnOoRSUuVvxyz#<>+-=_&AaGLwMNPTqW \r', '\x05', '\x07', '\t', '\x0b', '\x0c', '\x0e', '\x10', '\x12', '\x15', '\x0f',
  '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[5~', '\x1b[6~', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x1bOA', '\x1bOB', '\x1bOC', '\x1bOD', '\x1bOH', '\x1bOF', '\x1b[Z']);
const SORTS: Record<string, SortField> = { M: '%MEM', N: 'PID', P: '%CPU', T: 'TIME+' };
const TICK = Symbol('tick');
const QUIT = Symbol('quit');

type Line = string | typeof QUIT;

export class TopScreen {
  private frame: Frame | undefined;
  private msgRow = 0;
  private pendingKey: Promise<Key> | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly term: Terminal,
    private readonly view: View,
    private delay: number,
  ) {}

  private size(): { cols: number; rows: number } {
    return this.term.size();
  }

  /** Runs until q, Ctrl-C, the end of input or `iterations` frames. */
  async run(iterations: number, first: Sample): Promise<void> {
    const sys = this.ctx.sys;
    let before = first;
    for (let i = 0; i < iterations; i++) {
      const now = await takeSample(sys);
      this.frame = await buildFrame(this.ctx, before, now, this.view, this.size().cols);
      before = now;
      this.draw();
      await this.term.flush();
      for (;;) {
        const key = await this.waitKey();
        if (key === TICK) break;
        const r = await this.doKey(key);
        if (r === QUIT) return;
        if (r === 'refresh') break;
        if (r === 'redraw') {
          this.draw();
          await this.term.flush();
        }
      }
    }
  }

  /** The next key, or TICK when the delay passes first. */
  private async waitKey(): Promise<Key | typeof TICK> {
    this.pendingKey ??= this.term.key();
    const tick = this.ctx.sys.sleep(this.delay * 1000).then((): typeof TICK => TICK, (): typeof TICK => TICK);
    const got: Key | typeof TICK = await Promise.race([this.pendingKey, tick]);
    if (got !== TICK) this.pendingKey = undefined;
    return got;
  }

  private async nextKey(): Promise<Key> {
    const k = this.pendingKey ?? this.term.key();
    this.pendingKey = undefined;
    return k;
  }

  /** Home, the summary, the message row, the header and as many tasks as fit; clear the rest. */
  private draw(): void {
    const f = this.frame;
    if (!f) return;
    const { cols, rows } = this.size();
    const out: string[] = [];
    for (const s of f.summary) if (out.length < rows - 1) out.push(styled(s, cols));
    this.msgRow = out.length;
    out.push('');
    if (out.length < rows) out.push(styled(`${f.header.padEnd(cols)}~6`, cols));
    for (const r of f.rows) {
      if (out.length >= rows) break;
      out.push(r.running ? styled(`${r.text.padEnd(cols)}~7`, cols) : r.text.slice(0, cols));
    }
    this.term.write(`\x1b[?25l\x1b[H${out.map((l) => `${l}\x1b[K`).join('\r\n')}${out.length < rows ? '\r\n\x1b[J' : ''}`);
  }

  /** show_msg: the message line in reverse video, held for a moment. */
  private async message(text: string): Promise<void> {
    const { cols } = this.size();
    this.term.write(`\x1b[${this.msgRow + 1};1H${styled(` ${text.slice(0, cols - 2)} ~4`, cols)}\x1b[K`);
    await this.term.flush();
    await this.ctx.sys.sleep(MSG_MS).catch(() => undefined);
  }

  /** ioline: a prompt in bold on the message line and a line of input; Esc gives "\x1b". */
  private async ioline(prompt: string): Promise<Line> {
    const { cols } = this.size();
    const at = `\x1b[${this.msgRow + 1};1H`;
    const head = styled(`${prompt.slice(0, cols - 2)} ~5`, cols);
    let buf = '';
    for (;;) {
      this.term.write(`${at}${head}${buf}\x1b[K\x1b[?25h`);
      const k = await this.nextKey();
      if (k === null) return QUIT;
      if (typeof k !== 'string') {
        if (k.signal === 'intr') return QUIT;
        continue;
      }
      if (k === '\r' || k === '\n') break;
      if (k === '\x1b') return '\x1b';
      if (k === '\x7f' || k === '\b') buf = buf.slice(0, -1);
      else if (k.length === 1 && k >= ' ' && buf.length + prompt.length + 2 < cols) buf += k;
    }
    this.term.write('\x1b[?25l');
    return buf;
  }

  /** get_int: a number, '' (take the default), '\x1b' (cancel) or undefined after a complaint. */
  private async getInt(prompt: string): Promise<number | '' | '\x1b' | undefined | typeof QUIT> {
    const line = await this.ioline(prompt);
    if (line === QUIT || line === '\x1b' || line === '') return line;
    const t = line.trim();
    if (!/^[-+]?\d+(\.0*)?$/.test(t)) {
      await this.message('Unacceptable integer');
      return undefined;
    }
    return Math.trunc(Number(t));
  }

  /** The task in the top row: the default pid of k and r. */
  private firstPid(): number {
    return this.frame?.rows[0]?.pid ?? 0;
  }

  /** One key; QUIT ends top, 'stay' keeps waiting for the next frame, anything else redraws now. */
  private async doKey(key: Key): Promise<typeof QUIT | 'stay' | 'refresh' | 'redraw'> {
    const sys = this.ctx.sys;
    if (key === null) return QUIT;
    if (typeof key !== 'string') {
      if (key.signal === 'intr') return QUIT;
      if (key.signal === 'winch') return 'refresh';
      this.term.write('\x1b[?25h\x1b[?1049l');
      await this.term.stop();
      this.term.write('\x1b[?1049h\x1b[2J');
      return 'refresh';
    }
    const v = this.view;
    if (key === 'q') return QUIT;
    if (key === '\x1b' || key === '\0') return 'stay';
    const sort = SORTS[key];
    if (sort) {
      v.sort = sort;
      return 'refresh';
    }
    switch (key) {
      case 'h':
      case '?':
        return (await this.help()) ?? 'refresh';
      case 'k': {
        const def = this.firstPid();
        const got = await this.getInt(`PID to signal/kill [default pid = ${def}]`);
        if (got === QUIT) return QUIT;
        if (got === undefined || got === '\x1b') return 'refresh';
        const pid = got === '' ? def : got;
        const line = await this.ioline(`Send pid ${pid} signal [15/sigterm]`);
        if (line === QUIT) return QUIT;
        if (line === '\x1b') return 'refresh';
        const num = line === '' ? 15 : (parseSignal(line.trim()) ?? -1);
        if (num > 0) {
          try {
            sys.kill(pid, num);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await this.message(`Failed signal pid '${pid}' with '${num}': ${strerror(e.errno)}`);
          }
        } else if (num < 0) await this.message('Invalid signal');
        return 'refresh';
      }
      case 'r': {
        const def = this.firstPid();
        const got = await this.getInt(`PID to renice [default pid = ${def}]`);
        if (got === QUIT) return QUIT;
        if (got === undefined || got === '\x1b') return 'refresh';
        const pid = got === '' ? def : got;
        const nice = await this.getInt(`Renice PID ${pid} to value`);
        if (nice === QUIT) return QUIT;
        if (typeof nice === 'number') {
          try {
            sys.setpriority('process', pid, nice);
          } catch (e) {
            if (!isSysError(e)) throw e;
            await this.message(`Failed renice of PID ${pid} to ${nice}: ${strerror(e.errno)}`);
          }
        }
        return 'refresh';
      }
      case 'd':
      case 's': {
        const line = await this.ioline(`Change delay from ${this.delay.toFixed(1)} to`);
        if (line === QUIT) return QUIT;
        if (line === '' || line === '\x1b') return 'refresh';
        const f = Number(line.trim());
        if (!/^\d*\.?\d+$|^\d+\.$/.test(line.trim()) || !(f >= 0)) await this.message('Unacceptable floating point');
        else this.delay = f;
        return 'refresh';
      }
      case '1': v.perCpu = !v.perCpu; return 'refresh';
      case 'l': v.load = !v.load; return 'refresh';
      case 't': v.states = !v.states; return 'refresh';
      case 'm': v.memory = !v.memory; return 'refresh';
      case 'c': v.cmdline = !v.cmdline; return 'refresh';
      case 'i': v.idle = !v.idle; return 'refresh';
      case 'R': v.reverse = !v.reverse; return 'refresh';
      case 'I':
        v.irix = !v.irix;
        await this.message(`Irix mode ${v.irix ? 'On' : 'Off'}`);
        return 'refresh';
      case '\x0c':
        this.term.write('\x1b[2J');
        return 'redraw';
    }
    if (!KNOWN.has(key)) await this.message("Unknown command - try 'h' for help");
    return 'refresh';
  }

  /** help_view: the commands page; h or ? there shows the windows page. */
  private async help(): Promise<typeof QUIT | undefined> {
    const { cols } = this.size();
    const page = (text: string): void => {
      const lines = text.split('\n').map((l) => `${styled(l, cols)}\x1b[K`);
      this.term.write(`\x1b[H\x1b[2J${lines.join('\r\n')}\x1b[?25h`);
    };
    page(keysHelp(this.delay));
    for (;;) {
      const k = await this.nextKey();
      if (k === null) return QUIT;
      if (typeof k !== 'string') {
        if (k.signal === 'intr') return QUIT;
        page(keysHelp(this.delay));
        continue;
      }
      if (k === 'q' || k === '\x1b') break;
      if (k === 'h' || k === '?' || k === 'H') {
        for (;;) {
          page(WINDOWS_HELP);
          const w = await this.nextKey();
          if (w === null || (typeof w !== 'string' && w.signal === 'intr')) return QUIT;
          if (w === '\r' || w === '\x1b' || w === 'q') break;
        }
        break;
      }
    }
    this.term.write('\x1b[?25l\x1b[2J');
    return undefined;
  }
}
