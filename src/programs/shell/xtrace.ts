// set -x: each command as it runs, after expansion, on standard error behind PS4. PS4 is
// decoded like a prompt and its first character repeated once more for each command
// substitution or eval the command runs in (`++ echo sub`).
import { utf8Locale } from './ansi-c';
import type { Assign, Word } from './ast';
import { assignText, wordText } from './command-text';
import type { Interpreter } from './interpreter';

/** The full quoting rules, loaded once xtrace is first turned on (no login needs them). */
let quoting: typeof import('./trace-quote') | undefined;

export async function loadTraceQuoting(sh: Interpreter): Promise<void> {
  quoting ??= await sh.sys.loadCode(() => import('./trace-quote'));
}

/** A word as the trace shows it (before the rules are loaded: '...' unless plainly safe). */
export function traceQuote(s: string, utf8 = true): string {
  if (quoting) return quoting.traceQuote(s, utf8);
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** traceQuote in the shell's locale. */
export function traceQuoter(sh: Interpreter): (s: string) => string {
  const utf8 = utf8Locale(sh.state);
  return (s) => traceQuote(s, utf8);
}

/** A word of a for, select or case head as the trace shows it: as written. */
export function traceSource(w: Word): string {
  return quoting ? quoting.traceSource(w) : wordText(w);
}


export async function tracePrefix(sh: Interpreter): Promise<string> {
  let ps4 = sh.state.get('PS4') ?? '';
  if (ps4 === '') return '';
  if (!quoting) await loadTraceQuoting(sh);
  // while PS4 is expanded (and in the command substitutions it runs) nothing is traced; a
  // flag of the shell's own, as pipeline stages trace at the same time
  if (/[\\$`]/.test(ps4) && !sh.state.expandingPs4) {
    sh.state.expandingPs4 = true;
    try {
      ps4 = await sh.promptText(ps4);
    } finally {
      sh.state.expandingPs4 = false;
    }
  }
  return ps4.charAt(0).repeat(sh.state.traceLevel) + ps4.slice(1);
}

/** Writes trace lines (each behind the PS4 prefix). */
export async function traceLines(sh: Interpreter, lines: string[], before?: string): Promise<void> {
  if (lines.length === 0 || sh.state.expandingPs4) return;
  const p = before ?? (await tracePrefix(sh));
  await sh.write(traceFd(sh), lines.map((l) => `${p}${l}\n`).join(''));
}

/** Where the trace goes: the descriptor BASH_XTRACEFD gave while it is open, else standard error. */
function traceFd(sh: Interpreter): number {
  const fd = sh.state.xtraceFd;
  return fd !== undefined && sh.sys.isOpen(fd) ? fd : 2;
}

/**
 * BASH_XTRACEFD assigned (or unset: `value` undefined): the descriptor it names takes the
 * trace, and the one before is closed; a value naming no open descriptor is refused, and the
 * trace stays where it was.
 */
export async function setTraceFd(sh: Interpreter, value: string | undefined): Promise<void> {
  const st = sh.state;
  const fd = value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  if (value !== undefined && value !== '' && (fd === undefined || !sh.sys.isOpen(fd))) {
    await sh.error(`BASH_XTRACEFD: ${value}: invalid value for trace file descriptor`);
    return;
  }
  if (st.xtraceFd !== undefined && st.xtraceFd !== fd && sh.sys.isOpen(st.xtraceFd)) sh.sys.close(st.xtraceFd);
  st.xtraceFd = fd;
}

/** One assignment as traced: the value it was given (an array as written). */
export function traceAssign(sh: Interpreter, a: Assign): string {
  if (a.array) return quoting ? quoting.traceSource(assignText(a)) : assignText(a);
  const lhs = `${a.name}${a.index ? `[${a.index.text}]` : ''}${a.append ? '+=' : '='}`;
  const value = sh.assignedValues.get(a) ?? '';
  // bash shows an empty value as nothing at all
  return lhs + (value === '' ? '' : traceQuote(value, utf8Locale(sh.state)));
}
