// What expanding a word needs, worked out once per word (its parts never change after
// parsing): its one field when it has nothing to expand, whether it expands without
// waiting, and whether it is just $name.
import type { ParamPart, Word, WordMemo, WordPart } from './ast';
import { hasGlob } from './pattern';

/** What a word needs, found once per word (its parts never change after parsing). */
export function memoOf(w: Word): WordMemo {
  let m = w.memo;
  if (m === undefined) {
    const parts = w.parts;
    const only = parts.length === 1 ? parts[0]! : undefined;
    const first = parts[0];
    const firstLit = first?.kind === 'lit' ? first.text : '';
    m = {
      literal: only?.kind === 'lit' && !/[{~*?]/.test(only.text) && !hasGlob(only.text) ? only.text : only?.kind === 'quoted' ? only.text : undefined,
      sync: partsSync(parts),
      tilde: firstLit.startsWith('~'),
      tildeColon: parts.some((p) => p.kind === 'lit' && p.text.includes(':~')),
      assignTilde: !!w.assign && !w.assign.array && parts[0]?.kind === 'lit' && parts.slice(1).some((p, i) => p.kind === 'lit' && ((i === 0 && p.text.startsWith('~')) || p.text.includes(':~'))),
      brace: parts.some((p) => p.kind === 'lit' && p.text.includes('{')),
      param: only?.kind === 'param' && simpleForm(only) ? only : undefined,
    };
    w.memo = m;
  }
  return m;
}

/** ${name}, $name, ${#name}: the forms simpleParam expands without waiting. */
export function simpleForm(p: ParamPart): boolean {
  return !p.index && p.name !== '' && (p.op === 'plain' || p.op === 'length');
}

/** Whether parts expand synchronously: text, quotes, simple parameters, arithmetic on them. */
export function partsSync(parts: WordPart[]): boolean {
  for (const p of parts) {
    switch (p.kind) {
      case 'lit':
      case 'quoted':
        break;
      case 'dq':
        if (!partsSync(p.parts)) return false;
        break;
      case 'param':
        if (!simpleForm(p)) return false;
        break;
      case 'arith':
        if (!partsSync(p.expr.parts)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
