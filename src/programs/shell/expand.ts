// Word expansion in bash's order: brace, tilde, parameter/arithmetic/command substitution,
// word splitting on IFS, pathname expansion, quote removal (bash manual, EXPANSION).
import type { Sys } from '../../shared/sys';
import type { List, ParamPart, Word, WordPart } from './ast';
import { braceExpand } from './brace';
import { shellAlloc } from './memory';
import { escapeGlob, hasGlob } from './pattern';
import { expandParam, simpleParam, type ParamResult } from './param';
import { memoOf, partsSync, simpleForm } from './word-memo';
import { fieldsInto, globFields, hasIfsChar, splitFields } from './fields';
export { splitFields };
import { evaluateValue, ArithError, type ArithEnv, type ArithValue } from './arith';
import { ReadonlyError, type ShellState } from './state';

/**
 * An expansion failed. Bash abandons the whole top-level command it was running (status 1);
 * an unset variable under `set -u` and ${x?} are `fatal`: a non-interactive shell exits.
 */
/** An error in $((...)): in posix mode it ends a non-interactive shell (one in a subscript does not). */
function arithExpansionError(e: unknown): unknown {
  if (e instanceof ExpansionError && e.arith) e.posixExit = true;
  return e;
}

/** An ExpansionError that ends a non-interactive posix-mode shell. */
export function posixExitError(message: string): ExpansionError {
  const e = new ExpansionError(message);
  e.posixExit = true;
  return e;
}

export class ExpansionError extends Error {
  /** An error in arithmetic ((( )) reports it and goes on). */
  arith = false;
  /** An arithmetic error in a subscript: reported without the command's name before it. */
  bare = false;
  /** The message has its own prefix (not `script: line N: `). */
  raw = false;
  /** A non-interactive shell in posix mode ends on it (a bad substitution, a bad subscript to assign). */
  posixExit = false;
  constructor(message: string, readonly fatal = false) {
    super(message);
    this.name = 'ExpansionError';
  }
}

export interface ExpandHost {
  readonly state: ShellState;
  readonly sys: Sys;
  /** `line`: where the body's text starts, when known. */
  commandSubst(body: List, line?: number): Promise<string>;
  /** A command substitution whose text is parsed only now (it did not parse with the command). */
  deferredSubst?(source: string): Promise<string>;
  processSubst(dir: '<' | '>', body: List): Promise<string>;
  homeOf(user: string): Promise<string | undefined>;
  /** An error message that does not stop the expansion (`a: bad array subscript`). */
  report?(message: string): Promise<void>;
  /** ${x@P}: decodes `s` as a prompt string. */
  promptText?(s: string): Promise<string>;
}

/** A piece of an expanded word: `split` pieces came from unquoted expansions. */
/** `brk`: a boundary between the elements of $@ or ${a[@]}; `soft` when unquoted (splitting joins them with IFS). */
export type Piece = { text: string; quoted: boolean; split: boolean } | { brk: true; soft?: boolean };

export function ifsOf(state: ShellState): string {
  const v = state.get('IFS');
  return v === undefined ? ' \t\n' : v;
}

const envCache = new WeakMap<ExpandHost, ArithEnv>();

function arithEnv(h: ExpandHost): ArithEnv {
  let env = envCache.get(h);
  if (!env) {
    env = makeArithEnv(h);
    envCache.set(h, env);
  }
  env.nounset = h.state.options.has('nounset');
  return env;
}

function makeArithEnv(h: ExpandHost): ArithEnv {
  return {
    get: (name: string, index?: string) => {
      const v = h.state.lookup(name);
      // $LINENO, $RANDOM, $SECONDS...: computed when read
      if (!v) return index === undefined || index === '0' ? h.state.get(name) : undefined;
      if (index !== undefined) {
        if (v.assoc) return v.assoc.get(index);
        let i = Number(index);
        if (i < 0 && v.array) i += maxIndex(v.array) + 1;
        // before the first element (a scalar has none to count back from): reported, and 0
        if (i < 0) (h.state.arithNotes ??= []).push(`${name}: bad array subscript`);
        if (v.array) return v.array.get(i);
        return i === 0 ? v.value : undefined;
      }
      return h.state.get(name);
    },
    isAssoc: (name: string) => !!h.state.lookup(name)?.assoc,
    set: (name: string, value: string, index?: string, indexText?: string) => {
      if (index === undefined) h.state.set(name, value);
      else if (!setElement(h.state, name, index, value)) (h.state.arithNotes ??= []).push(`${name}[${indexText ?? index}]: bad array subscript`);
    },
    nounset: h.state.options.has('nounset'),
    note: (message: string) => (h.state.arithNotes ??= []).push(message),
    noteInvalid: (message: string) => (h.state.arithNotes ??= []).push(`${BUILTIN_NOTE}${message}`),
  };
}

