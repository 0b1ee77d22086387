// Ex commands (what follows `:`): the range, the command name with vim's shortest
// abbreviations, `!`, and the argument; commands are split on `|` except those that take it
// as text (:g, :normal). Unknown names give E492, a bad range E16.
import type { Editor } from './editor';
import { exEdit, EDIT_COMMANDS } from './ex-edit';
import { exFile, FILE_COMMANDS } from './ex-file';
import { exInfo, INFO_COMMANDS } from './ex-info';
import { parseRange } from './ex-range';

export interface ExCommand {
  name: string;
  bang: boolean;
  arg: string;
  /** 0-based inclusive lines. */
  line1: number;
  line2: number;
  /** How many addresses were typed. */
  addrCount: number;
}

/** What the rest of the program lends to Ex commands. */
export interface ExHost {
  /** Runs another command line (":g" runs its command through this). */
  run(text: string): Promise<void>;
  /** Runs keys as Normal-mode commands (":normal"). */
  normal(keys: string): Promise<void>;
  /** Runs a shell command with the screen given back (":!cmd", ":shell"). */
  shell(cmd: string | undefined): Promise<void>;
  /** Runs `cmd` with `input` on its standard input; its output and errors (":{range}!cmd"). */
  filter(input: string, cmd: string): Promise<string>;
  suspend(): Promise<void>;
  /**
   * Ex mode reading its commands (ex, vim -e): the text of :append, :insert and :change, the
   * lines that follow up to one that is only ".". Absent on the screen, where those commands
   * are not offered.
   */
  textLines?(): Promise<string[]>;
}

/** [full name, shortest abbreviation length] */
export type CommandTable = [string, number][];

function lookup(word: string): string | undefined {
  for (const table of [FILE_COMMANDS, EDIT_COMMANDS, INFO_COMMANDS]) {
    for (const [full, min] of table) if (word.length >= min && full.startsWith(word)) return full;
  }
  return undefined;
}

/** Splits a command line at `|` that is not escaped (and not inside :g or :normal). */
function splitBar(text: string): [string, string | undefined] {
  if (/^[\s:]*[0-9.,;$%'\s]*!/.test(text)) return [text, undefined];
  if (/^[\s:]*[^a-zA-Z]*(g|gl|glo|glob|globa|global|v|vg|vgl|vglo|vglob|vgloba|vglobal|norm|norma|normal)\b/.test(text)) return [text, undefined];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' || text[i] === '\x16') {
      i++;
      continue;
    }
    if (text[i] === '|') return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text, undefined];
}

export async function runEx(ed: Editor, text: string, host: ExHost): Promise<void> {
  let rest: string | undefined = text;
  for (let guard = 0; rest !== undefined && guard < 100; guard++) {
    const [one, more] = splitBar(rest);
    rest = more;
    const ok = await runOne(ed, one, host);
    if (!ok || ed.exitCode !== undefined) break;
  }
  // vim counts 'quitmore' down once per command line
  if (ed.quitMore > 0) ed.quitMore--;
}

/** Runs one command; false after an error (the rest of a `|` chain is skipped). */
async function runOne(ed: Editor, text: string, host: ExHost): Promise<boolean> {
  const trimmed = text.replace(/^[\s:]+/, '');
  if (trimmed === '' || trimmed.startsWith('"')) return true;
  const r = parseRange(ed, trimmed);
  if ('error' in r) {
    ed.error(r.error);
    return false;
  }
  const m = /^([a-zA-Z]+|[&~<>!=#@*]|)(!?)\s*([\s\S]*)$/.exec(r.rest)!;
  let word = m[1]!;
  let bang = m[2] === '!';
  let arg = m[3]!;
  // ":s/a/b", ":g/x/d" and friends: the letters stop at the delimiter anyway; but ":sno" etc.
  // and ":k{mark}" need care, as does "!" being a command of its own
  if (word === '!') {
    arg = (bang ? '!' : '') + arg;
    bang = false;
  }
  if (word === '' && r.count > 0 && !bang) {
    // a range alone: go to its last line
    if (r.line2 < 0 || r.line2 >= ed.buf.lineCount) {
      if (r.line2 >= ed.buf.lineCount) {
        ed.setMark("'");
        ed.moveToLine(ed.buf.lineCount - 1, true);
        return true;
      }
      ed.error('E16: Invalid range');
      return false;
    }
    ed.setMark("'");
    ed.moveToLine(r.line2, true);
    return true;
  }
  let name = lookup(word);
  if (!name && /^k[a-zA-Z]$/.test(word)) {
    name = 'k';
    arg = word[1]!;
  }
  if (!name && /^s[gciIenr&]+$/.test(word)) {
    // ":sg" is ":s//~/g" with flags; treat as :s with those flags
    name = 'substitute';
    arg = word.slice(1) + arg;
  }
  if (!name) {
    ed.error(`E492: Not an editor command: ${trimmed}`);
    return false;
  }
  const lineCount = ed.buf.lineCount;
  if (r.count > 0 && (r.line1 < 0 || r.line2 < 0 || r.line1 >= lineCount || r.line2 >= lineCount) && !(r.line2 === -1 && /^(read|put|copy|t|move|append|insert)$/.test(name))) {
    ed.error('E16: Invalid range');
    return false;
  }
  const [line1, line2] = r.line1 <= r.line2 ? [r.line1, r.line2] : [r.line2, r.line1];
  const cmd: ExCommand = { name, bang, arg, line1, line2, addrCount: r.count };
  for (const run of [exFile, exEdit, exInfo]) {
    const res = await run(ed, cmd, host);
    if (res !== undefined) return res;
  }
  ed.error(`E492: Not an editor command: ${trimmed}`);
  return false;
}

/** A command's argument must be empty: E488 otherwise. */
export function noTrailing(ed: Editor, cmd: ExCommand): boolean {
  if (cmd.arg.trim() === '') return true;
  ed.error(`E488: Trailing characters: ${cmd.arg.trim()}`);
  return false;
}
