// ptx: a permuted index. Every word of the input (letters, or -W's regexp, or what -b's break
// characters leave) becomes a keyword, shown with the text around it within its line or
// sentence; the lines are sorted by keyword. Output is plain columns, roff (-O, and the default
// with -G) or TeX (-T).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { tryHelp } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote, quotef } from '../lib/quote';
import { binArg, Output, readAllBin } from '../lib/textio';
import { xstrtol } from '../lib/xstrtol';
import { defineFields, isSpace, type Field, type Fields, type Occurrence, type Skipper } from './ptx-fields';
import { emacsRegex, unescape } from './ptx-regex';

type Format = 'dumb' | 'roff' | 'tex';
const FORMATS: ArgChoices<Format> = [['roff', 'roff'], ['tex', 'tex']];

const spec = {
  name: 'ptx',
  installPath: '/usr/bin/ptx',
  pkg: 'coreutils',
  usage: 'ptx [OPTION]... [INPUT]...   (without -G)\nptx -G [OPTION]... [INPUT [OUTPUT]]',
  help: `Print a permuted index of the words of the input files, each with its context.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -A, --auto-reference           prefix each line with FILE:LINE
  -G, --traditional              work more like System V ptx
  -F, --flag-truncation=STRING   mark cut-off context with STRING
                                 (by default '/')
  -M, --macro-name=STRING        roff or TeX macro name instead of 'xx'
  -O, --format=roff              write roff directives
  -R, --right-side-refs          references at the right, outside -w
  -S, --sentence-regexp=REGEXP   what ends a line or a sentence
  -T, --format=tex               write TeX directives
  -W, --word-regexp=REGEXP       what a keyword looks like
  -b, --break-file=FILE          the characters in FILE separate words
  -f, --ignore-case              sort as if lower case were upper case
  -g, --gap-size=NUMBER          columns between the output fields
  -i, --ignore-file=FILE         never use the words listed in FILE
  -o, --only-file=FILE           use only the words listed in FILE
  -r, --references               the first field of each line is its reference
  -t, --typeset-mode               - not implemented -
  -w, --width=NUMBER             output width, references excluded
${HELP_LINES}
${coreutilsHelpFooter('ptx')}`,
  version: coreutilsVersion('ptx', ['F. Pinard']),
  options: [
    { key: 'A', short: 'A', long: 'auto-reference' },
    { key: 'b', short: 'b', long: 'break-file', arg: 'required' as const },
    { key: 'F', short: 'F', long: 'flag-truncation', arg: 'required' as const },
    { key: 'f', short: 'f', long: 'ignore-case' },
    { key: 'g', short: 'g', long: 'gap-size', arg: 'required' as const },
    { key: 'i', short: 'i', long: 'ignore-file', arg: 'required' as const },
    { key: 'M', short: 'M', long: 'macro-name', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'only-file', arg: 'required' as const },
    { key: 'r', short: 'r', long: 'references' },
    { key: 'R', short: 'R', long: 'right-side-refs' },
    { key: 'format', long: 'format', arg: 'required' as const },
    { key: 'S', short: 'S', long: 'sentence-regexp', arg: 'required' as const },
    { key: 'G', short: 'G', long: 'traditional' },
    { key: 't', short: 't', long: 'typeset-mode' },
    { key: 'w', short: 'w', long: 'width', arg: 'required' as const },
    { key: 'W', short: 'W', long: 'word-regexp', arg: 'required' as const },
    { key: 'O', short: 'O' },
    { key: 'T', short: 'T' },
  ],
};

class Fatal extends Error {}

interface Options {
  gnu: boolean;
  format: Format;
  macro: string;
  truncation: string | undefined;
  width: number;
  gap: number;
  ignoreCase: boolean;
  auto: boolean;
  inputRef: boolean;
  rightRef: boolean;
  sentence: RegExp | undefined;
  word: RegExp | undefined;
  /** Word characters when there is no -W. */
  wordChar: (c: string) => boolean;
  ignore: Set<string> | undefined;
  only: Set<string> | undefined;
}

