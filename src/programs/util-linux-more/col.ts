// col (util-linux 2.38): filters reverse and half-line feeds out of text (as nroff writes
// it), laying the characters out on their lines; runs of spaces become tabs unless -x.
import { defineProgram } from '../define';
import { isUtf8Locale } from '../lib/quotearg';
import { readAllBin } from '../lib/textio';
import { errx, exclusive, NumError, shortName, tryHelp, u32, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 col [options]

Lay out text with reverse line feeds (and half-line feeds) as plain lines.

Options:
 -b, --no-backspaces    print only the last character written at a column
 -f, --fine             keep forward half-line feeds
 -p, --pass             pass unknown control sequences through
 -h, --tabs             turn runs of spaces into tabs (the default)
 -x, --spaces           write spaces, never tabs
 -l, --lines NUM        keep at least NUM lines in memory
 -H, --help             display this help
 -V, --version          display version

For more details see col(1).
`;

const BUFFER_MARGIN = 32;

interface Ch {
  col: number;
  ch: string;
  width: number;
  set: number;
}

interface Line {
  chars: Ch[];
  prev?: Line;
  next?: Line;
  maxCol: number;
  needsSort: boolean;
}

const newLine = (): Line => ({ chars: [], maxCol: 0, needsSort: false });

function wcwidth(c: string): number {
  const n = c.codePointAt(0)!;
  if (n < 0x20 || (n >= 0x7f && n < 0xa0)) return -1;
  return 1;
}
const isGraph = (c: string): boolean => c !== ' ' && wcwidth(c) > 0 && !/\s/.test(c);

export interface ColOptions {
  compress: boolean;
  fine: boolean;
  noBackspaces: boolean;
  pass: boolean;
  maxBufd: number;
}

/** The whole filter: input characters to output text (and warnings). */
export function col(input: string[], o: ColOptions, warn: (m: string) => void): string {
  const out: string[] = [];
  let lines: Line = newLine();
  let l = lines;
  let nblank = 0;
  let lastSet = 0;
  let c: Ch | undefined;
  let curCol = 0;
  let curLine = 0;
  let extraLines = 0;
  let maxLine = 0;
  let nflushd = 0;
  let thisLine = 0;
  let adjust = 0;
  let curSet = 0;
  let warned = false;

  const flushBlanks = (): void => {
    let nb = nblank;
    let half = false;
    if (nb & 1) {
      if (o.fine) half = true;
      else nb++;
    }
    nb = Math.trunc(nb / 2);
    out.push('\n'.repeat(nb));
    if (half) out.push(nb ? '\x1b9' : '\x1b9\r');
    nblank = 0;
  };
  const flushLine = (line: Line): void => {
    const chars = line.needsSort ? [...line.chars].sort((a, b) => a.col - b.col) : line.chars;
    let lastCol = 0;
    let i = 0;
    while (i < chars.length) {
      const thisCol = chars[i]!.col;
      let end = i + 1;
      while (end < chars.length && chars[end]!.col === thisCol) end++;
      if (o.noBackspaces) {
        i = end - 1;
        if (end < chars.length && chars[end]!.col < thisCol + chars[i]!.width) {
          i = end;
          continue;
        }
      }
      if (lastCol < thisCol) {
        let nspace = thisCol - lastCol;
        if (o.compress && nspace > 1) {
          let ntabs = Math.trunc(thisCol / 8) - Math.trunc(lastCol / 8);
          if (ntabs > 0) {
            nspace = thisCol & 7;
            while (--ntabs >= 0) out.push('\t');
          }
        }
        while (--nspace >= 0) out.push(' ');
        lastCol = thisCol;
      }
      for (;;) {
        const ch = chars[i]!;
        if (ch.set !== lastSet) {
          out.push(ch.set ? '\x0e' : '\x0f');
          lastSet = ch.set;
        }
        out.push(ch.ch);
        if (i + 1 < end) for (let k = 0; k < ch.width; k++) out.push('\b');
        if (end <= ++i) break;
      }
      lastCol += chars[i - 1]!.width;
    }
  };
  const flushLines = (n: number): void => {
    while (--n >= 0) {
      const first = lines;
      lines = first.next ?? newLine();
      if (first.chars.length) {
        flushBlanks();
        flushLine(first);
      }
      nblank++;
    }
    lines.prev = undefined;
  };
  const updateCurLine = (): void => {
    adjust = 0;
    let nmove = curLine - thisLine;
    if (!o.fine && curLine & 1) {
      adjust = 1;
      nmove++;
    }
    if (nmove < 0) {
      for (; nmove < 0 && l.prev; nmove++) l = l.prev;
      if (nmove) {
        if (nflushd === 0) {
          for (; nmove < 0; nmove++) {
            const lnew = newLine();
            l.prev = lnew;
            lnew.next = l;
            l = lines = lnew;
            extraLines++;
          }
        } else {
          if (!warned) {
            warn(`warning: can't back up ${curLine < 0 ? 'past first line' : '-- line already flushed'}.`);
            warned = true;
          }
          curLine -= nmove;
        }
      }
    } else {
      for (; nmove > 0 && l.next; nmove--) l = l.next;
      for (; nmove > 0; nmove--) {
        const lnew = newLine();
        lnew.prev = l;
        l.next = lnew;
        l = lnew;
      }
    }
    thisLine = curLine + adjust;
    nmove = thisLine - nflushd;
    if (nmove > 0 && o.maxBufd + BUFFER_MARGIN <= nmove) {
      nflushd += nmove - o.maxBufd;
      flushLines(nmove - o.maxBufd);
    }
  };
  /** handle_not_graphic: true when the character was a motion (or dropped). */
  const notGraphic = (ch: string, next: () => string | undefined): boolean => {
    switch (ch) {
      case '\b':
        if (curCol === 0) return true;
        curCol -= c ? c.width : 1;
        return true;
      case '\r':
        curCol = 0;
        return true;
      case '\x1b': {
        const e = next();
        if (e === '\x07') curLine -= 2;
        else if (e === '\b') curLine -= 1;
        else if (e === '\t') {
          curLine += 1;
          if (curLine > 0 && maxLine < curLine) maxLine = curLine;
        }
        return true;
      }
      case '\n':
        curLine += 2;
        if (curLine > 0 && maxLine < curLine) maxLine = curLine;
        curCol = 0;
        return true;
      case ' ':
        curCol += 1;
        return true;
      case '\x0f':
        curSet = 0;
        return true;
      case '\x0e':
        curSet = 1;
        return true;
      case '\t':
        curCol |= 7;
        curCol += 1;
        return true;
      case '\v':
        curLine -= 2;
        return true;
    }
    if (/^\s$/.test(ch)) {
      if (wcwidth(ch) > 0) curCol += wcwidth(ch);
      return true;
    }
    return !o.pass;
  };
  let pos = 0;
  const next = (): string | undefined => input[pos++];
  for (let ch = next(); ch !== undefined; ch = next()) {
    if (!isGraph(ch) && notGraphic(ch, next)) continue;
    if (curLine !== thisLine - adjust) updateCurLine();
    const w = wcwidth(ch);
    c = { ch, set: curSet, col: curCol > 0 ? curCol : 0, width: w };
    l.chars.push(c);
    if (curCol < l.maxCol) l.needsSort = true;
    else l.maxCol = curCol;
    if (w > 0) curCol += w;
  }
  for (; l.next; l = l.next) thisLine++;
  if (maxLine === 0 && curCol === 0) return '';
  flushLines(thisLine - nflushd + extraLines + 1);
  if (lastSet !== 0) out.push('\x0f');
  nblank = maxLine - thisLine;
  if (maxLine & 1) nblank++;
  else if (!nblank) nblank = 2;
  flushBlanks();
  return out.join('');
}

