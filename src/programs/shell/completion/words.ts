// The command line as programmable completion sees it (bash's bashline.c and pcomplete.c):
// the current command (COMP_LINE, from the last command separator before the cursor to the
// next one after it), the cursor in it (COMP_POINT), its words split at the characters of
// COMP_WORDBREAKS outside quotes (COMP_WORDS, COMP_CWORD), and the word being completed.

export const DEFAULT_WORDBREAKS = ' \t\n"\'@><=;|&(:';

/** Characters that end a command for completion purposes (bash's COMMAND_SEPARATORS). */
const SEPARATORS = ';|&{(`\n';

/** Reserved words after which the next word is a command name. */
const LEADERS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{', 'exec', 'command', 'sudo']);

export interface CompLine {
  /** COMP_LINE and COMP_POINT. */
  line: string;
  point: number;
  /** COMP_WORDS and COMP_CWORD. */
  words: string[];
  cword: number;
  /** The word being completed, up to the cursor, and where it starts in `line`; the word before ($3). */
  cur: string;
  curStart: number;
  prev: string;
  /** The command word (undefined when the cursor is in it: command-name completion). */
  command: string | undefined;
  /** The cursor is in the first word of the command. */
  inCommand: boolean;
}

/** Index just past a quoted span starting at `i` (a quote or backslash), or the end. */
function skipQuoted(s: string, i: number): number {
  const q = s[i]!;
  if (q === '\\') return Math.min(s.length, i + 2);
  const close = s.indexOf(q, i + 1);
  return close < 0 ? s.length : close + 1;
}

/** Where the command around `cursor` starts and ends in `full`. */
function commandBounds(full: string, cursor: number): [number, number] {
  let start = 0;
  let i = 0;
  while (i < cursor) {
    const c = full[i]!;
    if (c === '"' || c === "'" || c === '\\') {
      i = skipQuoted(full, i);
      continue;
    }
    // `${` opens a parameter, not a group
    if ((SEPARATORS.includes(c) && !(c === '{' && full[i - 1] === '$')) || (c === '$' && full[i + 1] === '(')) start = i + (c === '$' ? 2 : 1);
    i++;
  }
  let end = cursor;
  while (end < full.length) {
    const c = full[end]!;
    if (c === '"' || c === "'" || c === '\\') {
      end = skipQuoted(full, end);
      continue;
    }
    if ((SEPARATORS.includes(c) && !(c === '{' && full[end - 1] === '$')) || c === ')') break;
    end++;
  }
  return [start, Math.min(end, full.length)];
}

interface Span {
  text: string;
  start: number;
  end: number;
}

/** Splits at blanks and word-break characters outside quotes (a run of break characters is one word). */
function splitWords(line: string, breaks: string): Span[] {
  const spans: Span[] = [];
  const blank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n';
  const isBreak = (c: string): boolean => breaks.includes(c) && !blank(c) && c !== '"' && c !== "'";
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (blank(c) || (breaks.includes(c) && blank(c))) {
      i++;
      continue;
    }
    const start = i;
    if (isBreak(c)) {
      while (i < line.length && isBreak(line[i]!)) i++;
    } else {
      while (i < line.length) {
        const d = line[i]!;
        if (d === '"' || d === "'" || d === '\\') {
          i = skipQuoted(line, i);
          continue;
        }
        if (blank(d) || isBreak(d)) break;
        i++;
      }
    }
    spans.push({ text: line.slice(start, i), start, end: i });
  }
  return spans;
}

export function analyseLine(full: string, cursor: number, breaks = DEFAULT_WORDBREAKS): CompLine {
  let [start, end] = commandBounds(full, cursor);
  // skip reserved words that put the next word in command position (`if foo`, `! cmd`)
  for (;;) {
    while (start < cursor && /\s/.test(full[start]!)) start++;
    const m = /^(\S+)\s/.exec(full.slice(start, cursor));
    if (!m || !LEADERS.has(m[1]!)) break;
    start += m[1]!.length;
  }
  const line = full.slice(start, end);
  const point = cursor - start;
  const spans = splitWords(line, breaks);
  let cword = spans.findIndex((s) => point >= s.start && point <= s.end);
  let curStart = point;
  let afterBreak = false;
  if (cword < 0) {
    // the cursor is between words: completing a new, empty word there
    cword = spans.filter((s) => s.end < point).length;
    spans.splice(cword, 0, { text: '', start: point, end: point });
  } else {
    const span = spans[cword]!;
    // right after `=` or `:` (a word of break characters) readline completes an empty word,
    // though COMP_CWORD still names the break characters
    afterBreak = point === span.end && [...span.text].every((c) => breaks.includes(c));
    curStart = afterBreak ? point : span.start;
  }
  const words = spans.map((s) => s.text);
  const cur = line.slice(curStart, point);
  // the command word: the first blank-separated one that is not an assignment
  const plain = splitWords(line, ' \t\n');
  let first = 0;
  while (first < plain.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(plain[first]!.text) && plain[first]!.end < point) first++;
  const cmd = plain[first];
  const inCommand = cmd === undefined || point <= cmd.end;
  const prev = words[cword - 1] ?? '';
  return { line, point, words, cword, cur, curStart: curStart + start, prev, command: inCommand ? undefined : cmd.text, inCommand };
}

/** A word with its quotes and backslashes removed (for matching file names). */
export function dequote(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === '\\') {
      if (i + 1 < word.length) out += word[++i];
      continue;
    }
    if (c === "'" || c === '"') {
      const close = word.indexOf(c, i + 1);
      const endAt = close < 0 ? word.length : close;
      out += word.slice(i + 1, endAt);
      i = endAt;
      continue;
    }
    out += c;
  }
  return out;
}

/** Characters readline quotes in file names it inserts (bash's filename_bstab). */
const FILENAME_SPECIAL = ' \t\n\\"\'@<>=;|&()#$`?*[!:{~';

/** A file name quoted for insertion: backslashes, or within the quote the word opened. */
export function quoteFilename(name: string, openQuote: string | undefined): string {
  if (openQuote === "'") return name.replace(/'/g, "'\\''");
  if (openQuote === '"') return name.replace(/(["\\$`])/g, '\\$1');
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (FILENAME_SPECIAL.includes(c) && !(c === '~' && i > 0)) out += '\\';
    out += c;
  }
  return out;
}
