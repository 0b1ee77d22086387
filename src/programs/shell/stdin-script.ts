// A script read from standard input (`bash < file`, `… | bash`, `bash -s`). bash reads such
// a script a line at a time and runs each complete command before it reads the next line, so
// a command in the script that reads standard input (`read`, `cat`, `head`) takes the lines
// after it. From a pipe bash reads one byte at a time; from a file it reads a buffer and seeks
// back to the end of the line it used, so both leave the descriptor just after that line.
import { concatBytes } from '../../shared/bytes';
import type { Sys } from '../../shared/sys';
import { utf8Locale } from './ansi-c';
import { decodeBytes } from './byte-text';
import type { Interpreter } from './interpreter';
import { IncompleteInput } from './lexer';
import { Parser } from './parser';

const NL = 10;

/** The next line of fd 0 with its newline (the last may lack one); null at end of input. */
async function readLine(sys: Sys, seekable: boolean): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const chunk = await sys.read(0, seekable ? 4096 : 1);
    if (chunk === null || chunk.length === 0) break;
    const nl = chunk.indexOf(NL);
    if (nl >= 0) {
      if (nl + 1 < chunk.length) sys.lseek(0, nl + 1 - chunk.length, 'cur');
      parts.push(chunk.subarray(0, nl + 1));
      size += nl + 1;
      break;
    }
    parts.push(chunk);
    size += chunk.length;
  }
  return size === 0 ? null : concatBytes(parts, size);
}

function canSeek(sys: Sys): boolean {
  try {
    sys.lseek(0, 0, 'cur');
    return true;
  } catch {
    return false;
  }
}

/** Whether `src` holds only complete commands (a syntax error counts: it is reported when run). */
function complete(sh: Interpreter, src: string): boolean {
  const st = sh.state;
  const parser = new Parser(src, { aliases: sh.aliasLookup, line: 1, extglob: st.shopts.has('extglob'), utf8: utf8Locale(st) });
  try {
    while (parser.nextCommand());
  } catch (e) {
    return !(e instanceof IncompleteInput);
  }
  return true;
}

/** Runs the script on fd 0 command by command; returns the last status. */
export async function runStdinScript(sh: Interpreter): Promise<number> {
  const sys = sh.sys;
  const seekable = canSeek(sys);
  let pending = '';
  let line = 1;
  let status = 0;
  for (;;) {
    const bytes = await readLine(sys, seekable);
    if (bytes !== null) {
      // (bash's reader skips NUL bytes)
      pending += decodeBytes(bytes).replace(/\0/g, '');
      if (!complete(sh, pending)) continue;
    }
    if (pending !== '') status = await sh.evalString(pending, { line, top: true });
    if (bytes === null) return status;
    for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n', i + 1)) line++;
    pending = '';
  }
}
