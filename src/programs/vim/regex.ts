// vim's patterns (":help pattern") translated to JavaScript regular expressions. 'magic' is
// on, so `.` `*` `[]` `^` `$` `~` are special and `\+ \= \? \{n,m} \( \) \| \< \>` need
// their backslash; `\v` (very magic) and `\V` (very nomagic) switch mid-pattern; `\c` and
// `\C` force the case; `\zs` and `\ze` move the match's start and end.

const WORD = 'A-Za-z0-9_\\u00c0-\\u00ff';
const CLASSES: Record<string, string> = {
  s: '[ \\t]', S: '[^ \\t]', d: '[0-9]', D: '[^0-9]', w: '[0-9A-Za-z_]', W: '[^0-9A-Za-z_]',
  a: '[A-Za-z]', A: '[^A-Za-z]', l: '[a-z]', L: '[^a-z]', u: '[A-Z]', U: '[^A-Z]', x: '[0-9A-Fa-f]',
  X: '[^0-9A-Fa-f]', o: '[0-7]', O: '[^0-7]', h: '[A-Za-z_]', H: '[^A-Za-z_]', k: `[${WORD}]`, K: `[A-Za-z_\\u00c0-\\u00ff]`,
  i: `[${WORD}]`, I: '[A-Za-z_\\u00c0-\\u00ff]', f: '[A-Za-z0-9/.\\-_+,#$%~=]', F: '[A-Za-z/.\\-_+,#$%~=]', p: '[\\x20-\\x7e]', P: '[\\x21-\\x7e]',
};
const POSIX: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', lower: 'a-z', upper: 'A-Z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

export interface VimRegex {
  re: RegExp;
  /** The pattern as typed, for messages. */
  source: string;
}

export class PatternError extends Error {}

const escapeJs = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);

/** Translates one bracket expression starting at `i` (the `[`); returns [js, next index] or undefined if unclosed. */
function bracket(p: string, i: number): [string, number] | undefined {
  let j = i + 1;
  let out = '[';
  if (p[j] === '^') {
    out += '^';
    j++;
  }
  if (p[j] === ']') {
    out += '\\]';
    j++;
  }
  for (; j < p.length; j++) {
    const c = p[j]!;
    if (c === ']') return [`${out}]`, j + 1];
    if (c === '[' && p[j + 1] === ':') {
      const m = /^\[:([a-z]+):\]/.exec(p.slice(j));
      if (m && POSIX[m[1]!]) {
        out += POSIX[m[1]!];
        j += m[0].length - 1;
        continue;
      }
    }
    if (c === '\\' && j + 1 < p.length) {
      const n = p[++j]!;
      out += n === 'e' ? '\\x1b' : n === 't' ? '\\t' : n === 'r' ? '\\r' : n === 'n' ? '\\n' : n === 'd' ? '0-9' : n === 's' ? ' \\t' : `\\${n === '-' || n === '^' || n === ']' || n === '\\' ? n : n}`;
      continue;
    }
    out += c === '[' || c === '/' ? `\\${c}` : c;
  }
  return undefined;
}

/**
 * Compiles a vim pattern. `ignorecase`/`smartcase` are the options; `lastSub` is what `~`
 * matches (the previous substitute string).
 */
