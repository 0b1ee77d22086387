// The s command: GNU sed's do_subst (which match to replace, empty matches next to the last
// one skipped) and the replacement with & \1..\9 and the case conversions \U \L \u \l \E.
import type { PosixMatch, PosixRegExp } from '../lib/posix-match';
import type { ReplPart, Subst } from './script';

function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** The pattern space after `sub`, or undefined when nothing was replaced. */
export function substitute(ps: string, re: PosixRegExp, sub: Subst): string | undefined {
  const len = ps.length;
  let out = '';
  let start = 0;
  let prevEnd = -1;
  let count = 0;
  let did = false;
  for (;;) {
    const m = re.exec(ps, start);
    if (!m) break;
    if (m.index === m.end && m.index === prevEnd) {
      if (m.index >= len) break;
      out += ps.slice(start, m.index + 1);
      start = m.index + 1;
      continue;
    }
    count++;
    out += ps.slice(start, m.index);
    if (count < sub.numb) out += ps.slice(m.index, m.end);
    else {
      out += expand(sub.repl, ps, m);
      did = true;
    }
    start = prevEnd = m.end;
    if (did && !sub.global) break;
    if (m.index === m.end) {
      if (start < len) out += ps[start];
      start++;
    }
    if (start > len) break;
  }
  if (!did) return undefined;
  if (start < len) out += ps.slice(start);
  return out;
}

function expand(parts: ReplPart[], ps: string, m: PosixMatch): string {
  let out = '';
  let mode: 'U' | 'L' | '' = '';
  let once: 'u' | 'l' | '' = '';
  const add = (s: string): void => {
    if (!s) return;
    if (once) {
      const first = once === 'u' ? asciiUpper(s[0]!) : asciiLower(s[0]!);
      const rest = s.slice(1);
      out += first + (mode === 'U' ? asciiUpper(rest) : mode === 'L' ? asciiLower(rest) : rest);
      once = '';
      return;
    }
    out += mode === 'U' ? asciiUpper(s) : mode === 'L' ? asciiLower(s) : s;
  };
  for (const p of parts) {
    if (p.t === 'lit') add(p.s);
    else if (p.t === 'ref') add(p.n === 0 ? ps.slice(m.index, m.end) : (m.groups[p.n - 1] ?? ''));
    else if (p.c === 'U' || p.c === 'L') {
      mode = p.c;
      once = '';
    } else if (p.c === 'E') {
      mode = '';
      once = '';
    } else once = p.c;
  }
  return out;
}
