// The terminal settings stty knows (coreutils stty.c mode_info and control_info for Linux),
// held as the four termios flag words and c_cc. The kernel keeps only part of termios
// (shared/termios.ts); the rest starts at the 'sane' values on every run.
import { fromWords, isSpeed, toWords, type Termios, type WinSize } from '../../shared/termios';
import { quote } from '../lib/quote';

export type Group = 'control' | 'input' | 'output' | 'local';
type Word = 'c' | 'i' | 'o' | 'l';

interface Mode {
  name: string;
  group: Group;
  bits: number;
  mask: number;
  rev: boolean;
  sane: boolean | undefined;
  omit?: boolean;
}

const W: Record<Group, Word> = { control: 'c', input: 'i', output: 'o', local: 'l' };
const m = (name: string, group: Group, bits: number, rev: boolean, sane: boolean | undefined, mask = 0, omit = false): Mode => ({ name, group, bits, mask, rev, sane, omit });

const MODES: Mode[] = [
  m('parenb', 'control', 0x100, true, undefined), m('parodd', 'control', 0x200, true, undefined),
  m('cmspar', 'control', 0x40000000, true, undefined), m('cs5', 'control', 0, false, undefined, 0x30),
  m('cs6', 'control', 0x10, false, undefined, 0x30), m('cs7', 'control', 0x20, false, undefined, 0x30),
  m('cs8', 'control', 0x30, false, undefined, 0x30), m('hupcl', 'control', 0x400, true, undefined),
  m('hup', 'control', 0x400, true, undefined, 0, true), m('cstopb', 'control', 0x40, true, undefined),
  m('cread', 'control', 0x80, true, true), m('clocal', 'control', 0x800, true, undefined),
  m('crtscts', 'control', 0x80000000, true, undefined),
  m('ignbrk', 'input', 1, true, false), m('brkint', 'input', 2, true, true), m('ignpar', 'input', 4, true, undefined),
  m('parmrk', 'input', 8, true, undefined), m('inpck', 'input', 0x10, true, undefined), m('istrip', 'input', 0x20, true, undefined),
  m('inlcr', 'input', 0x40, true, false), m('igncr', 'input', 0x80, true, false), m('icrnl', 'input', 0x100, true, true),
  m('ixon', 'input', 0x400, true, undefined), m('ixoff', 'input', 0x1000, true, false), m('tandem', 'input', 0x1000, true, undefined, 0, true),
  m('iuclc', 'input', 0x200, true, false), m('ixany', 'input', 0x800, true, false), m('imaxbel', 'input', 0x2000, true, true),
  m('iutf8', 'input', 0x4000, true, false),
  m('opost', 'output', 1, true, true), m('olcuc', 'output', 2, true, false), m('ocrnl', 'output', 8, true, false),
  m('onlcr', 'output', 4, true, true), m('onocr', 'output', 0x10, true, false), m('onlret', 'output', 0x20, true, false),
  m('ofill', 'output', 0x40, true, false), m('ofdel', 'output', 0x80, true, false),
  m('nl1', 'output', 0x100, false, false, 0x100), m('nl0', 'output', 0, false, true, 0x100),
  m('cr3', 'output', 0x600, false, false, 0x600), m('cr2', 'output', 0x400, false, false, 0x600),
  m('cr1', 'output', 0x200, false, false, 0x600), m('cr0', 'output', 0, false, true, 0x600),
  m('tab3', 'output', 0x1800, false, false, 0x1800), m('tab2', 'output', 0x1000, false, false, 0x1800),
  m('tab1', 'output', 0x800, false, false, 0x1800), m('tab0', 'output', 0, false, true, 0x1800),
  m('bs1', 'output', 0x2000, false, false, 0x2000), m('bs0', 'output', 0, false, true, 0x2000),
  m('vt1', 'output', 0x4000, false, false, 0x4000), m('vt0', 'output', 0, false, true, 0x4000),
  m('ff1', 'output', 0x8000, false, false, 0x8000), m('ff0', 'output', 0, false, true, 0x8000),
  m('isig', 'local', 1, true, true), m('icanon', 'local', 2, true, true), m('iexten', 'local', 0x8000, true, true),
  m('echo', 'local', 8, true, true), m('echoe', 'local', 0x10, true, true), m('crterase', 'local', 0x10, true, undefined, 0, true),
  m('echok', 'local', 0x20, true, true), m('echonl', 'local', 0x40, true, false), m('noflsh', 'local', 0x80, true, false),
  m('xcase', 'local', 4, true, false), m('tostop', 'local', 0x100, true, false), m('echoprt', 'local', 0x400, true, false),
  m('prterase', 'local', 0x400, true, undefined, 0, true), m('echoctl', 'local', 0x200, true, true),
  m('ctlecho', 'local', 0x200, true, undefined, 0, true), m('echoke', 'local', 0x800, true, true),
  m('crtkill', 'local', 0x800, true, undefined, 0, true), m('flusho', 'local', 0x1000, true, false),
  m('extproc', 'local', 0x10000, true, false),
];