async function readFile(ctx: Ctx, name: string | undefined): Promise<string> {
  try {
    const fd = name === undefined ? 0 : await ctx.sys.open(name, { read: true });
    try {
      return await readAllBin(ctx, fd);
    } finally {
      if (fd !== 0) ctx.sys.close(fd);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`${quotef(name ?? '-')}: ${strerror(e.errno)}`);
    throw new Fatal();
  }
}

const fold = (s: string, on: boolean): string => (on ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s);

/** Word lists of -i and -o: one word a line, compared folded with -f. */
async function readWords(ctx: Ctx, file: string, ignoreCase: boolean): Promise<Set<string>> {
  const text = await readFile(ctx, file === '-' ? undefined : file);
  return new Set(text.split('\n').filter((w) => w !== '').map((w) => fold(w, ignoreCase)));
}

function compareOcc(texts: string[], ignoreCase: boolean): (a: Occurrence, b: Occurrence) => number {
  return (a, b) => {
    const ka = fold(texts[a.file]!.slice(a.keyStart, a.keyStart + a.keyLength), ignoreCase);
    const kb = fold(texts[b.file]!.slice(b.keyStart, b.keyStart + b.keyLength), ignoreCase);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.file - b.file || a.keyStart - b.keyStart;
  };
}

/** The occurrences of keywords in one file's text; `counts` gets its number of lines. */
function findOccurrences(text: string, file: number, o: Options, state: { maxWord: number; refMax: number }): { occ: Occurrence[]; lines: number } {
  const occ: Occurrence[] = [];
  let lineCount = 0;
  let lineStart = 0;
  let lineScan = 0;
  const skipNonWhite = (at: number, limit: number): number => {
    while (at < limit && !isSpace(text[at])) at++;
    return at;
  };
  const skipWhite = (at: number, limit: number): number => {
    while (at < limit && isSpace(text[at])) at++;
    return at;
  };
  let refLength = 0;
  if (o.inputRef) {
    lineScan = skipNonWhite(lineScan, text.length);
    refLength = lineScan - lineStart;
    lineScan = skipWhite(lineScan, text.length);
  }
  let next: number;
  for (let cursor = 0; cursor < text.length; cursor = next) {
    let contextStart = cursor;
    next = text.length;
    if (o.sentence) {
      o.sentence.lastIndex = cursor;
      const m = o.sentence.exec(text);
      if (m) {
        // ptx takes re_search's result (where the match starts) for its length: a match right
        // at the cursor is reported as one of length zero
        if (m.index === cursor) throw new Error('zero-length');
        next = m.index + m[0].length;
      }
    }
    let contextEnd = next;
    while (contextEnd > contextStart && isSpace(text[contextEnd - 1])) contextEnd--;
    // a word must end within the context: search the text cut there
    const upToEnd = o.word ? text.slice(0, contextEnd) : '';
    for (;;) {
      let wordStart: number;
      let wordEnd: number;
      if (o.word) {
        o.word.lastIndex = cursor;
        const m = o.word.exec(upToEnd);
        if (!m) break;
        wordStart = m.index;
        wordEnd = m.index + m[0].length;
      } else {
        let scan = cursor;
        while (scan < contextEnd && !o.wordChar(text[scan]!)) scan++;
        if (scan === contextEnd) break;
        wordStart = scan;
        while (scan < contextEnd && o.wordChar(text[scan]!)) scan++;
        wordEnd = scan;
      }
      cursor = wordStart;
      if (wordEnd === wordStart) {
        cursor++;
        continue;
      }
      const keyStart = cursor;
      const keyLength = wordEnd - wordStart;
      cursor += keyLength;
      if (keyLength > state.maxWord) state.maxWord = keyLength;
      const advanceLines = (): void => {
        while (lineScan < keyStart) {
          if (text[lineScan] === '\n') {
            lineCount++;
            lineScan++;
            lineStart = lineScan;
            lineScan = skipNonWhite(lineScan, text.length);
            refLength = lineScan - lineStart;
          } else lineScan++;
        }
      };
      if (o.inputRef) {
        advanceLines();
        if (lineScan > keyStart) continue;
      }
      const key = fold(text.slice(keyStart, wordEnd), o.ignoreCase);
      if (o.ignore?.has(key)) continue;
      if (o.only && !o.only.has(key)) continue;
      let reference = 0;
      if (o.auto) {
        advanceLines();
        reference = lineCount;
      } else if (o.inputRef) {
        reference = lineStart;
        if (refLength > state.refMax) state.refMax = refLength;
      }
      if (o.inputRef && lineStart === contextStart) {
        contextStart = skipWhite(skipNonWhite(contextStart, contextEnd), contextEnd);
      }
      occ.push({ file, keyStart, keyLength, left: contextStart, right: contextEnd, reference });
    }
  }
  // the lines of the whole file, for the width of -A references
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lines++;
  return { occ, lines };
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    try {
      return await run(ctx, args.order, args.operands);
    } catch (e) {
      if (e instanceof Fatal) return 1;
      throw e;
    }
  },
});

