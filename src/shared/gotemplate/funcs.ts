// The builtin template functions (text/template/funcs.go, Go 1.22 wording, the toolchain of
// docker 27) and docker's additions (docker/cli templates/templates.go at v27).

import { sprint, sprintln } from './fmt';
import { sprintf } from './printf';
import { jsonEncode } from './json';
import { decodeUtf8, utf8Bytes, utf8Length } from './utf8';
import type { FuncSpec, ParamType } from './values';
import { compareKeys, dataEntries, funcSpecOf, goFunc, goSlice, GoNumber, kindOf, numberValue, typeInfoOf, typeNameOf } from './values';

/** An error returned (or a panic raised) by a template function: "error calling NAME: MSG". */
export class FuncError extends Error {}

export interface GoFunction extends FuncSpec {
  /** and, or and call are evaluated specially by the executor, as in Go. */
  special?: 'and' | 'or' | 'call';
  fn: (...args: unknown[]) => unknown;
}

/** Functions a caller adds; goFunc() declares their Go signatures (else fn.length args of any type). */
export type FuncMap = Record<string, Function>;

export function toGoFunction(fn: Function, self?: unknown): GoFunction {
  const spec = funcSpecOf(fn);
  return { ...spec, fn: (...args: unknown[]) => (fn as (...a: unknown[]) => unknown).apply(self, args) };
}

function fail(msg: string): never {
  throw new FuncError(msg);
}

// ---- truth and comparison ----

export function isTrue(v: unknown): { truth: boolean; ok: boolean } {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil': return { truth: false, ok: true };
    case 'bool': return { truth: v as boolean, ok: true };
    case 'string': return { truth: (v as string).length > 0, ok: true };
    case 'slice': return { truth: (v as unknown[]).length > 0, ok: true };
    case 'map': return { truth: dataEntries(v as Record<string, unknown>).length > 0, ok: true };
    case 'struct': return { truth: true, ok: true };
    case 'int':
    case 'uint':
    case 'float': return { truth: numberValue(v) !== 0, ok: true };
    case 'func': return { truth: true, ok: true };
  }
}

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}

/** reflect.Value validity after indirectInterface: both missing values and nil interfaces are invalid. */
function isValid(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function eq(arg1: unknown, ...arg2: unknown[]): boolean {
  if (arg2.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of arg2) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) {
        truth = numberValue(arg1) === numberValue(arg);
      } else if (isValid(arg1) && isValid(arg)) {
        fail('incompatible types for comparison');
      }
    } else if (k1 === 'bool' || k1 === 'string') {
      truth = arg1 === arg;
    } else if (k1 !== 'invalid') {
      truth = numberValue(arg1) === numberValue(arg);
    } else {
      const ka = kindOf(arg1);
      const kb = kindOf(arg);
      const nilA = !isValid(arg1);
      const nilB = !isValid(arg);
      if (ka !== kb && !nilA && !nilB) {
        fail(`non-comparable types ${sprintf('%s', [arg1])}: ${typeNameOf(arg1)}, ${typeNameOf(arg)}: ${sprintf('%v', [arg])}`);
      }
      if (nilA || nilB) truth = nilA === nilB;
      else {
        if (kb === 'slice' || kb === 'map' || kb === 'func') fail(`non-comparable type ${sprintf('%s', [arg])}: ${typeNameOf(arg)}`);
        truth = arg1 === arg;
      }
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const k1 = basicKind(arg1);
  if (k1 === 'invalid') fail('invalid type for comparison');
  const k2 = basicKind(arg2);
  if (k2 === 'invalid') fail('invalid type for comparison');
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numberValue(arg1) < numberValue(arg2);
    fail('incompatible types for comparison');
  }
  if (k1 === 'bool') fail('invalid type for comparison');
  if (k1 === 'string') return compareKeys(arg1 as string, arg2 as string) < 0; // byte order, as Go
  return numberValue(arg1) < numberValue(arg2);
}

const le = (a: unknown, b: unknown): boolean => lt(a, b) || eq(a, b);

// ---- indexing, slicing, length ----

