// : true false echo eval exit return break continue shift
import { echoEscapes } from '../../lib/echo-escapes';
import { utf8Locale } from '../ansi-c';
import { BreakSignal, ContinueSignal, ReturnSignal, ShellExit, TopLevelAbort, AbortCommand } from '../control';
import type { Interpreter } from '../interpreter';
import type { Builtin } from './types';
import { leadingOptions } from './types';

export const colon: Builtin = () => 0;
export const trueBuiltin: Builtin = () => 0;
export const falseBuiltin: Builtin = () => 1;

export const echo: Builtin = async (sh, argv) => {
  let newline = true;
  // shopt xpg_echo: escapes by default (-E still turns them off)
  let escapes = sh.state.shopts.has('xpg_echo');
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text, utf8Locale(sh.state), true);
    text = r.text;
    if (r.stopped) newline = false;
  }
  await sh.write(1, newline ? `${text}\n` : text);
  return 0;
};

export const evalBuiltin: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'eval', argv.slice(1), '', 'eval [arg ...]');
  if (typeof opts === 'number') return opts;
  const text = opts.rest.join(' ');
  if (text.trim() === '') return 0;
  sh.state.traceLevel++;
  try {
    return await withoutErrexit(sh, () => sh.evalString(text, { origin: { eval: true } }));
  } finally {
    sh.state.traceLevel--;
  }
};

/** eval and source where `set -e` is ignored (an if condition, a || list) run with it off, as in bash. */
export async function withoutErrexit(sh: Interpreter, body: () => Promise<number>): Promise<number> {
  if (sh.errexitIgnored === 0) return body();
  sh.errexitOff++;
  try {
    return await body();
  } finally {
    sh.errexitOff--;
  }
}

/** A status argument as bash's legal_number reads it (a 64-bit integer, blanks around it
 * allowed; one that overflows is no number), taken modulo 256. */
function numericArg(s: string): number | undefined {
  const t = s.trim();
  if (!/^[-+]?\d+$/.test(t)) return undefined;
  const v = BigInt(t);
  if (v !== BigInt.asIntN(64, v)) return undefined;
  return Number(v & 0xffn);
}

/** exit, return, break, continue and shift pass over a leading `--` before their number. */
function afterDashes(argv: string[]): string[] {
  return argv[1] === '--' ? [argv[0]!, ...argv.slice(2)] : argv;
}

export const exit: Builtin = async (sh, argv) => {
  argv = afterDashes(argv);
  if (sh.state.interactive) await sh.write(2, sh.state.login ? 'logout\n' : 'exit\n');
  if (argv.length > 2) {
    // get_exitstat(): the error discards the rest of the command line
    await sh.error('exit: too many arguments');
    sh.state.status = 1;
    throw new AbortCommand();
  }
  if (argv[1] === undefined) throw new ShellExit(sh.state.status);
  const n = numericArg(argv[1]);
  if (n === undefined) {
    await sh.error(`exit: ${argv[1]}: numeric argument required`);
    throw new ShellExit(2);
  }
  throw new ShellExit(n);
};

/** logout: exit, for a login shell only. */
export const logout: Builtin = async (sh, argv) => {
  if (!sh.state.login) {
    await sh.error("logout: not login shell: use `exit'");
    return 1;
  }
  return exit(sh, argv);
};

// return, break and continue throw at once (no await), so loops and functions that use them
// stay on the synchronous path; only their error messages wait.
export const returnBuiltin: Builtin = (sh, argv) => {
  argv = afterDashes(argv);
  // the status is worked out first (bash's get_exitstat): a word that is no number gives 2,
  // a second word abandons the command (status 1), in a function or not
  const n = argv[1] === undefined ? sh.state.status : numericArg(argv[1]);
  if (n !== undefined && argv.length > 2) {
    return sh.error('return: too many arguments').then(() => {
      sh.state.status = 1;
      throw new AbortCommand();
    });
  }
  const bad = n === undefined ? sh.error(`return: ${argv[1]}: numeric argument required`) : undefined;
  if (sh.state.funcNames.length === 0 && sh.state.sourceDepth === 0) {
    return (bad ?? Promise.resolve())
      .then(() => sh.error("return: can only `return' from a function or sourced script"))
      .then(() => 2);
  }
  if (bad) {
    return bad.then(() => {
      throw new ReturnSignal(2);
    });
  }
  throw new ReturnSignal(n!);
};

function loopControl(sh: Parameters<Builtin>[0], argv: string[], which: 'break' | 'continue'): number | Promise<number> {
  let n = 1;
  if (sh.state.loopDepth === 0) {
    // (posix mode says nothing)
    if (sh.state.options.has('posix')) return 0;
    return sh.error(`${which}: only meaningful in a \`for', \`while', or \`until' loop`).then(() => 0);
  }
  argv = afterDashes(argv);
  if (argv[1] !== undefined) {
    // (a number that overflows 64 bits is none, as for legal_number)
    const v = /^\s*[-+]?\d+\s*$/.test(argv[1]) && BigInt.asIntN(64, BigInt(argv[1].trim())) === BigInt(argv[1].trim()) ? Number(argv[1]) : NaN;
    // a word that is no number ends a script (throw_to_top_level); 0 or less leaves every loop
    if (Number.isNaN(v)) {
      return sh.error(`${which}: ${argv[1]}: numeric argument required`).then(() => {
        // the script ends with 128 plus the status the loop body had so far
        const code = (128 + sh.state.status) & 255;
        sh.state.status = code;
        throw sh.state.interactive ? new TopLevelAbort(code) : new ShellExit(code);
      });
    }
    // a second word abandons the command line, status 1 (bash's no_args)
    if (argv.length > 2) {
      return sh.error(`${which}: too many arguments`).then(() => {
        sh.state.status = 1;
        throw new AbortCommand();
      });
    }
    if (v < 1) {
      return sh.error(`${which}: ${argv[1]}: loop count out of range`).then(() => {
        throw new BreakSignal(sh.state.loopDepth, 1);
      });
    }
    n = v;
  }
  n = Math.min(n, sh.state.loopDepth);
  throw which === 'break' ? new BreakSignal(n) : new ContinueSignal(n);
}

export const breakBuiltin: Builtin = (sh, argv) => loopControl(sh, argv, 'break');
export const continueBuiltin: Builtin = (sh, argv) => loopControl(sh, argv, 'continue');

export const shift: Builtin = async (sh, argv) => {
  argv = afterDashes(argv);
  let n = 1;
  if (argv[1] !== undefined) {
    if (!/^\s*[-+]?\d+\s*$/.test(argv[1]) || !Number.isSafeInteger(Number(argv[1]))) {
      await sh.error(`shift: ${argv[1]}: numeric argument required`);
      return 1;
    }
    n = Number(argv[1]);
    if (n < 0) {
      await sh.error(`shift: ${argv[1]}: shift count out of range`);
      return 1;
    }
  }
  if (n > sh.state.positional.length) {
    // silent unless shopt shift_verbose (bash manual, shift)
    if (sh.state.shopts.has('shift_verbose')) await sh.error(`shift: ${n}: shift count out of range`);
    return 1;
  }
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

