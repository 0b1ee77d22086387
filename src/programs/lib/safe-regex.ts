// A JavaScript RegExp made safe and POSIX: awk, find, expr, csplit, nl and tac translate their
// regular expressions to JavaScript source, and this reads that source back into the tree of
// posix-regex.ts so that the NFA of regex-nfa.ts can run it. A pattern on which RegExp could
// backtrack for ages (`(a*)*b`, see nestedRepetition) runs on the NFA only, in time linear in
// the text; one where RegExp's first choice may stop short (`a|ab`, `a?(ab)?`) runs on RegExp,
// which finds the leftmost start, and the NFA then finds the longest match from there, as
// POSIX (and GNU regex) asks. Everything else
// stays with RegExp alone, which is fastest. Only the subset of JavaScript syntax that those
// translators write is read; anything else (or a back-reference) leaves the pattern to RegExp.
import type { Node } from './posix-regex';
import { Nfa, nestedRepetition } from './regex-nfa';

class Unsupported extends Error {}

/** Characters above 255 share entry 256 of a set; above that the probes must agree. */
const WIDE_PROBES = [0x100, 0x17f, 0x39c, 0x2028, 0x3000, 0xfeff, 0xffff];

const setCache = new Map<string, { set: Uint8Array; uniform: boolean }>();

