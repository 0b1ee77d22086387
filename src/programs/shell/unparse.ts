// Command text for job listings (`[1]+  Done   sleep 5`) and `type`/`declare -f`.
import type { Command, List } from './ast';

export function listText(list: List): string {
  return list.items.map((i) => commandText(i.cmd) + (i.async ? ' &' : '')).join('; ');
}

export function commandText(cmd: Command): string {
  switch (cmd.kind) {
    case 'simple':
      return [...cmd.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value?.text ?? ''}`), ...cmd.words.map((w) => w.text), ...cmd.redirs.map((r) => `${r.fd ?? ''}${r.op} ${r.target.text}`)].join(' ');
    case 'pipeline':
      return `${cmd.negate ? '! ' : ''}${cmd.cmds.map(commandText).join(' | ')}`;
    case 'andor':
      return [commandText(cmd.first), ...cmd.rest.map((r) => `${r.op} ${commandText(r.cmd)}`)].join(' ');
    case 'subshell':
      return `( ${listText(cmd.body)} )`;
    case 'group':
      return `{ ${listText(cmd.body)}; }`;
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
    case 'arith':
      return `(( ${cmd.expr.text} ))`;
    case 'cond':
      return '[[ ... ]]';
  }
}
