// gawk's regular expressions (POSIX ERE plus GNU operators) translated to JavaScript RegExp:
// bracket expressions with [:classes:], intervals, \y \< \> \` \' \s \w, `.` matching
// newline. lib/safe-regex.ts runs the translation: leftmost-longest, never backtracking away.
import { SafeRegExp } from '../lib/safe-regex';

export class RegexError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
  word: '0-9A-Za-z_',
};

const SIMPLE_ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b' };

function lit(c: string): string {
  const code = c.charCodeAt(0);
  if (/[A-Za-z0-9_ ]/.test(c)) return c;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** An escape inside or outside brackets that stands for one character, or undefined. */
function charEscape(src: string, i: number): { ch: string; next: number } | undefined {
  const n = src[i + 1];
  if (n === undefined) return { ch: '\\', next: i + 1 };
  if (n in SIMPLE_ESC) return { ch: SIMPLE_ESC[n]!, next: i + 2 };
  if (/[0-7]/.test(n)) {
    let j = i + 1;
    let d = '';
    while (d.length < 3 && /[0-7]/.test(src[j] ?? '')) d += src[j++];
    return { ch: String.fromCharCode(parseInt(d, 8) & 0xff), next: j };
  }
  if (n === 'x' && /[0-9a-fA-F]/.test(src[i + 2] ?? '')) {
    let j = i + 2;
    let d = '';
    while (d.length < 2 && /[0-9a-fA-F]/.test(src[j] ?? '')) d += src[j++];
    return { ch: String.fromCharCode(parseInt(d, 16)), next: j };
  }
  return undefined;
}

const UNMATCHED_BRACKET = 'Unmatched [, [^, [:, [., or [=';

function bracket(src: string, start: number): { out: string; next: number } {
  let i = start + 1;
  let negate = false;
  if (src[i] === '^') {
    negate = true;
    i++;
  }
  if (i >= src.length) throw new RegexError('Invalid regular expression');
  const items: { text: string; single: boolean }[] = [];
  let first = true;
  for (;;) {
    if (i >= src.length) throw new RegexError(UNMATCHED_BRACKET);
    const c = src[i]!;
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && (src[i + 1] === ':' || src[i + 1] === '.' || src[i + 1] === '=')) {
      const kind = src[i + 1]!;
      const end = src.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexError(UNMATCHED_BRACKET);
      const name = src.slice(i + 2, end);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) throw new RegexError('Invalid character class name');
        items.push({ text: cls, single: false });
      } else items.push({ text: [...name].map(lit).join(''), single: name.length === 1 });
      i = end + 2;
      continue;
    }
    if (c === '\\') {
      const e = charEscape(src, i);
      if (e) {
        items.push({ text: lit(e.ch), single: true });
        i = e.next;
      } else {
        items.push({ text: lit(src[i + 1]!), single: true });
        i += 2;
      }
      continue;
    }
    if (c === '-' && items.length > 0 && items[items.length - 1]!.single && src[i + 1] !== ']' && i + 1 < src.length) {
      items.push({ text: '-', single: false });
      i++;
      continue;
    }
    items.push({ text: lit(c), single: true });
    i++;
  }
  const body = items.map((it) => it.text).join('');
  if (body === '') return { out: negate ? '[^]' : '[]', next: i };
  return { out: `[${negate ? '^' : ''}${body}]`, next: i };
}

export interface Translated {
  source: string;
  warnings: string[];
}

