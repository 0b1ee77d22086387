// The template parser, after text/template/parse/parse.go: three-token lookahead, variables
// scoped to control structures, {{define}}/{{block}} into a tree set, and Go's error texts
// (`template: NAME:LINE: unexpected "}" in operand`).

import type { ArgNode, CommandNode, ControlEnd, ListNode, Node, PipeNode } from './ast';
import { isEmptyTree, nodeString } from './ast';
import { ParseError } from './errors';
import type { Item, ItemType } from './lexer';
import { isKeyword, Lexer } from './lexer';
import { parseNumberLiteral } from './numbers';
import { quote, unquote } from './strconv';
import { utf8Length } from './utf8';

export type TreeSet = Map<string, ListNode>;

/** How an item appears in "unexpected X in Y" (item.String in lex.go). */
function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (isKeyword(i.type)) return `<${i.val}>`;
  if (utf8Length(i.val) > 10) return quote(Array.from(i.val).slice(0, 10).join('')) + '...';
  return quote(i.val);
}

const MAX_PAREN_DEPTH = 1000;

const OPERAND_START: ReadonlySet<ItemType> = new Set<ItemType>([
  'bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen',
]);

type VarNode = { kind: 'variable'; pos: number; ident: string[] };

class TreeParser {
  private token: Item[];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  private stackDepth = 0;
  root: ListNode | null = null;

  constructor(
    public name: string,
    private readonly parseName: string,
    private readonly lex: Lexer,
    private readonly hasFunction: (name: string) => boolean,
    private readonly treeSet: TreeSet,
  ) {
    const none: Item = { type: 'eof', pos: 0, val: '', line: 1 };
    this.token = [none, none, none];
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let t = this.next();
    while (t.type === 'space') t = this.next();
    return t;
  }

  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new ParseError(`template: ${this.parseName}:${this.token[0]!.line}: ${msg}`);
  }

  private expect(type: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== type) this.unexpected(t, context);
    return t;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(itemString(token) + extra);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  private child(name: string): TreeParser {
    return new TreeParser(name, this.parseName, this.lex, this.hasFunction, this.treeSet);
  }

  add(): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.treeSet.set(this.name, this.root ?? { kind: 'list', pos: 0, nodes: [] });
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  parse(): void {
    this.root = { kind: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          this.child('definition').parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawString') this.unexpected(t, context);
    this.name = this.unquoteOrFail(t.val);
    this.expect('rightDelim', context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  private unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      return this.errorf(e instanceof Error ? e.message : String(e));
    }
  }

  private itemList(): [ListNode, ControlEnd] {
    const list: ListNode = { kind: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return [list, n];
      list.nodes.push(n);
    }
    return this.errorf('unexpected EOF');
  }

  private textOrAction(): Node | ControlEnd {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'text':
        return { kind: 'text', pos: token.pos, text: token.val };
      case 'leftDelim':
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case 'comment':
        return { kind: 'comment', pos: token.pos, text: token.val };
    }
    return this.unexpected(token, 'input');
  }

  private action(): Node | ControlEnd {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'block': return this.blockControl();
      case 'break': return this.branchControl('break', token);
      case 'continue': return this.branchControl('continue', token);
      case 'else': return this.elseControl();
      case 'end': return { kind: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if': return this.control('if');
      case 'range': return this.control('range');
      case 'template': return this.templateControl();
      case 'with': return this.control('with');
    }
    this.backup();
    const t = this.peek();
    // Variables declared here persist until the enclosing {{end}}.
    return { kind: 'action', pos: t.pos, line: t.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  private branchControl(kind: 'break' | 'continue', at: Item): Node {
    const token = this.nextNonSpace();
    if (token.type !== 'rightDelim') this.unexpected(token, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { kind, pos: at.pos, line: at.line };
  }

  private newVariable(pos: number, name: string): VarNode {
    return { kind: 'variable', pos, ident: name.split('.') };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.next();
      // Space is a token, so "$x foo" needs three tokens of lookahead to tell a
      // declaration from a variable used as an argument.
      const tokenAfterVariable = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.type === 'assign' || nxt.type === 'declare') {
        pipe.isAssign = nxt.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (nxt.type === 'char' && nxt.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const t = this.peekNonSpace().type;
          if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === 'space') {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (let guard = 0; guard < 1_000_000; guard++) {
      const token = this.nextNonSpace();
      if (token.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      if (!OPERAND_START.has(token.type)) this.unexpected(token, context);
      this.backup();
      pipe.cmds.push(this.command());
    }
    return this.errorf('pipeline too long');
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const k = c.args[0]?.kind;
      if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private control(context: 'if' | 'range' | 'with'): Node {
    const varsLen = this.vars.length;
    const pipe = this.pipeline(context, 'rightDelim');
    if (context === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: ListNode | null = null;
    if (next.kind === 'else') {
      // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}}, whose final {{end}} is the one
      // that closes this control. ({{else with}} arrived in Go 1.23; docker 27 is built with 1.22.)
      if (context === 'if' && this.peek().type === 'if') {
        this.next();
        elseList = { kind: 'list', pos: next.pos, nodes: [this.control('if')] };
      } else {
        const [l, end] = this.itemList();
        if (end.kind !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
        elseList = l;
      }
    }
    this.vars.length = varsLen;
    return { kind: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  }

  private elseControl(): ControlEnd {
    const p = this.peekNonSpace();
    if (p.type === 'if') return { kind: 'else', pos: p.pos, line: p.line };
    const t = this.expect('rightDelim', 'else');
    return { kind: 'else', pos: t.pos, line: t.line };
  }

  private templateName(token: Item, context: string): string {
    if (token.type === 'string' || token.type === 'rawString') return this.unquoteOrFail(token.val);
    return this.unexpected(token, context);
  }

  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.kind !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { kind: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.templateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private command(): CommandNode {
    const cmd: CommandNode = { kind: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.type === 'space') continue;
      if (token.type === 'rightDelim' || token.type === 'rightParen') this.backup();
      else if (token.type !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | null {
    const node = this.term();
    if (!node) return null;
    if (this.peek().type !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
    switch (node.kind) {
      // The chain keeps the position of its first .Field: Go reports errors in .A.B at .B.
      case 'field': return { kind: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable': return { kind: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
    }
    return { kind: 'chain', pos, node, field: fields };
  }

  private term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.type) {
      case 'identifier':
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return { kind: 'identifier', pos: token.pos, name: token.val };
      case 'dot': return { kind: 'dot', pos: token.pos };
      case 'nil': return { kind: 'nil', pos: token.pos };
      case 'variable': {
        const v = this.newVariable(token.pos, token.val);
        if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0]!)}`);
        return v;
      }
      case 'field': return { kind: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case 'bool': return { kind: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return { kind: 'number', pos: token.pos, text: token.val, ...parseNumberLiteral(token.val, token.type) };
        } catch (e) {
          return this.errorf(e instanceof Error ? e.message : String(e));
        }
      case 'leftParen': {
        if (this.stackDepth >= MAX_PAREN_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', 'rightParen');
        } finally {
          this.stackDepth--;
        }
      }
      case 'string':
      case 'rawString':
        return { kind: 'string', pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return null;
  }
}

/** Parses `text` as template `name`; the tree set maps every defined template to its root. */
export function parseTrees(text: string, name: string, hasFunction: (name: string) => boolean): TreeSet {
  const treeSet: TreeSet = new Map();
  const lex = new Lexer(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const t = new TreeParser(name, name, lex, hasFunction, treeSet);
  t.parse();
  t.add();
  return treeSet;
}
