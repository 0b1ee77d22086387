// Parameter expansion: ${name}, special parameters, arrays and every operator form
// (bash manual, Parameter Expansion).
import type { ParamPart, Word } from './ast';
import { arith, expandPattern, expandReplacement, expandToString, ExpansionError, posixExitError, ifsOf, type ExpandHost, setElement, maxIndex } from './expand';
import { bytewise, replace, trim, compile } from './pattern';
import { reusableQuote, setQuoteLocale } from './quote';
import { decodeAnsiC, utf8Locale } from './ansi-c';
import { encodeText } from '../../shared/bytes';
import { byteChars, decodeBytes, fromByteChars } from './byte-text';
import { attrLetters, declareKey, declareLine, declareQuote } from './declare-text';
import { indexValue } from './subscript';
import { namesWithPrefix } from './var-listing';

/** A value, a list of fields, or a word to expand in place (the quoting of ${x:-"a b"} is kept). */
export type ParamResult = string | { fields: string[]; joined?: string } | { word: Word };

interface Value {
  set: boolean;
  scalar?: string;
  list?: string[];
  star: boolean;
}

/** The single-letter options `$-` shows, in bash's order (flags.c shell_flags), and their long names. */
const FLAG_ORDER: [string, string][] = [
  ['a', 'allexport'], ['b', 'notify'], ['e', 'errexit'], ['f', 'noglob'], ['h', 'hashall'], ['i', ''], ['k', 'keyword'],
  ['m', 'monitor'], ['n', 'noexec'], ['p', 'privileged'], ['r', ''], ['t', 'onecmd'], ['u', 'nounset'], ['v', 'verbose'], ['x', 'xtrace'],
  ['B', 'braceexpand'], ['C', 'noclobber'], ['E', 'errtrace'], ['H', 'histexpand'], ['P', 'physical'], ['T', 'functrace'],
];

/** `$-`: the set flags in bash's order, then c (bash -c) and s (commands from standard input). */
function flagsOf(h: ExpandHost): string {
  const o = h.state.options;
  let f = '';
  for (const [letter, name] of FLAG_ORDER) if (letter === 'i' ? h.state.interactive : letter === 'r' ? h.state.restricted : o.has(name)) f += letter;
  if (h.state.runsCommand) f += 'c';
  if (h.state.readsStdin) f += 's';
  return f;
}

