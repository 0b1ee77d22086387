// Dependency strings as the specs write them: `name`, `name OP [epoch:]version[-release]`,
// `/path/to/file`, and the boolean `(a or b)` form a few Photon specs use.
import { parseEvr, type DepOp, type Evr } from './evr';

export interface Dep {
  name: string;
  op?: DepOp;
  evr?: Evr;
  /** The text as written (problem messages quote it). */
  text: string;
}

/** One requirement: satisfied when any alternative is (a plain dependency has one). */
export interface Requirement {
  anyOf: Dep[];
  text: string;
}

const OPS = new Set<string>(['<', '<=', '=', '>=', '>']);

export function parseDep(text: string): Dep {
  const t = text.trim().split(/\s+/);
  const name = t[0] ?? '';
  if (t.length >= 3 && OPS.has(t[1]!)) return { name, op: t[1] as DepOp, evr: parseEvr(t[2]!), text: `${name} ${t[1]} ${t[2]}` };
  return { name, text: name };
}

/** Parses a requirement, including `(a or b or c)`; other boolean operators keep their first term. */
export function parseRequirement(text: string): Requirement {
  const s = text.trim();
  if (s.startsWith('(') && s.endsWith(')')) {
    const inner = s.slice(1, -1);
    const parts = inner.split(/\s+or\s+/);
    if (parts.length > 1) return { anyOf: parts.map((p) => parseDep(p)), text: s };
    return { anyOf: [parseDep(inner.split(/\s+(?:and|if|unless|with|without)\s+/)[0] ?? inner)], text: s };
  }
  return { anyOf: [parseDep(s)], text: s };
}
