// ptx's layout of one occurrence of a keyword: the fields 'before' (left context up to the
// keyword), 'keyafter' (the keyword and the right context), and the wrap-around fields 'tail'
// (the end of the right context, shown at the far left) and 'head' (the start of the left
// context, shown at the far right), each cut at whole words to its width.

/** A keyword found in a text, with its context as offsets in that text. */
export interface Occurrence {
  file: number;
  keyStart: number;
  keyLength: number;
  /** Start of the left context and end of the right context. */
  left: number;
  right: number;
  /** Line number (0-based) for -A, or the start of the reference for -r. */
  reference: number;
}

/** A half-open range [start, end) of the text. */
export interface Field {
  start: number;
  end: number;
}

export interface Layout {
  halfLineWidth: number;
  beforeMax: number;
  keyafterMax: number;
  gap: number;
  truncation: string | undefined;
  maxWordLength: number;
}

export interface Fields {
  before: Field;
  keyafter: Field;
  tail: Field;
  head: Field;
  beforeTrunc: boolean;
  keyafterTrunc: boolean;
  tailTrunc: boolean;
  headTrunc: boolean;
}

export const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** Skips one word (a match of the word syntax) or one other character. */
export type Skipper = (text: string, at: number, limit: number) => number;

export function defineFields(text: string, o: Occurrence, l: Layout, skip: Skipper): Fields {
  const skipWhite = (at: number, limit: number): number => {
    while (at < limit && isSpace(text[at])) at++;
    return at;
  };
  const skipWhiteBack = (at: number, start: number): number => {
    while (at > start && isSpace(text[at - 1])) at--;
    return at;
  };
  const keyafter: Field = { start: o.keyStart, end: o.keyStart + o.keyLength };
  let cursor = keyafter.end;
  while (cursor < o.right && cursor <= keyafter.start + l.keyafterMax) {
    keyafter.end = cursor;
    cursor = skip(text, cursor, o.right);
  }
  if (cursor <= keyafter.start + l.keyafterMax) keyafter.end = cursor;
  let keyafterTrunc = l.truncation !== undefined && keyafter.end < o.right;
  keyafter.end = skipWhiteBack(keyafter.end, keyafter.start);

  let leftFieldStart: number;
  if (o.keyStart - o.left > l.halfLineWidth + l.maxWordLength) {
    leftFieldStart = skip(text, o.keyStart - (l.halfLineWidth + l.maxWordLength), o.keyStart);
  } else leftFieldStart = o.left;

  const before: Field = { start: leftFieldStart, end: skipWhiteBack(o.keyStart, leftFieldStart) };
  while (before.start + l.beforeMax < before.end) before.start = skip(text, before.start, before.end);
  let beforeTrunc = l.truncation !== undefined && skipWhiteBack(before.start, 0) > o.left;
  before.start = skipWhite(before.start, text.length);

  const tail: Field = { start: 0, end: 0 };
  let tailTrunc = false;
  const tailMax = l.beforeMax - (before.end - before.start) - l.gap;
  if (tailMax > 0) {
    tail.start = skipWhite(keyafter.end, text.length);
    tail.end = tail.start;
    cursor = tail.end;
    while (cursor < o.right && cursor < tail.start + tailMax) {
      tail.end = cursor;
      cursor = skip(text, cursor, o.right);
    }
    if (cursor < tail.start + tailMax) tail.end = cursor;
    if (tail.end > tail.start) {
      keyafterTrunc = false;
      tailTrunc = l.truncation !== undefined && tail.end < o.right;
    }
    tail.end = skipWhiteBack(tail.end, tail.start);
  }

  const head: Field = { start: 0, end: 0 };
  let headTrunc = false;
  const headMax = l.keyafterMax - (keyafter.end - keyafter.start) - l.gap;
  if (headMax > 0) {
    head.end = skipWhiteBack(before.start, 0);
    head.start = leftFieldStart;
    while (head.start + headMax < head.end) head.start = skip(text, head.start, head.end);
    if (head.end > head.start) {
      beforeTrunc = false;
      headTrunc = l.truncation !== undefined && head.start > o.left;
    }
    head.start = skipWhite(head.start, head.end);
  }
  return { before, keyafter, tail, head, beforeTrunc, keyafterTrunc, tailTrunc, headTrunc };
}
