// Matches for a completion spec, in bash's order (pcomplete.c gen_compspec_completions):
// the actions, -G, -W, then the -F function and the -C command, then the -X filter, the -P
// prefix and -S suffix, and -o dirnames / -o plusdirs.
import { AbortCommand } from '../control';
import { expandWord, ExpansionError, ifsOf } from '../expand';
import { glob } from '../glob';
import type { Interpreter } from '../interpreter';
import { Parser } from '../parser';
import { escapeGlob, matchPattern } from '../pattern';
import { callFunction } from '../simple';
import { actionMatches, fileMatches } from './sources';
import { ACTIONS, type CompOption, type CompSpec } from './spec';
import type { CompLine } from './words';

export interface GenContext {
  sh: Interpreter;
  /** The command line (absent for compgen, which has none). */
  line?: CompLine;
  /** The word to complete, the command name and the word before ($2, $1, $3 of -F and -C). */
  word: string;
  cmd: string;
  prev: string;
  /** COMP_TYPE: 9 for a Tab, 63 for listing on a second Tab. */
  type: number;
  /** The spec's options, which compopt may change while a -F function runs. */
  options: Set<CompOption>;
}

/** The completion in progress (compopt without a name changes its options). */
let active: GenContext | undefined;
export const activeCompletion = (): GenContext | undefined => active;

const squote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

export async function generate(ctx: GenContext, spec: CompSpec): Promise<string[]> {
  const { sh, word } = ctx;
  let matches: string[] = [];
  for (const a of ACTIONS) if (spec.actions.has(a)) matches.push(...(await actionMatches(sh, a, word)));
  if (spec.glob !== undefined) matches.push(...(await globMatches(sh, spec.glob)));
  if (spec.words !== undefined) matches.push(...(await wordList(sh, spec.words)).filter((w) => w.startsWith(word)));
  if (spec.func !== undefined) matches.push(...(await functionMatches(ctx, spec.func)));
  if (spec.command !== undefined) matches.push(...(await commandMatches(ctx, spec.command)));
  if (spec.filter !== undefined) {
    let pat = spec.filter;
    const negate = pat.startsWith('!');
    if (negate) pat = pat.slice(1);
    // `&` stands for the word being completed (bash manual, -X)
    pat = pat.replace(/\\&|&/g, (m) => (m === '&' ? escapeGlob(word) : '&'));
    matches = matches.filter((m) => matchPattern(m, pat, sh.state.shopts.has('extglob')) === negate);
  }
  if (spec.prefix !== undefined || spec.suffix !== undefined) matches = matches.map((m) => `${spec.prefix ?? ''}${m}${spec.suffix ?? ''}`);
  if (matches.length === 0 && ctx.options.has('dirnames')) matches = await fileMatches(sh, word, 'dirs');
  else if (ctx.options.has('plusdirs')) matches.push(...(await fileMatches(sh, word, 'dirs')));
  return matches;
}

async function globMatches(sh: Interpreter, pattern: string): Promise<string[]> {
  try {
    return await glob(sh.sys, pattern, { dotglob: sh.state.shopts.has('dotglob'), globstar: sh.state.shopts.has('globstar'), extglob: true, nocaseglob: sh.state.shopts.has('nocaseglob') });
  } catch {
    return [];
  }
}

/** -W: split at IFS (outside quotes), then each word expanded. */
async function wordList(sh: Interpreter, text: string): Promise<string[]> {
  const ifs = ifsOf(sh.state);
  const pieces: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const close = text.indexOf(c, i + 1);
      const end = close < 0 ? text.length : close;
      cur += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '$' && (text[i + 1] === '(' || text[i + 1] === '{')) {
      // $(...), $((...)) and ${...} stay whole (bash's skip_to_delim)
      const open = text[i + 1]!;
      const close = open === '(' ? ')' : '}';
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === open) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      cur += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ifs.includes(c)) {
      if (cur) pieces.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur) pieces.push(cur);
  const out: string[] = [];
  for (const piece of pieces) {
    try {
      const w = new Parser(piece, {}).lexer.readWord();
      out.push(...(await expandWord(sh, w)));
    } catch (e) {
      if (!(e instanceof ExpansionError) && !(e instanceof AbortCommand) && !(e instanceof Error)) throw e;
    }
  }
  return out;
}

const COMP_VARS = ['COMP_LINE', 'COMP_POINT', 'COMP_KEY', 'COMP_TYPE', 'COMP_WORDS', 'COMP_CWORD'];

function bindLineVars(ctx: GenContext, exported: boolean): void {
  const l = ctx.line;
  if (!l) return;
  const g = ctx.sh.state.globals;
  const ex = exported ? { exported: true } : {};
  g.set('COMP_LINE', { value: l.line, ...ex });
  g.set('COMP_POINT', { value: String(l.point), ...ex });
  g.set('COMP_KEY', { value: '9', ...ex });
  g.set('COMP_TYPE', { value: String(ctx.type), ...ex });
  if (!exported) {
    g.set('COMP_WORDS', { array: new Map(l.words.map((w, i) => [i, w])) });
    g.set('COMP_CWORD', { value: String(l.cword) });
  }
}

function unbindLineVars(ctx: GenContext): void {
  for (const n of COMP_VARS) ctx.sh.state.globals.delete(n);
}

/** -F: the function gets the command name, the word and the word before; COMPREPLY holds its answer. */
async function functionMatches(ctx: GenContext, name: string): Promise<string[]> {
  const sh = ctx.sh;
  const fn = sh.state.functions.get(name);
  if (!fn) {
    await sh.error(`completion: function \`${name}' not found`);
    return [];
  }
  const saved = sh.state.status;
  const outer = active;
  active = ctx;
  sh.state.globals.delete('COMPREPLY');
  bindLineVars(ctx, false);
  try {
    await callFunction(sh, fn, [name, ctx.cmd, ctx.word, ctx.prev]);
  } catch (e) {
    if (!(e instanceof AbortCommand)) throw e;
  } finally {
    active = outer;
    unbindLineVars(ctx);
    sh.state.status = saved;
  }
  const reply = sh.state.lookup('COMPREPLY');
  sh.state.globals.delete('COMPREPLY');
  if (!reply) return [];
  if (reply.array) return [...reply.array.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  if (reply.assoc) return [...reply.assoc.values()];
  return reply.value !== undefined ? [reply.value] : [];
}

/** -C: the command's output lines (it sees COMP_LINE and friends in its environment). */
async function commandMatches(ctx: GenContext, command: string): Promise<string[]> {
  const sh = ctx.sh;
  const text = `${command} ${squote(ctx.cmd)} ${squote(ctx.word)} ${squote(ctx.prev)}`;
  const saved = sh.state.status;
  bindLineVars(ctx, true);
  let out = '';
  try {
    const parser = new Parser(text, { aliases: sh.state.aliases });
    const list = parser.parseAll();
    out = await sh.commandSubst(list);
  } catch (e) {
    if (!(e instanceof Error) && !(e instanceof AbortCommand)) throw e;
  } finally {
    unbindLineVars(ctx);
    sh.state.status = saved;
  }
  // one match a line; empty lines are none
  return out.split('\n').filter((l) => l !== '');
}