const COMBOS = new Map<string, boolean>([
  ['evenp', true], ['parity', true], ['oddp', true], ['nl', true], ['ek', false], ['sane', false], ['cooked', true],
  ['raw', true], ['pass8', true], ['litout', true], ['cbreak', true], ['decctlq', true], ['tabs', true], ['lcase', true],
  ['LCASE', true], ['crt', false], ['dec', false],
]);

// name, c_cc index, sane value (0 = <undef>)
const CHARS: [string, number, number][] = [
  ['intr', 0, 3], ['quit', 1, 0x1c], ['erase', 2, 0x7f], ['kill', 3, 0x15], ['eof', 4, 4], ['eol', 11, 0], ['eol2', 16, 0],
  ['swtch', 7, 0], ['start', 8, 0x11], ['stop', 9, 0x13], ['susp', 10, 0x1a], ['rprnt', 12, 0x12], ['werase', 14, 0x17],
  ['lnext', 15, 0x16], ['discard', 13, 0x0f],
];
const VMIN = 6;
const VTIME = 5;

export interface ApplyResult {
  message: string;
  usage: boolean;
}

export class SttyState {
  f: Record<Word, number> = { c: 0xbf, i: 0x2502, o: 5, l: 0x8a3b };
  cc: number[] = new Array<number>(32).fill(0);
  speed = 38400;
  line = 0;
  /** The window size as settings change it (rows N, cols N); `size` reports it at that point. */
  size: WinSize = { rows: 0, cols: 0 };
  sizeChanged = false;
  /** What `size` and `speed` print, in order. */
  queries: string[] = [];

  constructor() {
    for (const [, i, v] of CHARS) this.cc[i] = v;
    this.cc[VMIN] = 1;
  }

  static visible(ch: number): string {
    if (ch === 0) return '<undef>';
    let out = '';
    let c = ch;
    if (c >= 128) {
      out += 'M-';
      c -= 128;
    }
    if (c < 32) return `${out}^${String.fromCharCode(c + 64)}`;
    if (c === 127) return `${out}^?`;
    return out + String.fromCharCode(c);
  }

  modes(): Mode[] {
    return MODES.filter((x) => !x.omit);
  }

  chars(): { name: string; value: number; sane: number }[] {
    return CHARS.map(([name, i, sane]) => ({ name, value: this.cc[i]!, sane }));
  }

  icanon(): boolean {
    return (this.f.l & 2) !== 0;
  }

  get(name: string): boolean {
    const md = MODES.find((x) => x.name === name)!;
    return (this.f[W[md.group]] & (md.mask || md.bits)) === md.bits;
  }

  cc_(name: 'min' | 'time'): number {
    return this.cc[name === 'min' ? VMIN : VTIME]!;
  }