function indexArg(index: unknown, cap: number): number {
  const k = kindOf(index);
  if (k !== 'int' && k !== 'uint') {
    if (!isValid(index)) fail('cannot index slice/array with nil');
    fail(`cannot index slice/array with type ${typeNameOf(index)}`);
  }
  const x = numberValue(index);
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

/** The zero value of a map's element type: what `index` yields for a missing key. */
function mapElemZero(m: Record<string, unknown>): unknown {
  const info = typeInfoOf(m);
  if (info?.hasElemZero) return info.elemZero;
  return typeNameOf(m) === 'map[string]string' ? '' : undefined;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (!isValid(item) && item !== null) fail('index of untyped nil');
  for (const idx of indexes) {
    if (item === null) fail('index of nil pointer');
    const k = kindOf(item);
    if (k === 'string') {
      const bytes = utf8Bytes(item as string);
      const x = indexArg(idx, bytes.length);
      if (x === bytes.length) fail('reflect: string index out of range');
      item = new GoNumber(bytes[x] ?? 0, 'uint8', 'uint');
    } else if (k === 'slice') {
      const arr = item as unknown[];
      const x = indexArg(idx, arr.length);
      if (x === arr.length) fail('reflect: slice index out of range');
      item = arr[x];
    } else if (k === 'map') {
      if (!isValid(idx)) fail('value is nil; should be of type string');
      if (typeof idx !== 'string') fail(`value has type ${typeNameOf(idx)}; should be string`);
      const m = item as Record<string, unknown>;
      item = Object.prototype.hasOwnProperty.call(m, idx) ? m[idx] : mapElemZero(m);
    } else {
      fail(`can't index item of type ${typeNameOf(item)}`);
    }
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  const k = kindOf(item);
  let len: number;
  if (k === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    len = utf8Length(item as string);
  } else if (k === 'slice') {
    len = (item as unknown[]).length;
  } else {
    fail(`can't slice item of type ${typeNameOf(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((v, i) => {
    idx[i] = indexArg(v, len);
  });
  const [i0 = 0, i1 = len, i2 = len] = idx;
  if (i0 > i1) fail(`invalid slice index: ${i0} > ${i1}`);
  if (indexes.length === 3 && i1 > i2) fail(`invalid slice index: ${i1} > ${i2}`);
  if (k === 'string') return decodeUtf8(utf8Bytes(item as string).slice(i0, i1));
  const out = (item as unknown[]).slice(i0, i1);
  const info = typeInfoOf(item as unknown[]);
  return info ? goSlice(out, info.name) : out;
}

function length(item: unknown): number {
  if (item === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) fail('len of nil pointer');
  switch (kindOf(item)) {
    case 'string': return utf8Length(item as string);
    case 'slice': return (item as unknown[]).length;
    case 'map': return dataEntries(item as Record<string, unknown>).length;
  }
  return fail(`len of type ${typeNameOf(item)}`);
}

function call(fn: unknown, ...args: unknown[]): unknown {
  if (!isValid(fn)) fail('call of nil');
  if (typeof fn !== 'function') fail(`non-function of type ${typeNameOf(fn)}`);
  const spec = funcSpecOf(fn);
  const numIn = spec.params.length;
  if (spec.variadic ? args.length < numIn - 1 : args.length !== numIn) {
    fail(`wrong number of args: got ${args.length} want ${spec.variadic ? 'at least ' + (numIn - 1) : numIn}`);
  }
  return (fn as (...a: unknown[]) => unknown)(...args);
}

// ---- escaping ----

/** evalArgs: fmt.Sprint of the arguments, with missing values as <no value>. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (isValid(a) ? a : '<no value>')));
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
    }
    if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp >= 0x80 && !/^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const V: ParamType = 'value';
const A: ParamType = 'any';

function builtin(params: ParamType[], variadic: boolean, fn: (...args: never[]) => unknown, special?: GoFunction['special']): GoFunction {
  return { params, variadic, fn: fn as (...args: unknown[]) => unknown, special };
}

export const BUILTINS: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  ['and', builtin([V, V], true, () => undefined, 'and')],
  ['or', builtin([V, V], true, () => undefined, 'or')],
  ['call', builtin([V, V], true, call, 'call')],
  ['html', builtin([A], true, (...a: unknown[]) => htmlEscape(evalArgs(a)))],
  ['js', builtin([A], true, (...a: unknown[]) => jsEscape(evalArgs(a)))],
  ['urlquery', builtin([A], true, (...a: unknown[]) => queryEscape(evalArgs(a)))],
  ['index', builtin([V, V], true, index)],
  ['slice', builtin([V, V], true, slice)],
  ['len', builtin([V], false, length)],
  ['not', builtin([V], false, (v: unknown) => !isTrue(v).truth)],
  ['print', builtin([A], true, (...a: unknown[]) => sprint(a))],
  ['printf', builtin(['string', A], true, (f: string, ...a: unknown[]) => sprintf(f, a))],
  ['println', builtin([A], true, (...a: unknown[]) => sprintln(a))],
  ['eq', builtin([V, V], true, eq)],
  ['ne', builtin([V, V], false, (a: unknown, b: unknown) => !eq(a, b))],
  ['lt', builtin([V, V], false, lt)],
  ['le', builtin([V, V], false, le)],
  ['gt', builtin([V, V], false, (a: unknown, b: unknown) => !le(a, b))],
  ['ge', builtin([V, V], false, (a: unknown, b: unknown) => !lt(a, b))],
]);

// ---- docker's functions ----

/** strings.Title: upper-cases the first letter of each word (ASCII word boundaries). */
function title(s: string): string {
  const isSeparator = (c: string): boolean => {
    const cp = c.codePointAt(0) ?? 0;
    if (cp <= 0x7f) return !/[0-9a-zA-Z_]/.test(c);
    if (/[\p{L}\p{Nd}]/u.test(c)) return false;
    return /\s/u.test(c);
  };
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? simpleCase(ch, true) : ch;
    prev = ch;
  }
  return out;
}

/** unicode.ToUpper/ToLower map one rune to one rune (JS 'ß'.toUpperCase() is 'SS'). */
function simpleCase(ch: string, upper: boolean): string {
  const c = upper ? ch.toUpperCase() : ch.toLowerCase();
  return Array.from(c).length === 1 ? c : ch;
}

function mapRunes(s: string, upper: boolean): string {
  return Array.from(s, (ch) => simpleCase(ch, upper)).join('');
}

function repeatSpaces(n: number): string {
  if (n < 0) fail('strings: negative Repeat count');
  return ' '.repeat(n);
}

/** docker's template functions (templates.basicFunctions). */
export const dockerFuncs: FuncMap = {
  // Encoder with SetEscapeHTML(false), trailing newline trimmed.
  json: goFunc((v: unknown) => jsonEncode(v, false), ['any']),
  split: goFunc((s: string, sep: string) => goSlice(sep === '' ? Array.from(s) : s.split(sep), '[]string'), ['string', 'string']),
  // docker 27 uses strings.Join, so the argument must be a []string.
  join: goFunc((a: string[], sep: string) => a.join(sep), ['[]string', 'string']),
  title: goFunc(title, ['string']),
  lower: goFunc((s: string) => mapRunes(s, false), ['string']),
  upper: goFunc((s: string) => mapRunes(s, true), ['string']),
  pad: goFunc((s: string, prefix: number, suffix: number) => (s === '' ? s : repeatSpaces(prefix) + s + repeatSpaces(suffix)), ['string', 'int', 'int']),
  truncate: goFunc((s: string, n: number) => {
    if (utf8Length(s) < n) return s;
    if (n < 0) fail(`runtime error: slice bounds out of range [:${n}]`);
    return decodeUtf8(utf8Bytes(s).slice(0, n));
  }, ['string', 'int']),
};

/** docker's templates.HeaderFunctions: used to render a table header, leaving names intact. */
export const dockerHeaderFuncs: FuncMap = {
  json: goFunc((v: string) => v, ['string']),
  split: goFunc((v: string) => v, ['string', 'string']),
  join: goFunc((v: string) => v, ['string', 'string']),
  title: goFunc((v: string) => v, ['string']),
  lower: goFunc((v: string) => v, ['string']),
  upper: goFunc((v: string) => v, ['string']),
  truncate: goFunc((v: string) => v, ['string', 'int']),
};
