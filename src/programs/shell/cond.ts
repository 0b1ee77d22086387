// [[ expression ]]: no word splitting or globbing of operands; == and != match patterns;
// =~ matches an extended regular expression and fills BASH_REMATCH.
import type { CondExpr } from './ast';
import { arith, expandPattern, expandRegex, expandToString, maxIndex } from './expand';
import { binaryFileTest, unaryFileTest, UNARY_FILE_OPS } from './file-tests';
import type { Interpreter } from './interpreter';
import { matchPattern } from './pattern';

/** =~ and its regex engine are a chunk of their own, loaded at the first =~ (not needed to boot). */
let condRegex: typeof import('./cond-regex') | undefined;

export async function evalCond(sh: Interpreter, e: CondExpr): Promise<boolean> {
  switch (e.kind) {
    case 'not': return !(await evalCond(sh, e.expr));
    case 'paren': return evalCond(sh, e.expr);
    case 'and': return (await evalCond(sh, e.left)) && (await evalCond(sh, e.right));
    case 'or': return (await evalCond(sh, e.left)) || (await evalCond(sh, e.right));
    case 'word': return (await expandToString(sh, e.word)) !== '';
    case 'unary': {
      const arg = await expandToString(sh, e.arg);
      if (e.op === '-z') return arg === '';
      if (e.op === '-n') return arg !== '';
      if (e.op === '-o') return sh.state.options.has(arg);
      if (e.op === '-v') return isSetRef(sh, arg);
      if (e.op === '-R') return !!sh.state.lookup(arg)?.ref;
      if (UNARY_FILE_OPS.has(e.op)) return unaryFileTest(sh.sys, e.op, arg);
      return false;
    }
    case 'binary': {
      const left = await expandToString(sh, e.left);
      switch (e.op) {
        case '==':
        case '=':
          return matchPattern(left, await expandPattern(sh, e.right), true, sh.state.shopts.has('nocasematch'));
        case '!=':
          return !matchPattern(left, await expandPattern(sh, e.right), true, sh.state.shopts.has('nocasematch'));
        case '<': return left < (await expandToString(sh, e.right));
        case '>': return left > (await expandToString(sh, e.right));
        case '=~': {
          const src = await expandRegex(sh, e.right);
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
          const a = await arith(sh, e.left);
          const b = await arith(sh, e.right);
          return e.op === '-eq' ? a === b : e.op === '-ne' ? a !== b : e.op === '-lt' ? a < b : e.op === '-le' ? a <= b : e.op === '-gt' ? a > b : a >= b;
        }
        default: {
          const right = await expandToString(sh, e.right);
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

/** [[ ]] as set -x shows it: the operands expanded, the operators as written. */
export async function condTrace(sh: Interpreter, e: CondExpr): Promise<string> {
  switch (e.kind) {
    case 'word': return expandToString(sh, e.word);
    case 'unary': return `${e.op} ${await expandToString(sh, e.arg)}`;
    case 'binary': return `${await expandToString(sh, e.left)} ${e.op} ${await expandToString(sh, e.right)}`;
    case 'not': return `! ${await condTrace(sh, e.expr)}`;
    case 'and': return `${await condTrace(sh, e.left)} && ${await condTrace(sh, e.right)}`;
    case 'or': return `${await condTrace(sh, e.left)} || ${await condTrace(sh, e.right)}`;
    case 'paren': return `( ${await condTrace(sh, e.expr)} )`;
  }
}

/** -v NAME or -v NAME[SUBSCRIPT]: whether that variable (or element) has a value. */
export async function isSetRef(sh: Interpreter, ref: string): Promise<boolean> {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(ref);
  if (!m) return sh.state.isSet(ref);
  const v = sh.state.lookup(m[1]!);
  if (!v) return false;
  const sub = m[2]!;
  if (sub === '@' || sub === '*') return (v.array?.size ?? v.assoc?.size ?? (v.value !== undefined ? 1 : 0)) > 0;
  if (v.assoc) return v.assoc.has(sub);
  let i = Number(await arith(sh, sub));
  if (v.array && i < 0) i += maxIndex(v.array) + 1;
  return v.array ? v.array.has(i) : i === 0 && v.value !== undefined;
}
