// set -x: each command as it runs, after expansion, on standard error behind PS4. PS4 is
// decoded like a prompt and its first character repeated once more for each command
// substitution or eval the command runs in (`++ echo sub`).
import type { Assign } from './ast';
import { assignText } from './command-text';
import type { Interpreter } from './interpreter';

/** A word as the trace shows it: bare when safe, else '...' (control characters as they are). */
export function traceQuote(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./^-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

let expanding = false;

export async function tracePrefix(sh: Interpreter): Promise<string> {
  let ps4 = sh.state.get('PS4') ?? '';
  if (ps4 === '') return '';
  if (/[\\$`]/.test(ps4) && !expanding) {
    expanding = true;
    try {
      ps4 = await sh.promptText(ps4);
    } finally {
      expanding = false;
    }
  }
  return ps4.charAt(0).repeat(sh.state.traceLevel) + ps4.slice(1);
}

/** Writes trace lines (each behind the PS4 prefix). */
export async function traceLines(sh: Interpreter, lines: string[], before?: string): Promise<void> {
  if (lines.length === 0 || expanding) return;
  const p = before ?? (await tracePrefix(sh));
  await sh.write(2, lines.map((l) => `${p}${l}\n`).join(''));
}

/** One assignment as traced: the value it was given (an array as written). */
export function traceAssign(sh: Interpreter, a: Assign): string {
  if (a.array) return assignText(a);
  const lhs = `${a.name}${a.index ? `[${a.index.text}]` : ''}${a.append ? '+=' : '='}`;
  return lhs + traceQuote(sh.assignedValues.get(a) ?? '');
}

/** The prefix to trace a command with when it assigns PS4 itself (the old PS4 shows). */
export function prefixBefore(sh: Interpreter, assigns: Assign[]): Promise<string> | undefined {
  if (!sh.state.options.has('xtrace') || !assigns.some((a) => a.name === 'PS4')) return undefined;
  return tracePrefix(sh);
}
