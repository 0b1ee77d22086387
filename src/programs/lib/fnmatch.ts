// fnmatch(3) as glibc implements it for find -name/-path and friends: `*`, `?`, bracket
// expressions with ranges, [:classes:], `!`/`^` negation, and backslash escapes. With no
// FNM_PATHNAME or FNM_PERIOD, `*` matches `/` and a leading dot like any other character.

export const CHAR_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** A character escaped for use in a JavaScript regular expression (inside or outside a class). */
export function reChar(c: string): string {
  return /[\\^$.|?*+()[\]{}/-]/.test(c) ? `\\${c}` : c;
}

export interface FnmatchOptions {
  casefold?: boolean;
  /** FNM_PATHNAME: wildcards do not match `/`. */
  pathname?: boolean;
  /** FNM_PERIOD: a leading `.` must be matched explicitly. */
  period?: boolean;
}

/** Translates a bracket expression starting at `p[i] === '['`; undefined when it does not close. */
function bracket(p: string, i: number, escapes: boolean): { re: string; end: number } | undefined {
  let j = i + 1;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  for (;;) {
    if (j >= p.length) return undefined;
    let c = p[j]!;
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && (p[j + 1] === ':' || p[j + 1] === '=' || p[j + 1] === '.')) {
      const kind = p[j + 1]!;
      const close = p.indexOf(`${kind}]`, j + 2);
      if (close < 0) return undefined;
      const name = p.slice(j + 2, close);
      if (kind === ':') {
        const cls = CHAR_CLASSES[name];
        if (cls === undefined) return undefined;
        body += cls;
      } else {
        body += [...name].map(reChar).join('');
      }
      j = close + 2;
      continue;
    }
    if (c === '\\' && escapes) {
      j++;
      if (j >= p.length) return undefined;
      c = p[j]!;
    }
    j++;
    if (p[j] === '-' && p[j + 1] !== undefined && p[j + 1] !== ']') {
      let hi = p[j + 1]!;
      j += 2;
      if (hi === '\\' && escapes) hi = p[j++] ?? '';
      if (hi < c) continue; // an empty range matches nothing
      body += `${reChar(c)}-${reChar(hi)}`;
      continue;
    }
    body += reChar(c);
  }
  const re = negate ? (body ? `[^${body}]` : '[^]') : body ? `[${body}]` : '(?!)';
  return { re, end: j };
}

/** The JavaScript regular expression source (anchored) for an fnmatch pattern. */
export function fnmatchSource(pattern: string, opts: FnmatchOptions = {}): string | undefined {
  const any = opts.pathname ? '[^/]' : '[^]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const atStart = i === 0 || (opts.pathname && pattern[i - 1] === '/');
    const guard = opts.period && atStart ? '(?!\\.)' : '';
    if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      out += `${guard}${any}*`;
    } else if (c === '?') {
      out += `${guard}${any}`;
    } else if (c === '[') {
      const b = bracket(pattern, i, true);
      if (!b) {
        out += '\\[';
        continue;
      }
      out += guard + (opts.pathname ? `(?!/)${b.re}` : b.re);
      i = b.end;
    } else if (c === '\\') {
      if (i + 1 >= pattern.length) return undefined; // a trailing backslash never matches
      out += reChar(pattern[++i]!);
    } else {
      out += reChar(c);
    }
  }
  return `^${out}$`;
}

/** Compiles an fnmatch pattern once; the function answers whether a string matches. */
export function compileFnmatch(pattern: string, opts: FnmatchOptions = {}): (s: string) => boolean {
  const src = fnmatchSource(pattern, opts);
  if (src === undefined) return () => false;
  const re = new RegExp(src, opts.casefold ? 'i' : '');
  return (s) => re.test(s);
}

export function fnmatch(pattern: string, s: string, opts: FnmatchOptions = {}): boolean {
  return compileFnmatch(pattern, opts)(s);
}
