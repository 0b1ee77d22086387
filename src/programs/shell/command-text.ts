// $BASH_COMMAND: the command being run, printed the way bash's print_cmd.c prints it
// (words as written, one space apart; redirections after the words in a normal form;
// here-document bodies after the line; `for`, `select` and `case` by their heads;
// `(( ))` and `[[ ]]` re-printed). Texts of simple commands are cached on the node.
import type { ArrayItem, Assign, Command, CondExpr, Redir, Word } from './ast';
import { listText } from './unparse';
import { decodeAnsiC } from './ansi-c';

/** What $BASH_COMMAND names: a command node, or a text already made (loop heads). */
export type CurrentCommand = Command | string | undefined;

const simpleTexts = new WeakMap<Command, string>();

export function currentText(c: CurrentCommand): string {
  if (c === undefined) return '';
  if (typeof c === 'string') return c;
  let t = simpleTexts.get(c);
  if (t === undefined) {
    t = printCommand(c);
    simpleTexts.set(c, t);
  }
  return t;
}

function printCommand(c: Command): string {
  switch (c.kind) {
    case 'simple': return simpleText(c);
    case 'arith': return `((${c.expr.text}))`;
    case 'cond': return `[[ ${condText(c.expr)} ]]`;
    case 'case': return caseHead(c);
    case 'for':
    case 'select':
      return forHead(c);
    case 'subshell': return `( ${listText(c.body)} )`;
    default: return '';
  }
}

/**
 * A word's text with its $'...' strings as bash keeps them once parsed: decoded and put in
 * single quotes (declare -f and set -x show them so).
 */
export function ansiToQuoted(text: string): string {
  if (!text.includes("$'")) return text;
  let out = '';
  let dq = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      dq = !dq;
      out += c;
    } else if (c === "'" && !dq) {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '$' && text[i + 1] === "'" && !dq) {
      const { text: value, end } = decodeAnsiC(text, i + 2);
      if (end < 0) {
        out += text.slice(i);
        break;
      }
      out += `'${value.replace(/'/g, "'\\''")}'`;
      i = end;
    } else out += c;
  }
  return out;
}

/** Words with their command substitutions re-printed ($( echo x ) is `$(echo x)`). */
export function wordText(w: Word): string {
  let text = w.text;
  for (const p of w.parts) {
    // (one with a here-document keeps its text: the one-line form cannot hold the body)
    if (p.kind === 'cmdsub' && text.includes(`$(${p.source})`) && !/<<(?!<)/.test(p.source)) text = text.replace(`$(${p.source})`, `$(${listText(p.body)})`);
  }
  return text;
}

function itemText(i: ArrayItem): string {
  return i.key ? `[${i.key.text}]=${wordText(i.value)}` : wordText(i.value);
}

export function assignText(a: Assign): string {
  const lhs = `${a.name}${a.index ? `[${a.index.text}]` : ''}${a.append ? '+=' : '='}`;
  if (a.array) return `${lhs}(${a.array.map(itemText).join(' ')})`;
  return lhs + (a.value ? wordText(a.value) : '');
}

const INPUT_OPS = new Set(['<', '<&', '<<', '<<-', '<<<', '<>']);

export function redirText(r: Redir): string {
  const dflt = INPUT_OPS.has(r.op) ? 0 : 1;
  const target = wordText(r.target);
  const fd = r.fdVar !== undefined ? `{${r.fdVar}}` : r.fd !== undefined && r.fd !== dflt ? String(r.fd) : '';
  switch (r.op) {
    case '>&':
    case '<&':
      // a descriptor (or -) target prints its source descriptor too: `1>&2`, `0<&3`; a close is
      // always written `>&-` (`0>&-`, `{fd}>&-`), as bash keeps it apart from its direction
      if (target === '-') return `${r.fdVar !== undefined ? `{${r.fdVar}}` : r.fd ?? dflt}>&-`;
      if (r.fdVar === undefined && /^\d+$/.test(target)) return `${r.fd ?? dflt}${r.op}${target}`;
      return `${fd}${r.op}${target}`;
    case '<<':
    case '<<-':
      return `${fd}${r.op}${r.heredoc?.quoted ? `'${delimiter(r.target)}'` : target}`;
    default:
      return `${fd}${r.op} ${target}`;
  }
}

export function delimiter(w: Word): string {
  return w.parts.map((p) => (p.kind === 'lit' || p.kind === 'quoted' ? p.text : p.kind === 'dq' ? p.parts.map((q) => ('text' in q ? q.text : '')).join('') : '')).join('');
}

function simpleText(c: Command & { kind: 'simple' }): string {
  const parts = [...c.assigns.map(assignText), ...c.words.map(wordText), ...c.redirs.map(redirText)];
  let text = parts.join(' ');
  for (const r of c.redirs) if (r.heredoc) text += `\n${r.heredoc.body}${delimiter(r.target)}\n`;
  return text;
}

export function forHead(c: Command & { kind: 'for' | 'select' }): string {
  return `${c.kind} ${c.name} in ${c.items ? c.items.map(wordText).join(' ') : '"$@"'}`;
}

export function caseHead(c: Command & { kind: 'case' }): string {
  return `case ${wordText(c.word)} in `;
}

/** One of the three expressions of `for ((;;))`: bash prints it left-trimmed, an empty one as 1. */
export function arithForText(w: Word): string {
  const t = w.text.replace(/^\s+/, '');
  return `((${t === '' ? '1' : t}))`;
}

export function condText(e: CondExpr): string {
  switch (e.kind) {
    case 'word': return `-n ${wordText(e.word)}`;
    case 'unary': return `${e.op} ${wordText(e.arg)}`;
    case 'binary': return `${wordText(e.left)} ${e.op} ${wordText(e.right)}`;
    case 'not': return `! ${condText(e.expr)}`;
    case 'and': return `${condText(e.left)} && ${condText(e.right)}`;
    case 'or': return `${condText(e.left)} || ${condText(e.right)}`;
    case 'paren': return `( ${condText(e.expr)} )`;
  }
}
