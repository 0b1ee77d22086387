// Parse-tree nodes (text/template/parse/node.go) and their String() forms, which Go prints in
// execution errors: `executing "" at <.Config.Foo>: ...`.

import { quote } from './strconv';

export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: number;
  float: number;
}

export type ArgNode =
  | { kind: 'field'; pos: number; ident: string[] }
  | { kind: 'variable'; pos: number; ident: string[] }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'bool'; pos: number; value: boolean }
  | ({ kind: 'number'; pos: number; text: string } & NumberInfo)
  | { kind: 'string'; pos: number; quoted: string; text: string }
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'chain'; pos: number; node: ArgNode; field: string[] }
  | PipeNode;

export interface CommandNode {
  kind: 'command';
  pos: number;
  args: ArgNode[];
}

export interface PipeNode {
  kind: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: { kind: 'variable'; pos: number; ident: string[] }[];
  cmds: CommandNode[];
}

export interface ListNode {
  kind: 'list';
  pos: number;
  nodes: Node[];
}

export interface BranchNode {
  kind: 'if' | 'range' | 'with';
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

export type Node =
  | ListNode
  | { kind: 'text'; pos: number; text: string }
  | { kind: 'action'; pos: number; line: number; pipe: PipeNode }
  | BranchNode
  | { kind: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { kind: 'break'; pos: number; line: number }
  | { kind: 'continue'; pos: number; line: number }
  | { kind: 'comment'; pos: number; text: string };

/** Only during parsing: {{end}} and {{else}} end an item list. */
export type ControlEnd = { kind: 'end'; pos: number } | { kind: 'else'; pos: number; line: number };

export type AnyNode = Node | ArgNode | CommandNode | ControlEnd;

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) {
    s += p.decl.map((v) => v.ident.join('.')).join(', ');
    s += p.isAssign ? ' = ' : ' := ';
  }
  return s + p.cmds.map(commandString).join(' | ');
}

function commandString(c: CommandNode): string {
  return c.args.map((a) => (a.kind === 'pipe' ? '(' + pipeString(a) + ')' : nodeString(a))).join(' ');
}

export function nodeString(n: AnyNode): string {
  switch (n.kind) {
    case 'field': return '.' + n.ident.join('.');
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'identifier': return n.name;
    case 'chain': return (n.node.kind === 'pipe' ? '(' + pipeString(n.node) + ')' : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'pipe': return pipeString(n);
    case 'command': return commandString(n);
    case 'list': return n.nodes.map(nodeString).join('');
    case 'text': return n.text;
    case 'comment': return '{{' + n.text + '}}';
    case 'action': return '{{' + pipeString(n.pipe) + '}}';
    case 'if':
    case 'range':
    case 'with': {
      let s = `{{${n.kind} ${pipeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += '{{else}}' + nodeString(n.elseList);
      return s + '{{end}}';
    }
    case 'template': return `{{template ${quote(n.name)}${n.pipe ? ' ' + pipeString(n.pipe) : ''}}}`;
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
  }
}

/** parse.IsEmptyTree: only space and comments. */
export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return n.text.trim() === '';
    default: return false;
  }
}
