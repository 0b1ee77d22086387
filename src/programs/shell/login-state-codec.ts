// The login checkpoint's encoding (login-checkpoint.ts): a shell's state and the system calls it
// made, as JSON-able values. Maps, sets, the shell's own tables (AssocMap, CompTable), byte
// arrays, undefined and errors keep their kinds; a function is only marked (its place keeps the
// function the running shell has there).
import { SysError, type Errno } from '../../shared/errno';
import { AssocMap } from './assoc';
import { CompTable } from './completion/table';

/** Classes the state holds, by a name that survives minifying. */
const CLASSES: [string, new () => object][] = [
  ['AssocMap', AssocMap],
  ['CompTable', CompTable],
];

export type Encoded = null | boolean | number | string | Encoded[] | { [k: string]: Encoded };

/** Thrown for a value the encoding cannot carry (a WeakMap, a promise...). */
export class Unencodable extends Error {}

function className(v: object): string | undefined {
  for (const [name, cls] of CLASSES) if (Object.getPrototypeOf(v) === cls.prototype) return name;
  return undefined;
}

function ownFields(v: object): { [k: string]: Encoded } {
  const out: { [k: string]: Encoded } = {};
  for (const k of Object.keys(v)) out[k] = encode((v as Record<string, unknown>)[k]);
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

export function encode(v: unknown): Encoded {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $n: String(v) };
  if (v === undefined) return { $u: 1 };
  if (typeof v === 'function') return { $f: 1 };
  if (typeof v !== 'object') throw new Unencodable(typeof v);
  if (Array.isArray(v)) return v.map(encode);
  if (v instanceof Uint8Array) return { $b: latin1(v) };
  if (v instanceof SysError) return { $e: [v.errno, v.syscall, v.path ?? null] };
  const cls = className(v);
  if (v instanceof Map) {
    if (cls === undefined && Object.getPrototypeOf(v) !== Map.prototype) throw new Unencodable('map');
    return { $m: [...v].map(([k, x]) => [encode(k), encode(x)]), ...(cls ? { $c: cls, $o: ownFields(v) } : {}) };
  }
  if (v instanceof Set) {
    if (Object.getPrototypeOf(v) !== Set.prototype) throw new Unencodable('set');
    return { $s: [...v].map(encode) };
  }
  if (cls) return { $c: cls, $o: ownFields(v) };
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new Unencodable('object');
  // a plain object as itself (the state's objects have no fields named like the tags)
  const fields = ownFields(v);
  if (Object.keys(fields).some((k) => k.startsWith('$'))) throw new Unencodable('a field named $');
  return fields;
}

/**
 * The value `e` encodes. `like` is the value the running shell has in the same place: a marked
 * function takes it (and there must be one).
 */
export function decode(e: Encoded, like?: unknown): unknown {
  if (e === null || typeof e !== 'object') return e;
  if (Array.isArray(e)) return e.map((x, i) => decode(x, Array.isArray(like) ? like[i] : undefined));
  if ('$u' in e) return undefined;
  if ('$n' in e) return Number(e.$n);
  if ('$f' in e) {
    if (typeof like !== 'function') throw new Unencodable('function');
    return like;
  }
  if ('$b' in e) return Uint8Array.from(e.$b as string, (c) => c.charCodeAt(0));
  if ('$e' in e) {
    const [errno, syscall, path] = e.$e as [Errno, string, string | null];
    return new SysError(errno, syscall, path ?? undefined);
  }
  if ('$s' in e) return new Set((e.$s as Encoded[]).map((x) => decode(x)));
  const cls = typeof e.$c === 'string' ? CLASSES.find(([n]) => n === e.$c)?.[1] : undefined;
  if (e.$c !== undefined && !cls) throw new Unencodable(String(e.$c));
  if ('$m' in e) {
    const m = (cls ? new cls() : new Map()) as Map<unknown, unknown>;
    const old = like instanceof Map ? like : undefined;
    for (const [k, x] of e.$m as [Encoded, Encoded][]) {
      const key = decode(k);
      m.set(key, decode(x, old?.get(key)));
    }
    if (cls) assignFields(m, e.$o as { [k: string]: Encoded }, undefined);
    return m;
  }
  const out = cls ? new cls() : {};
  assignFields(out, cls ? (e.$o as { [k: string]: Encoded }) : e, like);
  return out;
}

function assignFields(target: object, fields: { [k: string]: Encoded }, like: unknown): void {
  const old = like && typeof like === 'object' ? (like as Record<string, unknown>) : undefined;
  for (const [k, x] of Object.entries(fields)) (target as Record<string, unknown>)[k] = decode(x, old?.[k]);
}
