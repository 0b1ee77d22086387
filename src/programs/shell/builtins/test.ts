// test and [ (bash manual, CONDITIONAL EXPRESSIONS; the argument-count rules of POSIX test).
import { binaryFileTest, compareIntegers, parseInteger, unaryFileTest, UNARY_FILE_OPS } from '../file-tests';
import type { Interpreter } from '../interpreter';
import type { Builtin } from './types';

class TestError extends Error {}

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const UNARY = new Set([...UNARY_FILE_OPS, '-z', '-n', '-o', '-v', '-R']);

async function binary(sh: Interpreter, name: string, a: string, op: string, b: string): Promise<boolean> {
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

async function unary(sh: Interpreter, op: string, a: string): Promise<boolean> {
  if (op === '-z') return a === '';
  if (op === '-n') return a !== '';
  if (op === '-o') return sh.state.options.has(a);
  if (op === '-v') return sh.state.isSet(a);
  if (op === '-R') return !!sh.state.lookup(a)?.ref;
  return unaryFileTest(sh.sys, op, a);
}

async function evalArgs(sh: Interpreter, name: string, args: string[]): Promise<boolean> {
  switch (args.length) {
    case 0: return false;
    case 1: return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY.has(args[0]!)) return unary(sh, args[0]!, args[1]!);
      throw new TestError(`${name}: ${args[0]}: unary operator expected`);
    case 3:
      if (BINARY.has(args[1]!)) return binary(sh, name, args[0]!, args[1]!, args[2]!);
      if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
      if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
      if (args[0] === '!') return !(await evalArgs(sh, name, args.slice(1)));
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      throw new TestError(`${name}: ${args[1]}: binary operator expected`);
    case 4:
      if (args[0] === '!') return !(await evalArgs(sh, name, args.slice(1)));
      if (args[0] === '(' && args[3] === ')') return evalArgs(sh, name, args.slice(1, 3));
      return expr(sh, name, args);
    default:
      return expr(sh, name, args);
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
      if (args[pos] !== ')') throw new TestError(`${name}: \`)' expected`);
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

export const test: Builtin = async (sh, argv) => {
  const name = argv[0]!;
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      await sh.error("[: missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return (await evalArgs(sh, name, args)) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      await sh.error(e.message);
      return 2;
    }
    throw e;
  }
};
