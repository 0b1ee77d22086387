// POSIX regular expressions as GNU grep and sed read them, translated to JavaScript RegExp
// source over binary strings (one char per byte, the C locale). BRE and ERE with the GNU
// extensions (\w \W \s \S \b \B \< \> \` \' and, in BRE, \+ \? \|), back-references, and
// bracket expressions; the parse follows glibc's regcomp (its errors and syntax bits for
// grep and for sed), and for grep the warnings of its dfa pass.
import { charSet, emptySet, foldSet, isWordByte, jsChar, jsSet, MSG, negateSet, otherCase, parseBracket, RegexSyntaxError, type CharSet } from './posix-charset';

export { RegexSyntaxError } from './posix-charset';

export type AssertKind = 'bol' | 'eol' | 'bob' | 'eob' | 'wordb' | 'nwordb' | 'wbeg' | 'wend' | 'nwbefore' | 'nwafter';

export type Node =
  | { t: 'set'; set: CharSet }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'group'; index: number; body: Node }
  | { t: 'rep'; min: number; max: number; body: Node }
  | { t: 'backref'; index: number }
  | { t: 'assert'; kind: AssertKind };

export interface PosixOptions {
  extended: boolean;
  /** grep: glibc's RE_SYNTAX_GREP/EGREP plus dfa warnings; sed: RE_SYNTAX_POSIX_BASIC/EXTENDED. */
  flavor: 'grep' | 'sed';
  icase?: boolean;
  /** grep's line terminator: never matched by `.`, lists or classes; ^ $ match next to it. */
  eol?: number;
  /** sed's M flag: ^ and $ also match around newlines. */
  multiline?: boolean;
  /** sed --posix: no \+ \? \| \w \W \s \S \b \B \< \> \` \' (RE_NO_GNU_OPS). */
  noGnuOps?: boolean;
  /** Receives dfa's warnings ("* at start of expression"). grep 3.8's "stray \ before x" is not
   * given: Photon 5.0 ships grep 3.7, which has none, and Debian's 3.8 turns it off. */
  warn?: (message: string) => void;
}

export interface Parsed {
  ast: Node;
  groups: number;
  backrefs: boolean;
  /** Alternation present: JavaScript's leftmost-first may end a match early. */
  alternation: boolean;
}

const DUP_MAX = 0x7fff;

class Parser {
  i = 0;
  groups = 0;
  closed = new Set<number>();
  backrefs = false;
  alternation = false;
  colonError = false;
  warnings: string[] = [];
  depth = 0;
  private readonly ere: boolean;
  private readonly grep: boolean;

  constructor(
    private readonly p: string,
    private readonly o: PosixOptions,
  ) {
    this.ere = o.extended;
    this.grep = o.flavor === 'grep';
  }

  fail(msg: string): never {
    throw new RegexSyntaxError(msg);
  }

