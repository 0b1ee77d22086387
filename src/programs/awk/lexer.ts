// The awk lexer: tokens with their source position, regex literal vs division decided by the
// token before, newlines dropped after `{ , && || do else`, `\`-newline continuation.
import { DIRECTIVES, GAWK_ONLY, namespaceError, resolveName } from './namespace';

export interface Source {
  /** "cmd. line" or the -f file name, as gawk's messages show it. */
  name: string;
  text: string;
}

export type TokType =
  | 'NEWLINE' | 'EOF' | 'NUMBER' | 'STRING' | 'ERE' | 'NAME' | 'FUNC_NAME' | 'BUILTIN'
  | 'BEGIN' | 'END' | 'BEGINFILE' | 'ENDFILE' | 'function' | 'if' | 'else' | 'while' | 'for' | 'do'
  | 'break' | 'continue' | 'next' | 'nextfile' | 'exit' | 'return' | 'delete' | 'getline'
  | 'print' | 'printf' | 'in' | 'switch' | 'case' | 'default'
  | '{' | '}' | '(' | ')' | '[' | ']' | ';' | ',' | '+' | '-' | '*' | '/' | '%' | '^' | '!' | '>' | '<'
  | '|' | '?' | ':' | '~' | '$' | '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=' | '==' | '<=' | '>='
  | '!=' | '++' | '--' | '&&' | '||' | '>>' | '!~' | '|&' | '@';

/** A comment, kept for gawk -o: where it is, and the token before it on its line (if any). */
export interface Comment {
  src: number;
  line: number;
  text: string;
  /** The type of the token the comment follows on its line: undefined for a line of its own. */
  after?: TokType;
  /** That token's offset in the source. */
  afterPos?: number;
}

export interface Token {
  type: TokType;
  /** Name, string value, regex source, or number text. */
  text: string;
  num: number;
  /** Source index, line (1-based) and offset of the token's first character. */
  src: number;
  line: number;
  pos: number;
  /** A NEWLINE the lexer adds at the end of a source that lacks one. */
  synthetic?: boolean;
  /** A NAME or FUNC_NAME whose text the namespace changed: the identifier as written. */
  word?: string;
}

const KEYWORDS = new Set(['BEGIN', 'END', 'BEGINFILE', 'ENDFILE', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'getline', 'print', 'printf', 'in', 'switch', 'case', 'default']);

export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush', 'systime', 'strftime', 'mktime', 'gensub', 'asort', 'asorti', 'and', 'or', 'xor', 'lshift', 'rshift', 'compl', 'strtonum', 'isarray', 'typeof', 'patsplit', 'mkbool']);
/** gawk's built-in functions as FUNCTAB and PROCINFO["identifiers"] list them. */
export const BUILTIN_FUNCS = [...BUILTINS, 'bindtextdomain', 'dcgettext', 'dcngettext'];

const THREE = ['**=', '...'];
const TWO = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '|&', '**'];
const ONE = '{}()[];,+-*/%^!><|?:~$=@';

/** Token types after which `/` divides (otherwise it starts a regex). */
const OPERAND_END = new Set<TokType>(['NAME', 'NUMBER', 'STRING', 'ERE', ')', ']', 'BUILTIN', '++', '--']);
/** Token types after which a newline is not a terminator. */
const NL_SKIP = new Set<TokType>(['{', '&&', '||', ',', 'do', 'else']);

export class LexError extends Error {
  constructor(message: string, readonly tok: Token) {
    super(message);
  }
}

const STR_ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\', '"': '"' };

/** Processes awk string escapes; unknown ones keep the character (with a warning). */
export function unescape(s: string, warn?: (w: string) => void): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    if (n in STR_ESC) out += STR_ESC[n];
    else if (/[0-7]/.test(n)) {
      let d = n;
      while (d.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) d += s[++i];
      out += String.fromCharCode(parseInt(d, 8) & 0xff);
    } else if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let d = '';
      while (d.length < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) d += s[++i];
      out += String.fromCharCode(parseInt(d, 16));
    } else if (n === '\n') {
      // continuation inside a string
    } else {
      warn?.(`escape sequence \`\\${n}' treated as plain \`${n}'`);
      out += n;
    }
  }
  return out;
}

