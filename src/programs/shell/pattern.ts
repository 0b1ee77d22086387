// Shell pattern matching (bash manual, Pattern Matching): * ? [...] with classes, and the
// extglob forms ?() *() +() @() !(), compiled to JavaScript regular expressions. Quoted
// characters of a pattern match literally; they arrive escaped with a backslash.
//
// An extglob that repeats a group with choices in it (`*(a*)c`, `+(a|aa)b`) can make RegExp
// backtrack for ages on a long word, and nothing can interrupt RegExp: such a pattern runs on the
// linear engine of lib/safe-regex.ts. That module is not on the way to the first prompt (no
// startup file uses such a pattern): it loads with the machine's late code
// (shared/late-code.ts), and a pattern met before then runs on RegExp.
import type { SafeRegExp } from '../lib/safe-regex';
import { loadWhenLate } from '../../shared/late-code';
import { byteChars, fromByteChars } from './byte-text';

let Safe: typeof SafeRegExp | undefined;
loadWhenLate(() => import('../lib/safe-regex').then((m) => (Safe = m.SafeRegExp)));

/** What a compiled pattern offers its users. */
export interface PatternMatcher {
  test(text: string): boolean;
}

/** A group that repeats (`*(a*)`, `+(a|aa)`): RegExp may backtrack through its choices. */
const REPEATED_GROUP = /\)[*+{]/;

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f', word: 'a-zA-Z0-9_',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Escapes pattern metacharacters so `text` matches only itself (for quoted parts). */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]()|!@+]/g, '\\$&');
}

export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    // a bracket expression needs its closing bracket (a lone `[`, as in `[ -f x ]`, is plain text)
    else if (c === '[' && pattern.indexOf(']', i + 2) > i) return true;
    else if ('@+!'.includes(c!) && pattern[i + 1] === '(') return true;
  }
  return false;
}

/** Translates a pattern to a regex source (no anchors). */
export function globToRegex(p: string, opts: { extglob?: boolean; pathname?: boolean } = {}): string {
  let out = '';
  let i = 0;
  const any = opts.pathname ? '[^/]' : '[\\s\\S]';
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      out += i + 1 < p.length ? escapeRe(p[i + 1]!) : '\\\\';
      i += 2;
      continue;
    }
    if ('?*+@!'.includes(c) && p[i + 1] === '(' && opts.extglob !== false) {
      const end = matchParen(p, i + 1);
      if (end > 0) {
        const alts = splitAlternatives(p.slice(i + 2, end)).map((a) => globToRegex(a, opts));
        const group = `(?:${alts.join('|')})`;
        if (c === '?') out += `${group}?`;
        else if (c === '*') out += `${group}*`;
        else if (c === '+') out += `${group}+`;
        else if (c === '@') out += group;
        else out += `(?:(?!${group}$)${any}*?)`;
        i = end + 1;
        continue;
      }
    }
    if (c === '*') {
      out += `${any}*`;
      i++;
      continue;
    }
    if (c === '?') {
      out += any;
      i++;
      continue;
    }
    if (c === '[') {
      const cls = bracket(p, i);
      if (cls) {
        out += cls.re;
        i = cls.end;
        continue;
      }
      out += '\\[';
      i++;
      continue;
    }
    out += escapeRe(c);
    i++;
  }
  return out;
}