  /** The token at i: [kind, length, char]. */
  peek(caretHere: boolean): [string, number, string] {
    const p = this.p;
    const i = this.i;
    if (i >= p.length) return ['end', 0, ''];
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 >= p.length) this.fail(MSG.EESCAPE);
      const d = p[i + 1]!;
      const gnu = !this.o.noGnuOps;
      if (!this.ere) {
        if (d === '(') return ['open', 2, d];
        if (d === ')') return ['close', 2, d];
        if (d === '|' && gnu) return ['alt', 2, d];
        if (d === '{') return ['opendup', 2, d];
        if (d === '}') return ['closedup', 2, d];
        if (d === '+' && gnu) return ['plus', 2, d];
        if (d === '?' && gnu) return ['qmark', 2, d];
      }
      if (d >= '1' && d <= '9') return ['backref', 2, d];
      if ('<>bB`\''.includes(d) && gnu) return ['anchor', 2, d];
      if ('wWsS'.includes(d) && gnu) return ['class', 2, d];
      return ['escaped', 2, d];
    }
    if (c === '*') return ['star', 1, c];
    if (c === '.') return ['any', 1, c];
    if (c === '[') return ['bracket', 1, c];
    if (c === '^' && (this.ere || caretHere || i === 0)) return ['anchor', 1, c];
    if (c === '$' && (this.ere || this.dollarIsAnchor())) return ['anchor', 1, c];
    if (this.ere) {
      if (c === '(') return ['open', 1, c];
      if (c === ')') return ['close', 1, c];
      if (c === '|') return ['alt', 1, c];
      if (c === '{') return ['opendup', 1, c];
      if (c === '}') return ['closedup', 1, c];
      if (c === '+') return ['plus', 1, c];
      if (c === '?') return ['qmark', 1, c];
    }
    return ['char', 1, c];
  }

  dollarIsAnchor(): boolean {
    const rest = this.p.slice(this.i + 1);
    return rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
  }

  parseAlt(depth: number, caretHere: boolean): Node {
    const saved = this.depth;
    this.depth = depth;
    // as glibc: a branch may refer only to groups closed before the alternation or in itself
    const before = new Set(this.closed);
    const branches = [this.parseBranch(depth, caretHere)];
    while (this.peek(false)[0] === 'alt') {
      this.i += this.peek(false)[1];
      this.alternation = true;
      const seen = this.closed;
      this.closed = new Set(before);
      branches.push(this.parseBranch(depth, true));
      for (const g of seen) this.closed.add(g);
    }
    this.depth = saved;
    return branches.length === 1 ? branches[0]! : { t: 'alt', items: branches };
  }

  parseBranch(depth: number, caretHere: boolean): Node {
    const items: Node[] = [];
    let start = true;
    let here = caretHere;
    for (;;) {
      const [kind] = this.peek(here);
      if (kind === 'end' || kind === 'alt') break;
      if (kind === 'close') {
        if (depth > 0) break;
        if (!(this.ere && this.grep)) this.fail(MSG.ERPAREN);
      }
      const node = this.parseExpression(start, here);
      here = false;
      if (node) items.push(node);
      start = node === null || node.t === 'assert';
    }
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  }

  /** One atom and its repetitions; null for an operator skipped at the start (grep ERE). */
  parseExpression(atStart: boolean, caretHere: boolean): Node | null {
    const [kind, len, c] = this.peek(caretHere);
    let atom: Node;
    if (atStart && (kind === 'star' || kind === 'plus' || kind === 'qmark' || kind === 'opendup')) {
      if (kind === 'opendup' && !this.ere && !this.grep) this.fail(MSG.BADRPT);
      if (this.ere && !this.grep) this.fail(MSG.BADRPT);
      if (this.ere) {
        // glibc skips the operator; grep's dfa repeats an empty expression (the same thing)
        const r: [number, number, number] | null = kind === 'opendup' ? this.interval(this.i + len) : [0, 0, this.i + len];
        if (r) {
          this.warnings.push(kind === 'opendup' ? '{...} at start of expression' : `${c} at start of expression`);
          this.i = r[2];
          return null;
        }
      }
      this.i += len;
      return this.repeat(this.literal(c.charCodeAt(0)));
    }
    this.i += len;
    switch (kind) {
      case 'open': {
        const index = ++this.groups;
        const body = this.parseAlt(this.depth + 1, true);
        if (this.peek(false)[0] !== 'close') this.fail(MSG.EPAREN);
        this.i += this.peek(false)[1];
        this.closed.add(index);
        atom = { t: 'group', index, body };
        break;
      }
      case 'close':
        atom = this.literal(41);
        break;
      case 'backref': {
        const index = c.charCodeAt(0) - 48;
        if (!this.closed.has(index)) this.fail(MSG.ESUBREG);
        this.backrefs = true;
        atom = { t: 'backref', index };
        break;
      }
      case 'anchor':
        return { t: 'assert', kind: this.anchorKind(c) };
      case 'class':
        atom = { t: 'set', set: this.escapeClass(c) };
        break;
      case 'any': {
        const s = emptySet();
        negateSet(s);
        // sed's M flag is REG_NEWLINE: `.` and [^...] stop at a newline
        if (this.o.multiline) s[10] = 0;
        atom = { t: 'set', set: this.strip(s) };
        break;
      }
      case 'bracket': {
        const negated = this.p[this.i] === '^';
        const r = parseBracket(this.p, this.i);
        if (negated && this.o.multiline) r.set[10] = 0;
        this.i = r.end;
        if (r.colonError) this.colonError = true;
        if (this.o.icase) foldSet(r.set);
        atom = { t: 'set', set: this.strip(r.set) };
        break;
      }
      case 'escaped':
        atom = this.literal(c.charCodeAt(0));
        break;
      default:
        atom = this.literal(c.charCodeAt(0));
    }
    return this.repeat(atom);
  }

  repeat(atom: Node): Node {
    let node = atom;
    for (;;) {
      const [kind, len] = this.peek(false);
      if (kind === 'star') {
        this.i += len;
        node = { t: 'rep', min: 0, max: -1, body: node };
      } else if (kind === 'plus') {
        this.i += len;
        node = { t: 'rep', min: 1, max: -1, body: node };
      } else if (kind === 'qmark') {
        this.i += len;
        node = { t: 'rep', min: 0, max: 1, body: node };
      } else if (kind === 'opendup') {
        const r = this.interval(this.i + len);
        if (!r) return node;
        this.i = r[2];
        node = { t: 'rep', min: r[0], max: r[1], body: node };
      } else return node;
      if (!this.ere && !this.grep) {
        const next = this.peek(false)[0];
        if (next === 'star' || next === 'opendup') this.fail(MSG.BADRPT);
      }
    }
  }

  /**
   * Parses "m,n}" from `at` (just past the opening brace) as glibc's parse_dup_op does:
   * [min, max (-1: none), end]; null when grep -E takes the brace as a literal.
   */
  interval(at: number): [number, number, number] | null {
    const p = this.p;
    let j = at;
    const st: { tok: 'close' | ',' | 'end' } = { tok: 'end' };
    const fetch = (): number => {
      let num = -1;
      for (;;) {
        if (j >= p.length) {
          st.tok = 'end';
          return -2;
        }
        let len = 1;
        let ch = p[j]!;
        let close = this.ere && ch === '}';
        if (ch === '\\') {
          if (j + 1 >= p.length) this.fail(MSG.EESCAPE);
          len = 2;
          close = !this.ere && p[j + 1] === '}';
          ch = '';
        }
        j += len;
        if (close) {
          st.tok = 'close';
          return num;
        }
        if (ch === ',') {
          st.tok = ',';
          return num;
        }
        num = ch < '0' || ch > '9' || ch === '' || num === -2 ? -2 : Math.min(DUP_MAX + 1, (num < 0 ? 0 : num * 10) + ch.charCodeAt(0) - 48);
      }
    };
    let min = fetch();
    let max = -2;
    if (min === -1) {
      if (st.tok !== ',') this.fail(MSG.BADBR);
      min = 0;
    }
    if (min !== -2) max = st.tok === 'close' ? min : st.tok === ',' ? fetch() : -2;
    if (min === -2 || max === -2) {
      if (this.ere && this.grep) return null;
      this.fail(st.tok === 'end' ? MSG.EBRACE : MSG.BADBR);
    }
    if ((max !== -1 && min > max) || st.tok !== 'close') this.fail(MSG.BADBR);
    if ((max === -1 ? min : max) > DUP_MAX) this.fail(MSG.ESIZE);
    return [min, max, j];
  }

  literal(c: number): Node {
    const s = charSet(c);
    if (this.o.icase && otherCase(c) >= 0) s[otherCase(c)] = 1;
    return { t: 'set', set: s };
  }

  strip(s: CharSet): CharSet {
    if (this.o.eol !== undefined) s[this.o.eol] = 0;
    return s;
  }

  escapeClass(c: string): CharSet {
    const s = emptySet();
    const lower = c.toLowerCase();
    for (let b = 0; b < 256; b++) s[b] = (lower === 'w' ? isWordByte(b) : b === 32 || (b >= 9 && b <= 13)) ? 1 : 0;
    if (c !== lower) negateSet(s);
    return this.strip(s);
  }

  anchorKind(c: string): AssertKind {
    switch (c) {
      case '^': return 'bol';
      case '$': return 'eol';
      case '`': return 'bob';
      case '\'': return 'eob';
      case '<': return 'wbeg';
      case '>': return 'wend';
      case 'b': return 'wordb';
      default: return 'nwordb';
    }
  }
}