/** `posix`: --posix, where ** and **= are not operators (two `*` tokens, `*` and `*=`).
 *  `traditional`: -c or --posix, where 0x1F and 017 are not hex or octal constants (0x1F is 0
 *  then the name x1F, 017 is 17). */
export function tokenize(sources: Source[], warn: (w: string, tok: Token) => void, posix = false, comments?: Comment[], traditional = posix, lint?: (w: string, tok: Token) => void, errors?: { message: string; tok: Token }[], lintExtensions = true): Token[] {
  const toks: Token[] = [];
  // gawk --lint: each of gawk's own keywords and built-ins is said to be an extension, once
  const extensionsTold = new Set<string>();
  const extension = (word: string, tok: Token): void => {
    if (!lint || !lintExtensions || traditional || !GAWK_ONLY.has(word) || extensionsTold.has(word)) return;
    extensionsTold.add(word);
    lint(`\`${word}' is a gawk extension`, tok);
  };
  const isSpecial = (w: string): boolean => KEYWORDS.has(w) || BUILTINS.has(w);
  const isBuiltin = (w: string): boolean => BUILTINS.has(w);
  sources.forEach((source, srcIndex) => {
    const text = source.text;
    let i = 0;
    let line = 1;
    // every source file starts in the awk namespace (see namespace.ts)
    let ns = 'awk';
    const make = (type: TokType, pos: number, tokText = '', num = 0): Token => ({ type, text: tokText, num, src: srcIndex, line, pos });
    const push = (t: Token): void => {
      toks.push(t);
    };
    const prevType = (): TokType | undefined => toks[toks.length - 1]?.type;
    while (i < text.length) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
        i += text[i + 1] === '\n' ? 2 : 3;
        line++;
        continue;
      }
      if (c === '#') {
        const start = i;
        while (i < text.length && text[i] !== '\n') i++;
        if (comments) {
          const last = toks[toks.length - 1];
          const after = last && last.src === srcIndex && last.line === line && last.type !== 'NEWLINE' ? last.type : undefined;
          comments.push({ src: srcIndex, line, text: text.slice(start, i).replace(/\r$/, ''), after, afterPos: after ? last!.pos : undefined });
        }
        continue;
      }
      if (c === '\n') {
        const p = prevType();
        if (p === undefined || !NL_SKIP.has(p)) push(make('NEWLINE', i));
        line++;
        i++;
        continue;
      }
      const start = i;
      if (c === '"') {
        let j = i + 1;
        let raw = '';
        for (;;) {
          if (j >= text.length || text[j] === '\n') throw new LexError('unterminated string', make('STRING', start));
          const d = text[j]!;
          if (d === '"') break;
          if (d === '\\' && j + 1 < text.length) {
            if (text[j + 1] === '\n') line++;
            raw += d + text[j + 1];
            j += 2;
            continue;
          }
          raw += d;
          j++;
        }
        const tok = make('STRING', start);
        tok.text = unescape(raw, (w) => warn(w, tok));
        // `@namespace "name"`: the names after it are in that namespace
        const [at, directive] = toks.slice(-2);
        if (at?.type === '@' && directive?.type === 'NAME' && directive.text === 'namespace' && !traditional) {
          const bad = namespaceError(tok.text, isSpecial);
          if (bad) errors?.push({ message: bad, tok });
          else ns = tok.text;
        }
        push(tok);
        i = j + 1;
        continue;
      }
      if (c === '/' && !OPERAND_END.has(prevType() ?? 'NEWLINE')) {
        let j = i + 1;
        let raw = '';
        let inBracket = false;
        let bracketStart = 0;
        for (;;) {
          if (j >= text.length || text[j] === '\n') throw new LexError('unterminated regexp', make('ERE', start + 1));
          const d = text[j]!;
          if (d === '/' && !inBracket) break;
          if (d === '\\' && j + 1 < text.length) {
            if (text[j + 1] === '/') raw += '/';
            else if (text[j + 1] === '\n') line++;
            else raw += d + text[j + 1];
            j += 2;
            continue;
          }
          if (d === '[' && !inBracket) {
            inBracket = true;
            bracketStart = j;
          } else if (d === '[' && inBracket && /[:.=]/.test(text[j + 1] ?? '')) {
            const close = text.indexOf(`${text[j + 1]}]`, j + 2);
            if (close > 0) {
              raw += text.slice(j, close + 2);
              j = close + 2;
              continue;
            }
          } else if (d === ']' && inBracket && !(j === bracketStart + 1 || (j === bracketStart + 2 && text[bracketStart + 1] === '^'))) {
            inBracket = false;
          }
          raw += d;
          j++;
        }
        push(make('ERE', start, raw));
        i = j + 1;
        continue;
      }
      if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
        const hex = traditional ? null : /^0[xX][0-9a-fA-F]+/.exec(text.slice(i, i + 40));
        if (hex) {
          const tok = make('NUMBER', start, hex[0], parseInt(hex[0].slice(2), 16));
          lint?.(`numeric constant \`${hex[0]}' treated as hexadecimal`, tok);
          push(tok);
          i += hex[0].length;
          continue;
        }
        const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 400))!;
        let v = Number(m[0]);
        const tok = make('NUMBER', start, m[0], v);
        // gawk reads 0 then digits as octal when they all are, and says so of any 0-led integer
        if (!traditional && /^0[0-9]+$/.test(m[0])) {
          if (/^0[0-7]+$/.test(m[0])) tok.num = parseInt(m[0], 8);
          lint?.(`numeric constant \`${m[0]}' treated as octal`, tok);
        }
        push(tok);
        i += m[0].length;
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        let j = i + 1;
        for (;;) {
          while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
          // ns::name is one identifier (not in traditional mode, where `:` is only the operator)
          if (traditional || text[j] !== ':' || text[j + 1] !== ':') break;
          j += 2;
        }
        const word = text.slice(i, j);
        i = j;
        const kind: TokType = text[j] === '(' ? 'FUNC_NAME' : 'NAME';
        // the directive words are names but right after `@`
        if (DIRECTIVES.has(word) && prevType() === '@') {
          const tok = make(kind, start, word);
          extension(word, tok);
          push(tok);
          continue;
        }
        const r = resolveName(word, ns, isSpecial, isBuiltin);
        const tok = r.special === undefined ? make(kind, start, r.name) : KEYWORDS.has(r.special) ? make(r.special === 'func' ? 'function' : (r.special as TokType), start, r.special) : make('BUILTIN', start, r.special);
        if (r.special === undefined && r.name !== word) tok.word = word;
        if (r.error) errors?.push({ message: r.error, tok });
        if (r.special !== undefined) extension(r.special, tok);
        push(tok);
        continue;
      }
      const three = text.slice(i, i + 3);
      if (THREE.includes(three) && three === '**=' && !posix) {
        push(make('^=', start, three));
        i += 3;
        continue;
      }
      const two = text.slice(i, i + 2);
      if (TWO.includes(two) && !(posix && two === '**')) {
        push(make(two === '**' ? '^' : (two as TokType), start, two));
        i += 2;
        continue;
      }
      if (ONE.includes(c)) {
        push(make(c as TokType, start, c));
        i++;
        continue;
      }
      throw new LexError(`invalid char '${c}' in expression`, make('EOF', start));
    }
    // every source must hold whole rules: it ends with its own EOF (gawk first gives a
    // newline when the text lacks one)
    if (!text.endsWith('\n')) {
      const p = prevType();
      if (p !== undefined && p !== 'NEWLINE' && p !== 'EOF' && !NL_SKIP.has(p)) push({ ...make('NEWLINE', text.length), synthetic: true });
    }
    push(make('EOF', text.length));
  });
  return toks;
}
