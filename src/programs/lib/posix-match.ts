// Running a parsed POSIX regular expression: JavaScript's RegExp finds the leftmost match
// (the start is the same under POSIX rules), and when the pattern has alternatives, where
// JavaScript takes the first that fits and POSIX the longest, a small set-of-positions
// simulation of the tree finds the longest end. A pattern on which RegExp could backtrack for
// ages (`(a*)*b`) runs on the NFA of regex-nfa.ts instead, in time linear in the text.
import { parsePosix, toJs, type Node, type Parsed, type PosixOptions } from './posix-regex';
import { assertAt, Nfa, nestedRepetition, type NfaEnv } from './regex-nfa';

/** Where ^ and $ match and whether case counts: the NFA's environment, the same for both engines. */
export type MatchEnv = NfaEnv;

export interface PosixMatch {
  index: number;
  end: number;
  /** Texts of groups 1..n (undefined when a group took no part). */
  groups: (string | undefined)[];
  /** Where groups 1..n start and end, when asked for (exec's `spans`). */
  spans?: ([number, number] | undefined)[];
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
  /** the linear-time engine, for patterns RegExp could take exponential time on */
  private readonly nfa: Nfa | undefined;
  /** The same with match indices (the `d` flag), made when first asked for. */
  private reSpans: RegExp | undefined;

  constructor(
    readonly parsed: Parsed,
    readonly env: MatchEnv,
  ) {
    this.source = toJs(parsed.ast, env);
    this.re = new RegExp(this.source, env.icase ? 'gi' : 'g');
    this.groups = parsed.groups;
    this.longest = parsed.alternation && !parsed.backrefs;
    this.nfa = !parsed.backrefs && nestedRepetition(parsed.ast) ? Nfa.compile(parsed.ast, parsed.groups, env) : undefined;
  }

  static compile(pattern: string, o: PosixOptions): PosixRegExp {
    return new PosixRegExp(parsePosix(pattern, o), { eol: o.eol, multiline: o.multiline, icase: o.icase });
  }

  /** Whether there is a match at or after `from`. */
  test(s: string, from = 0): boolean {
    if (this.nfa) return this.nfa.exec(s, from) !== null;
    this.re.lastIndex = from;
    return this.re.test(s);
  }

  /** The leftmost-longest match at or after `from` (with `spans`, where its groups are too). */
  exec(s: string, from = 0, spans = false): PosixMatch | null {
    if (this.nfa) {
      const m = this.nfa.exec(s, from);
      if (!m) return null;
      const groups: (string | undefined)[] = [];
      const at: ([number, number] | undefined)[] = [];
      for (let g = 0; g < this.groups; g++) {
        const a = m.caps[2 * g]!;
        const b = m.caps[2 * g + 1]!;
        groups.push(a >= 0 && b >= 0 ? s.slice(a, b) : undefined);
        at.push(a >= 0 && b >= 0 ? [a, b] : undefined);
      }
      return spans ? { index: m.index, end: m.end, groups, spans: at } : { index: m.index, end: m.end, groups };
    }
    const re = spans ? (this.reSpans ??= new RegExp(this.source, this.env.icase ? 'gid' : 'gd')) : this.re;
    re.lastIndex = from;
    let m = re.exec(s);
    if (!m) return null;
    const index = m.index;
    let end = index + m[0].length;
    if (this.longest) {
      const e = longestEnd(this.parsed.ast, s, index, this.env);
      if (e > end) {
        end = e;
        if (this.groups > 0) {
          const exact = new RegExp(`(?:${this.source})(?<=^[\\s\\S]{${end}})`, (this.env.icase ? 'yi' : 'y') + (spans ? 'd' : ''));
          exact.lastIndex = index;
          m = exact.exec(s) ?? m;
        }
      }
    }
    const groups: (string | undefined)[] = [];
    for (let g = 1; g <= this.groups; g++) groups.push(m[g]);
    if (!spans) return { index, end, groups };
    const at: ([number, number] | undefined)[] = [];
    for (let g = 1; g <= this.groups; g++) at.push(m.indices?.[g]);
    return { index, end, groups, spans: at };
  }
}
