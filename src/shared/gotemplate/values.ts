// How plain JS data stands in for Go values.
//
//   undefined            an invalid reflect.Value: a missing map key, prints "<no value>"
//   null                 a nil pointer/interface: prints "<nil>", is false
//   string / boolean     string / bool
//   number               int when it is an integer, else float64
//   GoNumber             a number with an explicit Go type (goFloat(2) is float64, not int)
//   array                a slice ([]string when every element is a string, else []interface {})
//   object               a map (map[string]string when every value is a string, else
//                        map[string]interface {}); goStruct() makes it a struct, whose missing
//                        fields are an error rather than "<no value>"
//   function property    a method: {{.Label "x"}} calls obj.Label("x")
//
// Type names only matter for error messages and %T, so they default to what encoding/json
// would have decoded, and callers name the types of the values that Docker really passes
// (goStruct(ctx, '*formatter.ContainerContext')).

export type NumberKind = 'int' | 'uint' | 'float';

export class GoNumber {
  constructor(
    readonly value: number,
    readonly type: string,
    readonly kind: NumberKind,
  ) {}
}

function kindOfTypeName(type: string): NumberKind {
  if (/^float/.test(type)) return 'float';
  if (/^(uint|byte|uintptr)/.test(type)) return 'uint';
  return 'int';
}

/** A number of an explicit Go type: goNumber(5, 'int64'), goNumber(1, 'float64'). */
export function goNumber(value: number, type = 'int', kind?: NumberKind): GoNumber {
  return new GoNumber(value, type, kind ?? kindOfTypeName(type));
}

export function goFloat(value: number): GoNumber {
  return new GoNumber(value, 'float64', 'float');
}

export interface GoTypeInfo {
  name: string;
  kind: 'struct' | 'map' | 'slice';
  /** For maps: what `index` yields for a missing key (undefined: the zero interface). */
  elemZero?: unknown;
  hasElemZero?: boolean;
}

const typeInfos = new WeakMap<object, GoTypeInfo>();

/** Marks `obj` as a Go struct (or pointer to struct when the name starts with '*'). */
export function goStruct<T extends object>(obj: T, typeName: string): T {
  typeInfos.set(obj, { name: typeName, kind: 'struct' });
  return obj;
}

/** Names a map's type; `elemZero` is the zero value of its element type ('' for map[string]string). */
export function goMap<T extends object>(obj: T, typeName: string, ...elemZero: [] | [unknown]): T {
  typeInfos.set(obj, { name: typeName, kind: 'map', elemZero: elemZero[0], hasElemZero: elemZero.length > 0 });
  return obj;
}

/** Names a slice's type (e.g. '[]string' for an empty slice that must satisfy join). */
export function goSlice<T extends unknown[]>(arr: T, typeName: string): T {
  typeInfos.set(arr, { name: typeName, kind: 'slice' });
  return arr;
}

export function typeInfoOf(v: object): GoTypeInfo | undefined {
  return typeInfos.get(v);
}

// ---- functions and methods ----

/** Parameter types a function can declare; they decide conversions and error messages. */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'float' | 'bool' | '[]string';

export interface FuncSpec {
  params: ParamType[];
  variadic: boolean;
}

type AnyFunction = Function;

const funcSpecs = new WeakMap<AnyFunction, FuncSpec>();

/** Declares a function's Go signature: goFunc(fn, ['string', 'int']) or variadic ['string', 'any']. */
export function goFunc<F extends AnyFunction>(fn: F, params: ParamType[], variadic = false): F {
  funcSpecs.set(fn, { params, variadic });
  return fn;
}

/** A function without a declared signature takes fn.length arguments of any type. */
export function funcSpecOf(fn: AnyFunction): FuncSpec {
  return funcSpecs.get(fn) ?? { params: new Array<ParamType>(fn.length).fill('any'), variadic: false };
}

export function paramTypeName(t: ParamType): string {
  switch (t) {
    case 'any': return 'interface {}';
    case 'value': return 'reflect.Value';
    case 'float': return 'float64';
    default: return t;
  }
}

// ---- kinds and type names ----

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'func';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(v) ? 'int' : 'float';
    case 'bigint': return 'int';
    case 'function': return 'func';
  }
  if (v instanceof GoNumber) return v.kind;
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return typeInfos.get(v)?.kind === 'struct' ? 'struct' : 'map';
  return 'invalid';
}

export function numberValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof GoNumber) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return NaN;
}

/** Own enumerable entries that are data, not methods: a struct's fields or a map's entries. */
export function dataEntries(obj: Record<string, unknown>): [string, unknown][] {
  return Object.keys(obj)
    .filter((k) => typeof obj[k] !== 'function')
    .map((k) => [k, obj[k]]);
}

export function typeNameOf(v: unknown): string {
  if (v === undefined || v === null) return 'interface {}';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(v) ? 'int' : 'float64';
    case 'bigint': return 'int64';
    case 'function': return 'func()';
  }
  if (v instanceof GoNumber) return v.type;
  if (typeof v !== 'object') return 'interface {}';
  const info = typeInfos.get(v);
  if (info) return info.name;
  if (Array.isArray(v)) return v.every((e) => typeof e === 'string') ? '[]string' : '[]interface {}';
  const values = dataEntries(v as Record<string, unknown>).map(([, e]) => e);
  return values.every((e) => typeof e === 'string') ? 'map[string]string' : 'map[string]interface {}';
}

/** Looks a field or method up the way Go would see it: own data, or (for structs) a prototype member. */
export function lookupMember(obj: object, name: string, struct: boolean): { found: boolean; value: unknown } {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return { found: true, value: (obj as Record<string, unknown>)[name] };
  if (struct && name in obj && !(name in Object.prototype)) return { found: true, value: (obj as Record<string, unknown>)[name] };
  return { found: false, value: undefined };
}

/** Go's comparison order for map keys (fmtsort): strings by bytes, i.e. by code point. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const ra = Array.from(a);
  const rb = Array.from(b);
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i]?.codePointAt(0) ?? 0;
    const y = rb[i]?.codePointAt(0) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}

export function sortedKeys(obj: Record<string, unknown>): string[] {
  return dataEntries(obj)
    .map(([k]) => k)
    .sort(compareKeys);
}

/**
 * Go's validateType: whether a value can be passed as a parameter of type `typ` (null: no
 * check), with a missing value becoming the type's zero where the type can be nil.
 */
export function coerceArg(value: unknown, typ: ParamType | null): { value: unknown } | { error: string } {
  if (typ === null || typ === 'value') return { value };
  if (value === undefined) {
    if (typ === 'any') return { value: null };
    if (typ === '[]string') return { value: [] };
    return { error: `invalid value; expected ${paramTypeName(typ)}` };
  }
  if (typ === 'any') return { value };
  const kind = kindOf(value);
  const name = typeNameOf(value);
  let ok: boolean;
  switch (typ) {
    case 'string': ok = kind === 'string'; break;
    case 'bool': ok = kind === 'bool'; break;
    case 'int': ok = kind === 'int' && name === 'int'; break;
    case 'float': ok = kind === 'float' && name === 'float64'; break;
    case '[]string': ok = name === '[]string'; break;
  }
  if (!ok) return { error: `wrong type for value; expected ${paramTypeName(typ)}; got ${name}` };
  return { value: typ === 'int' || typ === 'float' ? numberValue(value) : value };
}
