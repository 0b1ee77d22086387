// The commands of nano's main menu that prompt or report: Write Out (^O, ^S), Exit (^X),
// Where Is (^F/^W, ^B/^Q, M-F/M-W, M-B/M-Q), Replace (^\), Cut and Paste (^K, ^U), Location
// (^C), Go To Line (^/, ^_, M-G), Read File (^R) and Execute (^T).
import { isSysError, strerror } from '../../shared/errno';
import { normalize } from '../../shared/path';
import type { Editor } from './editor';
import { readForInsert, writeBuffer } from './files';
import { EXECUTE, GOTO_LINE, INSERT_FILE, REPLACE, REPLACE_WITH, WHERE_IS, WRITE_FILE } from './menus';
import { columnOf, displayCells } from './view';

const decoder = new TextDecoder();

function absolute(ed: Editor, name: string): string {
  return normalize(name.startsWith('/') ? name : `${ed.sys.getcwd()}/${name}`);
}

async function exists(ed: Editor, name: string): Promise<boolean> {
  try {
    await ed.sys.stat(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * write_it_out: asks for the file name (unless `prompt` is false and the buffer has one),
 * confirms a different or existing name, writes. True when written.
 */
export async function writeOut(ed: Editor, prompt = true): Promise<boolean> {
  const b = ed.buf;
  let given = b.filename;
  let answer = b.filename;
  let mayChange = b.filename === '';
  for (;;) {
    if (prompt || b.filename === '') {
      const got = await ed.prompt(WRITE_FILE, 'File Name to Write', given);
      if (got === null || got === '') {
        ed.setMessage('Cancelled');
        return false;
      }
      answer = got;
    }
    given = answer;
    const warn = b.filename === '' ? await exists(ed, answer) : absolute(ed, answer) !== absolute(ed, b.filename);
    if (warn) {
      if (!mayChange) {
        if ((await ed.ask('Save file under DIFFERENT NAME? ')) !== 'yes') continue;
        mayChange = true;
      }
      if ((await exists(ed, answer)) && (await ed.ask(`File "${answer}" exists; OVERWRITE? `)) !== 'yes') continue;
    }
    break;
  }
  const r = await writeBuffer(ed.sys, b, answer);
  ed.setMessage(r.message.text, r.message.importance);
  if (r.ok) {
    b.filename = answer;
    b.modified = false;
  }
  return r.ok;
}

/** do_exit: true when nano may end (nothing to save, the answer was No, or the save worked). */
export async function exit(ed: Editor): Promise<boolean> {
  if (!ed.buf.modified) return true;
  const choice = await ed.ask('Save modified buffer? ');
  if (choice === 'no') return true;
  if (choice === 'yes') return writeOut(ed, true);
  ed.setMessage('Cancelled');
  return false;
}

/** not_found_msg: the pattern, cut at half the screen width. */
function notFound(ed: Editor, what: string): void {
  const half = Math.floor(ed.cols / 2);
  ed.setMessage(`"${what.slice(0, half)}${what.length > half ? '...' : ''}" not found`, 'ahem');
}

function findBackward(ed: Editor, needle: string): { wrapped: boolean } | undefined {
  const b = ed.buf;
  const n = needle.toLowerCase();
  const total = b.lines.length;
  for (let i = 0; i <= total; i++) {
    const r = (b.row - i + total * 2) % total;
    const hay = b.lines[r]!.toLowerCase();
    let at = i === 0 ? (b.col > 0 ? hay.lastIndexOf(n, b.col - 1) : -1) : hay.lastIndexOf(n);
    if (i === total && at < b.col) at = -1;
    if (at >= 0) {
      const wrapped = b.row - i < 0;
      b.row = r;
      b.col = at;
      b.want = at;
      return { wrapped };
    }
  }
  return undefined;
}

/** go_looking: the next match of the last search, and what to say about it. */
export function findAgain(ed: Editor, backward: boolean): void {
  const b = ed.buf;
  if (b.lastSearch === '') {
    ed.setMessage('No current search pattern', 'ahem');
    return;
  }
  const was = { row: b.row, col: b.col };
  const found = backward ? findBackward(ed, b.lastSearch) : b.find(b.lastSearch);
  if (!found) notFound(ed, b.lastSearch);
  else if (b.row === was.row && b.col === was.col) ed.setMessage('This is the only occurrence', 'remark');
  else if (found.wrapped) ed.setMessage('Search Wrapped', 'remark');
  ed.adjust(true);
}

/** search_init: the Search prompt (showing the last pattern as the default). */
export async function search(ed: Editor, backward: boolean): Promise<void> {
  const b = ed.buf;
  const last = b.lastSearch ? ` [${b.lastSearch.slice(0, Math.floor(ed.cols / 3))}${b.lastSearch.length > Math.floor(ed.cols / 3) ? '...' : ''}]` : '';
  const answer = await ed.prompt(WHERE_IS, `Search${backward ? ' [Backwards]' : ''}${last}`);
  if (answer === null || (answer === '' && b.lastSearch === '')) {
    ed.setMessage('Cancelled');
    return;
  }
  if (answer !== '') b.lastSearch = answer;
  findAgain(ed, backward);
}

/** do_replace: what to replace, with what, then each match asked about (Y, N, A, ^C). */
export async function replace(ed: Editor): Promise<void> {
  const b = ed.buf;
  const last = b.lastSearch ? ` [${b.lastSearch}]` : '';
  const what = await ed.prompt(REPLACE, `Search (to replace)${last}`);
  if (what === null || (what === '' && b.lastSearch === '')) {
    ed.setMessage('Cancelled');
    return;
  }
  if (what !== '') b.lastSearch = what;
  const needle = b.lastSearch;
  const withText = await ed.prompt(REPLACE_WITH, 'Replace with');
  if (withText === null) {
    ed.setMessage('Cancelled');
    return;
  }
  const start = { row: b.row, col: b.col };
  const lower = needle.toLowerCase();
  // the matches from the cursor to the end, then from the top back to where it began
  const next = (row: number, col: number): { row: number; at: number } | undefined => {
    for (let r = row; r < b.lines.length; r++) {
      const at = b.lines[r]!.toLowerCase().indexOf(lower, r === row ? col : 0);
      if (at >= 0) return { row: r, at };
    }
    return undefined;
  };
  let pos = { row: start.row, col: start.col };
  let wrapped = false;
  let found = false;
  let count = 0;
  let all = false;
  ed.remember('replacement');
  for (;;) {
    let m = next(pos.row, pos.col);
    if (!m && !wrapped) {
      wrapped = true;
      m = next(0, 0);
    }
    if (!m || (wrapped && (m.row > start.row || (m.row === start.row && m.at >= start.col)))) break;
    found = true;
    b.row = m.row;
    b.col = m.at;
    ed.adjust(true);
    let choice = 'all';
    if (!all) {
      choice = await ed.ask('Replace this instance?', true);
      if (choice === 'all') all = true;
    }
    if (choice === 'cancel') break;
    if (choice === 'no') {
      pos = { row: m.row, col: m.at + 1 };
      continue;
    }
    b.lines[m.row] = b.lines[m.row]!.slice(0, m.at) + withText + b.lines[m.row]!.slice(m.at + needle.length);
    if (m.row === start.row && m.at < start.col) start.col += withText.length - needle.length;
    b.modified = true;
    count++;
    pos = { row: m.row, col: m.at + withText.length };
  }
  // nano puts the cursor back where the replacing began
  b.row = start.row;
  b.col = Math.min(Math.max(0, start.col), b.line.length);
  b.want = b.col;
  ed.adjust(true);
  if (!found) notFound(ed, needle);
  else ed.setMessage(`Replaced ${count} occurrence${count === 1 ? '' : 's'}`, 'remark');
}

/** ^K: cut the line; nano says so when there is nothing to cut. */
export function cut(ed: Editor): void {
  const b = ed.buf;
  const keep = b.keepCut;
  ed.remember('cut');
  b.keepCut = keep;
  if (!b.cutLine()) ed.setMessage('Nothing was cut');
  else ed.message = undefined;
  ed.adjust();
}

/** ^U: paste the cutbuffer. */
export function paste(ed: Editor): void {
  if (ed.buf.cutbuffer === '') {
    ed.setMessage('Cutbuffer is empty', 'ahem');
    return;
  }
  ed.remember('paste');
  ed.buf.paste();
  ed.adjust();
}

/** report_cursor_position: line, column and character, each with its percentage. */
export function location(ed: Editor): void {
  const b = ed.buf;
  const lines = b.lines.length;
  const column = columnOf(b.line, b.col) + 1;
  const fullwidth = displayCells(b.line).cells.length + 1;
  const total = b.size();
  let sum = 0;
  for (let i = 0; i < b.row; i++) sum += [...b.lines[i]!].length + 1;
  sum += [...b.line.slice(0, b.col)].length;
  const pct = (a: number, z: number): number => (z === 0 ? 0 : Math.floor((100 * a) / z));
  const lw = String(lines).length;
  const cw = String(total).length;
  ed.setMessage(
    `line ${String(b.row + 1).padStart(lw)}/${lines} (${String(pct(b.row + 1, lines)).padStart(2)}%), col ${String(column).padStart(2)}/${String(fullwidth).padStart(2)} (${String(pct(column, fullwidth)).padStart(3)}%), char ${String(sum).padStart(cw)}/${total} (${String(pct(sum, total)).padStart(2)}%)`,
    'info',
  );
}

/** do_gotolinecolumn: "line" or "line,column"; negative numbers count from the end. */
export async function gotoLine(ed: Editor): Promise<void> {
  const answer = await ed.prompt(GOTO_LINE, 'Enter line number, column number');
  if (answer === null || answer.trim() === '') {
    ed.setMessage('Cancelled');
    return;
  }
  const m = /^\s*([-+]?\d+)?\s*(?:[,.: ]\s*([-+]?\d+))?\s*$/.exec(answer);
  const b = ed.buf;
  if (!m || (m[1] === undefined && m[2] === undefined)) {
    ed.setMessage('Invalid line or column number', 'ahem');
    return;
  }
  let line = m[1] === undefined ? b.row + 1 : Number(m[1]);
  if (line < 0) line = b.lines.length + line + 1;
  let col = m[2] === undefined ? 1 : Number(m[2]);
  if (col < 0) col = b.lines[Math.max(0, line - 1)]!.length + col + 2;
  b.goto(Math.max(1, line), Math.max(1, col));
  ed.adjust(true);
}

/** do_insertfile: a file's text at the cursor. */
export async function readFile(ed: Editor): Promise<void> {
  const name = await ed.prompt(INSERT_FILE, 'File to insert [from ./]');
  if (name === null || name === '') {
    ed.setMessage('Cancelled');
    return;
  }
  const r = await readForInsert(ed.sys, name);
  if (r.text !== undefined && r.text !== '') {
    ed.remember('insertion');
    ed.buf.insert(r.text);
    ed.adjust();
  }
  ed.setMessage(r.message.text, r.message.importance);
}

/** do_execute: a shell command's output at the cursor. */
export async function execute(ed: Editor): Promise<void> {
  const cmd = await ed.prompt(EXECUTE, 'Command to execute');
  if (cmd === null || cmd === '') {
    ed.setMessage('Cancelled');
    return;
  }
  const sys = ed.sys;
  const [r, w] = sys.pipe();
  let out = '';
  try {
    const devnull = await sys.open('/dev/null', { read: true });
    const pid = await sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', cmd], env: new Map(sys.env), fds: new Map([[0, devnull], [1, w], [2, w]]) });
    sys.close(devnull);
    sys.close(w);
    for (;;) {
      const chunk = await sys.read(r, 65536);
      if (chunk === null) break;
      out += decoder.decode(chunk, { stream: true });
    }
    await sys.wait(pid);
  } catch (e) {
    if (!isSysError(e)) throw e;
    ed.setMessage(`Could not fork: ${strerror(e.errno)}`, 'alert');
    return;
  } finally {
    if (sys.isOpen(w)) sys.close(w);
    sys.close(r);
  }
  if (out !== '') {
    ed.remember('insertion');
    ed.buf.insert(out);
    ed.adjust();
  }
}