/** Sets an element; false when a negative subscript is before the first element (nothing set). */
export function setElement(state: ShellState, name: string, index: string, value: string): boolean {
  if (name === 'FUNCNAME' && state.funcnameLive) return true;
  // BASH_ALIASES[name]=text defines an alias, BASH_CMDS[name]=path remembers a command
  if ((name === 'BASH_ALIASES' || name === 'BASH_CMDS') && !state.globals.has(name)) {
    state.lookup(name)!.assoc!.set(index, value);
    return true;
  }
  const holder = state.holder(name);
  let v = holder.get(name);
  if (v?.readonly) throw new ReadonlyError(name);
  if (!v) {
    v = { array: new Map() };
    holder.set(name, v);
  }
  state.onGrow?.(value.length + 48);
  delete v.declaredOnly;
  if (v.assoc) {
    v.assoc.set(index, value);
    return true;
  }
  if (!v.array) {
    v.array = new Map(v.value !== undefined ? [[0, v.value]] : []);
    delete v.value;
  }
  let i = Number(index);
  if (i < 0) i += maxIndex(v.array) + 1;
  if (i < 0) return false;
  v.array.set(i, value);
  return true;
}

/** Marks a noted error that bash reports as a builtin's, after the command's name (`let: `). */
const BUILTIN_NOTE = '\x01';

/** Writes the errors arithmetic noted (see ShellState.arithNotes); `command`: the builtin's name. */
function flushNotes(h: ExpandHost, command?: string): Promise<void> | undefined {
  const notes = h.state.arithNotes;
  if (!notes?.length) return undefined;
  h.state.arithNotes = undefined;
  return (async () => {
    for (const m of notes) await h.report?.(m.startsWith(BUILTIN_NOTE) ? `${command ? `${command}: ` : ''}${m.slice(1)}` : m);
  })();
}

/** `v` once the noted errors are written. */
function noted<T>(h: ExpandHost, v: T, command?: string): MaybePromise<T> {
  const f = flushNotes(h, command);
  return f ? f.then(() => v) : v;
}

export function maxIndex(a: Map<number, string>): number {
  let m = -1;
  for (const k of a.keys()) if (k > m) m = k;
  return m;
}

import type { MaybePromise } from './steps';
export type { MaybePromise };

/**
 * Arithmetic on a word (expanded first) or on text: synchronous when the word's parts are.
 * `command`: the builtin or (( )) evaluating it, named in some of the errors it reports.
 */
export function arith(h: ExpandHost, expr: Word | string, command?: string): MaybePromise<ArithValue> {
  if (typeof expr !== 'string') {
    const text = expandToString(h, expr);
    return typeof text === 'string' ? arith(h, text, command) : text.then((t) => arith(h, t, command));
  }
  let v: ArithValue;
  try {
    v = arithText(h, expr);
  } catch (e) {
    const f = flushNotes(h, command);
    if (f) return f.then(() => Promise.reject(e));
    throw e;
  }
  return h.state.arithNotes ? noted(h, v, command) : v;
}

/** A value a builtin or a loop assigns to `name`: an integer variable (declare -i) gets the
 * text's arithmetic value. An error there abandons the command; `builtin` names it in the message. */
export function integerValue(h: ExpandHost, name: string, value: string, builtin?: string): MaybePromise<string> {
  if (!h.state.lookup(name)?.integer) return value;
  const fail = (e: unknown): never => {
    if (builtin && e instanceof ExpansionError && !e.bare && !e.fatal) e.message = `${builtin}: ${e.message}`;
    throw e;
  };
  try {
    const r = arith(h, value || '0');
    return typeof r === 'object' ? r.then(String, fail) : String(r);
  } catch (e) {
    return fail(e);
  }
}

