// A man page's roff source to terminal text, as `man` shows it: the title line, the body,
// the footer, runs of blank lines squeezed to one (man-db does this), bold and underline as
// grotty's SGR sequences when the text goes to a terminal, plain characters otherwise.
import { B, I, type Cell } from './escapes';
import { ManMacros, type ManHeader } from './macros';

export interface FormatOptions {
  /** Line length in cells (see lineLength). */
  width: number;
  /** Bold and underline as SGR escapes (a terminal through less -R). */
  sgr: boolean;
  /** Adjust filled lines to both margins (groff's default; man --nj turns it off). */
  adjust?: boolean;
}

/** The line length man-db asks groff for on a terminal `cols` wide (man.c, get_roff_line_length). */
export function lineLength(cols: number): number {
  return Math.max(1, Math.min(Math.floor((cols * 39) / 40), cols - 2));
}

/** The header's centre when .TH gives none (groff 1.22.4 an.tmac). */
const MANUALS: Record<string, string> = {
  '1': 'General Commands Manual',
  '2': 'System Calls Manual',
  '3': 'Library Functions Manual',
  '4': 'Kernel Interfaces Manual',
  '5': 'File Formats Manual',
  '6': 'Games Manual',
  '7': 'Miscellaneous Information Manual',
  '8': "System Manager's Manual",
  '9': 'Kernel Developer\'s Manual',
};

/** A .tl title line: left part, centre part centred (halves rounded up), right part flush right. */
function titleLine(width: number, left: string, centre: string, right: string): string {
  const cells: string[] = Array.from({ length: width }, () => ' ');
  const place = (text: string, at: number): void => {
    for (let k = 0; k < text.length; k++) cells[at + k] = text[k]!;
  };
  place(left, 0);
  place(centre, Math.max(0, Math.ceil((width - centre.length) / 2)));
  place(right, Math.max(0, width - right.length));
  return cells.join('').replace(/ +$/, '');
}

export function renderLine(line: Cell[], sgr: boolean): string {
  if (!sgr) return line.map((c) => c.ch).join('').replace(/ +$/, '');
  // grotty: underlining stops before any space; at a glyph, underline then bold follow its font
  let text = '';
  let bold = false;
  let under = false;
  let end = line.length;
  while (end > 0 && line[end - 1]!.ch === ' ') end--;
  for (let k = 0; k < end; k++) {
    const c = line[k]!;
    if (c.ch === ' ') {
      if (under) text += '\x1b[24m';
      under = false;
      text += ' ';
      continue;
    }
    const u = (c.font & I) !== 0;
    const b = (c.font & B) !== 0;
    if (u !== under) text += u ? '\x1b[4m' : '\x1b[24m';
    if (b !== bold) text += b ? '\x1b[1m' : '\x1b[22m';
    under = u;
    bold = b;
    text += c.ch;
  }
  return bold || under ? `${text}\x1b[0m` : text;
}

export interface Formatted {
  header: ManHeader;
  text: string;
}

export function formatMan(source: string, opts: FormatOptions): Formatted {
  const m = new ManMacros(opts.width, opts.adjust ?? true);
  m.run(source);
  const h = m.header;
  const name = `${h.title}(${h.section})`;
  const body: string[] = [];
  for (const line of m.out.lines) {
    const text = renderLine(line, opts.sgr);
    if (text === '' && (body.length === 0 || body[body.length - 1] === '')) continue;
    body.push(text);
  }
  while (body.at(-1) === '') body.pop();
  if (!m.titled) return { header: h, text: `${[...body, ''].join('\n')}\n` };
  const lines = [
    titleLine(opts.width, name, h.manual || MANUALS[h.section.charAt(0)] || '', name),
    '',
    ...body,
    '',
    titleLine(opts.width, h.source, h.date, name),
  ];
  return { header: h, text: `${lines.join('\n')}\n` };
}