export function compile(pattern: string, opts: { ignorecase: boolean; smartcase: boolean; lastSub?: string }): VimRegex {
  let magic: 'v' | 'm' | 'M' | 'V' = 'm';
  let caseFlag: boolean | undefined;
  let out = '';
  let zs = -1;
  let ze = -1;
  let depth = 0;
  const atStart = (): boolean => out === '' || /(\(\?:|\(|\|)$/.test(out) || out.endsWith('(?<=');
  const isEnd = (i: number): boolean => {
    const rest = pattern.slice(i + 1);
    return rest === '' || rest.startsWith('\\|') || rest.startsWith('\\)') || (magic === 'v' && (rest.startsWith('|') || rest.startsWith(')')));
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      // with \v the escaped form is the literal one and the other way round for + = ? ( ) | { @ < >
      if (magic === 'v' && '+=?(){}|@<>'.includes(n)) {
        out += escapeJs(n);
        continue;
      }
      switch (n) {
        case 'v': case 'm': case 'M': case 'V': magic = n; continue;
        case 'c': caseFlag = true; continue;
        case 'C': caseFlag = false; continue;
        case '(': out += '('; depth++; continue;
        case ')': out += ')'; depth--; continue;
        case '%':
          if (pattern[i + 1] === '(') {
            out += '(?:';
            depth++;
            i++;
            continue;
          }
          out += '%';
          continue;
        case '|': out += '|'; continue;
        case '+': out += '+'; continue;
        case '=': case '?': out += '?'; continue;
        case '{': {
          const m = /^(-?)(\d*)(,?)(\d*)\\?\}/.exec(pattern.slice(i + 1));
          if (!m) throw new PatternError(`E554: Syntax error in ${pattern.slice(i - 1, i + 1)}{...}`);
          const [, lazy, a, comma, b] = m;
          out += !a && !comma ? '*' : !comma ? `{${a}}` : `{${a || 0},${b}}`;
          if (!a && !comma && !b && lazy) out += '?';
          else if (lazy) out += '?';
          i += m[0].length;
          continue;
        }
        case '<': out += `(?<![${WORD}])(?=[${WORD}])`; continue;
        case '>': out += `(?<=[${WORD}])(?![${WORD}])`; continue;
        case 'z': {
          const z = pattern[++i];
          if (z === 's') zs = out.length;
          else if (z === 'e') ze = out.length;
          continue;
        }
        case 'n': out += '$'; continue;
        case 't': out += '\\t'; continue;
        case 'e': out += '\\x1b'; continue;
        case 'r': out += '\\r'; continue;
        case '.': case '*': case '[': case ']': case '~': case '^': case '$': case '/': case '\\':
          out += escapeJs(n);
          continue;
      }
      if (CLASSES[n]) {
        out += CLASSES[n];
        continue;
      }
      if (/[1-9]/.test(n)) {
        out += `\\${n}`;
        continue;
      }
      out += escapeJs(n);
      continue;
    }
    const special = magic === 'v' || magic === 'm';
    if (c === '^' && magic !== 'V' && atStart()) out += '^';
    else if (c === '$' && magic !== 'V' && isEnd(i)) out += '$';
    else if (c === '.' && special) out += '.';
    else if (c === '*' && special && !atStart()) out += '*';
    else if (c === '~' && special) out += (opts.lastSub ?? '').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    else if (c === '[' && special) {
      const b = bracket(pattern, i);
      if (b) {
        out += b[0];
        i = b[1] - 1;
      } else out += '\\[';
    } else if (magic === 'v' && '+?=(){}|'.includes(c)) {
      if (c === '=') out += '?';
      else if (c === '(') {
        out += '(';
        depth++;
      } else if (c === ')') {
        out += ')';
        depth--;
      } else out += c;
    } else if (magic === 'v' && c === '<') out += `(?<![${WORD}])(?=[${WORD}])`;
    else if (magic === 'v' && c === '>') out += `(?<=[${WORD}])(?![${WORD}])`;
    else out += escapeJs(c);
  }
  if (depth > 0) throw new PatternError('E54: Unmatched \\(');
  if (depth < 0) throw new PatternError('E55: Unmatched \\)');
  if (ze >= 0) out = `${out.slice(0, ze)}(?=${out.slice(ze)})`;
  if (zs >= 0) out = `(?<=${out.slice(0, zs)})${out.slice(zs)}`;
  let ignore = opts.ignorecase;
  if (ignore && opts.smartcase && /[A-Z]/.test(pattern.replace(/\\./g, ''))) ignore = false;
  if (caseFlag !== undefined) ignore = caseFlag;
  try {
    return { re: new RegExp(out, ignore ? 'gi' : 'g'), source: pattern };
  } catch {
    throw new PatternError(`E486: Pattern not found: ${pattern}`);
  }
}

/** All matches in one line, as [start, end) pairs; empty matches advance one character. */
export function matchesIn(re: RegExp, line: string, limit = 10000): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let n = 0; n < limit; n++) {
    const m = re.exec(line);
    if (!m) break;
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) {
      if (re.lastIndex >= line.length) break;
      re.lastIndex++;
    }
  }
  return out;
}