export function arrayValues(h: ExpandHost, name: string): string[] | undefined {
  const v = h.state.lookup(name);
  if (!v) return undefined;
  if (v.array) return [...v.array.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  if (v.assoc) return [...v.assoc.values()];
  return v.value === undefined ? [] : [v.value];
}

async function resolve(h: ExpandHost, p: ParamPart): Promise<Value> {
  const s = h.state;
  const name = p.name;
  if (name === '@' || name === '*') return { set: s.positional.length > 0, list: [...s.positional], star: name === '*' };
  if (p.index) {
    const idx = p.index.text;
    if (idx === '@' || idx === '*') {
      const list = arrayValues(h, name) ?? [];
      return { set: list.length > 0, list, star: idx === '*' };
    }
    const v = s.lookup(name);
    if (v?.assoc) {
      const key = await expandToString(h, p.index);
      const val = v.assoc.get(key);
      return { set: val !== undefined, ...(val !== undefined ? { scalar: val } : {}), star: false };
    }
    let i = Number(await indexValue(h, p.index));
    if (v && i < 0) {
      if (v.array) i += maxIndex(v.array) + 1;
      // reported, and the word goes on with nothing there
      if (i < 0) {
        // ${#a[-9]} names the subscript's text, and the word is abandoned
        if (p.op === 'length') throw new ExpansionError(`${p.index.text}]: bad array subscript`);
        await h.report?.(`${name}: bad array subscript`);
        return { set: false, star: false };
      }
    }
    const val = v?.array ? v.array.get(i) : i === 0 ? v?.value : undefined;
    return { set: val !== undefined, ...(val !== undefined ? { scalar: val } : {}), star: false };
  }
  const val = scalarOf(h, name);
  return { set: val !== undefined, ...(val !== undefined ? { scalar: val } : {}), star: false };
}

/** How set -u names a parameter: `$1` written without braces keeps its `$`. */
function unboundName(p: ParamPart): string {
  return !p.index && /^\d+$/.test(p.name) && p.source === `$${p.name}` ? p.source : displayName(p);
}

function displayName(p: ParamPart): string {
  return p.index ? `${p.name}[${p.index.text}]` : p.name;
}

/** Scalar value of a parameter without a subscript (special parameters included). */
function scalarOf(h: ExpandHost, name: string): string | undefined {
  const s = h.state;
  if (/^\d+$/.test(name)) return name === '0' ? s.dollar0 ?? s.arg0 : s.positional[Number(name) - 1];
  switch (name) {
    case '#': return String(s.positional.length);
    case '?': return String(s.status);
    case '$': return String(s.shellPid);
    case '!': return s.lastBg === undefined ? undefined : String(s.lastBg);
    case '-': return flagsOf(h);
    default: {
      const v = s.get(name);
      if (v === undefined && circularRef(s, name)) (s.arithNotes ??= []).push(`warning: ${name}: circular name reference`);
      return v;
    }
  }
}

/** Whether `name` is a nameref whose chain comes back on itself. */
function circularRef(s: ExpandHost['state'], name: string): boolean {
  const seen = new Set<string>();
  for (let n = name; ; ) {
    const v = s.holder(n).get(n);
    if (!v?.ref || !v.value) return false;
    if (seen.has(n)) return true;
    seen.add(n);
    n = v.value;
  }
}

/**
 * ${name}, $name and ${#name} without a subscript, synchronously (the common case, kept off
 * the async path); undefined for every other form.
 */
export function simpleParam(h: ExpandHost, p: ParamPart, inDq: boolean): ParamResult | undefined {
  if (p.index || p.name === '' || (p.op !== 'plain' && p.op !== 'length')) return undefined;
  const s = h.state;
  if (p.name === '@' || p.name === '*') {
    const list = s.positional;
    if (p.op === 'length') return String(list.length);
    if (p.name === '*' && inDq) return list.join(ifsOf(s)[0] ?? '');
    return { fields: [...list] };
  }
  const v = scalarOf(h, p.name);
  if (v === undefined && s.options.has('nounset')) throw new ExpansionError(`${unboundName(p)}: unbound variable`, true);
  return p.op === 'length' ? String(textLength(h, v ?? '')) : (v ?? '');
}

/** Upper or lower case; in the C locale only ASCII letters change. */
function caseMap(h: ExpandHost, s: string, upper: boolean): string {
  if (/^[\x00-\x7f]*$/.test(s) || utf8Locale(h.state)) return upper ? s.toUpperCase() : s.toLowerCase();
  return s.replace(/[A-Za-z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
}

/** In the C locale bash counts and slices bytes; in UTF-8, characters. */
function textLength(h: ExpandHost, s: string): number {
  if (/^[\x00-\x7f]*$/.test(s)) return s.length;
  return utf8Locale(h.state) ? [...s].length : encodeText(s).length;
}

function textSlice(h: ExpandHost, s: string, start: number, end: number): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.slice(start, end);
  return utf8Locale(h.state) ? [...s].slice(start, end).join('') : decodeBytes(encodeText(s).slice(start, end));
}

/** `unset`: the parameter is taken as unset (an indirection that led nowhere). */
/** `given`: the value to work on in place of the parameter's own (an indirection that led nowhere is unset). */
export async function expandParam(h: ExpandHost, p: ParamPart, inDq: boolean, given?: Value): Promise<ParamResult> {
  const quick = given ? undefined : simpleParam(h, p, inDq);
  if (quick !== undefined) return quick;
  if (p.name === '') {
    // bash names the text being expanded around it
    if (p.unclosed?.word !== undefined) throw posixExitError(`bad substitution: no closing \`${p.closer ?? '}'}' in ${p.unclosed.word}`);
    throw posixExitError(`${p.context ?? p.source}: bad substitution`);
  }
  if (p.op === 'names') {
    // (${!a[1]*}: the prefix is the text, brackets and all, which no name starts with)
    const list = p.index ? [] : namesWithPrefix(h.state, p.name);
    return inDq && p.source.includes('*') ? list.join(ifsOf(h.state)[0] ?? '') : { fields: list };
  }
  if (p.op === 'keys') {
    const v = h.state.lookup(p.name);
    const keys = v?.array ? [...v.array.keys()].sort((a, b) => a - b).map(String) : v?.assoc ? [...v.assoc.keys()] : v?.value !== undefined ? ['0'] : [];
    return inDq && p.index?.text === '*' ? keys.join(ifsOf(h.state)[0] ?? '') : { fields: keys };
  }
  if (p.op === 'indirect' || p.indirect) {
    // ${!ref} of a nameref is the name it refers to
    const named = p.op === 'indirect' && !p.index ? h.state.holder(p.name).get(p.name) : undefined;
    if (named?.ref) return named.value ?? '';
    const { indirect: _, ...rest } = p;
    const held = !p.index ? h.state.holder(p.name).get(p.name) : undefined;
    if (held?.ref && held.value) return expandParam(h, { ...rest, name: held.value }, inDq, nameHeld(h, p.op, held.value));
    const target = await resolve(h, { ...rest, op: 'plain' });
    const ref = target.scalar ?? target.list?.join(' ') ?? '';
    // the variable named must be set, and its value a name (bash's parameter_brace_expand_indir);
    // an unset positional or special parameter names nothing
    if (!target.set && (!target.list || (p.index !== undefined && target.list.length === 0))) {
      // (an array element that is not set names nothing too)
      if (!p.index && !/^(\d+|[@*#?$!-])$/.test(p.name)) throw new ExpansionError(`${displayName(p)}: invalid indirect expansion`);
      if (h.state.options.has('nounset') && p.op === 'indirect') throw new ExpansionError(`!${p.name}: unbound variable`, true);
      if (p.op === 'indirect') return '';
      // the operator applies to nothing: ${!1:-word} gives the word
      const { indirect: _ind, ...plain } = p;
      return expandParam(h, plain, inDq, { set: false, star: false });
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$|^(\d+|[@*#?$!-])$/.exec(ref);
    if (!m) throw new ExpansionError(`${ref}: invalid variable name`);
    const { index: _i, ...ops } = rest;
    const inner: ParamPart = m[1]
      ? { ...ops, name: m[1], op: p.op === 'indirect' ? 'plain' : p.op, source: ref, ...(m[2] !== undefined ? { index: { parts: [{ kind: 'lit', text: m[2] }], text: m[2] } } : {}) }
      : { ...ops, name: m[3]!, op: p.op === 'indirect' ? 'plain' : p.op, source: ref };
    try {
      return await expandParam(h, inner, inDq);
    } catch (e) {
      // set -u names the reference, not the variable it led to
      if (e instanceof ExpansionError && e.message.endsWith(': unbound variable')) throw new ExpansionError(`!${p.name}: unbound variable`, e.fatal);
      throw e;
    }
  }
  const v: Value = given ?? await resolve(h, p);
  const join = (list: string[]): string => list.join(v.star ? (ifsOf(h.state)[0] ?? '') : ' ');
  const asResult = (list: string[]): ParamResult => (v.star && inDq ? join(list) : { fields: list });
  const nounset = (): void => {
    if (!v.set && !v.list && h.state.options.has('nounset')) throw new ExpansionError(`${unboundName(p)}: unbound variable`, true);
  };

  switch (p.op) {
    case 'plain':
      nounset();
      return v.list ? asResult(v.list) : (v.scalar ?? '');
    case 'length':
      nounset();
      if (v.list && v.list.length === 0 && h.state.options.has('nounset') && /^[A-Za-z_]/.test(p.name) && (!h.state.lookup(p.name) || h.state.lookup(p.name)?.declaredOnly)) {
        // reported, but unlike a scalar it does not end the shell
        throw new ExpansionError(`${p.name}: unbound variable`);
      }
      if (v.list) return String(v.list.length);
      return String(textLength(h, v.scalar ?? ''));
    case 'default':
    case 'assign':
    case 'error':
    case 'alt': {
      const present = v.list ? v.list.length > 0 && (!p.colon || v.list.some((x) => x !== '')) : v.set && (!p.colon || v.scalar !== '');
      // "${a[@]:+x}" with nothing there is no word at all, as "${a[@]}" is
      if (p.op === 'alt') return present ? { word: p.arg! } : v.list && !v.star ? { fields: [] } : '';
      if (present) return v.list ? asResult(v.list) : v.scalar!;
      if (p.op === 'default') return { word: p.arg! };
      const value = await expandToString(h, p.arg!, p.op === 'assign');
      // no word at all: bash's own text (`${x?""}` says nothing)
      if (p.op === 'error') throw new ExpansionError(`${displayName(p)}: ${p.arg?.text ? value : p.colon ? 'parameter null or not set' : 'parameter not set'}`, true);
      if (!/^[A-Za-z_]/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
      if (p.index) {
        const index = await expandToString(h, p.index);
        if (!setElement(h.state, p.name, index, value)) throw new ExpansionError(`${p.name}[${p.index.text}]: bad array subscript`);
      } else h.state.set(p.name, value);
      return value;
    }
    case 'trimPrefix':
    case 'trimPrefixLong':
    case 'trimSuffix':
    case 'trimSuffixLong': {
      nounset();
      const pat = await expandPattern(h, p.arg!);
      const bytes = !utf8Locale(h.state);
      const ext = h.state.shopts.has('extglob');
      const f = (s: string): string => (bytes ? bytewise(s, pat, (t, q) => trim(t, q, p.op.startsWith('trimPrefix'), p.op.endsWith('Long'), ext)) : trim(s, pat, p.op.startsWith('trimPrefix'), p.op.endsWith('Long'), ext));
      return v.list ? asResult(v.list.map(f)) : f(v.scalar ?? '');
    }
    case 'replace':
    case 'replaceAll':
    case 'replacePrefix':
    case 'replaceSuffix': {
      nounset();
      const pat = await expandPattern(h, p.arg!);
      const rep = !p.arg2 ? '' : h.state.shopts.has('patsub_replacement') ? await expandReplacement(h, p.arg2) : await expandToString(h, p.arg2);
      const mode = p.op === 'replace' ? 'first' : p.op === 'replaceAll' ? 'all' : p.op === 'replacePrefix' ? 'prefix' : 'suffix';
      const utf8 = utf8Locale(h.state);
      const ext = h.state.shopts.has('extglob');
      const f = (s: string): string => {
        const t = utf8 ? undefined : byteChars(s);
        const q = utf8 ? undefined : byteChars(pat);
        if (t === undefined && q === undefined) return replace(s, pat, rep, mode, ext);
        // the C locale: text, pattern and replacement as bytes
        const r = typeof rep === 'string' ? byteChars(rep) ?? rep : (m: string): string => {
          const x = rep(fromByteChars(m));
          return byteChars(x) ?? x;
        };
        return fromByteChars(replace(t ?? s, q ?? pat, r, mode, ext));
      };
      return v.list ? asResult(v.list.map(f)) : f(v.scalar ?? '');
    }
    case 'substr': {
      nounset();
      // an unset variable (or an array with no elements) gives nothing before the offset and
      // length are evaluated; $@ and $* evaluate them whatever
      if (!v.set && p.name !== '@' && p.name !== '*') return v.list ? asResult([]) : '';
      // an error in the offset or length names the parameter first
      const named = async (w: Word): Promise<number> => {
        try {
          return Number(await arith(h, w));
        } catch (e) {
          if (e instanceof ExpansionError && e.arith) e.message = `${displayName(p)}: ${e.message}`;
          throw e;
        }
      };
      const off = await named(p.arg!);
      const whole = v.list && p.index && /^[@*]$/.test(p.index.text) ? h.state.lookup(targetName(h, p.name)) : undefined;
      const table = whole?.array;
      // an associative array's elements count from 1, as the positional parameters do (0 and 1
      // both start at the first)
      const counted = p.name === '@' || p.name === '*' || whole?.assoc !== undefined;
      // an offset out of range gives nothing before the length is evaluated (bash's
      // verify_substring_values): past a string's length, an array's highest index + 1, or the
      // number of positional parameters + 1
      {
        const size = !v.list ? textLength(h, v.scalar ?? '') : table ? (table.size ? maxIndex(table) + 1 : 0) : v.list.length + (counted ? 1 : 0);
        if ((off < 0 ? size + off : off) < 0 || off > size) return v.list ? asResult([]) : '';
      }
      const len = p.arg2 ? await named(p.arg2) : undefined;
      if (table && v.list) {
        // an indexed array's offset is an index: the elements from there on (a negative one counts back from the end)
        const keys = [...table.keys()].sort((a, b) => a - b);
        const start = off < 0 ? (keys.length ? keys[keys.length - 1]! + 1 : 0) + off : off;
        if (len !== undefined && len < 0) throw new ExpansionError(`${len}: substring expression < 0`);
        if (start < 0) return asResult([]);
        const from = keys.filter((k) => k >= start);
        return asResult((len === undefined ? from : from.slice(0, len)).map((k) => table.get(k)!));
      }
      if (v.list) {
        // for $@ the offset counts $0 as 0
        const base = p.name === '@' || p.name === '*' ? [h.state.dollar0 ?? h.state.arg0, ...v.list] : counted ? ['', ...v.list] : v.list;
        let start = off < 0 ? base.length + off : off;
        if (start < 0) return asResult([]);
        if (p.name === '@' || p.name === '*') start = Math.max(start, 0);
        else if (counted) start = Math.max(start, 1);
        if (len !== undefined && len < 0) throw new ExpansionError(`${len}: substring expression < 0`);
        return asResult(base.slice(start, len === undefined ? undefined : start + len));
      }
      const size = textLength(h, v.scalar ?? '');
      let start = off < 0 ? size + off : off;
      if (start < 0) return '';
      start = Math.min(start, size);
      let end = size;
      if (len !== undefined) {
        end = len < 0 ? size + len : start + len;
        if (end < start) {
          if (len < 0) throw new ExpansionError(`${len}: substring expression < 0`);
          end = start;
        }
      }
      return textSlice(h, v.scalar ?? '', start, end);
    }
    case 'upperFirst':
    case 'upperAll':
    case 'lowerFirst':
    case 'lowerAll':
    case 'toggleFirst':
    case 'toggleAll': {
      nounset();
      const pat = p.arg && p.arg.text !== '' ? await expandPattern(h, p.arg) : '?';
      const re = compile(pat, 'whole', h.state.shopts.has('extglob'));
      const convert = p.op.startsWith('upper') ? (c: string) => c.toUpperCase() : p.op.startsWith('lower') ? (c: string) => c.toLowerCase()
        : (c: string) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase());
      // in the C locale only ASCII letters have cases
      const ascii = !utf8Locale(h.state);
      const change = (c: string): string => (ascii && c > '\x7f' ? c : convert(c));
      const f = (s: string): string => {
        const chars = [...s];
        const count = p.op.endsWith('All') ? chars.length : Math.min(1, chars.length);
        for (let i = 0; i < count; i++) if (re.test(chars[i]!)) chars[i] = change(chars[i]!);
        return chars.join('');
      };
      return v.list ? asResult(v.list.map(f)) : f(v.scalar ?? '');
    }
    case 'transform': {
      nounset();
      const op = p.arg?.text ?? '';
      // an unknown operator is found only when there is a value to apply it to, and then it
      // ends a script (bash's parameter_brace_transform returns &expand_param_fatal)
      if (!/^[QEPAaULuKk]$/.test(op)) {
        if (v.list ? v.list.length === 0 : !v.set) return v.list ? asResult([]) : '';
        throw new ExpansionError(`${p.context ?? p.source}: bad substitution`, true);
      }
      return transformParam(h, p, op, v, asResult);
    }
    default:
      throw posixExitError(`${p.source}: bad substitution`);
  }
}

export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * ${!ref<op>} where ref is a nameref: the operator works on the name ref holds, except that the
 * ones that look the variable up again (trimming, replacing, slicing, case changes, @ transforms)
 * see an array's first element (bash's get_var_and_type).
 */
function nameHeld(h: ExpandHost, op: ParamPart['op'], name: string): Value {
  const plain = op === 'plain' || op === 'default' || op === 'assign' || op === 'error' || op === 'alt' || op === 'length';
  const v = plain ? undefined : h.state.lookup(targetName(h, name));
  const first = v?.array ? v.array.get(0) : v?.assoc ? v.assoc.get('0') : undefined;
  return { set: true, scalar: v?.array || v?.assoc ? first ?? '' : name, star: false };
}

/** The variable a name ends at after following namerefs. */
function targetName(h: ExpandHost, name: string): string {
  for (let depth = 0; depth < 8; depth++) {
    const v = h.state.holder(name).get(name);
    if (!v?.ref || !v.value) break;
    name = v.value;
  }
  return name;
}

/** ${x@op}: case changes, quoting, escapes, prompt decoding, attributes and reusable assignments. */
async function transformParam(h: ExpandHost, p: ParamPart, op: string, v: Value, asResult: (list: string[]) => ParamResult): Promise<ParamResult> {
  const positional = p.name === '@' || p.name === '*';
  const whole = positional || p.index?.text === '@' || p.index?.text === '*';
  setQuoteLocale(utf8Locale(h.state));
  const name = positional || /^\d/.test(p.name) ? undefined : targetName(h, p.name);
  const variable = name === undefined ? undefined : h.state.lookup(name);
  const each = async (f: (s: string) => string | Promise<string>): Promise<ParamResult> => {
    if (v.list) {
      const out: string[] = [];
      for (const x of v.list) out.push(await f(x));
      return asResult(out);
    }
    return v.set ? f(v.scalar ?? '') : '';
  };
  const table = variable && whole && (variable.array || variable.assoc) ? variable : undefined;
  switch (op) {
    case 'Q': return each(reusableQuote);
    case 'U': return each((s) => caseMap(h, s, true));
    case 'L': return each((s) => caseMap(h, s, false));
    case 'u': return each((s) => caseMap(h, s.charAt(0), true) + s.slice(1));
    case 'E': return each((s) => decodeAnsiC(s, 0, utf8Locale(h.state), false).text);
    case 'P': return each((s) => promptText(h, s));
    case 'a': {
      const flags = variable ? attrLetters(variable) : '';
      return v.list ? asResult(v.list.map(() => flags)) : flags;
    }
    case 'A': {
      // with @ the text comes back as words, split where it has blanks outside its quotes
      const listed = (line: string): ParamResult => (p.name === '@' || p.index?.text === '@' ? { fields: quotedWords(line) } : line);
      if (positional) return v.list?.length ? listed(`set -- ${v.list.map(reusableQuote).join(' ')}`) : '';
      if (!variable || name === undefined) return '';
      if (table) return listed(declareLine(name, table));
      const flags = attrLetters(variable);
      const lead = flags ? `declare -${flags} ` : '';
      if (v.list) return v.list.length ? `${lead}${name}=${reusableQuote(v.list[0]!)}` : '';
      return v.set ? `${lead}${name}=${reusableQuote(v.scalar ?? '')}` : flags ? `declare -${flags} ${name}` : '';
    }
    case 'K':
    case 'k': {
      if (!table) return each(reusableQuote);
      const pairs: [string, string][] = table.assoc ? [...table.assoc] : [...table.array!].sort((a, b) => a[0] - b[0]).map(([i, x]) => [String(i), x]);
      if (op === 'k' || pairs.length === 0) return asResult(pairs.flat());
      if (table.assoc) return pairs.map(([k, x]) => `${declareKey(k)} ${declareQuote(x)} `).join('');
      return pairs.map(([k, x]) => `${k} ${declareQuote(x)}`).join(' ');
    }
    default: return each((s) => s);
  }
}

/** Splits text at the blanks outside its '...', $'...' and "..." quotes and (...) lists. */
function quotedWords(text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!quote && c === '(') depth++;
    else if (!quote && c === ')') depth--;
    if (!quote && depth === 0 && c === ' ') {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    cur += c;
    if (c === '\\' && quote !== "'") cur += text[++i] ?? '';
    else if (quote ? c === quote : c === "'" || c === '"') quote = quote ? '' : c;
  }
  if (cur) words.push(cur);
  return words;
}

/** ${x@P}: the value decoded as a prompt string is (PS1's backslash escapes, then expansions). */
async function promptText(h: ExpandHost, s: string): Promise<string> {
  if (!h.promptText) return s;
  return h.promptText(s);
}
