// env -S (--split-string): one pass over the string as GNU env's build_argv makes it:
// blanks separate words outside quotes, '...' keeps everything but \\ and \', "..." allows
// the escapes and ${NAME}, '#' at the start of a word ends the string, as does \c outside
// double quotes, \_ separates words (a space inside double quotes). The first problem met
// is the error.
import { quote } from '../lib/quote';

const BLANKS = ' \t\n\v\f\r';
const ESCAPES: Record<string, string> = { f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export interface SplitResult {
  words: string[];
  /** The --debug lines about ${NAME} expansions, in order. */
  notes: string[];
}

export function splitString(s: string, env: ReadonlyMap<string, string>): SplitResult | { error: string } {
  const words: string[] = [];
  const notes: string[] = [];
  let sep = true;
  let sq = false;
  let dq = false;
  const start = (): void => {
    if (!sep) return;
    words.push('');
    sep = false;
  };
  const add = (text: string): void => {
    start();
    words[words.length - 1] += text;
  };
  let i = 0;
  scan: while (i < s.length) {
    const c = s[i]!;
    if (c === "'" && !dq) {
      sq = !sq;
      start();
      i++;
      continue;
    }
    if (c === '"' && !sq) {
      dq = !dq;
      start();
      i++;
      continue;
    }
    if (BLANKS.includes(c) && !sq && !dq) {
      sep = true;
      while (i < s.length && BLANKS.includes(s[i]!)) i++;
      continue;
    }
    if (c === '#' && sep) break;
    if (c === '\\' && !(sq && s[i + 1] !== '\\' && s[i + 1] !== "'")) {
      const n = s[i + 1];
      i += 2;
      if (n === undefined) return { error: 'invalid backslash at end of string in -S' };
      if ('"#$\'\\'.includes(n)) add(n);
      else if (n === '_') {
        if (dq) add(' ');
        else sep = true;
      } else if (n === 'c') {
        if (dq) return { error: "'\\c' must not appear in double-quoted -S string" };
        break scan;
      } else if (n in ESCAPES) add(ESCAPES[n]!);
      else return { error: `invalid sequence '\\${n}' in -S` };
      continue;
    }
    if (c === '$' && !sq) {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(s.slice(i));
      if (!m) return { error: `only \${VARNAME} expansion is supported, error at: ${s.slice(i)}` };
      const name = m[1]!;
      const value = env.get(name);
      if (value !== undefined) {
        start();
        notes.push(`expanding \${${name}} into ${quote(value)}`);
        words[words.length - 1] += value;
      } else notes.push(`replacing \${${name}} with null string`);
      i += m[0].length;
      continue;
    }
    add(c);
    i++;
  }
  if ((sq || dq) && i >= s.length) return { error: 'no terminating quote in -S string' };
  return { words, notes };
}