function matchParen(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '(') depth++;
    else if (p[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      cur += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

function bracket(p: string, start: number): { re: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (p[i] === '!' || p[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  // the last single character added (a range may start there): itself and where it begins in body
  let prev: { char: string; at: number } | undefined;
  while (i < p.length) {
    const c = p[i]!;
    if (c === ']' && !first) {
      return { re: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
    }
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close > 0) {
        const name = p.slice(i + 2, close);
        body += CLASSES[name] ?? '';
        i = close + 2;
        prev = undefined;
        continue;
      }
    }
    if (c === '\\') {
      prev = { char: p[i + 1] ?? '\\', at: body.length };
      body += escapeRe(p[i + 1] ?? '\\');
      i += 2;
      continue;
    }
    if (c === '-' && body !== '' && p[i + 1] !== ']') {
      const endChar = p[i + 1] === '\\' ? p[i + 2] : p[i + 1];
      // a range that runs backwards ([z-a]) holds nothing
      if (prev && endChar !== undefined && endChar.codePointAt(0)! < prev.char.codePointAt(0)!) {
        body = body.slice(0, prev.at);
        i += p[i + 1] === '\\' ? 3 : 2;
        prev = undefined;
        continue;
      }
      body += '-';
      i++;
      prev = undefined;
      continue;
    }
    prev = { char: c, at: body.length };
    body += /[\\\]^-]/.test(c) ? `\\${c}` : c;
    i++;
  }
  return undefined;
}

const cache = new Map<string, PatternMatcher>();

export function compile(pattern: string, mode: 'whole' | 'prefix' | 'suffix' | 'any' = 'whole', extglob = true, nocase = false): PatternMatcher {
  const key = `${mode}\0${extglob}\0${nocase}\0${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const src = globToRegex(pattern, { extglob });
    const full = mode === 'whole' ? `^(?:${src})$` : mode === 'prefix' ? `^(?:${src})` : mode === 'suffix' ? `(?:${src})$` : src;
    const flags = nocase ? 'si' : 's';
    re = Safe && REPEATED_GROUP.test(src) ? new Safe(full, flags) : new RegExp(full, flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** `nocase`: shopt nocasematch (case and [[ == ]]); `bytes`: the C locale, where ? matches a byte. */
export function matchPattern(text: string, pattern: string, extglob = true, nocase = false, bytes = false): boolean {
  if (bytes && (byteChars(text) !== undefined || byteChars(pattern) !== undefined)) return compile(byteChars(pattern) ?? pattern, 'whole', extglob, nocase).test(byteChars(text) ?? text);
  return compile(pattern, 'whole', extglob, nocase).test(text);
}

/** `f` applied byte by byte (the C locale) to text and pattern with characters beyond ASCII. */
export function bytewise(text: string, pattern: string, f: (text: string, pattern: string) => string): string {
  const t = byteChars(text);
  const p = byteChars(pattern);
  return t === undefined && p === undefined ? f(text, pattern) : fromByteChars(f(t ?? text, p ?? pattern));
}

/** ${x#p} ${x##p} ${x%p} ${x%%p}: remove the shortest/longest match at the start/end. */
export function trim(text: string, pattern: string, fromStart: boolean, longest: boolean, extglob = true): string {
  const re = compile(pattern, 'whole', extglob);
  if (fromStart) {
    if (longest) {
      for (let n = text.length; n >= 0; n--) if (re.test(text.slice(0, n))) return text.slice(n);
    } else {
      for (let n = 0; n <= text.length; n++) if (re.test(text.slice(0, n))) return text.slice(n);
    }
  } else if (longest) {
    for (let n = 0; n <= text.length; n++) if (re.test(text.slice(n))) return text.slice(0, n);
  } else {
    for (let n = text.length; n >= 0; n--) if (re.test(text.slice(n))) return text.slice(0, n);
  }
  return text;
}

/** ${x/p/r} and friends: replace the longest match (first, all, anchored). */
export function replace(text: string, pattern: string, replacement: string | ((matched: string) => string), mode: 'first' | 'all' | 'prefix' | 'suffix', extglob = true): string {
  const with_ = (m: string): string => (typeof replacement === 'string' ? replacement : replacement(m));
  // an empty pattern matches only where it is anchored: ${x/#/pre} ${x/%/post}
  if (pattern === '') return mode === 'prefix' ? with_('') + text : mode === 'suffix' ? text + with_('') : text;
  const re = compile(pattern, 'whole', extglob);
  // an empty value is replaced when the pattern matches nothing at all (${x/*/y})
  if (text === '') return re.test('') ? with_('') : '';
  const longestAt = (i: number): number => {
    for (let n = text.length; n > i; n--) if (re.test(text.slice(i, n))) return n;
    return re.test('') ? i : -1;
  };
  if (mode === 'prefix') {
    const n = longestAt(0);
    return n >= 0 ? with_(text.slice(0, n)) + text.slice(n) : text;
  }
  if (mode === 'suffix') {
    for (let i = 0; i <= text.length; i++) if (re.test(text.slice(i))) return text.slice(0, i) + with_(text.slice(i));
    return text;
  }
  let out = '';
  let i = 0;
  let replaced = false;
  while (i < text.length) {
    if (!(replaced && mode === 'first')) {
      const n = longestAt(i);
      if (n > i) {
        out += with_(text.slice(i, n));
        i = n;
        replaced = true;
        continue;
      }
      // an empty match (an extglob like ?(z)): the replacement goes before this character
      if (n === i) {
        out += with_('') + text[i];
        i++;
        replaced = true;
        continue;
      }
    }
    out += text[i];
    i++;
  }
  return out;
}
