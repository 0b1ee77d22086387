// :s :& :&& :~ (substitute) and :g :v (global), with vim's messages: "3 substitutions on
// 3 lines", E486, "Pattern not found: x" for :g; :g/pat/d runs in one pass on big files.
import type { Editor } from './editor';
import type { ExCommand, ExHost } from './ex';
import { reportLines } from './operator';
import { compile, PatternError, type VimRegex } from './regex';
import { expandReplacement } from './search';
import { K } from './tty';

/**
 * The delimited pieces of `/pat/rep/flags` (parts 2) or `/pat/cmd` (parts 1): the delimiter is
 * the first character; what follows the last piece is `rest`.
 */
function splitDelimited(arg: string, parts: number): { pieces: string[]; rest: string } | undefined {
  const d = arg[0];
  if (d === undefined || /[a-zA-Z0-9\\"| ]/.test(d)) return undefined;
  const pieces: string[] = [];
  let cur = '';
  let i = 1;
  for (; i < arg.length && pieces.length < parts - 1; i++) {
    const c = arg[i]!;
    if (c === '\\' && i + 1 < arg.length) {
      cur += arg[i + 1] === d ? d : c + arg[i + 1];
      i++;
    } else if (c === d) {
      pieces.push(cur);
      cur = '';
    } else cur += c;
  }
  if (pieces.length < parts - 1) {
    pieces.push(cur);
    return { pieces, rest: '' };
  }
  // the last piece runs to the next delimiter
  let last = '';
  for (; i < arg.length; i++) {
    const c = arg[i]!;
    if (c === '\\' && i + 1 < arg.length) {
      last += arg[i + 1] === d ? d : c + arg[i + 1];
      i++;
    } else if (c === d) {
      i++;
      break;
    } else last += c;
  }
  pieces.push(last);
  return { pieces, rest: arg.slice(i) };
}

function regex(ed: Editor, pattern: string): VimRegex | undefined {
  try {
    return compile(pattern, { ignorecase: ed.opts.ignorecase, smartcase: ed.opts.smartcase, lastSub: ed.lastSub?.rep });
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    ed.error(e.message);
    return undefined;
  }
}

/** Counters a :g run collects from the :s commands it runs. */
export interface SubTotals {
  subs: number;
  lines: number;
}
let globalTotals: SubTotals | undefined;

export async function substitute(ed: Editor, cmd: ExCommand): Promise<boolean> {
  let pattern: string | undefined;
  let rep: string;
  let flags = '';
  let rest = cmd.arg;
  if (cmd.name === 'substitute' && cmd.arg !== '' && !/^[&cegiInp#lr\s\d]/.test(cmd.arg)) {
    const parts = splitDelimited(cmd.arg, 2);
    if (!parts) {
      ed.error(`E146: Regular expressions can't be delimited by letters`);
      return false;
    }
    pattern = parts.pieces[0]!;
    rep = parts.pieces[1] ?? '';
    // ~ in the new string stands for the previous one
    rep = rep.replace(/(^|[^\\])~/g, (_m, pre: string) => pre + (ed.lastSub?.rep ?? ''));
    rest = parts.rest;
    if (pattern === '') {
      if (!ed.lastSearch) {
        ed.error('E35: No previous regular expression');
        return false;
      }
      pattern = ed.lastSearch.pattern;
    }
  } else {
    // :s :& :&& :~ repeat the last substitute
    if (!ed.lastSub) {
      ed.error('E35: No previous regular expression');
      return false;
    }
    pattern = cmd.name === '~' ? (ed.lastSearch?.pattern ?? ed.lastSub.pattern) : ed.lastSub.pattern;
    rep = ed.lastSub.rep;
    if (cmd.name === '&&' || rest.startsWith('&')) {
      flags = ed.lastSub.flags;
      if (rest.startsWith('&')) rest = rest.slice(1);
    }
  }
  const fm = /^\s*([cegiInp#lr]*)\s*(\d*)\s*$/.exec(rest);
  if (!fm) {
    ed.error(`E488: Trailing characters: ${rest.trim()}`);
    return false;
  }
  flags += fm[1]!;
  let line1 = cmd.line1;
  let line2 = cmd.line2;
  if (fm[2]) {
    line1 = line2;
    line2 = Math.min(ed.buf.lineCount - 1, line1 + Number(fm[2]) - 1);
  }
  const rx = regex(ed, pattern);
  if (!rx) return false;
  if (flags.includes('i')) rx.re = new RegExp(rx.re.source, 'gi');
  if (flags.includes('I')) rx.re = new RegExp(rx.re.source, 'g');
  ed.lastSub = { pattern, rep, flags: flags.replace(/[&]/g, '') };
  ed.lastSearch = { pattern, forward: ed.lastSearch?.forward ?? true };
  ed.regs.readOnly['/'] = pattern;
  const all = flags.includes('g');
  const countOnly = flags.includes('n');
  let subs = 0;
  let lines = 0;
  let lastLine = -1;
  const before = ed.buf.lineCount;
  // the c flag asks before each one: y n a q l (":help :s_c")
  let ask = flags.includes('c') && !countOnly;
  let stop = false;
  for (let i = line1; i <= line2 && i < ed.buf.lineCount && !stop; i++) {
    if (i % 2048 === 2047 && (await ed.pace())) break;
    const text = ed.buf.line(i);
    rx.re.lastIndex = 0;
    let out = '';
    let last = 0;
    let n = 0;
    for (let guard = 0; guard <= text.length; guard++) {
      const m = rx.re.exec(text);
      if (!m) break;
      let answer = 'y';
      if (ask) {
        ed.cur = { line: i, col: m.index };
        ed.confirm = { line: i, start: m.index, end: m.index + m[0].length };
        ed.message(`replace with ${rep} (y/n/a/q/l/^E/^Y)?`, 'Question');
        for (;;) {
          answer = await ed.nextKey();
          if (answer === K.Eof) answer = 'q';
          if (answer.length === 1 && 'ynaql\x1b\x03'.includes(answer)) break;
        }
        ed.confirm = undefined;
        ed.msg = undefined;
        if (answer === 'a') ask = false;
        if (answer === 'q' || answer === '\x1b' || answer === '\x03') {
          stop = true;
          break;
        }
      }
      if (answer === 'n') {
        out += text.slice(last, m.index + m[0].length);
        last = m.index + m[0].length;
        if (m[0].length === 0) rx.re.lastIndex = m.index + 1;
        if (!all) break;
        continue;
      }
      n++;
      out += text.slice(last, m.index) + expandReplacement(rep, m, ed.lastSub.rep);
      last = m.index + m[0].length;
      if (answer === 'l') stop = true;
      if (m[0].length === 0) {
        if (m.index < text.length) out += text[m.index];
        last = m.index + 1;
        rx.re.lastIndex = m.index + 1;
      }
      if (!all || last > text.length || stop) break;
    }
    if (!n) continue;
    subs += n;
    lines++;
    if (countOnly) continue;
    ed.changeWarning();
    const newLines = (out + text.slice(last)).split('\r');
    ed.buf.replace(i, 1, newLines);
    const added = newLines.length - 1;
    i += added;
    line2 += added;
    lastLine = i;
  }
  if (subs === 0) {
    if (globalTotals) return true;
    if (!flags.includes('e')) ed.error(`E486: Pattern not found: ${pattern}`);
    return flags.includes('e');
  }
  if (globalTotals) {
    globalTotals.subs += subs;
    globalTotals.lines += lines;
  }
  if (!countOnly && lastLine >= 0) {
    ed.cur = { line: lastLine, col: 0 };
    ed.toFirstNonBlank();
  }
  if (!globalTotals) subMessage(ed, subs, lines, countOnly, ed.buf.lineCount - before);
  return true;
}

/** do_sub_msg(): "3 substitutions on 3 lines" when more than 'report' were made. */
function subMessage(ed: Editor, subs: number, lines: number, countOnly: boolean, delta: number): boolean {
  if (subs > ed.opts.report || countOnly) {
    const what = countOnly ? (subs === 1 ? 'match' : 'matches') : subs === 1 ? 'substitution' : 'substitutions';
    ed.message(`${subs} ${what} on ${lines} ${lines === 1 ? 'line' : 'lines'}`);
    return true;
  }
  if (delta) reportLines(ed, delta);
  return false;
}

export async function global(ed: Editor, cmd: ExCommand, host: ExHost): Promise<boolean> {
  if (globalTotals) {
    ed.error('E147: Cannot do :global recursive with a range');
    return false;
  }
  const invert = cmd.name === 'vglobal' || cmd.bang;
  const parts = splitDelimited(cmd.arg, 1);
  if (!parts) {
    ed.error('E146: Regular expressions can\'t be delimited by letters');
    return false;
  }
  let pattern = parts.pieces[0]!;
  if (pattern === '') {
    if (!ed.lastSearch) {
      ed.error('E35: No previous regular expression');
      return false;
    }
    pattern = ed.lastSearch.pattern;
  }
  const command = parts.rest.trim() === '' ? 'p' : parts.rest;
  const rx = regex(ed, pattern);
  if (!rx) return false;
  ed.lastSearch = { pattern, forward: true };
  const all = cmd.addrCount === 0;
  const from = all ? 0 : cmd.line1;
  const to = all ? ed.buf.lineCount - 1 : cmd.line2;
  const marked: number[] = [];
  for (let i = from; i <= to; i++) {
    if (i % 8192 === 8191 && (await ed.pace())) {
      ed.message('Interrupted');
      return false;
    }
    rx.re.lastIndex = 0;
    if (rx.re.test(ed.buf.line(i)) !== invert) marked.push(i);
  }
  if (marked.length === 0) {
    ed.message(invert ? `Pattern found in every line: ${pattern}` : `Pattern not found: ${pattern}`);
    return true;
  }
  const before = ed.buf.lineCount;
  ed.setMark("'");
  if (/^\s*d(e(l(e(t(e)?)?)?)?)?\s*$/.test(command)) {
    // ":g/pat/d", the common case, in one pass instead of one delete per line
    ed.changeWarning();
    const drop = new Set(marked);
    const keep = ed.buf.lines.filter((_l, i) => !drop.has(i));
    ed.regs.put(undefined, { lines: ed.buf.lines.filter((_l, i) => drop.has(i)), linewise: true }, 'delete');
    if (keep.length === 0) ed.buf.clearAll();
    else ed.buf.replace(0, ed.buf.lineCount, keep);
    ed.cur = { line: Math.min(marked.at(-1)! - marked.length + 1, ed.buf.lineCount - 1), col: 0 };
    ed.toFirstNonBlank();
    if (keep.length === 0) ed.message('--No lines in buffer--');
    else reportLines(ed, ed.buf.lineCount - before);
    return true;
  }
  globalTotals = { subs: 0, lines: 0 };
  // the marked lines still to visit: index + shift, kept right as commands change the text
  let next = 0;
  let shift = 0;
  ed.buf.onReplace = (at, count, added) => {
    const kept = Math.min(count, added);
    const delStart = at + kept;
    const delEnd = at + count;
    const delta = added - count;
    if (next < marked.length && marked[next]! + shift >= delStart) {
      while (next < marked.length && marked[next]! + shift < delEnd) next++;
      shift += delta;
      return;
    }
    for (let j = next; j < marked.length; j++) {
      const eff = marked[j]! + shift;
      if (Number.isNaN(eff) || eff < delStart) continue;
      // NaN: the marked line itself was deleted
      marked[j] = eff < delEnd ? NaN : marked[j]! + delta;
    }
  };
  const printed = ed.pending?.lines.length ?? 0;
  try {
    for (let n = 0; next < marked.length; n++) {
      const line = marked[next++]! + shift;
      if (!(line >= 0 && line < ed.buf.lineCount)) continue;
      if (n % 512 === 511 && (await ed.pace())) break;
      ed.cur = { line, col: 0 };
      await host.run(command);
      if (ed.hasError() || ed.exitCode !== undefined) break;
    }
  } finally {
    ed.buf.onReplace = undefined;
    const totals = globalTotals;
    globalTotals = undefined;
    ed.clamp();
    if (!ed.hasError() && (ed.pending?.lines.length ?? 0) === printed) {
      if (!subMessage(ed, totals.subs, totals.lines, false, 0)) {
        ed.msg = undefined;
        reportLines(ed, ed.buf.lineCount - before);
      }
    }
  }
  return true;
}