/** The characters getwchar returns; a byte the locale cannot read becomes the text \xNN. */
function characters(data: string, utf8: boolean): string[] {
  const out: string[] = [];
  if (!utf8) {
    for (const ch of data) {
      const n = ch.charCodeAt(0);
      if (n >= 0x80) out.push(...`\\x${n.toString(16).padStart(2, '0')}`);
      else out.push(ch);
    }
    return out;
  }
  const bytes = Uint8Array.from(data, (ch) => ch.charCodeAt(0));
  const dec = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len > 0 && i + len <= bytes.length) {
      try {
        out.push(dec.decode(bytes.subarray(i, i + len)));
        i += len;
        continue;
      } catch {
        // an invalid sequence: its first byte is written out as \xNN
      }
    }
    out.push(...`\\x${b.toString(16).padStart(2, '0')}`);
    i++;
  }
  return out;
}

export default defineProgram({
  name: 'col',
  installPath: '/usr/bin/col',
  pkg: 'util-linux',
  options: [
    { key: 'b', short: 'b', long: 'no-backspaces' },
    { key: 'f', short: 'f', long: 'fine' },
    { key: 'p', short: 'p', long: 'pass' },
    { key: 'h', short: 'h', long: 'tabs' },
    { key: 'x', short: 'x', long: 'spaces' },
    { key: 'l', short: 'l', long: 'lines', arg: 'required' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'H', short: 'H', long: 'help' },
  ],
  async main(ctx, args) {
    const o: ColOptions = { compress: true, fine: false, noBackspaces: false, pass: false, maxBufd: BUFFER_MARGIN * 2 };
    const seen: string[] = [];
    for (const { key, value } of args.order) {
      const row = exclusive([['h', 'x']], seen, key);
      if (row) return errx(ctx, 'mutually exclusive arguments: --tabs --spaces');
      switch (key) {
        case 'b': o.noBackspaces = true; break;
        case 'f': o.fine = true; break;
        case 'h': o.compress = true; break;
        case 'x': o.compress = false; break;
        case 'p': o.pass = true; break;
        case 'l':
          try {
            o.maxBufd = u32(value!, 'bad -l argument') * 2;
          } catch (e) {
            if (e instanceof NumError) return errx(ctx, e.message);
            throw e;
          }
          break;
        case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        case 'H': return ctx.print(HELP).then(() => 0);
      }
    }
    if (args.operands.length) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    const data = await readAllBin(ctx, 0);
    const warnings: string[] = [];
    const text = col(characters(data, isUtf8Locale(ctx.env)), o, (m) => warnings.push(m));
    for (const w of warnings) await warnx(ctx, w);
    await ctx.print(text);
    return 0;
  },
});
