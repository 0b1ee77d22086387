// An indexed array's subscript is arithmetic: bash expands it as the inside of $(( )), so
// double quotes go but single quotes and backslashes stay and the evaluator rejects them
// (`${a['1']}`: `'1': syntax error: operand expected`). The lexer read it as a word (an
// associative array's key is one); it is read again in arithmetic mode when used so.
import type { Word } from './ast';
import type { ArithValue } from './arith';
import { arith, type ExpandHost } from './expand';
import { Parser } from './parser';
import type { MaybePromise } from './steps';

const asArith = new WeakMap<Word, Word>();

/** The subscript word read as arithmetic (cached per word). */
function arithWord(index: Word): Word {
  let w = asArith.get(index);
  if (!w) {
    // plain subscripts (digits, names, $i) read the same either way
    w = /['"\\]/.test(index.text) ? new Parser(index.text, {}).lexer.readUntil('', 'arith') : index;
    asArith.set(index, w);
  }
  return w;
}

/** Evaluates an indexed array's subscript. */
export function indexValue(h: ExpandHost, index: Word): MaybePromise<ArithValue> {
  return arith(h, arithWord(index));
}
