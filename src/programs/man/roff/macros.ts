// The man(7) macros on top of the typesetter, following groff 1.22.4's an.tmac for nroff:
// body text 7 cells in (IN), subsection headings 3 cells in (SN), paragraphs one line apart
// (PD), .TP/.IP tags that share the first body line when they fit in the indent less one
// cell, .RS/.RE nesting that saves and restores the margin and the prevailing indent.
import { B, expand, FontState, I, R, splitArgs, stripComment, type Cell, type Font } from './escapes';
import { Layout } from './layout';

export interface ManHeader {
  title: string;
  section: string;
  date: string;
  source: string;
  manual: string;
}

const IN = 7;
const SN = 3;

const SINGLE: Record<string, Font> = { B, I, SB: B, SM: R };
const ALTERNATE: Record<string, [Font, Font]> = {
  BR: [B, R], RB: [R, B], BI: [B, I], IB: [I, B], IR: [I, R], RI: [R, I],
};

/** A number with a roff scale unit, in cells (horizontal) or lines (vertical). */
export function scaled(arg: string | undefined, unit: 'n' | 'v', fallback: number): number {
  if (arg === undefined) return fallback;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([icpPmnvuM]?)$/.exec(arg.trim());
  if (!m) return fallback;
  const n = Number(m[1]);
  const per: Record<string, number> = { i: 10, c: 10 / 2.54, p: 10 / 72, P: 10 / 6, m: 1, n: 1, M: 0.01, v: 1, u: 1 / 24 };
  return Math.round(n * (per[m[2] || unit] ?? 1));
}

type Pending = { kind: 'tag' } | { kind: 'heading'; indent: number };

export class ManMacros {
  readonly header: ManHeader = { title: '', section: '', date: '', source: '', manual: '' };
  readonly out: Layout;
  /** Whether the source had a .TH (and so a header and a footer). */
  titled = false;
  private readonly fonts = new FontState();
  private margin = IN;
  private prevailing = IN;
  private pd = 1;
  private saved: { margin: number; prevailing: number }[] = [];
  private pending: Pending | undefined;
  /** A font macro without arguments sets the font of the next text line only. */
  private fontTrap = false;
  private previousIndent = IN;
  private url: string | undefined;

  constructor(width: number, adjust: boolean) {
    this.out = new Layout(width);
    this.out.adjust = adjust;
    // text before any .TH (a file that is not a man page) starts at the left margin
    this.out.indent = 0;
  }

