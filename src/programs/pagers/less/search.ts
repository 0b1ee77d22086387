// less's searches: /pattern forward and ?pattern backward as extended regular expressions,
// starting from the line after (or before) the top line; -i ignores case unless the pattern
// has capitals, -I always does.
import { gnuRegexSource, RegexError } from '../../lib/gnu-regex';
import { SafeRegExp } from '../../lib/safe-regex';
import type { LessOptions } from './options';
import { searchText } from './render';
import type { View } from './view';

export function compilePattern(text: string, o: LessOptions): SafeRegExp | string {
  const icase = o.ignoreCase === 'always' || (o.ignoreCase === 'smart' && text === text.toLowerCase());
  try {
    return new SafeRegExp(gnuRegexSource(text, 'extended'), icase ? 'i' : '');
  } catch (e) {
    if (e instanceof RegexError) return e.message;
    throw e;
  }
}

/** Moves the view to the `count`-th line matching `re`; false when there is none. */
export async function find(view: View, re: SafeRegExp, forward: boolean, count: number): Promise<boolean> {
  const src = view.src;
  let line = view.top.line;
  let left = Math.max(1, count);
  for (let guard = 0; guard < 50_000_000; guard++) {
    line += forward ? 1 : -1;
    if (line < 0) return false;
    await src.ensure(line, view.stop);
    if (line >= src.lines.length) return false;
    if (view.stop()) return false;
    if (guard % 1024 === 0) await src.tick();
    if (re.test(searchText(src.lines[line]!)) && --left === 0) {
      view.top = { line, sub: 0 };
      return true;
    }
  }
  return false;
}
