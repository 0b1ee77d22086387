// grep's matcher for patterns JavaScript's RegExp could backtrack on for ages (`(a*)*b` against
// a long line): the NFA of lib/regex-nfa.ts, linear in the text. Only the span is kept.
import { Nfa } from '../lib/regex-nfa';
import type { Node } from '../lib/posix-regex';
import type { Matcher } from './matcher';

export class LinearMatcher implements Matcher {
  private constructor(private readonly nfa: Nfa) {}

  /** undefined when the program would be too big (RegExp then runs it, as before). */
  static compile(ast: Node, eol: number, icase: boolean): LinearMatcher | undefined {
    const nfa = Nfa.compile(ast, 0, { eol, icase }, false);
    return nfa && new LinearMatcher(nfa);
  }

  find(s: string, from: number): number {
    return this.nfa.exec(s, from)?.index ?? -1;
  }

  match(s: string, from: number, lineEnd: number): [number, number] | null {
    const m = this.nfa.exec(s, from, lineEnd);
    return m ? [m.index, m.end] : null;
  }
}