/** The characters one atom (a class, `.`, an escape) matches, found by asking RegExp itself. */
function probe(atom: string, flags: string): { set: Uint8Array; uniform: boolean } {
  const key = `${flags}/${atom}`;
  let r = setCache.get(key);
  if (r) return r;
  const re = new RegExp(`^(?:${atom})$`, flags);
  const set = new Uint8Array(257);
  for (let c = 0; c < 256; c++) set[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  const wide = WIDE_PROBES.map((c) => re.test(String.fromCharCode(c)));
  set[256] = wide[0] ? 1 : 0;
  r = { set, uniform: wide.every((w) => w === wide[0]) };
  if (setCache.size > 2000) setCache.clear();
  setCache.set(key, r);
  return r;
}

interface Tree {
  ast: Node;
  groups: number;
  backrefs: boolean;
  /** every set treats all characters above 255 alike */
  uniform: boolean;
  /** where the top-level `|` are in the source */
  tops: number[];
}

const HEX2 = /^[0-9a-fA-F]{2}$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const QUANT = /\{(\d+)(,(\d*))?\}/y;
// ^ and $ (no m flag) are 'bob' and 'eob', so that the NFA can run with newline anchors on
const IDIOMS: [string, Node][] = [
  ['(?<![^\\n])', { t: 'assert', kind: 'bol' }],
  ['(?![^\\n])', { t: 'assert', kind: 'eol' }],
  ['\\b(?=\\w)', { t: 'assert', kind: 'wbeg' }],
  ['\\b(?<=\\w)', { t: 'assert', kind: 'wend' }],
  ['(?<![^])', { t: 'assert', kind: 'bob' }],
  ['(?<![\\s\\S])', { t: 'assert', kind: 'bob' }],
  ['(?![^])', { t: 'assert', kind: 'eob' }],
  ['(?![\\s\\S])', { t: 'assert', kind: 'eob' }],
];

/** Reads JavaScript regex source (the translators' subset) into a tree; throws Unsupported. */
function parseJs(src: string, flags: string): Tree {
  const fl = flags.replace(/[gymd]/g, '');
  const icase = fl.includes('i');
  let i = 0;
  let groups = 0;
  let backrefs = false;
  let uniform = true;
  let depth = 0;
  const tops: number[] = [];
  const setNode = (atom: string): Node => {
    const p = probe(atom, fl);
    if (!p.uniform) uniform = false;
    return { t: 'set', set: p.set };
  };
  const literal = (code: number): Node => {
    if (code > 255) throw new Unsupported();
    return setNode(`\\x${code.toString(16).padStart(2, '0')}`);
  };
  const atom = (): Node => {
    for (const [text, node] of IDIOMS) {
      if (src.startsWith(text, i)) {
        i += text.length;
        return node;
      }
    }
    const c = src[i]!;
    if (c === '(') {
      if (src.startsWith('(?:', i)) {
        i += 3;
        const body = inner();
        if (src[i] !== ')') throw new Unsupported();
        i++;
        return body;
      }
      if (src[i + 1] === '?') throw new Unsupported();
      i++;
      const index = ++groups;
      const body = inner();
      if (src[i] !== ')') throw new Unsupported();
      i++;
      return { t: 'group', index, body };
    }
    if (c === '[') {
      let j = i + 1;
      if (src[j] === '^') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new Unsupported();
      const text = src.slice(i, j + 1);
      i = j + 1;
      return setNode(text);
    }
    if (c === '.') {
      i++;
      return setNode('.');
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert', kind: c === '^' ? 'bob' : 'eob' };
    }
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === '|') throw new Unsupported();
    if (c !== '\\') {
      i++;
      return literal(c.charCodeAt(0));
    }
    const d = src[i + 1];
    if (d === undefined) throw new Unsupported();
    i += 2;
    if (d >= '1' && d <= '9') {
      backrefs = true;
      return { t: 'backref', index: d.charCodeAt(0) - 48 };
    }
    switch (d) {
      case 'b': return { t: 'assert', kind: 'wordb' };
      case 'B': return { t: 'assert', kind: 'nwordb' };
      case 'w': case 'W': case 's': case 'S': case 'd': case 'D':
        return setNode(`\\${d}`);
      case 'n': return literal(10);
      case 't': return literal(9);
      case 'r': return literal(13);
      case 'f': return literal(12);
      case 'v': return literal(11);
      case '0':
        if (/[0-9]/.test(src[i] ?? '')) throw new Unsupported();
        return literal(0);
      case 'x':
        if (!HEX2.test(src.slice(i, i + 2))) throw new Unsupported();
        i += 2;
        return literal(parseInt(src.slice(i - 2, i), 16));
      case 'u':
        if (!HEX4.test(src.slice(i, i + 4))) throw new Unsupported();
        i += 4;
        return literal(parseInt(src.slice(i - 4, i), 16));
      case 'c': case 'k': case 'p': case 'P':
        throw new Unsupported();
      default:
        return literal(d.charCodeAt(0));
    }
  };
  const quantified = (): Node => {
    let node = atom();
    for (;;) {
      const c = src[i];
      let min: number;
      let max: number;
      if (c === '*' || c === '+' || c === '?') {
        min = c === '+' ? 1 : 0;
        max = c === '?' ? 1 : -1;
        i++;
      } else if (c === '{') {
        QUANT.lastIndex = i;
        const m = QUANT.exec(src);
        if (!m) return node;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        i += m[0].length;
      } else return node;
      if (src[i] === '?' || node.t === 'assert') throw new Unsupported();
      node = { t: 'rep', min, max, body: node };
    }
  };
  const branch = (): Node => {
    const items: Node[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') items.push(quantified());
    return items.length === 1 ? items[0]! : { t: 'cat', items };
  };
  const inner = (): Node => {
    depth++;
    const body = alt();
    depth--;
    return body;
  };
  const alt = (): Node => {
    const items = [branch()];
    while (src[i] === '|') {
      if (depth === 0) tops.push(i);
      i++;
      items.push(branch());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  };
  const ast = alt();
  if (i < src.length) throw new Unsupported();
  return { ast, groups, backrefs, uniform, tops };
}

/** The length every match of `n` has, or -1 when it varies. */
function width(n: Node): number {
  switch (n.t) {
    case 'set': return 1;
    case 'assert': return 0;
    case 'backref': return -1;
    case 'group': return width(n.body);
    case 'rep': {
      const w = width(n.body);
      return w === 0 ? 0 : w < 0 || n.min !== n.max ? -1 : w * n.min;
    }
    case 'cat': {
      let sum = 0;
      for (const item of n.items) {
        const w = width(item);
        if (w < 0) return -1;
        sum += w;
      }
      return sum;
    }
    case 'alt': {
      const w = width(n.items[0]!);
      return n.items.every((item) => width(item) === w) ? w : -1;
    }
  }
}

/** Whether every match of `n` is one character, with no assertion on the way. */
function oneChar(n: Node): boolean {
  switch (n.t) {
    case 'set': return true;
    case 'group': return oneChar(n.body);
    case 'alt': return n.items.every(oneChar);
    case 'cat': return n.items.length === 1 && oneChar(n.items[0]!);
    default: return false;
  }
}

/**
 * Whether RegExp's first choice could end before the longest match: an alternation whose
 * alternatives differ in length (`a|ab`), or a variable repetition of something longer than
 * one character (`a?(ab)?` takes "a" of "ab"). Greedy repetitions of single characters and
 * alternatives of one same length (`a|b`, `(ab|cd)`) always reach the longest end.
 */
function mayEndEarly(n: Node): boolean {
  switch (n.t) {
    case 'alt': return width(n) < 0 || n.items.some(mayEndEarly);
    case 'group': return mayEndEarly(n.body);
    case 'rep': return (n.min !== n.max && !oneChar(n.body)) || mayEndEarly(n.body);
    case 'cat': return n.items.some(mayEndEarly);
    default: return false;
  }
}

export interface SafeMatch {
  index: number;
  end: number;
  /** texts of groups 1..n (undefined when a group took no part) */
  groups: (string | undefined)[];
  /** start offsets of groups 1..n, when known (-1: no part) */
  starts?: number[];
}

const WIDE = /[^\x00-\xff]/;

/** `(?<![^\n])` and `(?![^\n])` are 'bol' and 'eol': next to a newline too. */
const NEWLINE = { multiline: true };

/** A RegExp that cannot run away and finds POSIX's leftmost-longest match. */
export class SafeRegExp {
  /** JavaScript's engine for the same pattern (global, so that a search can start anywhere) */
  readonly re: RegExp;
  readonly groups: number;
  /** the only engine for a pattern that could backtrack badly */
  private readonly nfa: Nfa | undefined;
  /** a pattern RegExp may stop short on (mayEndEarly): the longest match at its start */
  private readonly longest: Nfa | undefined;
  private readonly uniform: boolean;
  /** the top-level alternatives (sticky), when trying each gives the longest match */
  private readonly alternatives: RegExp[] | undefined;

  private sticky: RegExp | undefined;

  constructor(readonly source: string, private readonly flags = '') {
    this.re = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
    let tree: Tree | undefined;
    // no group, no alternative and not three repetitions: RegExp alone does it right and fast
    // (awk compiles a dynamic regex per record at times: no parse then)
    const plain = !/[(|]/.test(source) && (source.match(/[*+}]/g)?.length ?? 0) < 3;
    try {
      if (!plain) tree = parseJs(source, flags);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
    this.groups = tree?.groups ?? 0;
    this.uniform = tree?.uniform ?? true;
    if (tree && !tree.backrefs && !flags.includes('m')) {
      if (nestedRepetition(tree.ast)) this.nfa = Nfa.compile(tree.ast, tree.groups, NEWLINE);
      else if (tree.ast.t === 'alt' && tree.tops.length === tree.ast.items.length - 1 && tree.groups === 0 && !tree.ast.items.some(mayEndEarly)) {
        // alternatives RegExp gets right one by one: the longest of them, each tried where
        // RegExp's match starts (cheaper than the NFA, and awk's `foo|bar` is common)
        const cuts = [-1, ...tree.tops, source.length];
        const sticky = `${flags.replace(/[gy]/g, '')}y`;
        if (width(tree.ast) < 0) this.alternatives = cuts.slice(1).map((end, k) => new RegExp(source.slice(cuts[k]! + 1, end), sticky));
      } else if (mayEndEarly(tree.ast)) this.longest = Nfa.compile(tree.ast, tree.groups, NEWLINE);
    }
  }

  /** Whether RegExp alone runs this pattern and its first match is the longest one. */
  get plain(): boolean {
    return this.nfa === undefined && this.longest === undefined && this.alternatives === undefined;
  }

  /** Whether the linear engine runs this pattern (for tests). */
  get linear(): boolean {
    return this.nfa !== undefined;
  }

  private lastText: string | undefined;
  private lastFits = true;

  private fits(s: string): boolean {
    if (this.uniform) return true;
    // awk searches one record buffer again and again: look at it once
    if (s !== this.lastText) {
      this.lastText = s;
      this.lastFits = !WIDE.test(s);
    }
    return this.lastFits;
  }

  test(s: string, from = 0): boolean {
    if (this.nfa && this.fits(s)) return this.nfa.test(s, from);
    this.re.lastIndex = from;
    return this.re.test(s);
  }

  /** The end of the longest match that starts at `at`, or -1. */
  matchAt(s: string, at: number): number {
    const nfa = this.nfa ?? this.longest;
    if (nfa && this.fits(s)) return nfa.longestEnd(s, at);
    if (this.alternatives) {
      let end = -1;
      for (const alt of this.alternatives) {
        alt.lastIndex = at;
        const a = alt.exec(s);
        if (a && at + a[0].length > end) end = at + a[0].length;
      }
      return end;
    }
    this.sticky ??= new RegExp(this.source, `${this.flags.replace(/[gy]/g, '')}y`);
    this.sticky.lastIndex = at;
    const m = this.sticky.exec(s);
    return m ? at + m[0].length : -1;
  }

  /** with the d flag, for the groups' offsets */
  private withIndices: RegExp | undefined;

  /** The leftmost-longest match at or after `from`; `starts`: with the groups' offsets. */
  exec(s: string, from = 0, starts = false): SafeMatch | null {
    if (this.nfa && this.fits(s)) {
      const sp = this.nfa.span(s, from);
      if (!sp) return null;
      if (this.groups === 0) return { index: sp[0], end: sp[1], groups: [] };
      const m = this.nfa.exec(s, sp[0], sp[0]);
      return m && this.fromNfa(s, m.index, m.end, m.caps);
    }
    const re = starts && this.groups > 0 ? (this.withIndices ??= new RegExp(this.source, `${this.re.flags}d`)) : this.re;
    re.lastIndex = from;
    const m = re.exec(s);
    if (!m) return null;
    let end = m.index + m[0].length;
    if (this.alternatives) {
      for (const alt of this.alternatives) {
        alt.lastIndex = m.index;
        const a = alt.exec(s);
        if (a && m.index + a[0].length > end) end = m.index + a[0].length;
      }
      return { index: m.index, end, groups: [] };
    }
    if (this.longest && this.fits(s)) {
      const e = this.longest.longestEnd(s, m.index);
      if (e > end) {
        if (this.groups === 0) return { index: m.index, end: e, groups: [] };
        const l = this.longest.exec(s, m.index, m.index);
        if (l) return this.fromNfa(s, l.index, l.end, l.caps);
      }
    }
    const groups: (string | undefined)[] = [];
    for (let g = 1; g < m.length; g++) groups.push(m[g]);
    if (!m.indices) return { index: m.index, end, groups };
    return { index: m.index, end, groups, starts: groups.map((_, g) => m.indices![g + 1]?.[0] ?? -1) };
  }

  private fromNfa(s: string, index: number, end: number, caps: Int32Array): SafeMatch {
    const groups: (string | undefined)[] = [];
    const starts: number[] = [];
    for (let g = 0; g < this.groups; g++) {
      const a = caps[2 * g]!;
      const b = caps[2 * g + 1]!;
      const took = a >= 0 && b >= 0;
      groups.push(took ? s.slice(a, b) : undefined);
      starts.push(took ? a : -1);
    }
    return { index, end, groups, starts };
  }
}
