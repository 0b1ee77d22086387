// [[ expression ]]: no word splitting or globbing of operands; == and != match patterns;
// =~ matches an extended regular expression and fills BASH_REMATCH.
import type { CondExpr } from './ast';
import { arith, expandPattern, expandRegex, expandToString, ExpansionError, maxIndex } from './expand';
import { binaryFileTest, unaryFileTest, UNARY_FILE_OPS } from './file-tests';
import type { Interpreter } from './interpreter';
import { matchPattern } from './pattern';
import { utf8Locale } from './ansi-c';
import { traceLines } from './xtrace';

/** =~ and its regex engine are a chunk of their own, loaded at the first =~ (not needed to boot). */
let condRegex: typeof import('./cond-regex') | undefined;

/** set -x: each test [[ ]] makes is shown as it is made, its operands expanded (empty ones as ''). */
function trace(sh: Interpreter, neg: boolean, ...words: string[]): Promise<void> | undefined {
  if (!sh.state.options.has('xtrace')) return undefined;
  return traceLines(sh, [`[[ ${neg ? '! ' : ''}${words.map((w) => (w === '' ? "''" : w)).join(' ')} ]]`]);
}

export async function evalCond(sh: Interpreter, e: CondExpr, neg = false): Promise<boolean> {
  switch (e.kind) {
    case 'not': return !(await evalCond(sh, e.expr, e.expr.kind === 'word' || e.expr.kind === 'unary' || e.expr.kind === 'binary'));
    case 'paren': return evalCond(sh, e.expr);
    case 'and': return (await evalCond(sh, e.left)) && (await evalCond(sh, e.right));
    case 'or': return (await evalCond(sh, e.left)) || (await evalCond(sh, e.right));
    case 'word': {
      const v = await expandToString(sh, e.word);
      await trace(sh, neg, '-n', v);
      return v !== '';
    }
    case 'unary': {
      const arg = await expandToString(sh, e.arg);
      await trace(sh, neg, e.op, arg);
      if (e.op === '-z') return arg === '';
      if (e.op === '-n') return arg !== '';
      if (e.op === '-o') return sh.state.options.has(arg);
      if (e.op === '-v') return isSetRef(sh, arg);
      if (e.op === '-R') return !!sh.state.holder(arg).get(arg)?.ref;
      if (UNARY_FILE_OPS.has(e.op)) return unaryFileTest(sh.sys, e.op, arg);
      return false;
    }
    case 'binary': {
      const left = await expandToString(sh, e.left);
      switch (e.op) {
        case '==':
        case '=':
        case '!=': {
          const pattern = await expandPattern(sh, e.right);
          if (sh.state.options.has('xtrace')) await trace(sh, neg, left, e.op, await expandPattern(sh, e.right, true));
          const hit = matchPattern(left, pattern, true, sh.state.shopts.has('nocasematch'), !utf8Locale(sh.state));
          return e.op === '!=' ? !hit : hit;
        }
        case '=~': {
          const src = await expandRegex(sh, e.right);
          await trace(sh, neg, left, e.op, src);
          condRegex ??= await sh.sys.loadCode(() => import('./cond-regex'));
          const m = condRegex.regexMatch(left, src, sh.state.shopts.has('nocasematch'));
          // bash returns 2 for a malformed regex
          if (m === undefined) throw new CondStatus(2);
          sh.state.globals.set('BASH_REMATCH', { array: new Map(m ? m.map((g, i) => [i, g]) : []) });
          return m !== null;
        }
        case '-eq':
        case '-ne':
        case '-lt':
        case '-le':
        case '-gt':
        case '-ge': {
          if (sh.state.options.has('xtrace')) await trace(sh, neg, left, e.op, await expandToString(sh, e.right));
          let a, b;
          try {
            a = await arith(sh, e.left);
            b = await arith(sh, e.right);
          } catch (err) {
            // an arithmetic error is reported, and the comparison is false
            if (!(err instanceof ExpansionError) || !err.arith) throw err;
            await sh.error(err.bare ? err.message : `[[: ${err.message}`);
            return false;
          }
          return e.op === '-eq' ? a === b : e.op === '-ne' ? a !== b : e.op === '-lt' ? a < b : e.op === '-le' ? a <= b : e.op === '-gt' ? a > b : a >= b;
        }
        default: {
          const right = await expandToString(sh, e.right);
          await trace(sh, neg, left, e.op, right);
          if (e.op === '<') return left < right;
          if (e.op === '>') return left > right;
          return binaryFileTest(sh.sys, e.op, left, right);
        }
      }
    }
  }
}

/** A [[ ]] that ends with a status other than 0/1 (a bad regex gives 2). */
export class CondStatus {
  constructor(readonly status: number) {}
}

/** -v NAME or -v NAME[SUBSCRIPT]: whether that variable (or element) has a value. */
export async function isSetRef(sh: Interpreter, ref: string): Promise<boolean> {
  const r = setRef(sh, ref);
  return typeof r === 'boolean' ? r : r(Number(await arith(sh, r.sub)));
}

/**
 * -v NAME, NAME[SUB] or N (a positional parameter): the answer, or for an indexed
 * subscript the arithmetic to do first and what to decide with its value.
 */
export function setRef(sh: Interpreter, ref: string): boolean | (((i: number) => boolean) & { sub: string }) {
  if (/^\d+$/.test(ref)) return ref === '0' || sh.state.positional[Number(ref) - 1] !== undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(ref);
  if (!m) return sh.state.isSet(ref);
  const v = sh.state.lookup(m[1]!);
  if (!v) return false;
  const sub = m[2]!;
  // an associative array's subscript is a key, even @ or *
  if (v.assoc) return v.assoc.has(sub);
  if (sub === '@' || sub === '*') return (v.array?.size ?? (v.value !== undefined ? 1 : 0)) > 0;
  const decide = (n: number): boolean => {
    let i = n;
    if (v.array && i < 0) i += maxIndex(v.array) + 1;
    return v.array ? v.array.has(i) : i === 0 && v.value !== undefined;
  };
  return Object.assign(decide, { sub });
}