  /** Takes the terminal's settings, as the kernel's flag words and c_cc. */
  load(t: Termios, size: WinSize): void {
    const w = toWords(t);
    this.f = { c: w.c, i: w.i, o: w.o, l: w.l };
    this.cc = [...w.cc];
    this.speed = t.speed;
    this.line = t.line;
    this.size = { ...size };
  }

  store(): Termios {
    const t = fromWords({ ...this.f, cc: this.cc }, this.line);
    // the baud rate lives in its own field (the word's CBAUD bits follow it)
    t.speed = this.speed;
    return t;
  }

  private setBit(name: string, on: boolean): void {
    const md = MODES.find((x) => x.name === name)!;
    const w = W[md.group];
    this.f[w] = ((this.f[w] & ~(md.mask || md.bits)) | (on ? md.bits : 0)) >>> 0;
  }

  saveString(): string {
    const w = toWords(this.store());
    return [w.i, w.o, w.c, w.l, ...this.cc].map((n) => n.toString(16)).join(':');
  }

  sane(): void {
    for (const [, i, v] of CHARS) this.cc[i] = v;
    this.cc[VMIN] = 1;
    this.cc[VTIME] = 0;
    for (const md of MODES) {
      if (md.sane === true) this.setBit(md.name, true);
      else if (md.sane === false) this.f[W[md.group]] = (this.f[W[md.group]] & ~md.bits) >>> 0;
    }
  }

  private combo(name: string, rev: boolean): void {
    const f = this.f;
    const CS = 0x30;
    if (name === 'evenp' || name === 'parity') f.c = rev ? (f.c & ~0x100 & ~CS) | 0x30 : (f.c & ~0x200 & ~CS) | 0x100 | 0x20;
    else if (name === 'oddp') f.c = rev ? (f.c & ~0x100 & ~CS) | 0x30 : (f.c & ~CS) | 0x20 | 0x200 | 0x100;
    else if (name === 'nl') {
      if (rev) {
        f.i = (f.i | 0x100) & ~0x40 & ~0x80;
        f.o = (f.o | 4) & ~8 & ~0x20;
      } else {
        f.i &= ~0x100;
        f.o &= ~4;
      }
    } else if (name === 'ek') [this.cc[2], this.cc[3]] = [0x7f, 0x15];
    else if (name === 'sane') this.sane();
    else if (name === 'cbreak') f.l = rev ? f.l | 2 : f.l & ~2;
    else if (name === 'pass8' || name === 'litout') {
      if (rev) {
        f.c = (f.c & ~CS) | 0x20 | 0x100;
        f.i |= 0x20;
        if (name === 'litout') f.o |= 1;
      } else {
        f.c = (f.c & ~0x100 & ~CS) | 0x30;
        f.i &= ~0x20;
        if (name === 'litout') f.o &= ~1;
      }
    } else if (name === 'raw' || name === 'cooked') {
      if ((name === 'raw') === rev) {
        f.i |= 2 | 4 | 0x20 | 0x100 | 0x400;
        f.o |= 1;
        f.l |= 1 | 2;
        [this.cc[4], this.cc[11]] = [4, 0];
      } else {
        f.i = 0;
        f.o &= ~1;
        f.l &= ~(1 | 2 | 4);
        [this.cc[VMIN], this.cc[VTIME]] = [1, 0];
      }
    } else if (name === 'decctlq') f.i = rev ? f.i | 0x800 : f.i & ~0x800;
    else if (name === 'tabs') f.o = (f.o & ~0x1800) | (rev ? 0x1800 : 0);
    else if (name === 'lcase' || name === 'LCASE') {
      f.l = rev ? f.l & ~4 : f.l | 4;
      f.i = rev ? f.i & ~0x200 : f.i | 0x200;
      f.o = rev ? f.o & ~2 : f.o | 2;
    } else if (name === 'crt') f.l |= 0x10 | 0x200 | 0x800;
    else if (name === 'dec') {
      [this.cc[0], this.cc[2], this.cc[3]] = [3, 127, 21];
      f.l |= 0x10 | 0x200 | 0x800;
      f.i &= ~0x800;
    }
  }

