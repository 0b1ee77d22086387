// Running a parsed POSIX regular expression: JavaScript's RegExp finds the leftmost match
// (the start is the same under POSIX rules), and when the pattern has alternatives, where
// JavaScript takes the first that fits and POSIX the longest, a small set-of-positions
// simulation of the tree finds the longest end.
import { isWordByte } from './posix-charset';
import { parsePosix, toJs, type AssertKind, type Node, type Parsed, type PosixOptions } from './posix-regex';

export interface MatchEnv {
  eol?: number;
  multiline?: boolean;
  icase?: boolean;
}

export interface PosixMatch {
  index: number;
  end: number;
  /** Texts of groups 1..n (undefined when a group took no part). */
  groups: (string | undefined)[];
}

function assertAt(kind: AssertKind, s: string, i: number, env: MatchEnv): boolean {
  const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
  const next = i < s.length ? s.charCodeAt(i) : -1;
  const sep = env.eol !== undefined ? env.eol : env.multiline ? 10 : -2;
  const wordPrev = prev >= 0 && isWordByte(prev);
  const wordNext = next >= 0 && isWordByte(next);
  switch (kind) {
    case 'bol': return prev < 0 || prev === sep;
    case 'eol': return next < 0 || next === sep;
    case 'bob': return prev < 0 || (env.eol !== undefined && prev === env.eol);
    case 'eob': return next < 0 || (env.eol !== undefined && next === env.eol);
    case 'wordb': return wordPrev !== wordNext;
    case 'nwordb': return wordPrev === wordNext;
    case 'wbeg': return !wordPrev && wordNext;
    case 'wend': return wordPrev && !wordNext;
    case 'nwbefore': return !wordPrev;
    case 'nwafter': return !wordNext;
  }
}

/** Every position where `n` can end when it starts at `pos` (no back-references). */
function ends(n: Node, s: string, pos: number, env: MatchEnv): Set<number> {
  switch (n.t) {
    case 'set':
      return pos < s.length && n.set[s.charCodeAt(pos)] ? new Set([pos + 1]) : new Set();
    case 'assert':
      return assertAt(n.kind, s, pos, env) ? new Set([pos]) : new Set();
    case 'group':
      return ends(n.body, s, pos, env);
    case 'backref':
      return new Set();
    case 'alt': {
      const out = new Set<number>();
      for (const item of n.items) for (const e of ends(item, s, pos, env)) out.add(e);
      return out;
    }
    case 'cat': {
      let cur = new Set([pos]);
      for (const item of n.items) {
        const next = new Set<number>();
        for (const p of cur) for (const e of ends(item, s, p, env)) next.add(e);
        cur = next;
        if (cur.size === 0) break;
      }
      return cur;
    }
    case 'rep': {
      const out = new Set<number>();
      if (n.min === 0) out.add(pos);
      let frontier = new Set([pos]);
      const seen = new Set<number>(n.min === 0 ? [pos] : []);
      for (let k = 1; frontier.size > 0 && (n.max < 0 || k <= n.max); k++) {
        const next = new Set<number>();
        for (const p of frontier) {
          for (const e of ends(n.body, s, p, env)) {
            if (k >= n.min) {
              if (seen.has(e)) continue;
              seen.add(e);
              out.add(e);
            }
            next.add(e);
          }
        }
        frontier = next;
      }
      return out;
    }
  }
}

/** The longest end of a match of `ast` starting at `start`, or -1. */
export function longestEnd(ast: Node, s: string, start: number, env: MatchEnv): number {
  let best = -1;
  for (const e of ends(ast, s, start, env)) if (e > best) best = e;
  return best;
}

/** A compiled POSIX regular expression. */
export class PosixRegExp {
  readonly source: string;
  readonly re: RegExp;
  readonly groups: number;
  private readonly longest: boolean;

  constructor(
    readonly parsed: Parsed,
    readonly env: MatchEnv,
  ) {
    this.source = toJs(parsed.ast, env);
    this.re = new RegExp(this.source, env.icase ? 'gi' : 'g');
    this.groups = parsed.groups;
    this.longest = parsed.alternation && !parsed.backrefs;
  }

  static compile(pattern: string, o: PosixOptions): PosixRegExp {
    return new PosixRegExp(parsePosix(pattern, o), { eol: o.eol, multiline: o.multiline, icase: o.icase });
  }

  /** Whether there is a match at or after `from`. */
  test(s: string, from = 0): boolean {
    this.re.lastIndex = from;
    return this.re.test(s);
  }

  /** The leftmost-longest match at or after `from`. */
  exec(s: string, from = 0): PosixMatch | null {
    this.re.lastIndex = from;
    let m = this.re.exec(s);
    if (!m) return null;
    const index = m.index;
    let end = index + m[0].length;
    if (this.longest) {
      const e = longestEnd(this.parsed.ast, s, index, this.env);
      if (e > end) {
        end = e;
        if (this.groups > 0) {
          const exact = new RegExp(`(?:${this.source})(?<=^[\\s\\S]{${end}})`, this.env.icase ? 'yi' : 'y');
          exact.lastIndex = index;
          m = exact.exec(s) ?? m;
        }
      }
    }
    const groups: (string | undefined)[] = [];
    for (let g = 1; g <= this.groups; g++) groups.push(m[g]);
    return { index, end, groups };
  }
}
