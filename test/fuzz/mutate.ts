// Mutators the targets share: byte-level damage (flips, truncations, insertions, deletions,
// duplicated and zeroed runs), line-level damage to text files, and edits to parsed JSON/YAML
// trees (types changed, keys deleted or added, huge values, deep nesting).
import type { Gen } from './lib';

/** Byte-level damage: flips, truncations, insertions, deletions, duplicated and zeroed runs. */
export function mutateBytes(g: Gen, input: Uint8Array, edits = 1 + g.below(4)): { bytes: Uint8Array; what: string[] } {
  let b = input.slice();
  const what: string[] = [];
  for (let i = 0; i < edits; i++) {
    const at = g.below(Math.max(1, b.length));
    switch (g.below(7)) {
      case 0: {
        if (!b.length) break;
        const bit = g.below(8);
        b[at] = b[at]! ^ (1 << bit);
        what.push(`flip bit ${bit} of byte ${at}`);
        break;
      }
      case 1: {
        if (!b.length) break;
        const v = g.pick([0, 0xff, 0x7f, 0x80, g.below(256)]);
        b[at] = v;
        what.push(`byte ${at} = ${v}`);
        break;
      }
      case 2: {
        const len = g.below(b.length + 1);
        b = b.slice(0, len);
        what.push(`truncate to ${len}`);
        break;
      }
      case 3: {
        const n = 1 + g.below(16);
        const ins = g.bytes(n);
        const out = new Uint8Array(b.length + n);
        out.set(b.subarray(0, at));
        out.set(ins, at);
        out.set(b.subarray(at), at + n);
        b = out;
        what.push(`insert ${n} random bytes at ${at}`);
        break;
      }
      case 4: {
        const n = Math.min(b.length - at, 1 + g.below(64));
        b = new Uint8Array([...b.subarray(0, at), ...b.subarray(at + n)]);
        what.push(`delete ${n} bytes at ${at}`);
        break;
      }
      case 5: {
        const n = Math.min(b.length - at, 1 + g.below(256));
        const run = b.slice(at, at + n);
        const out = new Uint8Array(b.length + n);
        out.set(b.subarray(0, at + n));
        out.set(run, at + n);
        out.set(b.subarray(at + n), at + 2 * n);
        b = out;
        what.push(`duplicate ${n} bytes at ${at}`);
        break;
      }
      default: {
        const n = Math.min(b.length - at, 1 + g.below(32));
        b.fill(0, at, at + n);
        what.push(`zero ${n} bytes at ${at}`);
      }
    }
  }
  return { bytes: b, what };
}

/** Line-level damage to a text file: lines deleted, duplicated, swapped, cut or spliced with junk. */
export function mutateLines(g: Gen, text: string, junk: readonly string[], edits = 1 + g.below(4)): { text: string; what: string[] } {
  const lines = text.split('\n');
  const what: string[] = [];
  for (let i = 0; i < edits; i++) {
    const at = g.below(lines.length);
    switch (g.below(8)) {
      case 0:
        lines.splice(at, 1);
        what.push(`delete line ${at + 1}`);
        break;
      case 1:
        lines.splice(at, 0, lines[at] ?? '');
        what.push(`duplicate line ${at + 1}`);
        break;
      case 2: {
        const other = g.below(lines.length);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        what.push(`swap lines ${at + 1} and ${other + 1}`);
        break;
      }
      case 3: {
        const l = lines[at] ?? '';
        const cut = g.below(l.length + 1);
        lines[at] = l.slice(0, cut);
        what.push(`cut line ${at + 1} at ${cut}`);
        break;
      }
      case 4: {
        const j = g.pick(junk);
        lines.splice(at, 0, j);
        what.push(`insert ${JSON.stringify(j.slice(0, 60))} before line ${at + 1}`);
        break;
      }
      case 5: {
        const l = lines[at] ?? '';
        const j = g.pick(junk);
        const pos = g.below(l.length + 1);
        lines[at] = l.slice(0, pos) + j + l.slice(pos);
        what.push(`splice ${JSON.stringify(j.slice(0, 60))} into line ${at + 1}`);
        break;
      }
      case 6: {
        // the value after a key replaced
        const l = lines[at] ?? '';
        const m = /^(\s*[^=:]+[=:]\s*)/.exec(l);
        if (m) {
          const j = g.pick(junk);
          lines[at] = m[1] + j;
          what.push(`line ${at + 1} value = ${JSON.stringify(j.slice(0, 60))}`);
        }
        break;
      }
      default: {
        const l = lines[at] ?? '';
        const pos = g.below(l.length + 1);
        const ch = g.pick([' ', '\t', '=', ':', '[', ']', '"', "'", '\\', '#', ';', '-', '{', '}', '&', '*', '%', '\u00e9', '\u{1f600}', '\r']);
        lines[at] = l.slice(0, pos) + ch + l.slice(pos + (g.chance(0.5) ? 1 : 0));
        what.push(`char ${JSON.stringify(ch)} at line ${at + 1}:${pos}`);
      }
    }
  }
  return { text: lines.join('\n'), what };
}

