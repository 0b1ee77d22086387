// Splitting a setting's value into words as systemd's extract_first_word() does
// (src/basic/extract-word.c): separators coalesce, quotes group (and are removed with
// `unquote`), a backslash escapes the next character unless `retainEscape` keeps it verbatim.

export interface WordFlags {
  /** Characters that separate words (default: whitespace). */
  separators?: string;
  /** EXTRACT_UNQUOTE: '...' and "..." group words and are removed. */
  unquote?: boolean;
  /** EXTRACT_RETAIN_ESCAPE: a backslash is an ordinary character. */
  retainEscape?: boolean;
  /** EXTRACT_CUNESCAPE: \n, \t, \xNN ... are decoded. */
  cunescape?: boolean;
  /** EXTRACT_RELAX: an unbalanced quote or trailing backslash ends the word instead of failing. */
  relax?: boolean;
  /** EXTRACT_UNESCAPE_RELAX: an escape cunescape does not know stays as written; this is told. */
  onUnknownEscape?: () => void;
}

const WHITESPACE = ' \t\n\r';

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", s: ' ' };

/** Decodes one C escape at s[i] (after the backslash); [text, length] or undefined. */
function cunescapeOne(s: string, i: number): [string, number] | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 1];
  if (c === 'x') {
    const m = /^[0-9a-fA-F]{2}/.exec(s.slice(i + 1));
    return m ? [String.fromCharCode(parseInt(m[0], 16)), 3] : undefined;
  }
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const m = new RegExp(`^[0-9a-fA-F]{${n}}`).exec(s.slice(i + 1));
    if (!m) return undefined;
    const cp = parseInt(m[0], 16);
    return cp > 0x10ffff || cp === 0 ? undefined : [String.fromCodePoint(cp), n + 1];
  }
  if (c >= '0' && c <= '7') {
    const m = /^[0-7]{3}/.exec(s.slice(i));
    if (!m) return undefined;
    const v = parseInt(m[0], 8);
    return v === 0 || v > 255 ? undefined : [String.fromCharCode(v), 3];
  }
  return undefined;
}

export interface WordResult {
  word: string;
  /** Index just past the word and its trailing separators; undefined at the end. */
  next: number | undefined;
}

/** One word from `s` at `pos`; null when there is none; 'error' for bad quoting (EINVAL). */
export function extractFirstWord(s: string, pos: number, flags: WordFlags = {}): WordResult | null | 'error' {
  const seps = flags.separators ?? WHITESPACE;
  let i = pos;
  while (i < s.length && seps.includes(s[i]!)) i++;
  if (i >= s.length) return null;
  let word = '';
  let quote = '';
  for (;;) {
    const c = s[i];
    if (c === undefined) {
      if (quote !== '' && !flags.relax) return 'error';
      return { word, next: undefined };
    }
    if (quote !== '') {
      if (c === quote) {
        quote = '';
        if (!flags.unquote) word += c;
        i++;
        continue;
      }
      if (c === '\\' && !flags.retainEscape) {
        const r = escaped(s, i + 1, flags);
        if (r === 'error') return 'error';
        if (r === 'end') return { word, next: undefined };
        word += r[0];
        i += 1 + r[1];
        continue;
      }
      word += c;
      i++;
      continue;
    }
    if ((c === "'" || c === '"') && flags.unquote) {
      quote = c;
      i++;
      continue;
    }
    if (c === '\\' && !flags.retainEscape) {
      const r = escaped(s, i + 1, flags);
      if (r === 'error') return 'error';
      if (r === 'end') return { word, next: undefined };
      word += r[0];
      i += 1 + r[1];
      continue;
    }
    if (seps.includes(c)) {
      while (i < s.length && seps.includes(s[i]!)) i++;
      return { word, next: i < s.length ? i : undefined };
    }
    word += c;
    i++;
  }
}

function escaped(s: string, i: number, flags: WordFlags): [string, number] | 'error' | 'end' {
  const c = s[i];
  if (c === undefined) return flags.relax ? 'end' : 'error';
  if (flags.cunescape) {
    const r = cunescapeOne(s, i);
    if (r || !flags.onUnknownEscape) return r ?? 'error';
    flags.onUnknownEscape();
    return [`\\${c}`, 1];
  }
  return [c, 1];
}

/** Every word of `s`; undefined when quoting is unbalanced or an escape is invalid. */
export function extractWords(s: string, flags: WordFlags = {}): string[] | undefined {
  const out: string[] = [];
  let pos: number | undefined = 0;
  for (let guard = 0; pos !== undefined && guard <= s.length; guard++) {
    const r = extractFirstWord(s, pos, flags);
    if (r === 'error') return undefined;
    if (r === null) break;
    out.push(r.word);
    pos = r.next;
  }
  return out;
}

/** cunescape(): every C escape of `s` decoded; undefined when one is invalid. */
export function cunescape(s: string): string | undefined {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const r = cunescapeOne(s, i + 1);
    if (!r) return undefined;
    out += r[0];
    i += r[1];
  }
  return out;
}