/** Parses one pattern; throws RegexSyntaxError with glibc's (or dfa's) message. */
export function parsePosix(pattern: string, o: PosixOptions): Parsed {
  const ps = new Parser(pattern, o);
  const ast = ps.parseAlt(0, true);
  if (ps.colonError) throw new RegexSyntaxError(MSG.COLON, true);
  if (o.warn) for (const w of ps.warnings) o.warn(w);
  return { ast, groups: ps.groups, backrefs: ps.backrefs, alternation: ps.alternation };
}

/** A fixed string as a tree (grep -F). */
export function literalTree(text: string, icase: boolean): Node {
  const items: Node[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const s = charSet(c);
    if (icase && otherCase(c) >= 0) s[otherCase(c)] = 1;
    items.push({ t: 'set', set: s });
  }
  return items.length === 1 ? items[0]! : { t: 'cat', items };
}

const W = 'A-Za-z0-9_';

function assertJs(kind: AssertKind, o: { eol?: number; multiline?: boolean }): string {
  const e = o.eol !== undefined ? jsChar(o.eol) : o.multiline ? '\\n' : undefined;
  switch (kind) {
    case 'bol': return e ? `(?<![^${e}])` : '(?<![\\s\\S])';
    case 'eol': return e ? `(?![^${e}])` : '(?![\\s\\S])';
    case 'bob': return o.eol !== undefined ? `(?<![^${e}])` : '(?<![\\s\\S])';
    case 'eob': return o.eol !== undefined ? `(?![^${e}])` : '(?![\\s\\S])';
    case 'wordb': return '\\b';
    case 'nwordb': return '\\B';
    case 'wbeg': return `\\b(?=[${W}])`;
    case 'wend': return `\\b(?<=[${W}])`;
    case 'nwbefore': return `(?<![${W}])`;
    case 'nwafter': return `(?![${W}])`;
  }
}

