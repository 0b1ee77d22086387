// test and [ (bash manual, CONDITIONAL EXPRESSIONS; the argument-count rules of POSIX test).
import { binaryFileTest, compareIntegers, parseInteger, unaryFileTest, UNARY_FILE_OPS } from '../file-tests';
import type { Interpreter } from '../interpreter';
import { setRef } from '../cond';
import { arithText } from '../expand';
import type { Builtin } from './types';

class TestError extends Error {}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const UNARY = new Set([...UNARY_FILE_OPS, '-z', '-n', '-o', '-v', '-R']);

/** A test result: a boolean, or a promise when a file had to be looked at. */
type Result = boolean | Promise<boolean>;

const not = (r: Result): Result => (typeof r === 'boolean' ? !r : r.then((x) => !x));

function binary(sh: Interpreter, name: string, a: string, op: string, b: string): Result {
  switch (op) {
    case '=':
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-nt':
    case '-ot':
    case '-ef': return binaryFileTest(sh.sys, op, a, b);
    default: {
      const x = parseInteger(a);
      if (x === undefined) throw new TestError(`${name}: ${a}: integer expression expected`);
      const y = parseInteger(b);
      if (y === undefined) throw new TestError(`${name}: ${b}: integer expression expected`);
      return compareIntegers(op, x, y);
    }
  }
}

function unary(sh: Interpreter, op: string, a: string): Result {
  if (op === '-z') return a === '';
  if (op === '-n') return a !== '';
  if (op === '-o') return sh.state.options.has(a);
  if (op === '-v') {
    const r = setRef(sh, a);
    return typeof r === 'boolean' ? r : r(Number(arithText(sh, r.sub)));
  }
  if (op === '-R') return !!sh.state.holder(a).get(a)?.ref;
  return unaryFileTest(sh.sys, op, a);
}

/** The arguments args[lo..hi) by count (POSIX test's rules), without copying them. */
function evalArgs(sh: Interpreter, name: string, args: string[], lo: number, hi: number): Result {
  const a0 = args[lo]!;
  switch (hi - lo) {
    case 0: return false;
    case 1: return a0 !== '';
    case 2:
      if (a0 === '!') return args[lo + 1] === '';
      if (UNARY.has(a0)) return unary(sh, a0, args[lo + 1]!);
      throw new TestError(`${name}: ${a0}: unary operator expected`);
    case 3: {
      const a1 = args[lo + 1]!;
      if (BINARY.has(a1)) return binary(sh, name, a0, a1, args[lo + 2]!);
      if (a1 === '-a') return a0 !== '' && args[lo + 2] !== '';
      if (a1 === '-o') return a0 !== '' || args[lo + 2] !== '';
      if (a0 === '!') return not(evalArgs(sh, name, args, lo + 1, hi));
      if (a0 === '(' && args[lo + 2] === ')') return a1 !== '';
      throw new TestError(`${name}: ${a1}: binary operator expected`);
    }
    case 4:
      if (a0 === '!') return not(evalArgs(sh, name, args, lo + 1, hi));
      if (a0 === '(' && args[lo + 3] === ')') return evalArgs(sh, name, args, lo + 1, hi - 1);
      return expr(sh, name, args.slice(lo, hi));
    default:
      return expr(sh, name, args.slice(lo, hi));
  }
}

/** More than four arguments: -a binds tighter than -o, ! and ( ) group. */
async function expr(sh: Interpreter, name: string, args: string[]): Promise<boolean> {
  let pos = 0;
  const orExpr = async (): Promise<boolean> => {
    let v = await andExpr();
    while (args[pos] === '-o') {
      pos++;
      const r = await andExpr();
      v = v || r;
    }
    return v;
  };
  const andExpr = async (): Promise<boolean> => {
    let v = await notExpr();
    while (args[pos] === '-a') {
      pos++;
      const r = await notExpr();
      v = v && r;
    }
    return v;
  };
  const notExpr = async (): Promise<boolean> => {
    if (args[pos] === '!') {
      pos++;
      return !(await notExpr());
    }
    return primary();
  };
  const primary = async (): Promise<boolean> => {
    const a = args[pos];
    if (a === undefined) throw new TestError(`${name}: argument expected`);
    if (a === '(') {
      pos++;
      const v = await orExpr();
      // (bash names what it found instead: [ still has its closing ] there)
      if (args[pos] !== ')') {
        const found = args[pos] ?? (name === '[' ? ']' : undefined);
        throw new TestError(`${name}: \`)' expected${found === undefined ? '' : `, found ${found}`}`);
      }
      pos++;
      return v;
    }
    if (BINARY.has(args[pos + 1] ?? '') && args[pos + 2] !== undefined) {
      pos += 3;
      return binary(sh, name, a, args[pos - 2]!, args[pos - 1]!);
    }
    if (UNARY.has(a) && args[pos + 1] !== undefined) {
      pos += 2;
      return unary(sh, a, args[pos - 1]!);
    }
    pos++;
    return a !== '';
  };
  const v = await orExpr();
  if (pos < args.length) throw new TestError(`${name}: too many arguments`);
  return v;
}

export const test: Builtin = (sh, argv) => {
  const name = argv[0]!;
  let hi = argv.length;
  if (name === '[') {
    if (argv[hi - 1] !== ']') return sh.error("[: missing `]'").then(() => 2);
    hi--;
  }
  let r: Result;
  try {
    r = evalArgs(sh, name, argv, 1, hi);
  } catch (e) {
    return testFailed(sh, e);
  }
  if (typeof r === 'boolean') return r ? 0 : 1;
  return r.then(
    (ok) => (ok ? 0 : 1),
    (e: unknown) => testFailed(sh, e),
  );
};

function testFailed(sh: Interpreter, e: unknown): Promise<number> {
  if (e instanceof TestError) return sh.error(e.message).then(() => 2);
  throw e;
}