/** Evaluates already-expanded arithmetic text, turning errors into bash's messages. */
export function arithText(h: ExpandHost, text: string): ArithValue {
  try {
    return evaluateValue(text, arithEnv(h));
  } catch (e) {
    if (e instanceof ArithError) {
      if (e.detail.endsWith('unbound variable')) throw new ExpansionError(e.detail, true);
      const err = new ExpansionError(`${(e.expression ?? text).replace(/^\s+/, '')}: ${e.message}`);
      err.arith = true;
      err.bare = e.standalone;
      throw err;
    }
    throw e;
  }
}

/**
 * Whether "…" of this part alone is no word at all when it has no elements: $@ or a[@], as it
 * is or through any operator but the ones that put a word in its place (${a[@]:-w}).
 */
function listOfNone(q: WordPart): boolean {
  return q.kind === 'param' && (q.name === '@' || q.index?.text === '@') && q.op !== 'default' && q.op !== 'assign' && q.op !== 'error' && q.op !== 'length';
}

/** Expands parts into pieces (no splitting yet). `inDq`: inside double quotes. */
export async function expandParts(h: ExpandHost, parts: WordPart[], inDq: boolean, out: Piece[]): Promise<void> {
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out.push({ text: p.text, quoted: inDq, split: false });
        break;
      case 'quoted':
        out.push({ text: p.text, quoted: true, split: false });
        break;
      case 'dq': {
        const inner: Piece[] = [];
        await expandParts(h, p.parts, true, inner);
        // "" is an empty quoted word; "$@" with no parameters is nothing at all
        const onlyAt = p.parts.length > 0 && p.parts.every(listOfNone);
        if (inner.length === 0 && !onlyAt) out.push({ text: '', quoted: true, split: false });
        out.push(...inner);
        break;
      }
      case 'param':
        await expandParamPart(h, p, inDq, out);
        break;
      case 'cmdsub': {
        const text = (await (p.deferred && h.deferredSubst ? h.deferredSubst(p.source) : h.commandSubst(p.body, p.line))).replace(/\n+$/, '');
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case 'procsub':
        out.push({ text: await h.processSubst(p.dir, p.body), quoted: true, split: false });
        break;
      case 'arith': {
        let v: ArithValue;
        try {
          v = await arith(h, p.expr);
        } catch (e) {
          throw arithExpansionError(e);
        }
        out.push({ text: String(v), quoted: inDq, split: !inDq });
        break;
      }
    }
  }
}

/**
 * The synchronous path for words made only of text, quotes, simple parameters and
 * arithmetic on them: false (with `out` partly filled) when the word needs the async path.
 */