async function run(ctx: Ctx, order: { key: string; value: string | undefined }[], operands: string[]): Promise<number> {
  let gnu = true;
  let format: Format | undefined;
  let macro = 'xx';
  let truncation: string | undefined = '/';
  let width = 72;
  let gap = 3;
  let ignoreCase = false;
  let auto = false;
  let inputRef = false;
  let rightRef = false;
  let sentence: string | undefined;
  let word: string | undefined;
  let breakFile: string | undefined;
  let ignoreFile: string | undefined;
  let onlyFile: string | undefined;
  const number = async (v: string, what: string): Promise<number> => {
    const r = xstrtol(v, '', { base: 0, signed: true });
    if (r.status !== 'ok' || r.value <= 0n) {
      await ctx.error(`invalid ${what} width: ${quote(v)}`);
      throw new Fatal();
    }
    return Number(r.value);
  };
  for (const { key, value } of order) {
    const v = value ?? '';
    switch (key) {
      case 'G': gnu = false; break;
      case 'b': breakFile = v; break;
      case 'f': ignoreCase = true; break;
      case 'g': gap = await number(v, 'gap'); break;
      case 'w': width = await number(v, 'line'); break;
      case 'i': ignoreFile = v; break;
      case 'o': onlyFile = v; break;
      case 'r': inputRef = true; break;
      case 't': break;
      case 'A': auto = true; break;
      case 'F': truncation = unescape(binArg(v)); break;
      case 'M': macro = v; break;
      case 'O': format = 'roff'; break;
      case 'T': format = 'tex'; break;
      case 'R': rightRef = true; break;
      case 'S': sentence = unescape(binArg(v)); break;
      case 'W': word = unescape(binArg(v)) || undefined; break;
      case 'format': {
        const m = argmatch(v, FORMATS);
        if ('error' in m) {
          await argmatchError(ctx, '--format', v, m.error, FORMATS);
          await tryHelp(ctx);
          return 1;
        }
        format = m.value;
        break;
      }
      default: break;
    }
  }
  let files: (string | undefined)[];
  let outFile: string | undefined;
  if (operands.length === 0) files = [undefined];
  else if (gnu) files = operands.map((f) => (f === '-' ? undefined : f));
  else {
    files = [operands[0] === '-' ? undefined : operands[0]];
    outFile = operands[1];
    if (operands.length > 2) return usageError(ctx, spec, `extra operand ${quote(operands[2]!)}`);
  }
  if (outFile !== undefined) {
    try {
      const fd = await ctx.sys.open(outFile, { write: true, create: true, truncate: true }, 0o666);
      ctx.sys.dup2(fd, 1);
      ctx.sys.close(fd);
    } catch (e) {
      await ctx.perror(e, quotef(outFile));
      return 1;
    }
  }
  // what ends a context: a sentence (GNU), a line (-G or -r), or nothing (an empty -S)
  let sentenceRe: RegExp | undefined;
  const sentenceText = sentence ?? (gnu && !inputRef ? '[.?!][]"\')}]*\\($\\|\t\\|  \\)[ \t\n]*' : '\n');
  if (sentenceText !== '') sentenceRe = emacsRegex(sentenceText, 'g');
  let wordChar: (c: string) => boolean = gnu ? (c) => /[A-Za-z]/.test(c) : (c) => c !== ' ' && c !== '\t' && c !== '\n';
  if (word === undefined && breakFile !== undefined) {
    const breaks = new Set(await readFile(ctx, breakFile === '-' ? undefined : breakFile));
    if (!gnu) for (const c of ' \t\n') breaks.add(c);
    wordChar = (c) => !breaks.has(c);
  }
  const o: Options = {
    gnu, format: format ?? (gnu ? 'dumb' : 'roff'), macro, truncation: truncation || undefined, width, gap, ignoreCase, auto, inputRef, rightRef,
    sentence: sentenceRe, word: word !== undefined ? emacsRegex(word, 'g') : undefined, wordChar,
    ignore: ignoreFile !== undefined ? await readWords(ctx, ignoreFile, ignoreCase) : undefined,
    only: onlyFile !== undefined ? await readWords(ctx, onlyFile, ignoreCase) : undefined,
  };
  const texts: string[] = [];
  const occ: Occurrence[] = [];
  const state = { maxWord: 0, refMax: 0 };
  let refMax = 0;
  for (let i = 0; i < files.length; i++) {
    await ctx.tick();
    const text = await readFile(ctx, files[i]);
    texts.push(text);
    let found: ReturnType<typeof findOccurrences>;
    try {
      found = findOccurrences(text, i, o, state);
    } catch (e) {
      if (!(e instanceof Error) || e.message !== 'zero-length') throw e;
      await ctx.error(`error: regular expression has a match of length zero: ${quote(sentenceText)}`);
      return 1;
    }
    occ.push(...found.occ);
    if (auto) refMax = Math.max(refMax, `${files[i] ?? ''}:${found.lines + 1}`.length);
  }
  occ.sort(compareOcc(texts, ignoreCase));
  if (!auto && inputRef) refMax = state.refMax;
  return output(ctx, texts, occ, files, o, refMax, state.maxWord);
}

