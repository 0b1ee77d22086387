// gawk's regular expressions (POSIX ERE plus GNU operators) translated to JavaScript RegExp:
// bracket expressions with [:classes:], intervals, \y \< \> \` \' \s \w, `.` matching
// newline, and leftmost-longest matching across top-level alternatives.

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
  /** Top-level alternatives (translated), when there is more than one. */
  alternatives: string[] | undefined;
  warnings: string[];
}

/** Translates an awk regular expression to a JavaScript pattern (used with the `s` flag). */
export function translate(src: string): Translated {
  let out = '';
  const warnings: string[] = [];
  const alts: string[] = [];
  let altStart = 0;
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
      if (m && atom >= 0 && (m[1] !== '' || (m[2] !== undefined && m[3] !== ''))) {
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
      if (groups.length === 0) {
        alts.push(out.slice(altStart));
        altStart = out.length + 1;
      }
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
  let alternatives: string[] | undefined;
  if (alts.length > 0) {
    alts.push(out.slice(altStart));
    alternatives = alts;
  }
  return { source: out, alternatives, warnings };
}

/** A match: its position, the matched text ([0]) and the capture groups ([1]...). */
export interface AwkMatch {
  index: number;
  length: number;
  0: string;
  [group: number]: string | undefined;
}

const groupCount = (source: string): number => (source.match(/\((?!\?)/g) ?? []).length;

/** A compiled awk regex: test, and leftmost-longest search from a position. */
export class AwkRegex {
  readonly re: RegExp;
  private readonly g: RegExp;
  /** Top-level alternatives (sticky) with the number of groups before each. */
  private readonly alts: { re: RegExp; offset: number }[] | undefined;

  constructor(readonly src: string, t: Translated, ignoreCase: boolean) {
    const flags = ignoreCase ? 'si' : 's';
    this.re = new RegExp(t.source, flags);
    this.g = new RegExp(t.source, `${flags}g`);
    let offset = 0;
    this.alts = t.alternatives?.map((a) => {
      const alt = { re: new RegExp(a, `${flags}y`), offset };
      offset += groupCount(a);
      return alt;
    });
  }

  test(s: string): boolean {
    return this.re.test(s);
  }

  /** The leftmost-longest match at or after `from` (POSIX picks the longest alternative). */
  exec(s: string, from: number): AwkMatch | null {
    this.g.lastIndex = from;
    const m = this.g.exec(s);
    if (!m || !this.alts) return m;
    let best: { a: RegExpExecArray; offset: number } | undefined;
    for (const alt of this.alts) {
      alt.re.lastIndex = m.index;
      const a = alt.re.exec(s);
      if (a && a[0].length > (best?.a[0].length ?? m[0].length)) best = { a, offset: alt.offset };
    }
    if (!best) return m;
    const r: AwkMatch = { index: m.index, length: m.length, 0: best.a[0] };
    for (let k = 1; k < m.length; k++) r[k] = undefined;
    for (let k = 1; k < best.a.length; k++) r[best.offset + k] = best.a[k];
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