function expandPartsSync(h: ExpandHost, parts: WordPart[], inDq: boolean, out: Piece[]): boolean {
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
        out.push({ text: p.text, quoted: inDq, split: false });
        break;
      case 'quoted':
        out.push({ text: p.text, quoted: true, split: false });
        break;
      case 'dq': {
        const inner: Piece[] = [];
        if (!expandPartsSync(h, p.parts, true, inner)) return false;
        const onlyAt = p.parts.length > 0 && p.parts.every(listOfNone);
        if (inner.length === 0 && !onlyAt) out.push({ text: '', quoted: true, split: false });
        for (const x of inner) out.push(x);
        break;
      }
      case 'param': {
        const r = simpleParam(h, p, inDq);
        if (r === undefined || (typeof r === 'object' && 'word' in r)) return false;
        pushParamResult(h, r, inDq, out);
        break;
      }
      case 'arith': {
        const text = arithSource(h, p.expr);
        if (text === undefined) return false;
        let v: ArithValue;
        try {
          v = arithText(h, text);
        } catch (e) {
          throw arithExpansionError(e);
        }
        out.push({ text: String(v), quoted: inDq, split: !inDq });
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** The text of $(( expr )) after its own expansions, when they need no waiting. */
function arithSource(h: ExpandHost, expr: Word): string | undefined {
  const parts = expr.parts;
  if (parts.length === 1 && parts[0]!.kind === 'lit') return parts[0]!.text;
  const inner: Piece[] = [];
  if (!expandPartsSync(h, parts, true, inner)) return undefined;
  let text = '';
  for (const x of inner) text += 'brk' in x ? ' ' : x.text;
  return text;
}

function pushParamResult(h: ExpandHost, r: Exclude<ParamResult, { word: Word }>, inDq: boolean, out: Piece[]): void {
  if (typeof r === 'string') {
    out.push({ text: r, quoted: inDq, split: !inDq });
    return;
  }
  if (r.joined !== undefined) {
    out.push({ text: r.joined, quoted: inDq, split: !inDq });
    return;
  }
  r.fields.forEach((f, i) => {
    if (i > 0) out.push(inDq ? { brk: true } : { brk: true, soft: true });
    out.push({ text: f, quoted: inDq, split: !inDq });
  });
  void h;
}

/** Pieces of a word: synchronously when possible. */
async function piecesOf(h: ExpandHost, parts: WordPart[], tildeAssign: boolean): Promise<Piece[]> {
  const first = parts[0];
  const tilde = (first?.kind === 'lit' && first.text.startsWith('~')) || (tildeAssign && hasColonTilde(parts));
  if (!tilde && partsSync(parts)) {
    const out: Piece[] = [];
    if (expandPartsSync(h, parts, false, out)) return out;
  }
  const out: Piece[] = [];
  await expandParts(h, tilde ? await tildeExpand(h, parts, tildeAssign) : parts, false, out);
  return out;
}

/** The pieces of a word that expands synchronously, or undefined when it must wait. */
function syncPieces(h: ExpandHost, word: Word, tildeAssign: boolean): Piece[] | undefined {
  const m = memoOf(word);
  if (!m.sync || m.tilde || (tildeAssign && m.tildeColon)) return undefined;
  const out: Piece[] = [];
  return expandPartsSync(h, word.parts, false, out) ? out : undefined;
}

async function expandParamPart(h: ExpandHost, p: ParamPart, inDq: boolean, out: Piece[]): Promise<void> {
  const r = await expandParam(h, p, inDq);
  if (typeof r === 'object' && 'word' in r) {
    // ${x:-word}: the word expands in place; its unquoted text is split like any expansion
    const inner: Piece[] = [];
    await expandParts(h, r.word.parts, inDq, inner);
    for (const x of inner) out.push('brk' in x || x.quoted ? x : { ...x, split: true });
    return;
  }
  pushParamResult(h, r, inDq, out);
}

/** Full expansion of command words: the list of resulting arguments. */
export function expandWords(h: ExpandHost, words: Word[]): MaybePromise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lit = w.memo?.literal ?? memoOf(w).literal;
    if (lit !== undefined) {
      out.push(lit);
      continue;
    }
    const r = expandWordInto(h, w, out);
    if (r !== undefined) return r.then(() => expandWordsFrom(h, words, i + 1, out));
  }
  return h.state.arithNotes ? noted(h, out) : out;
}

async function expandWordsFrom(h: ExpandHost, words: Word[], i: number, out: string[]): Promise<string[]> {
  for (; i < words.length; i++) {
    const r = expandWordInto(h, words[i]!, out);
    if (r !== undefined) await r;
  }
  await flushNotes(h);
  return out;
}

/** The fields of one word. */
export function expandWord(h: ExpandHost, word: Word): MaybePromise<string[]> {
  const out: string[] = [];
  const r = expandWordInto(h, word, out);
  if (r === undefined) return h.state.arithNotes ? noted(h, out) : out;
  return r.then(() => noted(h, out));
}

/** Appends the fields of `w` to `out`: synchronously, or a promise when it had to wait. */
function expandWordInto(h: ExpandHost, w: Word, out: string[]): Promise<void> | undefined {
  const m = memoOf(w);
  if (m.literal !== undefined) {
    out.push(m.literal);
    return undefined;
  }
  const st = h.state;
  if (m.param) {
    // $name: a value with no IFS or glob characters is the one field (empty: none)
    const r = simpleParam(h, m.param, false)!;
    const ifs = ifsOf(st);
    if (typeof r === 'string') {
      if (r === '') return undefined;
      if ((ifs === '' || !hasIfsChar(r, ifs)) && !hasGlob(r)) {
        out.push(r);
        return undefined;
      }
    }
    const pieces: Piece[] = [];
    pushParamResult(h, r as Exclude<ParamResult, { word: Word }>, false, pieces);
    return fieldsInto(h, split(h, pieces, ifs), out);
  }
  if (!m.sync || m.tilde || m.assignTilde || (m.brace && st.options.has('braceexpand'))) return expandWordAsync(h, w, out);
  const pieces: Piece[] = [];
  expandPartsSync(h, w.parts, false, pieces);
  return fieldsInto(h, split(h, pieces, ifsOf(st)), out);
}

/** Bytes bash spends per word of a word list (WORD_LIST, WORD_DESC, the string's header). */
const WORD_COST = 96;

