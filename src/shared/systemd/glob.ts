// fnmatch(3) with FNM_NOESCAPE, as systemd matches unit names against patterns (preset rules,
// list-unit-files arguments): '*', '?', and bracket expressions with ranges and '!'/'^'.

/** Does `name` match `pattern`? Iterative, so a long pattern cannot blow the stack. */
export function fnmatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = p++;
      starN = n;
      continue;
    }
    if (c !== undefined) {
      const m = matchOne(pattern, p, name[n]!);
      if (m > 0) {
        p += m;
        n++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    n = ++starN;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Length of the pattern element at p if it matches ch, else 0. */
function matchOne(pattern: string, p: number, ch: string): number {
  const c = pattern[p]!;
  if (c === '?') return 1;
  if (c !== '[') return c === ch ? 1 : 0;
  let i = p + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < pattern.length && (first || pattern[i] !== ']')) {
    first = false;
    const lo = pattern[i]!;
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      const hi = pattern[i + 2]!;
      if (ch >= lo && ch <= hi) matched = true;
      i += 3;
    } else {
      if (ch === lo) matched = true;
      i++;
    }
  }
  // an unterminated '[' is an ordinary character
  if (i >= pattern.length) return ch === '[' ? 1 : 0;
  return matched !== negate ? i + 1 - p : 0;
}
