// Brace expansion (bash manual, Brace Expansion): {a,b,c} and {x..y[..incr]}, nested,
// operating on the unquoted characters of a word; quoted parts and expansions are opaque.
import type { WordPart } from './ast';

type Item = { ch: string } | { part: WordPart };

const MAX_RESULTS = 100000;

function toItems(parts: WordPart[]): Item[] {
  const items: Item[] = [];
  for (const p of parts) {
    if (p.kind === 'lit') for (const ch of p.text) items.push({ ch });
    else items.push({ part: p });
  }
  return items;
}

function toParts(items: Item[]): WordPart[] {
  const out: WordPart[] = [];
  let lit = '';
  for (const it of items) {
    if ('ch' in it) lit += it.ch;
    else {
      if (lit) out.push({ kind: 'lit', text: lit });
      lit = '';
      out.push(it.part);
    }
  }
  if (lit) out.push({ kind: 'lit', text: lit });
  return out;
}

const isCh = (it: Item | undefined, c: string): boolean => it !== undefined && 'ch' in it && it.ch === c;

export function braceExpand(parts: WordPart[]): WordPart[][] {
  if (!parts.some((p) => p.kind === 'lit' && p.text.includes('{'))) return [parts];
  const results = expandItems(toItems(parts), 0);
  return results.map((items) => toParts(rejoinNames(items)));
}

/**
 * bash expands braces in the text before it looks for parameters, so the letters an
 * alternative puts after `$name` lengthen the name: `$x{a,b}` is `$xa $xb`.
 */
function rejoinNames(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const p = 'part' in it && it.part.kind === 'param' ? it.part : undefined;
    if (!p || p.op !== 'plain' || p.index || p.indirect || p.source !== `$${p.name}` || !/^[A-Za-z_]/.test(p.name)) {
      out.push(it);
      continue;
    }
    let name = p.name;
    for (let next = items[i + 1]; next && 'ch' in next && /^\w$/.test(next.ch); next = items[i + 1]) {
      name += next.ch;
      i++;
    }
    out.push(name === p.name ? it : { part: { ...p, name, source: `$${name}` } });
  }
  return out;
}

function expandItems(items: Item[], depth: number): Item[][] {
  if (depth > 32) return [items];
  for (let i = 0; i < items.length; i++) {
    if (!isCh(items[i], '{')) continue;
    let level = 0;
    let j = i;
    const commas: number[] = [];
    for (; j < items.length; j++) {
      if (isCh(items[j], '{')) level++;
      else if (isCh(items[j], '}')) {
        level--;
        if (level === 0) break;
      } else if (isCh(items[j], ',') && level === 1) commas.push(j);
    }
    if (j >= items.length) return [items];
    const prefix = items.slice(0, i);
    const suffix = items.slice(j + 1);
    let alternatives: Item[][] | undefined;
    if (commas.length > 0) {
      alternatives = [];
      let start = i + 1;
      for (const c of [...commas, j]) {
        alternatives.push(items.slice(start, c));
        start = c + 1;
      }
    } else {
      const inner = items.slice(i + 1, j);
      if (inner.every((it) => 'ch' in it)) {
        const seq = sequence(inner.map((it) => (it as { ch: string }).ch).join(''));
        // the backslash between Z and a quotes nothing and quote removal takes it: an empty word
        if (seq) alternatives = seq.map((s) => (s === '\\' ? [{ part: { kind: 'quoted', text: '' } }] : [...s].map((ch) => ({ ch }))));
      }
    }
    if (!alternatives) continue;
    const out: Item[][] = [];
    for (const alt of alternatives) {
      for (const r of expandItems([...prefix, ...alt, ...suffix], depth + 1)) {
        out.push(r);
        if (out.length > MAX_RESULTS) return out;
      }
    }
    return out;
  }
  return [items];
}

function sequence(text: string): string[] | undefined {
  let m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text);
  if (m) {
    // 64-bit numbers, as bash's intmax_t: a sequence near the limits keeps every value
    const a = BigInt(m[1]!);
    const b = BigInt(m[2]!);
    const given = BigInt(m[3] ?? 1);
    let step = (given < 0n ? -given : given) || 1n;
    // a number that does not fit (the step's size too) leaves the braces as they are
    if ([a, b, step].some((n) => n !== BigInt.asIntN(64, n))) return undefined;
    const width = [m[1]!, m[2]!].some((s) => /^-?0\d/.test(s)) ? Math.max(m[1]!.length, m[2]!.length) : 0;
    const out: string[] = [];
    if (a > b) step = -step;
    for (let v = a; a <= b ? v <= b : v >= b; v += step) {
      const s = String(v < 0n ? -v : v).padStart(width - (v < 0n ? 1 : 0), '0');
      out.push(v < 0n ? `-${s}` : s);
      if (out.length > MAX_RESULTS) break;
    }
    return out;
  }
  m = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (m) {
    const a = m[1]!.charCodeAt(0);
    const b = m[2]!.charCodeAt(0);
    let step = Math.abs(Number(m[3] ?? 1)) || 1;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}
