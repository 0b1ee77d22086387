// The compiled patterns of one grep run. Matching runs over a whole buffer of lines at a
// time (the translation never lets a match cross a line end), so counting and selecting
// lines costs one RegExp scan; -o and --color ask for leftmost-longest matches in a line.
import { longestEnd } from '../lib/posix-match';
import { nestedRepetition } from '../lib/regex-nfa';
import { LinearMatcher } from './linear-matcher';
import { literalTree, parsePosix, RegexSyntaxError, toJs, type Node } from '../lib/posix-regex';
import { jsChar } from '../lib/posix-charset';
import type { GrepConfig } from './options';
import { KEEP, pcreToJs, PcreError } from './pcre';

export interface Matcher {
  /** Start index of the first match at or after `from`, or -1. */
  find(s: string, from: number): number;
  /** The leftmost-longest match in [from, lineEnd), for -o and --color. */
  match(s: string, from: number, lineEnd: number): [number, number] | null;
}

export interface CompileProblem {
  errors: string[];
  warnings: string[];
}

/** GNU grep's keys: every pattern split at newlines, with where each line came from. */
function patternLines(c: GrepConfig): { text: string; file: string; line: number }[] {
  const out: { text: string; file: string; line: number }[] = [];
  for (const p of c.patterns) {
    p.text.split('\n').forEach((text, i) => out.push({ text, file: p.file, line: i + 1 }));
  }
  return out;
}

class TreeMatcher implements Matcher {
  private readonly re: RegExp;
  private readonly longest: boolean;

  constructor(
    private readonly ast: Node,
    source: string,
    private readonly eol: number,
    icase: boolean,
    longest: boolean,
  ) {
    this.re = new RegExp(source, icase ? 'gi' : 'g');
    this.longest = longest;
  }

  find(s: string, from: number): number {
    this.re.lastIndex = from;
    const m = this.re.exec(s);
    return m ? m.index : -1;
  }

  match(s: string, from: number, lineEnd: number): [number, number] | null {
    this.re.lastIndex = from;
    const m = this.re.exec(s);
    if (!m || m.index > lineEnd) return null;
    let end = m.index + m[0].length;
    if (this.longest) end = Math.max(end, longestEnd(this.ast, s, m.index, { eol: this.eol }));
    return [m.index, end];
  }
}

/** -P: JavaScript's own syntax, best effort, matched line by line. */
class PerlMatcher implements Matcher {
  private readonly re: RegExp;

  constructor(
    source: string,
    flags: string,
    private readonly eol: string,
  ) {
    this.keep = source.includes(`(?<${KEEP}>)`);
    this.re = new RegExp(source, `${flags}g${this.keep ? 'd' : ''}`);
  }

  private readonly keep: boolean;

  find(s: string, from: number): number {
    let start = from;
    while (start < s.length) {
      let end = s.indexOf(this.eol, start);
      if (end < 0) end = s.length;
      const r = this.match(s, start, end);
      if (r) return r[0];
      start = end + 1;
    }
    return -1;
  }

  match(s: string, from: number, lineEnd: number): [number, number] | null {
    const lineStart = s.lastIndexOf(this.eol, from - 1) + 1;
    const line = s.slice(lineStart, lineEnd);
    this.re.lastIndex = from - lineStart;
    const m = this.re.exec(line);
    if (!m) return null;
    const start = this.keep ? (m.indices?.groups?.[KEEP]?.[0] ?? m.index) : m.index;
    return [lineStart + start, lineStart + m.index + m[0].length];
  }
}

const PCRE_MESSAGES: Record<string, string> = {
  'Unterminated group': 'missing closing parenthesis',
  "Unmatched ')'": 'unmatched closing parenthesis',
  'Nothing to repeat': 'quantifier does not follow a repeatable item',
  'Unterminated character class': 'missing terminating ] for character class',
  'Invalid group': 'unrecognized character after (? or (?-',
};

/** A JavaScript RegExp syntax error in PCRE2's words where they differ. */
function pcreMessage(e: unknown): string {
  if (e instanceof PcreError) return e.message;
  const text = e instanceof Error ? e.message : String(e);
  const m = /^Invalid regular expression: \/.*\/[a-z]*: (.*)$/s.exec(text);
  const reason = m ? m[1]! : text;
  return PCRE_MESSAGES[reason] ?? reason;
}

/** Compiles the patterns; throws a CompileProblem when grep would exit with status 2. */
export function compileMatcher(c: GrepConfig, warn: (w: string) => void): Matcher {
  const eol = c.nullData ? 0 : 10;
  const lines = patternLines(c);
  if (c.matcher === 'P') {
    if (lines.length > 1) throw { errors: ['the -P option only supports a single pattern'], warnings: [] } satisfies CompileProblem;
    try {
      const parts = lines.map((l) => pcreToJs(l.text, c.icase));
      let source = parts.length === 1 ? parts[0]!.source : parts.map((p) => `(?:${p.source})`).join('|');
      if (c.line) source = `^(?:${source})$`;
      else if (c.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
      const icase = parts.some((p) => p.flagI);
      return new PerlMatcher(source, icase ? 'i' : '', String.fromCharCode(eol));
    } catch (e) {
      const problem: CompileProblem = { errors: [pcreMessage(e)], warnings: [] };
      throw problem;
    }
  }
  const trees: Node[] = [];
  const sources: string[] = [];
  const errors: string[] = [];
  const dfaErrors: string[] = [];
  const warnings: string[] = [];
  let groupBase = 0;
  let backrefs = false;
  let alternation = lines.length > 1;
  const opts = { eol, icase: c.icase };
  for (const l of lines) {
    if (c.matcher === 'F') {
      const t = literalTree(l.text, c.icase);
      trees.push(t);
      sources.push(toJs(t, opts));
      continue;
    }
    try {
      const p = parsePosix(l.text, { extended: c.matcher === 'E', flavor: 'grep', icase: c.icase, eol, warn: (w) => warnings.push(w) });
      trees.push(p.ast);
      sources.push(toJs(p.ast, opts, groupBase));
      groupBase += p.groups;
      backrefs ||= p.backrefs;
      alternation ||= p.alternation;
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      const where = l.file ? `${l.file}:${l.line}: ` : '';
      (e.dfa ? dfaErrors : errors).push(e.dfa ? e.message : `${where}${e.message}`);
    }
  }
  if (errors.length > 0) throw { errors, warnings: [] } satisfies CompileProblem;
  for (const w of warnings) warn(w);
  if (dfaErrors.length > 0) throw { errors: dfaErrors.slice(0, 1), warnings: [] } satisfies CompileProblem;
  let ast: Node = trees.length === 1 ? trees[0]! : { t: 'alt', items: trees };
  let source = sources.length === 0 ? '[^\\s\\S]' : sources.length === 1 ? sources[0]! : sources.map((s) => `(?:${s})`).join('|');
  const e = jsChar(eol);
  if (c.line) {
    ast = { t: 'cat', items: [{ t: 'assert', kind: 'bol' }, ast, { t: 'assert', kind: 'eol' }] };
    source = `(?<![^${e}])(?:${source})(?![^${e}])`;
  } else if (c.word) {
    ast = { t: 'cat', items: [{ t: 'assert', kind: 'nwbefore' }, ast, { t: 'assert', kind: 'nwafter' }] };
    source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  }
  const linear = !backrefs && nestedRepetition(ast) ? LinearMatcher.compile(ast, eol, c.icase) : undefined;
  return linear ?? new TreeMatcher(ast, source, eol, c.icase, alternation && !backrefs);
}
