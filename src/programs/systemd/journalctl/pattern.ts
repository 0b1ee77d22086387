// journalctl --grep: the pattern is a PCRE2 regular expression; when it does not compile,
// journalctl names PCRE2's reason. The common mistakes are told apart here with PCRE2's
// wording; anything else gets the one for an unclosed group.

/** PCRE2's complaint about `p`, if a scan finds one. */
function pcre2Problem(p: string): string | undefined {
  let depth = 0;
  // whether the previous item can take a quantifier
  let repeatable = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      if (i + 1 >= p.length) return '\\ at end of pattern';
      i++;
      repeatable = true;
      continue;
    }
    if (c === '[') {
      // a "]" right after "[" or "[^" is a member, not the end
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      if (j >= p.length) return 'missing terminating ] for character class';
      i = j;
      repeatable = true;
      continue;
    }
    if (c === '(') {
      depth++;
      repeatable = false;
      // "(?" options and the like
      if (p[i + 1] === '?') i++;
      continue;
    }
    if (c === ')') {
      if (depth === 0) return 'unmatched closing parenthesis';
      depth--;
      repeatable = true;
      continue;
    }
    if (c === '|') {
      repeatable = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (!repeatable) return 'quantifier does not follow a repeatable item';
      // a possessive or lazy mark after a quantifier
      if (p[i + 1] === '+' || p[i + 1] === '?') i++;
      repeatable = false;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
      if (m && m[1] !== '') {
        if (!repeatable) return 'quantifier does not follow a repeatable item';
        if (m[1] !== '' && m[3] !== undefined && m[3] !== '' && Number(m[1]) > Number(m[3])) return 'numbers out of order in {} quantifier';
        i += m[0].length - 1;
        repeatable = false;
        continue;
      }
    }
    repeatable = !(c === '^' || c === '$');
  }
  return depth > 0 ? 'missing closing parenthesis' : undefined;
}

/**
 * The pattern compiled (case-insensitive when `caseless`), or journalctl's complaint.
 */
export function compileGrep(g: string, caseless: boolean): RegExp | string {
  const problem = pcre2Problem(g);
  if (problem) return `Bad pattern "${g}": ${problem}`;
  // a leading "(?i)" is PCRE2's way to ignore case
  const inline = /^\(\?i\)/.exec(g);
  try {
    return new RegExp(inline ? g.slice(inline[0].length) : g, caseless || inline ? 'i' : '');
  } catch {
    return `Bad pattern "${g}": missing closing parenthesis`;
  }
}