  /** apply_settings; an error to report, or undefined. */
  apply(args: string[], checking: boolean): ApplyResult | undefined {
    const bad = (a: string): ApplyResult => ({ message: `invalid argument ${quote(a)}`, usage: true });
    for (let k = 0; k < args.length; k++) {
      const arg = args[k]!;
      if (arg === 'drain' || arg === '-drain') continue;
      const rev = arg.startsWith('-');
      const name = rev ? arg.slice(1) : arg;
      const md = MODES.find((x) => x.name === name);
      if (md) {
        if (rev && !md.rev) return bad(arg);
        if (md.mask) this.f[W[md.group]] = ((this.f[W[md.group]] & ~md.mask) | md.bits) >>> 0;
        else this.setBit(md.name, !rev);
        continue;
      }
      if (COMBOS.has(name)) {
        if (rev && !COMBOS.get(name)) return bad(arg);
        this.combo(name, rev);
        continue;
      }
      if (rev) return bad(arg);
      const ch = CHARS.find(([n]) => n === name) ?? (name === 'flush' ? (['discard', 13, 15] as [string, number, number]) : undefined);
      const needsValue = ch || ['min', 'time', 'rows', 'cols', 'columns', 'line', 'ispeed', 'ospeed'].includes(name);
      if (needsValue) {
        const value = args[++k];
        if (value === undefined) return { message: `missing argument to ${quote(name)}`, usage: true };
        if (ch) {
          const v = charValue(value);
          if (v === undefined) return { message: `invalid integer argument: ${quote(value)}`, usage: false };
          this.cc[ch[1]] = v;
          continue;
        }
        if (name === 'ispeed' || name === 'ospeed') {
          if (!/^\d+$/.test(value) || !isSpeed(Number(value))) return { message: `invalid ${name} ${quote(value)}`, usage: false };
          this.speed = Number(value);
          continue;
        }
        if (!/^\d+$/.test(value)) return { message: `invalid integer argument: ${quote(value)}`, usage: false };
        const n = Number(value);
        if (name === 'min') this.cc[VMIN] = n;
        else if (name === 'time') this.cc[VTIME] = n;
        else if (name === 'line') this.line = n;
        else {
          if (n > 65535) return { message: `invalid integer argument: ${quote(value)}`, usage: false };
          if (name === 'rows') this.size.rows = n;
          else this.size.cols = n;
          this.sizeChanged = true;
        }
        continue;
      }
      if (name === 'size' || name === 'speed') {
        if (!checking) this.queries.push(name === 'size' ? `${this.size.rows} ${this.size.cols}\n` : `${this.speed}\n`);
        continue;
      }
      // a bare number sets the speed (both directions)
      if (/^\d+$/.test(name)) {
        if (!isSpeed(Number(name))) return bad(arg);
        this.speed = Number(name);
        continue;
      }
      if (/^[0-9a-f]+(:[0-9a-f]+){35}$/.test(arg)) {
        const v = arg.split(':').map((x) => parseInt(x, 16));
        [this.f.i, this.f.o, this.f.c, this.f.l] = [v[0]!, v[1]!, v[2]!, v[3]!];
        this.cc = v.slice(4);
        this.speed = fromWords({ ...this.f, cc: this.cc }).speed;
        continue;
      }
      return bad(arg);
    }
    return undefined;
  }
}

/** A special character: ^X, ^?, ^-, undef, a single character, or a number. */
function charValue(s: string): number | undefined {
  if (s === '^-' || s === 'undef') return 0;
  if (s.length === 2 && s[0] === '^') return s[1] === '?' ? 127 : s.charCodeAt(1) & 0x1f;
  if (s.length === 1) return s.charCodeAt(0);
  if (/^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(s)) {
    const v = Number(s.startsWith('0') && !/^0x/i.test(s) && s.length > 1 ? parseInt(s, 8) : s);
    return v <= 255 ? v : undefined;
  }
  return undefined;
}
