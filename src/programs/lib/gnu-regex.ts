// GNU regex syntaxes (regcomp/re_compile_pattern) translated to JavaScript: Emacs (find's
// default), POSIX basic and POSIX extended. Errors carry glibc's messages, so a tool can say
// `failed to compile regular expression '[a': Unmatched [, [^, [:, [., or [=`.
import { CHAR_CLASSES, reChar } from './fnmatch';
import { SafeRegExp } from './safe-regex';

export type RegexSyntax = 'emacs' | 'basic' | 'extended';

export class RegexError extends Error {}

const E = {
  BADPAT: 'Invalid regular expression',
  EBRACK: 'Unmatched [, [^, [:, [., or [=',
  EPAREN: 'Unmatched ( or \\(',
  ERPAREN: 'Unmatched ) or \\)',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  BADRPT: 'Invalid preceding regular expression',
  ESUBREG: 'Invalid back reference',
  EESCAPE: 'Trailing backslash',
  ECTYPE: 'Invalid character class name',
  ERANGE: 'Invalid range end',
} as const;

function bracketExpr(p: string, i: number, classes: boolean): { re: string; end: number } {
  let j = i + 1;
  let negate = false;
  if (p[j] === '^') {
    negate = true;
    j++;
  }
  if (j >= p.length) throw new RegexError(E.BADPAT);
  let body = '';
  let first = true;
  for (;;) {
    if (j >= p.length) throw new RegexError(E.EBRACK);
    const c = p[j]!;
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && classes && (p[j + 1] === ':' || p[j + 1] === '=' || p[j + 1] === '.')) {
      const kind = p[j + 1]!;
      const close = p.indexOf(`${kind}]`, j + 2);
      if (close < 0) throw new RegexError(E.EBRACK);
      const name = p.slice(j + 2, close);
      if (kind === ':') {
        const cls = CHAR_CLASSES[name];
        if (cls === undefined) throw new RegexError(E.ECTYPE);
        body += cls;
      } else {
        body += [...name].map(reChar).join('');
      }
      j = close + 2;
      continue;
    }
    j++;
    if (p[j] === '-' && p[j + 1] !== undefined && p[j + 1] !== ']') {
      const hi = p[j + 1]!;
      if (hi < c) throw new RegexError(E.ERANGE);
      body += `${reChar(c)}-${reChar(hi)}`;
      j += 2;
      continue;
    }
    body += reChar(c);
  }
  return { re: negate ? `[^${body}]` : `[${body}]`, end: j };
}

/**
 * Translates `pattern` to JavaScript regular expression source (not anchored).
 * Throws RegexError with glibc's message when the pattern does not compile.
 */