async function output(ctx: Ctx, texts: string[], occ: Occurrence[], files: (string | undefined)[], o: Options, refMax: number, maxWord: number): Promise<number> {
  const withRef = o.auto || o.inputRef;
  let lineWidth = o.width;
  if (withRef && !o.rightRef) lineWidth -= refMax + o.gap;
  if (lineWidth < 0) lineWidth = 0;
  const half = Math.floor(lineWidth / 2);
  const truncLen = o.truncation?.length ?? 0;
  let beforeMax = half - o.gap;
  let keyafterMax = half;
  if (o.gnu) {
    beforeMax = Math.max(0, beforeMax - 2 * truncLen);
    keyafterMax -= 2 * truncLen;
  } else keyafterMax -= 2 * truncLen + 1;
  const layout = { halfLineWidth: half, beforeMax, keyafterMax, gap: o.gap, truncation: o.truncation, maxWordLength: maxWord };
  const skip = skipper(o);
  const out = new Output(ctx);
  const spaces = (n: number): string => (n > 0 ? ' '.repeat(n) : '');
  const trunc = o.truncation ?? '';
  for (let k = 0; k < occ.length; k++) {
    if (k % 128 === 0) await ctx.tick();
    const oc = occ[k]!;
    const text = texts[oc.file]!;
    const f = defineFields(text, oc, layout, skip);
    const field = (b: Field): string => edit(text.slice(b.start, b.end), o.format);
    let ref = '';
    if (o.auto) ref = `${files[oc.file] ?? ''}:${oc.reference + 1}`;
    else if (o.inputRef) {
      let e = oc.reference;
      while (e < oc.right && !isSpace(text[e])) e++;
      ref = field({ start: oc.reference, end: e });
    }
    out.push(o.format === 'dumb' ? dumbLine(f, field, ref, o, refMax, half, trunc, spaces) : o.format === 'roff' ? roffLine(f, field, ref, o, trunc) : texLine(f, text, oc, ref, o));
    await out.drain();
  }
  return out.finish(0);
}