/** Whether a tree can match the empty string (a back-reference is taken to be able to). */
function nullable(n: Node): boolean {
  switch (n.t) {
    case 'set': return false;
    case 'cat': return n.items.every(nullable);
    case 'alt': return n.items.some(nullable);
    case 'group': return nullable(n.body);
    case 'rep': return n.min === 0 || nullable(n.body);
    case 'backref': return true;
    case 'assert': return true;
  }
}

/** The groups whose text is never empty once they matched. */
function solidGroups(n: Node, out = new Set<number>()): Set<number> {
  if (n.t === 'group' && !nullable(n.body)) out.add(n.index);
  if (n.t === 'cat' || n.t === 'alt') for (const c of n.items) solidGroups(c, out);
  else if (n.t === 'group' || n.t === 'rep') solidGroups(n.body, out);
  return out;
}

/** JavaScript source for a tree; group numbers are shifted by `groupBase`. */
export function toJs(node: Node, o: { eol?: number; multiline?: boolean; icase?: boolean }, groupBase = 0): string {
  // a reference to a group that took no part fails in glibc, where JavaScript's matches empty:
  // for a group that cannot match empty, took part = its text is not empty = somewhere ahead
  // (at the end, at least) that text does not start
  const solid = solidGroups(node);
  const rec = (n: Node): string => {
    switch (n.t) {
      case 'set': return jsSet(n.set, !!o.icase);
      case 'cat': return n.items.map(rec).join('');
      case 'alt': return n.items.map(rec).join('|');
      case 'group': return `(${rec(n.body)})`;
      case 'backref': {
        const ref = `\\${n.index + groupBase}`;
        // (up to the line's end for grep, whose buffer holds many lines)
        const ahead = o.eol !== undefined ? `[^${jsChar(o.eol)}]*` : '[\\s\\S]*';
        return solid.has(n.index) ? `(?:(?=${ahead}(?!${ref}))${ref})` : `(?:${ref})`;
      }
      case 'assert': return assertJs(n.kind, o);
      case 'rep': {
        const q = n.min === 0 && n.max < 0 ? '*' : n.min === 1 && n.max < 0 ? '+' : n.min === 0 && n.max === 1 ? '?' : n.max < 0 ? `{${n.min},}` : n.min === n.max ? `{${n.min}}` : `{${n.min},${n.max}}`;
        return `(?:${rec(n.body)})${q}`;
      }
    }
  };
  const body = rec(node);
  return node.t === 'alt' ? `(?:${body})` : body;
}
