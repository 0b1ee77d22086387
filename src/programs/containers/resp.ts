// RESP2, the protocol between redis-cli and redis-server: simple strings (+), errors (-),
// integers (:), bulk strings ($len, nil as $-1) and arrays (*n). Lengths count bytes. Commands
// arrive as arrays of bulk strings, or as a plain "inline" line (what `nc` or telnet send).
export type Resp =
  | { t: 'simple'; v: string }
  | { t: 'error'; v: string }
  | { t: 'int'; v: number }
  | { t: 'bulk'; v: string | null }
  | { t: 'array'; v: Resp[] | null };

const encoder = new TextEncoder();

/** Bound on one value's size (a runaway peer cannot make us buffer forever). */
const MAX_BULK = 512 * 1024 * 1024;
const MAX_ITEMS = 1 << 20;

export function encode(v: Resp): string {
  switch (v.t) {
    case 'simple': return `+${v.v}\r\n`;
    case 'error': return `-${v.v}\r\n`;
    case 'int': return `:${v.v}\r\n`;
    case 'bulk': return v.v === null ? '$-1\r\n' : `$${encoder.encode(v.v).length}\r\n${v.v}\r\n`;
    case 'array': return v.v === null ? '*-1\r\n' : `*${v.v.length}\r\n${v.v.map(encode).join('')}`;
  }
}

export const ok: Resp = { t: 'simple', v: 'OK' };
export const nil: Resp = { t: 'bulk', v: null };
export const bulk = (v: string | null): Resp => ({ t: 'bulk', v });
export const int = (v: number): Resp => ({ t: 'int', v });
export const err = (v: string): Resp => ({ t: 'error', v });
export const arr = (v: Resp[]): Resp => ({ t: 'array', v });

/** The end of `n` UTF-8 bytes of `s` from `at` (a string index), or -1 when `s` is shorter. */
function skipBytes(s: string, at: number, n: number): number {
  let i = at;
  let bytes = 0;
  while (bytes < n) {
    if (i >= s.length) return -1;
    const c = s.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}

export type Parsed<T> = { value: T; end: number } | 'incomplete' | { error: string };

/** One RESP value from `s` at `at`. */
export function parse(s: string, at = 0, depth = 0): Parsed<Resp> {
  const eol = s.indexOf('\r\n', at);
  if (eol < 0) return 'incomplete';
  const kind = s[at];
  const line = s.slice(at + 1, eol);
  const next = eol + 2;
  switch (kind) {
    case '+': return { value: { t: 'simple', v: line }, end: next };
    case '-': return { value: { t: 'error', v: line }, end: next };
    case ':': return { value: { t: 'int', v: Number(line) }, end: next };
    case '$': {
      const n = Number(line);
      if (!Number.isInteger(n) || n > MAX_BULK) return { error: 'Protocol error: invalid bulk length' };
      if (n < 0) return { value: nil, end: next };
      const stop = skipBytes(s, next, n);
      if (stop < 0 || s.length < stop + 2) return 'incomplete';
      return { value: bulk(s.slice(next, stop)), end: stop + 2 };
    }
    case '*': {
      const n = Number(line);
      if (!Number.isInteger(n) || n > MAX_ITEMS || depth > 32) return { error: 'Protocol error: invalid multibulk length' };
      if (n < 0) return { value: { t: 'array', v: null }, end: next };
      const items: Resp[] = [];
      let pos = next;
      for (let i = 0; i < n; i++) {
        const r = parse(s, pos, depth + 1);
        if (r === 'incomplete' || 'error' in r) return r;
        items.push(r.value);
        pos = r.end;
      }
      return { value: arr(items), end: pos };
    }
    default:
      return { error: `Protocol error: expected '$', got '${kind ?? ''}'` };
  }
}

/** Splits an inline command line as redis does (sdssplitargs): spaces, "quoted" and 'quoted' words. */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let word = '';
    const q = line[i];
    if (q === '"' || q === "'") {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (q === '"' && c === '\\' && i + 1 < line.length) {
          const e = line[i + 1]!;
          word += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[e] ?? e;
          i += 2;
          continue;
        }
        if (c === q) {
          closed = true;
          i++;
          break;
        }
        word += c;
        i++;
      }
      // a closing quote must be followed by a space or the end
      if (!closed || (i < line.length && !/\s/.test(line[i]!))) return undefined;
    } else {
      while (i < line.length && !/\s/.test(line[i]!)) word += line[i++];
    }
    out.push(word);
  }
  return out;
}

/** One command (its arguments) from what a client sent. */
export function parseCommand(s: string, at = 0): Parsed<string[]> {
  if (at >= s.length) return 'incomplete';
  if (s[at] === '*') {
    const r = parse(s, at);
    if (r === 'incomplete' || 'error' in r) return r;
    const v = r.value;
    if (v.t !== 'array' || v.v === null || v.v.some((x) => x.t !== 'bulk' || x.v === null)) return { error: "Protocol error: expected '$'" };
    return { value: v.v.map((x) => (x as { v: string }).v), end: r.end };
  }
  const eol = s.indexOf('\n', at);
  if (eol < 0) return 'incomplete';
  const line = s.slice(at, eol).replace(/\r$/, '');
  const args = splitArgs(line);
  if (!args) return { error: 'Protocol error: unbalanced quotes in request' };
  return { value: args, end: eol + 1 };
}