/** Translates an awk regular expression to a JavaScript pattern (used with the `s` flag). */
export function translate(src: string): Translated {
  let out = '';
  const warnings: string[] = [];
  const groups: number[] = [];
  /** Where the last atom (that a repetition applies to) starts in `out`, or -1. */
  let atom = -1;
  /** Whether the last thing emitted was a repetition operator. */
  let repeated = false;
  const emitAtom = (text: string): void => {
    atom = out.length;
    out += text;
    repeated = false;
  };
  const emitOther = (text: string): void => {
    atom = -1;
    out += text;
    repeated = false;
  };
  const repeat = (q: string): void => {
    if (atom < 0) {
      emitAtom(lit(q[0]!));
      return;
    }
    if (repeated) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += q;
    repeated = true;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) throw new RegexError('Trailing backslash');
      const e = charEscape(src, i);
      if (e) {
        emitAtom(lit(e.ch));
        i = e.next;
        continue;
      }
      i += 2;
      switch (n) {
        case 'y': emitOther('\\b'); continue;
        case 'B': emitOther('\\B'); continue;
        case '<': emitOther('\\b(?=\\w)'); continue;
        case '>': emitOther('\\b(?<=\\w)'); continue;
        case '`': emitOther('(?<![^])'); continue;
        case "'": emitOther('(?![^])'); continue;
        case 's': case 'S': case 'w': case 'W': emitAtom(`\\${n}`); continue;
        default:
          if (!/[\\/".[\]()*+?{}|^$-]/.test(n!)) warnings.push(`regexp escape sequence \`\\${n}' is not a known regexp operator`);
          emitAtom(lit(n!));
          continue;
      }
    }
    if (c === '[') {
      const b = bracket(src, i);
      emitAtom(b.out);
      i = b.next;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(src.slice(i));
      if (m && atom >= 0) {
        // {,} is {0,}; an empty {} is an error
        if (m[1] === '' && m[2] === undefined) throw new RegexError('Invalid content of \\{\\}');
        const lo = m[1] === '' ? '0' : m[1]!;
        if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo)) throw new RegexError('Invalid content of \\{\\}');
        repeat(m[2] === undefined ? `{${lo}}` : `{${lo},${m[3] ?? ''}}`);
        i += m[0].length;
        continue;
      }
      emitAtom('\\{');
      i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      repeat(c);
      i++;
      continue;
    }
    if (c === '(') {
      groups.push(out.length);
      emitOther('(');
      i++;
      continue;
    }
    if (c === ')') {
      if (groups.length === 0) {
        emitAtom('\\)');
        i++;
        continue;
      }
      const start = groups.pop()!;
      out += ')';
      atom = start;
      repeated = false;
      i++;
      continue;
    }
    if (c === '|') {
      emitOther('|');
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      emitOther(c);
      i++;
      continue;
    }
    if (c === '.') {
      emitAtom('.');
      i++;
      continue;
    }
    if (c === '}' || c === ']' || c === '/') {
      emitAtom(`\\${c}`);
      i++;
      continue;
    }
    emitAtom(lit(c));
    i++;
  }
  const depth = groups.length;
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return { source: out, warnings };
}

/** A match: its position, the matched text ([0]) and the capture groups ([1]...). */
export interface AwkMatch {
  index: number;
  length: number;
  0: string;
  [group: number]: string | undefined;
  /** start offsets of the groups 1..n when the engine knows them (-1: no part) */
  starts?: number[];
}

/**
 * A compiled awk regex: test, and leftmost-longest search from a position (gawk's
 * re_search), safe from runaway backtracking (lib/safe-regex.ts).
 */
export class AwkRegex {
  private readonly safe: SafeRegExp;
  /** RegExp itself, when its matches are the POSIX ones (most patterns): the fastest way */
  private readonly plain: RegExp | undefined;

  constructor(readonly src: string, t: Translated, ignoreCase: boolean) {
    this.safe = new SafeRegExp(t.source, ignoreCase ? 'si' : 's');
    this.plain = this.safe.plain ? this.safe.re : undefined;
  }

  test(s: string): boolean {
    return this.safe.test(s);
  }

  /** The leftmost-longest match at or after `from` (`starts`: with the groups' offsets). */
  exec(s: string, from: number, starts = false): AwkMatch | null {
    if (this.plain && !starts) {
      this.plain.lastIndex = from;
      return this.plain.exec(s);
    }
    const m = this.safe.exec(s, from, starts);
    if (!m) return null;
    const r: AwkMatch = { index: m.index, length: m.groups.length + 1, 0: s.slice(m.index, m.end) };
    for (let k = 0; k < m.groups.length; k++) r[k + 1] = m.groups[k];
    if (m.starts) r.starts = m.starts;
    return r;
  }
}

const cache = new Map<string, AwkRegex>();

/** Compiles (with a cache) an awk regex; throws RegexError for a malformed one. */
export function compileRegex(src: string, ignoreCase = false, onWarn?: (w: string) => void): AwkRegex {
  const key = ignoreCase ? `i${src}` : `c${src}`;
  let r = cache.get(key);
  if (!r) {
    const t = translate(src);
    if (onWarn) for (const w of t.warnings) onWarn(w);
    try {
      r = new AwkRegex(src, t, ignoreCase);
    } catch (e) {
      throw new RegexError(e instanceof Error ? e.message : String(e));
    }
    if (cache.size > 500) cache.clear();
    cache.set(key, r);
  }
  return r;
}
