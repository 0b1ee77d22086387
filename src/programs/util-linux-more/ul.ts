// ul (util-linux 2.38): reads text with overstrikes (X backspace _ underlines, X backspace X
// emboldens), SO/SI and the half-line escapes nroff writes, and shows it with the terminal's
// own attributes (terminfo's smul, bold, dim, rev, sgr0...), or with -i as a second line of
// marks. A line is laid out in a column buffer first; tabs go to the next multiple of 8.
import { strerror, isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { findTerminfo, unpadded, type TerminfoEntry } from '../ncurses/terminfo-data';
import { tryHelp, utilLinuxHelp, utilLinuxVersion, warnx } from './common';
import { inputChars, readFd } from './wide-input';

const NORMAL = 0;
const ALT = 1;
const SUPER = 2;
const SUB = 4;
const UNDER = 8;
const BOLD = 16;

interface Caps {
  up?: string;
  right?: string;
  left: string;
  smso?: string;
  rmso?: string;
  smul?: string;
  rmul?: string;
  dim?: string;
  bold?: string;
  rev?: string;
  uc?: string;
  sgr0?: string;
}

/** init_term_caps(): the strings ul uses, with its stand-ins for the missing ones. */
function caps(t: TerminfoEntry): { c: Caps; mustUseUc: boolean; mustOverstrike: boolean } {
  const s = (name: string): string | undefined => (t.s[name] === undefined ? undefined : unpadded(t.s[name]));
  const c: Caps = { up: s('cuu1'), right: s('cuf1'), left: s('cub1') ?? '\b', smso: s('smso'), rmso: s('rmso'), smul: s('smul'), rmul: s('rmul'), dim: s('dim'), bold: s('bold'), rev: s('rev'), sgr0: s('sgr0') };
  if (!c.bold && c.rev) c.bold = c.rev;
  if (!c.bold && c.smso) c.bold = c.smso;
  if (!c.smul && c.smso) {
    c.smul = c.smso;
    c.rmul = c.rmso;
  }
  if (!c.dim && c.smso) c.dim = c.smso;
  if (!c.rev && c.smso) c.rev = c.smso;
  if (!c.sgr0 && c.rmso) c.sgr0 = c.rmso;
  c.uc = s('uc');
  const mustUseUc = !!c.uc && !c.smul;
  const mustOverstrike = (t.b.includes('os') && !c.bold) || (t.b.includes('ul') && !c.smul && !c.uc);
  return { c, mustUseUc, mustOverstrike };
}

interface Cell {
  ch: string;
  width: number;
  mode: number;
}

class Unknown extends Error {}

class Ul {
  out = '';
  /** How much of `out` flush_line() has pushed out (what survives a fatal error). */
  flushed = 0;
  private buf: Cell[] = [];
  private column = 0;
  private max = 0;
  private half = 0;
  private upLine = 0;
  private mode = NORMAL;
  private current = NORMAL;

  constructor(
    private readonly c: Caps,
    private readonly indicated: boolean,
    private readonly mustUseUc: boolean,
    private readonly mustOverstrike: boolean,
  ) {}

  private cell(i: number): Cell {
    return (this.buf[i] ??= { ch: '', width: 0, mode: NORMAL });
  }

  private setColumn(col: number): void {
    this.column = col;
    if (this.max < col) this.max = col;
  }

  private put(s: string | undefined): void {
    if (s) this.out += s;
  }

  private setMode(m: number): void {
    if (!this.indicated) {
      if (this.current !== NORMAL && m !== NORMAL) this.setMode(NORMAL);
      if (m === NORMAL) {
        if (this.current === UNDER) this.put(this.c.rmul);
        else if (this.current !== NORMAL) this.put(this.c.sgr0);
      } else if (m === ALT) this.put(this.c.rev);
      else if (m === SUPER) {
        this.put(this.c.smul);
        this.put(this.c.dim);
      } else if (m === SUB) this.put(this.c.dim);
      else if (m === UNDER) this.put(this.c.smul);
      else if (m === BOLD) this.put(this.c.bold);
      else this.put(this.c.smso);
    }
    this.current = m;
  }

  private outChar(ch: string, width: number): void {
    this.out += ch;
    if (this.mustUseUc && this.current & UNDER) {
      for (let i = 0; i < width; i++) this.put(this.c.left);
      for (let i = 0; i < width; i++) this.put(this.c.uc);
    }
  }

  /** The marks of one line for the terminals that overstrike (and for -i). */
  private marks(kind: 'overstrike' | 'indicate'): string {
    let s = '';
    for (let i = 0; i < this.max; i++) {
      const m = this.cell(i).mode;
      if (kind === 'indicate') s += m === NORMAL ? ' ' : m === ALT ? 'g' : m === SUPER ? '^' : m === SUB ? 'v' : m === UNDER ? '_' : m === BOLD ? '!' : 'X';
      else if (m === UNDER) s += '_';
      else if (m === BOLD) {
        s += this.cell(i).ch;
        if (this.cell(i).width > 1) i += this.cell(i).width - 1;
      } else s += ' ';
    }
    return s.replace(/ +$/, '');
  }

  flushLine(): void {
    let last = NORMAL;
    let had = false;
    for (let i = 0; i < this.max; i++) {
      const cl = this.cell(i);
      if (cl.mode !== last) {
        had = true;
        this.setMode(cl.mode);
        last = cl.mode;
      }
      if (cl.ch === '') {
        if (this.upLine) this.put(this.c.right);
        else this.outChar(' ', 1);
      } else this.outChar(cl.ch, cl.width);
      if (cl.width > 1) i += cl.width - 1;
    }
    if (last !== NORMAL) this.setMode(NORMAL);
    if (this.mustOverstrike && had) {
      const m = this.marks('overstrike');
      this.out += `\r${m}`;
      if (/[^ _]/.test(m)) this.out += `\r${m.replace(/_/g, ' ')}\r${m.replace(/_/g, ' ')}`;
    }
    this.out += '\n';
    if (this.indicated && had) this.out += `${this.marks('indicate')}\n`;
    this.flushed = this.out.length;
    if (this.upLine) this.upLine--;
    this.buf = [];
    this.column = 0;
    this.max = 0;
    this.mode &= ALT;
  }

  private forward(): void {
    const [col, max] = [this.column, this.max];
    this.flushLine();
    this.setColumn(col);
    this.max = max;
  }

  private reverse(): void {
    this.upLine++;
    this.forward();
    this.put(this.c.up);
    this.put(this.c.up);
    this.upLine++;
  }

  /** An escape: ESC 7, 8 or 9; anything else is fatal. */
  escape(next: string | undefined): void {
    if (next === '8') {
      if (this.half > 0) {
        this.mode &= ~SUB;
        this.half--;
      } else if (this.half === 0) {
        this.mode |= SUPER;
        this.half--;
      } else {
        this.half = 0;
        this.reverse();
      }
    } else if (next === '9') {
      if (this.half < 0) {
        this.mode &= ~SUPER;
        this.half++;
      } else if (this.half === 0) {
        this.mode |= SUB;
        this.half++;
      } else {
        this.half = 0;
        this.forward();
      }
    } else if (next === '7') this.reverse();
    else throw new Unknown(next === undefined ? '37777777777' : next.charCodeAt(0).toString(8));
  }

  char(ch: string): void {
    const col = this.column;
    switch (ch) {
      case '\b':
        this.setColumn(col > 0 ? col - 1 : 0);
        return;
      case '\t':
        this.setColumn((col + 8) & ~7);
        return;
      case '\r':
        this.setColumn(0);
        return;
      case '\x0e':
        this.mode |= ALT;
        return;
      case '\x0f':
        this.mode &= ~ALT;
        return;
      case '_': {
        const here = this.cell(col);
        if (here.ch !== '' || here.width < 0) {
          while (this.cell(this.column).width < 0 && this.column > 0) this.column--;
          const w = this.cell(this.column).width;
          for (let i = 0; i < w; i++) this.cell(this.column++).mode |= UNDER | this.mode;
          this.setColumn(this.column);
          return;
        }
        here.ch = '_';
        here.width = 1;
        this.setColumn(col + 1);
        return;
      }
      case ' ':
        this.setColumn(col + 1);
        return;
      case '\n':
        this.flushLine();
        return;
      case '\f':
        this.flushLine();
        this.out += '\f';
        return;
    }
    if (!/^[\x20-\x7e]$/.test(ch) && !(ch.codePointAt(0)! >= 0xa0)) return;
    const width = 1;
    this.max = col + width; // need_column() sets the end of the line where this character ends
    const here = this.cell(col);
    if (here.ch === '') {
      here.ch = ch;
      here.mode = this.mode;
      here.width = width;
    } else if (here.ch === '_') {
      here.ch = ch;
      here.mode |= UNDER | this.mode;
      here.width = width;
    } else if (here.ch === ch) here.mode |= BOLD | this.mode;
    else {
      const w = here.width;
      for (let i = 0; i < w; i++) this.cell(col + i).mode = this.mode;
      this.setColumn(col + w);
      return;
    }
    this.setColumn(col + width);
  }

  end(): void {
    if (this.max) this.flushLine();
  }
}

export default defineProgram({
  name: 'ul',
  installPath: '/usr/bin/ul',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 't', short: 't', long: 'terminal', arg: 'required' }, { key: 't', short: 'T', arg: 'required' },
        { key: 'i', short: 'i', long: 'indicated' }, { key: 'V', short: 'V', long: 'version' }, { key: 'h', short: 'h', long: 'help' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      for (const o of e.partial?.order ?? []) if (o.key === 'V' || o.key === 'h') return help(ctx, o.key);
      await ctx.error(e.message);
      return tryHelp(ctx);
    }
    for (const o of p.order) if (o.key === 'V' || o.key === 'h') return help(ctx, o.key);
    const opt = p.values.get('t')?.at(-1);
    const name = opt ?? ctx.env.get('TERM');
    // setupterm(): no TERM at all is trouble with the database, an unknown one just unknown
    let entry = findTerminfo(name);
    if (!entry) {
      if (name === undefined) await warnx(ctx, 'trouble reading terminfo');
      if (opt !== undefined) await warnx(ctx, `terminal \`${opt}' is not known, defaulting to \`dumb'`);
      entry = findTerminfo('dumb')!;
    }
    const { c, mustUseUc, mustOverstrike } = caps(entry);
    const ul = new Ul(c, p.flags.has('i'), mustUseUc, mustOverstrike);
    // each line goes out as flush_line() writes it (it flushes stdout), so messages fall between
    let emitted = 0;
    const emit = async (upTo: number): Promise<void> => {
      if (upTo <= emitted) return;
      await ctx.print(ul.out.slice(emitted, upTo));
      await ctx.out.flush();
      emitted = upTo;
    };
    const run = async (fd: number): Promise<number | undefined> => {
      const cs = inputChars(await readFd(ctx, fd), ctx.env);
      for (let i = 0; i < cs.length; i++) {
        if (cs[i] !== '\x1b') ul.char(cs[i]!);
        else {
          try {
            ul.escape(cs[++i]);
          } catch (e) {
            if (!(e instanceof Unknown)) throw e;
            // the line in the making is lost; what was flushed before stays written
            await emit(ul.flushed);
            await warnx(ctx, `unknown escape sequence in input: 33, ${e.message}`);
            return 1;
          }
        }
        await emit(ul.flushed);
      }
      ul.end();
      await emit(ul.out.length);
      return undefined;
    };
    const files = p.operands;
    if (!files.length) return (await run(0)) ?? 0;
    for (const f of files) {
      let fd: number;
      try {
        fd = await ctx.sys.open(f, { read: true });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `cannot open ${f}: ${strerror(e.errno)}`);
        return 1;
      }
      const rc = await run(fd).finally(() => ctx.sys.close(fd));
      if (rc !== undefined) return rc;
    }
    return 0;
  },
});

async function help(ctx: Ctx, key: string): Promise<number> {
  if (key === 'V') await ctx.print(`${utilLinuxVersion('ul')}\n`);
  else
    await ctx.print(
      utilLinuxHelp('ul', ['ul [options] [<file> ...]'], 'Show underlined and bold text as the terminal can.', [
        ' -t, -T, --terminal TERMINAL  take this terminal type instead of $TERM',
        ' -i, --indicated              mark the attributes on a line of their own',
      ], 30),
    );
  return 0;
}
