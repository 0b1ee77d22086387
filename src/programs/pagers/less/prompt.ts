// less's prompt language (the -P strings): %x substitutes a value, ?x...:...  picks text when
// a value is known, `.` ends a condition, backslash quotes the next character. A position
// letter after b, d, l, p, P names the line it is about: t top, m middle, b bottom, B the
// line after the bottom, j the jump target (the top here).

/** The default prompts of less 608 (prompt.c), which -P replaces. */
export const PROTOS = {
  s: '?n?f%f .?m(%T %i of %m) ..?e(END) ?x- Next\\: %x..%t',
  m: '?n?f%f .?m(%T %i of %m) ..?e(END) ?x- Next\\: %x.:?pB%pB\\%:byte %bB?s/%s...%t',
  M: '?f%f .?n?m(%T %i of %m) ..?ltlines %lt-%lb?L/%L. :byte %bB?s/%s. .?e(END) ?x- Next\\: %x.:?pB%pB\\%..%t',
  '=': '?f%f .?m(%T %i of %m) .?ltlines %lt-%lb?L/%L. .byte %bB?s/%s. ?e(END) :?pB%pB\\%..%t',
  h: 'HELP -- ?eEND -- Press g to see it again:Press RETURN for more., or q when done',
};

export interface PromptInfo {
  file: string | undefined;
  index: number;
  count: number;
  next: string | undefined;
  /** 1-based line numbers at the top and bottom of the screen. */
  topLine: number;
  bottomLine: number;
  /** Number of lines, known once the whole input has been read. */
  lines: number | undefined;
  /** Byte offset just past the bottom line, and the input's size when known. */
  bottomByte: number;
  size: number | undefined;
  eof: boolean;
  newFile: boolean;
}

type Value = string | undefined;

function value(info: PromptInfo, letter: string, where: string): Value {
  const pos = where === 'b' || where === 'B' ? info.bottomLine : where === 'm' ? Math.floor((info.topLine + info.bottomLine) / 2) : info.topLine;
  switch (letter) {
    case 'b': return where === 'B' || where === 'b' ? String(info.bottomByte) : undefined;
    case 'B': case 's': return info.size === undefined ? undefined : String(info.size);
    case 'f': return info.file;
    case 'F': return info.file?.slice(info.file.lastIndexOf('/') + 1);
    case 'i': return String(info.index + 1);
    case 'm': return String(info.count);
    case 'l': return String(pos);
    case 'L': return info.lines === undefined ? undefined : String(info.lines);
    case 'p': return info.size ? String(Math.floor((info.bottomByte * 100) / info.size)) : info.size === 0 ? '100' : undefined;
    case 'P': return info.lines ? String(Math.floor((pos * 100) / info.lines)) : undefined;
    case 'T': return 'file';
    case 'x': return info.next;
    case 'c': return '1';
    case 'd': case 'D': return undefined;
    default: return undefined;
  }
}

function condition(info: PromptInfo, letter: string, where: string, soFar: string): boolean {
  switch (letter) {
    case 'a': return soFar.length > 0;
    case 'e': return info.eof;
    case 'f': return info.file !== undefined;
    case 'm': return info.count > 1;
    case 'n': return info.newFile;
    case 'x': return info.next !== undefined;
    default: return value(info, letter, where) !== undefined;
  }
}

const POSITIONAL = new Set(['b', 'd', 'l', 'p', 'P']);

/** Evaluates a prompt string; `%t` strips trailing spaces. */
export function evalPrompt(proto: string, info: PromptInfo): string {
  let out = '';
  let i = 0;
  const where = (letter: string): string => {
    if (POSITIONAL.has(letter) && 'tmbBj'.includes(proto[i] ?? '') && proto[i] !== undefined) return proto[i++]!;
    return 't';
  };
  /** Skips to the `:` or `.` closing the current condition (nested ones included). */
  const skip = (stopAtElse: boolean): void => {
    let depth = 0;
    while (i < proto.length) {
      const c = proto[i++]!;
      if (c === '\\') i++;
      else if (c === '?') {
        depth++;
        i++;
        if (POSITIONAL.has(proto[i - 1]!) && 'tmbBj'.includes(proto[i] ?? '') && proto[i] !== undefined) i++;
      } else if (c === '.' && depth === 0) return;
      else if (c === '.') depth--;
      else if (c === ':' && depth === 0 && stopAtElse) return;
    }
  };
  for (let guard = 0; i < proto.length && guard < 10_000; guard++) {
    const c = proto[i++]!;
    if (c === '\\') {
      out += proto[i++] ?? '';
    } else if (c === '%') {
      const letter = proto[i++] ?? '';
      if (letter === 't') out = out.replace(/ +$/, '');
      else out += value(info, letter, where(letter)) ?? '?';
    } else if (c === '?') {
      const letter = proto[i++] ?? '';
      if (!condition(info, letter, where(letter), out)) skip(true);
    } else if (c === ':') {
      skip(false); // the true branch ran: drop the else branch
    } else if (c === '.') {
      // end of a condition
    } else {
      out += c;
    }
  }
  return out;
}