function dumbLine(f: Fields, field: (b: Field) => string, ref: string, o: Options, refMax: number, half: number, trunc: string, spaces: (n: number) => string): string {
  const withRef = o.auto || o.inputRef;
  const len = (b: Field): number => b.end - b.start;
  const tl = trunc.length;
  let s = '';
  // without references this is an empty field and a gap
  if (!o.rightRef) {
    if (o.auto) s += `${ref}:${spaces(refMax + o.gap - ref.length - 1)}`;
    else s += ref + spaces(refMax + o.gap - ref.length);
  }
  if (f.tail.start < f.tail.end) {
    s += field(f.tail) + (f.tailTrunc ? trunc : '');
    s += spaces(half - o.gap - len(f.before) - (f.beforeTrunc ? tl : 0) - len(f.tail) - (f.tailTrunc ? tl : 0));
  } else s += spaces(half - o.gap - len(f.before) - (f.beforeTrunc ? tl : 0));
  s += (f.beforeTrunc ? trunc : '') + field(f.before) + spaces(o.gap);
  s += field(f.keyafter) + (f.keyafterTrunc ? trunc : '');
  if (f.head.start < f.head.end) {
    s += spaces(half - len(f.keyafter) - (f.keyafterTrunc ? tl : 0) - len(f.head) - (f.headTrunc ? tl : 0));
    s += (f.headTrunc ? trunc : '') + field(f.head);
  } else if (withRef && o.rightRef) s += spaces(half - len(f.keyafter) - (f.keyafterTrunc ? tl : 0));
  if (withRef && o.rightRef) s += spaces(o.gap) + ref;
  return `${s}\n`;
}

function roffLine(f: Fields, field: (b: Field) => string, ref: string, o: Options, trunc: string): string {
  let s = `.${o.macro} "${field(f.tail)}${f.tailTrunc ? trunc : ''}"`;
  s += ` "${f.beforeTrunc ? trunc : ''}${field(f.before)}"`;
  s += ` "${field(f.keyafter)}${f.keyafterTrunc ? trunc : ''}"`;
  s += ` "${f.headTrunc ? trunc : ''}${field(f.head)}"`;
  if (o.auto || o.inputRef) s += ` "${ref}"`;
  return `${s}\n`;
}

function texLine(f: Fields, text: string, oc: Occurrence, ref: string, o: Options): string {
  const t = (b: Field): string => edit(text.slice(b.start, b.end), 'tex');
  const keyEnd = oc.keyStart + oc.keyLength;
  let s = `\\${o.macro} {${t(f.tail)}}{${t(f.before)}}{${t({ start: oc.keyStart, end: keyEnd })}}{${t({ start: keyEnd, end: f.keyafter.end })}}{${t(f.head)}}`;
  if (o.auto || o.inputRef) s += `{${ref}}`;
  return `${s}\n`;
}

/** A field's characters as printed: white space as one space each, roff's " doubled, TeX's specials escaped. */
function edit(s: string, format: Format): string {
  let out = '';
  for (const c of s) {
    if (isSpace(c)) out += ' ';
    else if (format === 'roff' && c === '"') out += '""';
    else if (format === 'tex' && '$%&#_'.includes(c)) out += `\\${c}`;
    else if (format === 'tex' && (c === '{' || c === '}')) out += `$\\${c}$`;
    else if (format === 'tex' && c === '\\') out += '\\backslash{}';
    else out += c;
  }
  return out;
}

function skipper(o: Options): Skipper {
  if (o.word) {
    const re = new RegExp(o.word.source, 'my');
    let cut = { text: '', limit: -1, part: '' };
    return (text, at, limit) => {
      if (cut.text !== text || cut.limit !== limit) cut = { text, limit, part: text.slice(0, limit) };
      re.lastIndex = at;
      const m = re.exec(cut.part);
      return at + (m && m[0].length > 0 ? m[0].length : 1);
    };
  }
  return (text, at, limit) => {
    if (!o.wordChar(text[at]!)) return at + 1;
    while (at < limit && o.wordChar(text[at]!)) at++;
    return at;
  };
}