export function gnuRegexSource(pattern: string, syntax: RegexSyntax, dotNewline = true, newlineAnchor = false): string {
  const p = pattern;
  const ere = syntax === 'extended';
  const intervals = syntax !== 'emacs';
  const classes = syntax !== 'emacs';
  let out = '';
  let groups = 0;
  const open: { num: number; at: number }[] = [];
  let closed = 0;
  /** Where the last repeatable atom starts in `out`, or -1 when nothing can be repeated. */
  let atom = -1;
  /** Whether that atom already carries a repetition (a** is (a*)*). */
  let repeated = false;
  /** At the start of the pattern or just after an open group or alternation. */
  let atStart = true;

  const literal = (text: string): void => {
    atom = out.length;
    out += text;
    repeated = false;
    atStart = false;
  };
  const applyRepeat = (op: string): void => {
    if (repeated) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += op;
    repeated = true;
    atStart = false;
  };

  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    let tok: string | undefined;
    if (c === '\\') {
      if (i + 1 >= p.length) throw new RegexError(E.EESCAPE);
      const n = p[++i]!;
      if (!ere && (n === '(' || n === ')' || n === '|')) tok = n;
      else if (syntax === 'basic' && (n === '{' || n === '}' || n === '+' || n === '?')) tok = n;
      else if (/[1-9]/.test(n)) {
        if (Number(n) > closed) throw new RegexError(E.ESUBREG);
        literal(`\\${n}`);
        continue;
      } else {
        const special: Record<string, string> = { w: '\\w', W: '\\W', s: '\\s', S: '\\S', b: '\\b', B: '\\B', '<': '\\b(?=\\w)', '>': '\\b(?<=\\w)', '`': '(?<![^])', "'": '(?![^])' };
        const sp = special[n];
        if (sp === undefined || /^\\[wWsS]$/.test(sp)) literal(sp ?? reChar(n));
        else {
          out += sp;
          atom = -1;
          atStart = false;
        }
        continue;
      }
    } else if (ere && '(){}|+?'.includes(c)) {
      tok = c;
    } else if (syntax === 'emacs' && (c === '+' || c === '?')) {
      tok = c;
    } else if (c === '*') {
      tok = '*';
    }
    if (tok === undefined) {
      if (c === '[') {
        const b = bracketExpr(p, i, classes);
        literal(b.re);
        i = b.end;
      } else if (c === '.') {
        literal(dotNewline ? '[^]' : '[^\\n]');
      } else if (c === '^' && (ere || atStart)) {
        // re_compile_pattern's newline_anchor: ^ and $ also match next to a newline (tac)
        out += newlineAnchor ? '(?<![^\n])' : '^';
        atom = -1;
      } else if (c === '$' && (ere || i === p.length - 1 || p.startsWith('\\)', i + 1) || p.startsWith('\\|', i + 1))) {
        out += newlineAnchor ? '(?![^\n])' : '$';
        atom = -1;
        atStart = false;
      } else {
        literal(reChar(c));
      }
      continue;
    }
    switch (tok) {
      case '(':
        groups++;
        open.push({ num: groups, at: out.length });
        out += '(';
        atom = -1;
        atStart = true;
        break;
      case ')': {
        const g = open.pop();
        if (!g) {
          if (ere) {
            literal('\\)');
            break;
          }
          throw new RegexError(E.ERPAREN);
        }
        closed++;
        out += ')';
        atom = g.at;
        repeated = false;
        atStart = false;
        break;
      }
      case '|':
        out += '|';
        atom = -1;
        atStart = true;
        break;
      case '*':
      case '+':
      case '?':
        if (atom < 0) {
          // a leading operator is literal in Emacs and basic syntax, an error in extended
          if (ere) throw new RegexError(E.BADRPT);
          if (syntax === 'basic' && !atStart) throw new RegexError(E.BADRPT);
          literal(reChar(tok));
          break;
        }
        if (repeated && syntax === 'basic') throw new RegexError(E.BADRPT);
        applyRepeat(tok);
        break;
      case '{': {
        if (!intervals) {
          literal('\\{');
          break;
        }
        const close = ere ? p.indexOf('}', i) : p.indexOf('\\}', i);
        const body = close < 0 ? undefined : p.slice(i + 1, close);
        if (body === undefined || !/^\d*(,\d*)?$/.test(body) || body === '' || body === ',') {
          if (ere && (body === undefined || !/^[\d,]*$/.test(body))) {
            literal('\\{');
            break;
          }
          throw new RegexError(close < 0 ? E.EBRACE : E.BADBR);
        }
        if (atom < 0) throw new RegexError(E.BADRPT);
        const [lo, hi] = body.split(',');
        if (hi !== undefined && hi !== '' && Number(hi) < Number(lo || '0')) throw new RegexError(E.BADBR);
        applyRepeat(`{${lo || '0'}${hi === undefined ? '' : `,${hi}`}}`);
        i = close + (ere ? 0 : 1);
        break;
      }
      case '}':
        literal('\\}');
        break;
    }
  }
  if (open.length) throw new RegexError(E.EPAREN);
  return out;
}

/**
 * A whole-string matcher, as find -regex uses re_match: the match must cover all of it. It
 * runs in time linear in the text whatever the pattern (lib/safe-regex.ts).
 */
export function compileWholeMatch(pattern: string, syntax: RegexSyntax, icase: boolean, dotNewline = true): SafeRegExp {
  return new SafeRegExp(`^(?:${gnuRegexSource(pattern, syntax, dotNewline)})$`, icase ? 'i' : '');
}
