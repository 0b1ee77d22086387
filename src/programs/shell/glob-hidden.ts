// Which names starting with a dot a pattern may match when dotglob is off: a leading dot must be
// matched by a literal dot. A pattern that starts with an extglob group is looked into: the
// name is shown if one of the group's alternatives starts with a dot, or if the group may match
// nothing (`*(...)`, `?(...)`) and what follows it starts with one (bash's extglob_skipname);
// a negation never shows it.

const GROUP = /^[?*+@!]\(/;

/** The index just past the `)` closing the group opened at `open` (its `(`), or -1. */
function groupEnd(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close > 0) i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The group's alternatives, split at its own `|`s. */
function alternatives(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\') {
      cur += c + (inner[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Whether `pat` (one path component) leaves out a name that starts with a dot. */
export function hidesDotName(pat: string, extglob: boolean): boolean {
  if (!extglob || !GROUP.test(pat)) return !(pat.startsWith('.') || pat.startsWith('\\.'));
  // a leading !(...) never matches the dot (fnmatch's FNM_PERIOD, even for negation)
  if (pat[0] === '!') return true;
  const end = groupEnd(pat, 1);
  if (end < 0) return false;
  const alts = alternatives(pat.slice(2, end - 1));
  if (alts.some((a) => !hidesDotName(a, extglob))) return false;
  const rest = pat.slice(end);
  if (rest !== '' && (pat[0] === '*' || pat[0] === '?')) return hidesDotName(rest, extglob);
  return true;
}