/**
 * Word splitting. Splitting a large expansion (`$(seq 10000000)`) makes as many words as it
 * has separators: that memory is asked for first, so a split too big for the machine meets
 * ulimit -v or the OOM killer instead of the tab's own limits.
 */
function split(h: ExpandHost, pieces: Piece[], ifs: string): ReturnType<typeof splitFields> {
  let size = 0;
  for (const p of pieces) if (!('brk' in p) && p.split) size += p.text.length;
  if (size > 1 << 20 && ifs !== '') {
    let words = 0;
    for (const p of pieces) {
      if ('brk' in p || !p.split) continue;
      for (let i = 0; i < p.text.length; i++) if (ifs.includes(p.text[i]!)) words++;
    }
    const bytes = words * WORD_COST;
    shellAlloc(h.sys, bytes, 'xmalloc', WORD_COST, h.state.arg0);
    h.sys.alloc(-bytes);
  }
  return splitFields(pieces, ifs);
}

/** The general path: brace expansion, tilde expansion and waiting expansions. */
async function expandWordAsync(h: ExpandHost, word: Word, out: string[]): Promise<void> {
  const variants = h.state.options.has('braceexpand') ? braceExpand(word.parts) : [word.parts];
  // echo NAME=~/dir: outside posix mode the value's tildes expand as in an assignment
  const assignLike = memoOf(word).assignTilde && !h.state.options.has('posix');
  for (const variant of variants) {
    const parts = assignLike && variant[0]?.kind === 'lit' ? [variant[0], ...(await tildeExpand(h, variant.slice(1), true))] : variant;
    const pieces = await piecesOf(h, parts, false);
    await globFields(h, split(h, pieces, ifsOf(h.state)), 0, out);
  }
}

function joinPieces(h: ExpandHost, pieces: Piece[]): string {
  if (pieces.length === 1) {
    const p = pieces[0]!;
    if (!('brk' in p)) return p.text;
  }
  let s = '';
  let sep: string | undefined;
  for (const p of pieces) {
    if ('brk' in p) s += sep ??= ifsOf(h.state)[0] ?? '';
    else s += p.text;
  }
  return s;
}

/** Expansion without splitting or globbing (assignment values, redirection targets, here-strings). */
export function expandToString(h: ExpandHost, word: Word, tildeAssign = false): MaybePromise<string> {
  const parts = word.parts;
  if (parts.length === 1) {
    const p = parts[0]!;
    if (p.kind === 'quoted') return p.text;
    if (p.kind === 'lit' && !p.text.startsWith('~') && !(tildeAssign && p.text.includes(':~'))) return p.text;
    // x=$((...)) and x=$y: no pieces
    if (p.kind === 'arith' && memoOf(word).sync) {
      let v: string;
      try {
        v = String(arithText(h, arithSource(h, p.expr)!));
      } catch (e) {
        throw arithExpansionError(e);
      }
      return h.state.arithNotes ? noted(h, v) : v;
    }
    if (p.kind === 'param' && simpleForm(p)) {
      const r = simpleParam(h, p, false)!;
      if (typeof r === 'string') return h.state.arithNotes ? noted(h, r) : r;
      const pieces: Piece[] = [];
      pushParamResult(h, r as Exclude<ParamResult, { word: Word }>, false, pieces);
      return joinPieces(h, pieces);
    }
  }
  const sync = syncPieces(h, word, tildeAssign);
  if (sync) return h.state.arithNotes ? noted(h, joinPieces(h, sync)) : joinPieces(h, sync);
  return piecesOf(h, parts, tildeAssign).then((pieces) => joinPieces(h, pieces));
}

function patternOf(pieces: Piece[], all: boolean): string {
  let s = '';
  for (const p of pieces) s += 'brk' in p ? ' ' : p.quoted ? (all ? p.text.replace(/[^]/gu, '\\$&') : escapeGlob(p.text)) : p.text;
  return s;
}

/** Expansion to a pattern: quoted characters escaped so they match literally (`all`: every one, as set -x shows them). */
export function expandPattern(h: ExpandHost, word: Word, all = false): MaybePromise<string> {
  const sync = syncPieces(h, word, false);
  if (sync) return h.state.arithNotes ? noted(h, patternOf(sync, all)) : patternOf(sync, all);
  return piecesOf(h, word.parts, false).then((pieces) => patternOf(pieces, all));
}

/**
 * The replacement of ${x/pat/rep} under patsub_replacement: an unquoted `&` stands for the
 * matched text, `\\&` for a literal one and `\\\\` for a backslash; quoted text is literal.
 */
