// source and .
import { isSysError, strerror } from '../../../shared/errno';
import { ReturnSignal, ShellExit } from '../control';
import { withoutErrexit } from './basic';
import type { Builtin } from './types';
import { leadingOptions } from './types';
import { refuse } from '../restricted';
import { decodeBytes } from '../byte-text';

export const source: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, argv[0]!, argv.slice(1), '', `${argv[0]} filename [arguments]`);
  if (typeof opts === 'number') return opts;
  const args = opts.rest;
  const file = args[0];
  if (file === undefined) {
    await sh.error(`${argv[0]}: filename argument required`);
    sh.posixFatal = true;
    await sh.write(2, `${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  if (sh.state.restricted && file.includes('/')) return refuse(sh, argv[0]!, file);
  let path = file;
  if (!file.includes('/') && sh.state.shopts.has('sourcepath')) {
    for (const dir of (sh.state.get('PATH') ?? '').split(':')) {
      const candidate = `${dir || '.'}/${file}`;
      try {
        if ((await sh.sys.stat(candidate)).kind === 'file') {
          path = candidate;
          break;
        }
      } catch {
        // keep looking
      }
    }
  }
  let text: string;
  try {
    const st = await sh.sys.stat(path);
    if (st.kind === 'dir') {
      await sh.error(`${argv[0]}: ${file}: is a directory`);
      return 1;
    }
    text = decodeBytes(await sh.sys.readFile(path));
    // (an ELF program has hundreds of NULs; this system's are short ELF stubs)
    if (text.includes('\0') || text.startsWith('\x7fELF')) {
      const kept = text.startsWith('\x7fELF') ? undefined : withoutNuls(text);
      if (kept === undefined) {
        await sh.error(`${argv[0]}: ${file}: cannot execute binary file`);
        return 126;
      }
      text = kept;
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sh.error(`${file}: ${strerror(e.errno)}`);
    // a file that cannot be read ends a non-interactive shell in posix mode
    if (sh.state.options.has('posix') && !sh.state.interactive) throw new ShellExit(1);
    return 1;
  }
  const state = sh.state;
  const savedPositional = state.positional;
  const sets = state.positionalSets;
  const savedContext = state.errorContext;
  const savedLine = state.lineno;
  if (args.length > 1) state.positional = args.slice(1);
  // without arguments the file is pushed on BASH_ARGV for the time it runs (bash's _evalfile)
  const pushArgs = args.length <= 1;
  if (pushArgs) {
    // (reaching the arrays fills them first, as reading them does)
    state.lookup('BASH_ARGV');
    state.bashArgv.unshift(path);
    state.bashArgc.unshift('1');
  }
  state.sourceDepth++;
  const frames = state.frames.length;
  if (state.errorContext !== 'interactive') state.frames.push({ source: path, line: state.lineno });
  let unwound = false;
  const unwindFile = (): void => {
    if (unwound) return;
    unwound = true;
    // (bash's pop_args: as many as the top of BASH_ARGC says, whatever was pushed since)
    if (pushArgs) state.bashArgv.splice(0, Number(state.bashArgc.shift()) || 0);
    state.sourceDepth--;
    state.errorContext = savedContext;
    state.frames.length = frames;
    state.lineno = savedLine;
  };
  try {
    let status: number;
    try {
      state.traceLevel++;
      try {
        status = await withoutErrexit(sh, () => sh.evalString(text, { line: 1, origin: { file: path } }));
      } finally {
        state.traceLevel--;
      }
    } catch (e) {
      if (!(e instanceof ReturnSignal)) throw e;
      status = e.status;
    }
    // the RETURN trap also runs when a sourced file ends (bash manual, trap): once the file's
    // frame is gone (its $LINENO is the source command's), before the parameters come back
    unwindFile();
    const onReturn = state.traps.get('RETURN');
    if (onReturn) await sh.runTrapAction(onReturn, false, 'return trap');
    return status;
  } finally {
    unwindFile();
    // arguments given: the old parameters come back, unless a sourced `set` outside any
    // function replaced them (bash's maybe_pop_dollar_vars)
    if (args.length > 1 && !(state.funcNames.length === 0 && state.positionalSets !== sets)) state.positional = savedPositional;
  }
};

/**
 * A sourced file's text without its NUL bytes, as bash's _evalfile takes them out (one at a time,
 * passing over the byte after each, so of two in a row the second stays and ends the text);
 * undefined past 256 of them (a binary file).
 */
function withoutNuls(text: string): string | undefined {
  const chars = [...text];
  let count = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\0') continue;
    chars.splice(i, 1);
    if (++count > 256) return undefined;
  }
  const s = chars.join('');
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}
