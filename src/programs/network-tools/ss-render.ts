// ss's column renderer (iproute2 misc/ss.c): every field is buffered, each column takes the
// width of its longest field plus its left delimiter, right-aligned addresses meet left-aligned
// ports at the colon, and on a terminal the spare width is shared out between the columns
// (so that columns which do not fit wrap at its edge and stay aligned). Piped, the output stays
// compact.

export interface Column {
  header: string;
  align: 'left' | 'right';
  ldelim: string;
  disabled: boolean;
}

/** Netid, State, Recv-Q, Send-Q, local address and port, peer address and port, process, and the last (empty) column. */
export function ssColumns(): Column[] {
  const c = (header: string, align: 'left' | 'right', ldelim: string): Column => ({ header, align, ldelim, disabled: false });
  return [
    c('Netid', 'left', ''), c('State', 'left', ' '), c('Recv-Q', 'left', ' '), c('Send-Q', 'left', ' '),
    c('Local Address:', 'right', ' '), c('Port', 'left', ''), c('Peer Address:', 'right', ' '), c('Port', 'left', ''),
    c('Process', 'left', ''), c('', 'left', ''),
  ];
}

/**
 * Renders rows of fields (one string per column, disabled columns included and ignored).
 * `header` adds the header row; `screenWidth` is the terminal's width, or undefined when piped.
 * The last row has no field for the last column, as ss stops before it.
 */
export function renderColumns(cols: Column[], rows: string[][], header: boolean, screenWidth: number | undefined): string {
  const enabled = cols.map((c, i) => ({ c, i })).filter((x) => !x.c.disabled);
  const tokens: string[][] = [];
  if (header) tokens.push(enabled.map((x, k) => (k === enabled.length - 1 ? '' : x.c.header)));
  for (const r of rows) tokens.push(enabled.map((x) => r[x.i] ?? ''));
  if (tokens.length === 0) return '';
  // the very last field of the output is never flushed as a token of its own
  tokens[tokens.length - 1]!.pop();
  const maxLen = enabled.map((_, k) => Math.max(0, ...tokens.map((t) => t[k]?.length ?? 0)));
  const width: number[] = [];
  let first = true;
  const sw = screenWidth ?? Number.MAX_SAFE_INTEGER;
  enabled.forEach((x, k) => {
    let w = !first && maxLen[k]! ? maxLen[k]! + x.c.ldelim.length : maxLen[k]!;
    w = Math.min(w, sw);
    if (w) first = false;
    width.push(w);
  });
  if (screenWidth !== undefined) spread(width, screenWidth);
  let out = '';
  for (const t of tokens) {
    let line = '';
    let started = false;
    for (let k = 0; k < t.length; k++) {
      const col = enabled[k]!.c;
      const data = t[k]!;
      let printed = 0;
      if (started) {
        line += col.ldelim;
        printed = col.ldelim.length;
      }
      started = true;
      const w = width[k]!;
      if (w && col.align === 'right') {
        const s = w - data.length - printed;
        if (s > 0) {
          line += ' '.repeat(s);
          printed += s;
        }
      }
      line += data;
      printed += data.length;
      if (w && col.align === 'left' && w - printed > 0) line += ' '.repeat(w - printed);
    }
    out += `${line}\n`;
  }
  return out;
}

/**
 * The second pass of render_calc_width: the spare width of each screen line shared out between
 * its columns, so that columns which do not fit wrap at the terminal's edge and stay aligned.
 */
function spread(width: number[], screen: number): void {
  let len = 0;
  let lineCols = 0;
  let eol = -1;
  for (let k = 0; k < width.length; k++) {
    if (!width[k]) continue;
    lineCols++;
    len += width[k]!;
    const last = !width.slice(k + 1).some((w) => w);
    if (!last && len < screen) continue;
    let c = k;
    if (len === screen) {
      eol = c;
      len = 0;
      lineCols = 0;
      continue;
    }
    if (len > screen) {
      len -= width[c]!;
      c--;
      lineCols--;
    }
    const pad = screen - len;
    const spacing = lineCols > 0 ? Math.floor(pad / lineCols) : 0;
    let rem = lineCols > 0 ? pad % lineCols : 0;
    for (let j = c; j > eol; j--) {
      if (!width[j]) continue;
      width[j]! += spacing;
      if (rem) {
        width[j]!++;
        rem--;
      }
    }
    eol = c;
    len = 0;
    lineCols = 0;
    k = c;
  }
}