export async function expandReplacement(h: ExpandHost, word: Word): Promise<string | ((matched: string) => string)> {
  const pieces = await piecesOf(h, word.parts, false);
  const segments: (string | null)[] = [];
  let lit = '';
  let active = false;
  for (const p of pieces) {
    if ('brk' in p) {
      lit += ' ';
      continue;
    }
    if (p.quoted) {
      lit += p.text;
      continue;
    }
    for (let i = 0; i < p.text.length; i++) {
      const c = p.text[i]!;
      if (c === '\\' && (p.text[i + 1] === '&' || p.text[i + 1] === '\\')) lit += p.text[++i];
      else if (c === '&') {
        segments.push(lit, null);
        lit = '';
        active = true;
      } else lit += c;
    }
  }
  if (!active) return lit;
  segments.push(lit);
  return (matched) => segments.map((x) => x ?? matched).join('');
}

/** The right side of =~: quoted characters match themselves, whatever they mean in a regex. */
export function expandRegex(h: ExpandHost, word: Word): MaybePromise<string> {
  const join = (pieces: Piece[]): string => {
    let s = '';
    for (const p of pieces) s += 'brk' in p ? ' ' : p.quoted ? p.text.replace(/[\\.[\]()*+?{}|^$]/g, '\\$&') : p.text;
    return s;
  };
  const sync = syncPieces(h, word, false);
  if (sync) return join(sync);
  return piecesOf(h, word.parts, false).then(join);
}

/** Tilde expansion at the start of a word (and after `:` / `=` in assignments). */
function hasColonTilde(parts: WordPart[]): boolean {
  return parts.some((p) => p.kind === 'lit' && p.text.includes(':~'));
}

async function tildeExpand(h: ExpandHost, parts: WordPart[], assignment: boolean): Promise<WordPart[]> {
  const first = parts[0];
  if (!first) return parts;
  const leading = first.kind === 'lit' && first.text.startsWith('~');
  if (!leading && !(assignment && hasColonTilde(parts))) return parts;
  const expandOne = async (segment: string, isLast: boolean): Promise<string> => {
    if (!segment.startsWith('~')) return segment;
    const slash = segment.indexOf('/');
    const prefix = slash < 0 ? segment.slice(1) : segment.slice(1, slash);
    if (slash < 0 && !isLast) return segment;
    const rest = slash < 0 ? '' : segment.slice(slash);
    let home: string | undefined;
    if (prefix === '') home = h.state.get('HOME') ?? (await h.homeOf(''));
    else if (prefix === '+') home = h.state.get('PWD');
    else if (prefix === '-') home = h.state.get('OLDPWD');
    else if (/^[A-Za-z0-9_.][A-Za-z0-9_.-]*$/.test(prefix)) home = await h.homeOf(prefix);
    return home === undefined ? segment : home + rest;
  };
  const isLast = parts.length === 1;
  if (assignment) {
    // at the start of the value and after every unquoted `:` (x=$HOME:~/bin too)
    let changed = false;
    const out: WordPart[] = [];
    for (let j = 0; j < parts.length; j++) {
      const p = parts[j]!;
      if (p.kind !== 'lit' || (j > 0 && !p.text.includes(':~'))) {
        out.push(p);
        continue;
      }
      const segs = p.text.split(':');
      const done: string[] = [];
      for (let i = 0; i < segs.length; i++) {
        const seg = segs[i]!;
        done.push(i > 0 || j === 0 ? await expandOne(seg, j === parts.length - 1 || i < segs.length - 1 || seg.includes('/')) : seg);
      }
      const text = done.join(':');
      // assignment values are neither split nor globbed, so the whole segment may be quoted
      if (text !== p.text) changed = true;
      out.push(text === p.text ? p : { kind: 'quoted', text });
    }
    return changed ? out : parts;
  }
  if (first.kind !== 'lit') return parts;
  const slash = first.text.indexOf('/');
  const head = slash < 0 ? first.text : first.text.slice(0, slash);
  const home = await expandOne(head, isLast || slash >= 0);
  if (home === head) return parts;
  // the home directory is not subject to further splitting or globbing
  const remainder = slash < 0 ? '' : first.text.slice(slash);
  return [{ kind: 'quoted', text: home }, ...(remainder ? [{ kind: 'lit' as const, text: remainder }] : []), ...parts.slice(1)];
}
