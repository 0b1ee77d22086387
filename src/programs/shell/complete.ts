// Tab completion for the line editor, as bash and readline do it: a spec set with `complete`
// for the command (its full path first, then its last part), else a spec written in
// TypeScript (completion/native.ts), else the -D default spec, else bash's own completion.
// The matches are sorted and deduplicated; a unique one is inserted with a space (a slash
// for a directory), several give their longest common prefix and, on a second Tab, a list.
import { generate, type GenContext } from './completion/generate';
import { defaultMatches } from './completion/default';
import { nativeCompleter } from './completion/native';
import { fileMatches, isDirectory } from './completion/sources';
import { DEFAULT_NAME, EMPTY_NAME, INITIAL_NAME, type CompSpec } from './completion/spec';
import { analyseLine, DEFAULT_WORDBREAKS, dequote, quoteFilename, type CompLine } from './completion/words';
import type { Interpreter } from './interpreter';
import './completion/commands/index';

export interface EditorCompletion {
  /** Characters (code points) before the cursor that the completion replaces. */
  replace: number;
  /** What goes there (the same text when nothing changes). */
  text: string;
  /** The choices as readline lists them (empty when there are none), and the widest one's
   * width without the slash marking a directory (readline pads the columns by that). */
  list: string[];
  width: number;
  /** Ring the bell: no match, or more than one. */
  bell: boolean;
}

interface Matches {
  matches: string[];
  filenames: boolean;
  nospace: boolean;
  nosort: boolean;
  noquote: boolean;
  closer?: string;
}

function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** The spec `complete` set for a command name: the full path first, then its last part. */
function userSpec(sh: Interpreter, command: string): CompSpec | undefined {
  const table = sh.state.completions;
  return table.get(command) ?? (command.includes('/') ? table.get(command.slice(command.lastIndexOf('/') + 1)) : undefined);
}

async function fromSpec(sh: Interpreter, cl: CompLine, spec: CompSpec, command: string, type: number): Promise<Matches> {
  const ctx: GenContext = { sh, line: cl, word: cl.cur, cmd: command, prev: cl.prev, type, options: new Set(spec.options) };
  let matches = await generate(ctx, spec);
  const o = ctx.options;
  let filenames = o.has('filenames') || spec.actions.has('file') || spec.actions.has('directory');
  let closer: string | undefined;
  if (matches.length === 0 && o.has('default')) {
    matches = await fileMatches(sh, cl.cur);
    filenames = true;
  }
  if (matches.length === 0 && o.has('bashdefault')) {
    const d = await defaultMatches(sh, cl.cur, false);
    matches = d.matches;
    filenames = d.filenames;
    closer = d.closer;
  }
  return { matches, filenames, nospace: o.has('nospace'), nosort: o.has('nosort'), noquote: o.has('noquote'), ...(closer ? { closer } : {}) };
}

async function candidates(sh: Interpreter, cl: CompLine, type: number): Promise<Matches> {
  const plain = (d: { matches: string[]; filenames: boolean; closer?: string }): Matches => ({ ...d, nospace: false, nosort: false, noquote: false });
  const table = sh.state.completions;
  const progcomp = sh.state.shopts.has('progcomp');
  if (cl.inCommand) {
    const empty = cl.line.trim() === '';
    const spec = progcomp ? table.get(empty ? EMPTY_NAME : INITIAL_NAME) : undefined;
    if (spec) return fromSpec(sh, cl, spec, '', type);
    return plain(await defaultMatches(sh, cl.cur, true));
  }
  const command = cl.command!;
  if (progcomp) {
    const spec = userSpec(sh, command);
    if (spec) return fromSpec(sh, cl, spec, command, type);
    const native = nativeCompleter(command);
    if (native) {
      const r = await native({ sys: sh.sys, words: cl.words, cword: cl.cword, cur: cl.cur, prev: cl.prev, cwd: sh.state.get('PWD') ?? '/' });
      if (r.files) return plain({ matches: await fileMatches(sh, cl.cur), filenames: true });
      return { matches: r.words, filenames: false, nospace: !!r.nospace, nosort: false, noquote: false };
    }
    const dflt = table.get(DEFAULT_NAME);
    if (dflt) return fromSpec(sh, cl, dflt, command, type);
  }
  return plain(await defaultMatches(sh, cl.cur, false));
}

/** How readline lists a match: a file name by its last part, a directory with a slash. */
async function display(sh: Interpreter, m: string, filenames: boolean): Promise<string> {
  if (!filenames) return m;
  const trimmed = m.endsWith('/') ? m.slice(0, -1) : m;
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1) || m;
  return (await isDirectory(sh, m)) ? `${base}/` : base;
}

/**
 * Completes the word before the cursor: `before` and `after` are the line's text on either
 * side of it; `listing` is a second Tab (COMP_TYPE 63).
 */
export async function completeLine(sh: Interpreter, before: string, after: string, listing: boolean): Promise<EditorCompletion> {
  const cl = analyseLine(before + after, before.length, sh.state.get('COMP_WORDBREAKS') ?? DEFAULT_WORDBREAKS);
  const word = cl.cur;
  const replace = [...word].length;
  const r = await candidates(sh, cl, listing ? 63 : 9);
  let matches = [...new Set(r.matches)];
  if (!r.nosort) matches.sort();
  if (matches.length === 0) return { replace, text: word, list: [], width: 0, bell: true };
  const list = await Promise.all(matches.map((m) => display(sh, m, r.filenames)));
  const width = Math.max(...list.map((d, i) => [...(d.endsWith('/') && !matches[i]!.endsWith('/') ? d.slice(0, -1) : d)].length));
  const quoteIt = r.filenames && !r.noquote;
  const open = quoteIt && (word.startsWith('"') || word.startsWith("'")) ? word[0] : undefined;
  const q = (m: string): string => (quoteIt ? (open ?? '') + quoteFilename(m, open) : m);
  if (matches.length === 1) {
    const m = matches[0]!;
    let text = q(m);
    if (r.filenames && (await isDirectory(sh, m))) {
      if (!text.endsWith('/')) text += '/';
    } else {
      if (open) text += open;
      if (r.closer) text += r.closer;
      // ${name} closes and goes on; ~user goes on into the directory
      if (!r.nospace && r.closer !== '/') text += ' ';
    }
    return { replace, text, list, width, bell: false };
  }
  const lcd = commonPrefix(matches);
  // readline puts the common prefix in place of the word (even a shorter one from a -F function)
  const text = lcd === '' || (r.filenames && lcd === dequote(word)) ? word : q(lcd);
  return { replace, text, list, width, bell: true };
}
