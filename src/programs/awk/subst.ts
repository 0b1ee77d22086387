// sub/gsub and gensub: matching every (or the Nth) place, empty matches as gawk handles them
// (never right after a previous match), and the replacement's & and backslash rules.
import type { AwkMatch, AwkRegex } from './regex';

type Part = string | number;

/** sub/gsub replacement (gawk's rules): `&` is the match, `\&` a literal &, `\\&` a
 * backslash and the match, `\\\&` a literal `\&`; any other backslash is kept. */
function subParts(repl: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '\\' && repl.startsWith('\\\\&', i + 1)) {
      lit += '\\&';
      i += 3;
    } else if (c === '\\' && repl.startsWith('\\&', i + 1)) {
      lit += '\\';
      i++;
    } else if (c === '\\' && repl[i + 1] === '&') {
      lit += '&';
      i++;
    } else if (c === '&') {
      if (lit) parts.push(lit);
      lit = '';
      parts.push(0);
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return parts;
}

/** gensub replacement: `&` and `\0` the match, `\1`..`\9` groups, `\&` and `\\` literal. */
function gensubParts(repl: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '\\' && i + 1 < repl.length) {
      const n = repl[i + 1]!;
      if (/[0-9]/.test(n)) {
        if (lit) parts.push(lit);
        lit = '';
        parts.push(Number(n));
        i++;
        continue;
      }
      if (n === '&' || n === '\\') {
        lit += n;
        i++;
        continue;
      }
      lit += c;
    } else if (c === '&') {
      if (lit) parts.push(lit);
      lit = '';
      parts.push(0);
    } else lit += c;
  }
  if (lit) parts.push(lit);
  return parts;
}

function expand(parts: Part[], m: AwkMatch): string {
  let out = '';
  for (const p of parts) out += typeof p === 'string' ? p : (m[p] ?? '');
  return out;
}

/**
 * Replaces matches of `re` in `s`: all of them (global), or only the `which`-th.
 * Returns the new text and how many were replaced.
 */
function replaceAll(s: string, re: AwkRegex, parts: Part[], global: boolean, which: number): { text: string; count: number } {
  let out = '';
  let pos = 0;
  let from = 0;
  let count = 0;
  let seen = 0;
  let lastEnd = -1;
  while (from <= s.length) {
    const m = re.exec(s, from);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0 && start === lastEnd) {
      // an empty match right after the previous match does not count
      if (start >= s.length) break;
      from = start + 1;
      continue;
    }
    seen++;
    if (global || seen === which) {
      out += s.slice(pos, start) + expand(parts, m);
      pos = end;
      count++;
    }
    lastEnd = end;
    if (m[0].length === 0) {
      if (start >= s.length) break;
      from = start + 1;
    } else from = end;
    if (!global && seen >= which) break;
  }
  if (count === 0) return { text: s, count: 0 };
  return { text: out + s.slice(pos), count };
}

export function substitute(s: string, re: AwkRegex, repl: string, global: boolean): { text: string; count: number } {
  return replaceAll(s, re, subParts(repl), global, 1);
}

export function gensubReplace(s: string, re: AwkRegex, repl: string, global: boolean, which: number): string {
  return replaceAll(s, re, gensubParts(repl), global, which).text;
}