// ---- structural mutations of the parsed data ----

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function replacement(g: Gen): Json {
  switch (g.below(14)) {
    case 0: return null;
    case 1: return g.chance(0.5);
    case 2: return g.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 99999]);
    case 3: return '';
    case 4: return 'x'.repeat(g.pick([1000, 100_000, 1_000_000]));
    case 5: return [];
    case 6: return {};
    case 7: return Array.from({ length: g.pick([100, 10_000]) }, (_, i) => `item-${i}`);
    case 8: return Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]));
    case 9: return '\u{1f600}\u0000\u202e\ufeff';
    case 10: return g.pick(['(', '[', '*', '(a+)+$', '\\']);
    case 11: return { kind: g.pick(['all', 'any', 'not', 'file', 'command', 'nosuch']), id: 'x', title: 't', checks: [], check: null };
    case 12: return g.pick(['filesystem', 'static-ip', 'intro.md', 'lesson.yaml', '../x']);
    default: return 'text';
  }
}

/** A random path into `v` (as keys), up to a random depth. */
function randomPath(g: Gen, v: Json): (string | number)[] {
  const path: (string | number)[] = [];
  let cur = v;
  while (cur !== null && typeof cur === 'object' && g.chance(0.75)) {
    const keys: (string | number)[] = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
    if (!keys.length) break;
    const k = g.pick(keys);
    path.push(k);
    cur = (cur as Record<string | number, Json>)[k]!;
  }
  return path;
}

function getAt(v: Json, path: (string | number)[]): Json {
  let cur = v;
  for (const k of path) cur = (cur as Record<string | number, Json>)[k]!;
  return cur;
}

function nest(depth: number, inner: Json, kind: 'array' | 'check'): Json {
  let v = inner;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { kind: 'not', id: `n${i}`, title: 'nested', check: v };
  return v;
}

export function mutateTree(g: Gen, data: Json): { data: Json; what: string } {
  const path = randomPath(g, data);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = path.length ? getAt(data, parentPath) : undefined;
  const set = (v: Json): void => {
    if (parent && key !== undefined) (parent as Record<string | number, Json>)[key] = v;
    else data = v;
  };
  const where = `/${path.join('/')}`;
  switch (g.below(7)) {
    case 0:
      if (parent && key !== undefined) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, Json>)[key];
        return { data, what: `delete ${where}` };
      }
      return { data: null, what: 'the whole file null' };
    case 1: {
      const v = replacement(g);
      set(v);
      return { data, what: `${where} = ${JSON.stringify(v).slice(0, 60)}` };
    }
    case 2: {
      const depth = g.pick([30, 300, 1500]);
      set(nest(depth, getAt(data, path), g.chance(0.5) ? 'array' : 'check'));
      return { data, what: `${where} nested ${depth} deep` };
    }
    case 3: {
      // a key added where an object is
      const target = getAt(data, path);
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        const k = g.pick(['__proto__', 'constructor', 'prototype', 'unknownField', 'kind', 'id', 'hints', 'message', 'advice', 'setup', 'toString', 'hasOwnProperty']);
        Object.defineProperty(target, k, { value: replacement(g), enumerable: true, configurable: true, writable: true });
        return { data, what: `${where}.${k} added` };
      }
      return { data, what: 'nothing' };
    }
    case 4: {
      const target = getAt(data, path);
      if (Array.isArray(target) && target.length) {
        const n = g.pick([2, 100, 5000]);
        const item = target[g.below(target.length)]!;
        for (let i = 0; i < n; i++) target.push(structuredClone(item));
        return { data, what: `${where} item repeated ${n} times` };
      }
      return { data, what: 'nothing' };
    }
    case 5: {
      // a string value swapped for another field's value (types that look right, meanings wrong)
      const other = getAt(data, randomPath(g, data));
      set(typeof other === 'object' ? structuredClone(other) : other);
      return { data, what: `${where} = a value from elsewhere` };
    }
    default: {
      const target = getAt(data, path);
      if (typeof target === 'string') {
        set(target.split('').reverse().join(''));
        return { data, what: `${where} reversed` };
      }
      if (typeof target === 'number') {
        set(g.pick([-target, target * 1e6, target + 0.5, 0]));
        return { data, what: `${where} number changed` };
      }
      return { data, what: 'nothing' };
    }
  }
}