  run(source: string): void {
    const lines = source.split('\n');
    for (let n = 0; n < lines.length && n < 100_000; n++) {
      const raw = lines[n]!;
      if (n === lines.length - 1 && raw === '') break;
      const line = stripComment(raw);
      if (/^[.']/.test(raw)) {
        const body = line.slice(1).replace(/^[ \t]+/, '');
        if (body === '') continue;
        const m = /^(\S+)\s*(.*)$/.exec(body)!;
        this.request(m[1]!, splitArgs(m[2]!));
      } else if (line === '' && raw !== '') {
        continue; // a line holding only a comment prints nothing
      } else {
        this.textLine(expand(line, this.fonts));
      }
    }
    this.out.flush();
  }

  /** A line of text (or a font macro's text): the tag, heading or font it was waiting for. */
  private textLine(cells: Cell[]): void {
    const p = this.pending;
    this.pending = undefined;
    if (p?.kind === 'tag') this.tag(cells);
    else if (p?.kind === 'heading') this.heading(cells, p.indent);
    else this.out.text(cells);
    if (this.fontTrap) this.fonts.set(R);
    this.fontTrap = false;
  }

  private withFont(font: Font, text: string): Cell[] {
    this.fonts.set(font);
    const cells = expand(text, this.fonts);
    this.fonts.set(R);
    return cells;
  }

  private paragraph(): void {
    this.out.space(this.pd);
    this.fonts.set(R);
    this.out.indent = this.margin;
  }

  private tag(cells: Cell[]): void {
    let end = cells.length;
    while (end > 0 && cells[end - 1]!.ch === ' ') end--;
    const tag = cells.slice(0, end);
    if (tag.length + 1 > this.prevailing) {
      // a wide tag gets lines of its own at the margin (groff fills it in a diversion)
      this.out.indent = this.margin;
      this.out.text(tag);
      this.out.flush();
      this.out.indent = this.margin + this.prevailing;
    } else {
      this.out.indent = this.margin + this.prevailing;
      this.out.hangingTag(tag, this.margin);
    }
  }

  private heading(cells: Cell[], indent: number): void {
    this.out.tempIndent = indent;
    this.out.text(cells.map((c) => ({ ch: c.ch, font: c.font | B })));
    this.out.flush();
    this.out.indent = this.margin;
    this.out.noSpace = true;
  }

  private request(name: string, args: string[]): void {
    const out = this.out;
    if (name in SINGLE) {
      if (args.length === 0) {
        this.fonts.set(SINGLE[name]!);
        this.fontTrap = true;
        return;
      }
      this.textLine(this.withFont(SINGLE[name]!, args.join(' ')));
      return;
    }
    const alt = ALTERNATE[name];
    if (alt) {
      const cells = args.flatMap((a, i) => this.withFont(alt[i % 2]!, a));
      if (args.length) this.textLine(cells);
      return;
    }
    switch (name) {
      case 'TH':
        this.titled = true;
        out.flush();
        out.indent = this.margin;
        [this.header.title = '', this.header.section = '', this.header.date = '', this.header.source = '', this.header.manual = ''] = args.map((a) =>
          expand(a, new FontState()).map((c) => c.ch).join(''),
        );
        return;
      case 'SH': case 'SS': {
        out.flush();
        out.space(this.pd);
        this.saved = [];
        this.margin = this.prevailing = IN;
        this.fonts.set(R);
        out.fill = true;
        const indent = name === 'SH' ? 0 : SN;
        if (args.length) this.heading(this.withFont(B, args.join(' ')), indent);
        else this.pending = { kind: 'heading', indent };
        return;
      }
      case 'PP': case 'LP': case 'P':
        this.prevailing = IN;
        this.paragraph();
        return;
      case 'TP':
        if (args[0] !== undefined) this.prevailing = scaled(args[0], 'n', this.prevailing);
        this.paragraph();
        out.indent = this.margin + this.prevailing;
        this.pending = { kind: 'tag' };
        return;
      case 'IP':
        if (args[1] !== undefined) this.prevailing = scaled(args[1], 'n', this.prevailing);
        this.paragraph();
        out.indent = this.margin + this.prevailing;
        if (args[0]) this.tag(expand(args[0], this.fonts));
        return;
      case 'HP':
        if (args[0] !== undefined) this.prevailing = scaled(args[0], 'n', this.prevailing);
        this.paragraph();
        out.indent = this.margin + this.prevailing;
        out.tempIndent = this.margin;
        return;
      case 'RS':
        out.flush();
        this.saved.push({ margin: this.margin, prevailing: this.prevailing });
        this.margin += scaled(args[0], 'n', this.prevailing);
        this.prevailing = IN;
        out.indent = this.margin;
        return;
      case 'RE': {
        out.flush();
        const s = this.saved.pop();
        if (s) ({ margin: this.margin, prevailing: this.prevailing } = s);
        out.indent = this.margin;
        return;
      }
      case 'nf': case 'EX':
        out.flush();
        out.fill = false;
        return;
      case 'fi': case 'EE':
        out.flush();
        out.fill = true;
        return;
      case 'br':
        out.flush();
        return;
      case 'sp':
        out.space(Math.max(0, scaled(args[0], 'v', 1)));
        return;
      case 'PD':
        this.pd = Math.max(0, scaled(args[0], 'v', 1));
        return;
      case 'in': {
        out.flush();
        const cur = out.indent;
        const a = args[0];
        out.indent = a === undefined ? this.previousIndent : /^[+-]/.test(a) ? cur + scaled(a, 'n', 0) : scaled(a, 'n', cur);
        this.previousIndent = cur;
        return;
      }
      case 'ti': {
        out.flush();
        const a = args[0] ?? '0';
        out.tempIndent = /^[+-]/.test(a) ? out.indent + scaled(a, 'n', 0) : scaled(a, 'n', 0);
        return;
      }
      case 'ad':
        out.adjust = args[0] !== 'l';
        return;
      case 'na':
        out.adjust = false;
        return;
      case 'ft':
        this.fonts.select(args[0] ?? 'P');
        return;
      case 'UR': case 'MT':
        this.url = args[0] ?? '';
        return;
      case 'UE': case 'ME':
        if (this.url !== undefined) out.text(expand(`<${this.url}>${args[0] ?? ''}`, this.fonts));
        this.url = undefined;
        return;
      default:
        // other requests (.ne, .hy, .nh, .ce, .so ...) change nothing on a terminal page here
        return;
    }
  }
}
