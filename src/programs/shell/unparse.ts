// Command text for job listings (`[1]+  Done   sleep 5`) and `type`/`declare -f`.
import type { Command, List } from './ast';
import { redirText } from './command-text';

/** The list as bash prints it: `a; b`, but `a & b` after a background command. */
export function listText(list: List): string {
  let out = '';
  list.items.forEach((i, n) => {
    if (n > 0) out += list.items[n - 1]!.async ? ' ' : '; ';
    out += commandText(i.cmd) + (i.async ? ' &' : '');
  });
  return out;
}

/** A list that a `;` ends inside braces, unless it ends in `&` already (`{ a; }`, `{ a & }`). */
function endedList(list: List): string {
  return list.items.at(-1)?.async ? listText(list) : `${listText(list)};`;
}

export function commandText(cmd: Command): string {
  switch (cmd.kind) {
    case 'simple':
      return [...cmd.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value?.text ?? ''}`), ...cmd.words.map((w) => w.text), ...cmd.redirs.map(redirText)].join(' ');
    case 'pipeline':
      // |& is shown as the 2>&1 it stands for
      return `${cmd.negate ? '! ' : ''}${cmd.cmds.map((c, i) => `${commandText(c)}${cmd.stderr[i] ? ' 2>&1' : ''}`).join(' | ')}`;
    case 'andor':
      return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ');
    case 'subshell':
      return `( ${listText(cmd.body)} )`;
    case 'group':
      return `{ ${endedList(cmd.body)} }`;
    case 'if':
      return `if ${listText(cmd.clauses[0]!.cond)}; then ${listText(cmd.clauses[0]!.body)}; fi`;
    case 'while':
      return `${cmd.until ? 'until' : 'while'} ${listText(cmd.cond)}; do ${listText(cmd.body)}; done`;
    case 'for':
      return `for ${cmd.name}${cmd.items ? ` in ${cmd.items.map((w) => w.text).join(' ')}` : ''}; do ${listText(cmd.body)}; done`;
    case 'arithfor':
      return `for ((${cmd.init.text}; ${cmd.cond.text}; ${cmd.step.text})); do ${listText(cmd.body)}; done`;
    case 'select':
      return `select ${cmd.name}; do ${listText(cmd.body)}; done`;
    case 'case':
      return `case ${cmd.word.text} in ... esac`;
    case 'funcdef':
      return cmd.source;
    case 'coproc':
      return `coproc ${cmd.name} ${commandText(cmd.body)}`;
    case 'arith':
      return `(( ${cmd.expr.text} ))`;
    case 'cond':
      return '[[ ... ]]';
  }
}
