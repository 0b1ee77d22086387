// popt's poptParseArgvString, which logrotate uses to split a block's file names, its
// compressoptions and the state file's lines: words split at white space, quotes group,
// backslashes protect the next character. undefined for an unclosed quote or no word at all.
export function parseArgvString(s: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let have = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    let c = s[i]!;
    if (quote) {
      if (c === quote) {
        quote = '';
        continue;
      }
      if (c === '\\') {
        i++;
        if (i >= s.length) return undefined;
        c = s[i]!;
        if (c !== quote) cur += '\\';
      }
      cur += c;
      continue;
    }
    if (/\s/.test(c)) {
      if (have) out.push(cur);
      cur = '';
      have = false;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      have = true;
      continue;
    }
    if (c === '\\') {
      i++;
      if (i >= s.length) return undefined;
      c = s[i]!;
    }
    cur += c;
    have = true;
  }
  if (quote) return undefined;
  if (have) out.push(cur);
  return out.length ? out : undefined;
}
