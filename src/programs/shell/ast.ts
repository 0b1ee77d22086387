// The shell's syntax tree: a discriminated union on `kind`, produced by parser.ts and run by
// the interpreter. Words keep their quoting structure, so expansion knows what to split.

export type WordPart =
  /** Unquoted text: subject to brace, tilde and pathname expansion. */
  | { kind: 'lit'; text: string }
  /** Quoted text ('...', $'...', or a backslash-escaped character): taken literally. */
  | { kind: 'quoted'; text: string }
  | { kind: 'dq'; parts: WordPart[] }
  | ParamPart
  /** `line`: where the body's text starts (its commands are numbered from the running command's line). */
  | { kind: 'cmdsub'; body: List; source: string; line?: number; /** `$((` text that is not arithmetic and does not parse: parsed (and its error told) when expanded, as bash does */ deferred?: true }
  /** <(list) or >(list): replaced by a /dev/fd path connected to the list. */
  | { kind: 'procsub'; dir: '<' | '>'; body: List }
  | { kind: 'arith'; expr: Word };

export type ParamOp =
  | 'plain' | 'length' | 'default' | 'assign' | 'error' | 'alt'
  | 'trimPrefix' | 'trimPrefixLong' | 'trimSuffix' | 'trimSuffixLong'
  | 'replace' | 'replaceAll' | 'replacePrefix' | 'replaceSuffix'
  | 'substr' | 'upperFirst' | 'upperAll' | 'lowerFirst' | 'lowerAll' | 'toggleFirst' | 'toggleAll'
  | 'indirect' | 'keys' | 'names' | 'transform';

export interface ParamPart {
  kind: 'param';
  name: string;
  /** Array subscript text (`@`, `*`, or an expression/key word). */
  index?: Word;
  op: ParamOp;
  /** For default/assign/error/alt: whether the `:` form (also tests empty). */
  colon?: boolean;
  arg?: Word;
  arg2?: Word;
  /** The `${...}` text, for error messages (bad substitution). */
  source: string;
  /** `${!name-word}` and the like: `op` applies to the variable that name's value names. */
  indirect?: boolean;
  /** A bad substitution: the text being expanded around it (the word, or the "..." it is in), which bash names. */
  context?: string;
  /** A bad substitution with a subscript that never closes (`${x[}`); inside "...": the whole word, for the message. */
  unclosed?: { word?: string };
  /** The closer an unclosed one lacks, when not `}` (a `$((` whose text a comment ends). */
  closer?: string;
}

export interface Word {
  parts: WordPart[];
  /** Source text of the word. */
  text: string;
  /** Filled in when the word is first expanded (word-memo.ts): what expanding it needs. */
  memo?: WordMemo;
  /** An argument shaped as an assignment (declare x=$v, local a=(1 2)). */
  assign?: Assign;
}

export interface WordMemo {
  /** The word's one field when it has nothing to expand. */
  literal: string | undefined;
  /** Every part expands without waiting (text, quotes, simple parameters, arithmetic on them). */
  sync: boolean;
  /** Starts with `~`; `tildeColon`: has `:~` (tilde expansion in assignments). */
  /** An argument shaped NAME=value whose value starts with ~ or has :~ (bash expands those tildes too). */
  assignTilde: boolean;
  tilde: boolean;
  tildeColon: boolean;
  /** Has unquoted `{` (brace expansion may apply). */
  brace: boolean;
  /** The word is just $name / ${name} / ${#name}. */
  param: ParamPart | undefined;
}

export interface Assign {
  name: string;
  index?: Word;
  append: boolean;
  value?: Word;
  array?: ArrayItem[];
}

export interface ArrayItem {
  key?: Word;
  value: Word;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  fd?: number;
  /** {varname}> form */
  fdVar?: string;
  op: RedirOp;
  target: Word;
  /** Here-documents: the body text, and whether the delimiter was quoted (no expansion). */
  heredoc?: { body: string; quoted: boolean };
}

export type Command =
  | { kind: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }
  | { kind: 'pipeline'; cmds: Command[]; negate: boolean; stderr: boolean[]; timed: boolean; line: number; /** time -p */ posixTime?: boolean }
  | { kind: 'andor'; first: Command; rest: { op: '&&' | '||'; cmd: Command }[] }
  /** `end`: the line of the closing parenthesis (bash numbers the subshell from there) */
  | { kind: 'subshell'; body: List; redirs: Redir[]; line: number; end?: number }
  | { kind: 'group'; body: List; redirs: Redir[]; line: number }
  | { kind: 'if'; clauses: { cond: List; body: List }[]; elseBody?: List; redirs: Redir[]; line: number }
  | { kind: 'while'; until: boolean; cond: List; body: List; redirs: Redir[]; line: number }
  | { kind: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[]; line: number }
  | { kind: 'arithfor'; init: Word; cond: Word; step: Word; body: List; redirs: Redir[]; line: number }
  | { kind: 'select'; name: string; items?: Word[]; body: List; redirs: Redir[]; line: number }
  | { kind: 'case'; word: Word; items: CaseItem[]; redirs: Redir[]; line: number }
  | { kind: 'funcdef'; name: string; body: Command; line: number; source: string }
  /** coproc [NAME] command: run in the background with pipes to its input and from its output. */
  | { kind: 'coproc'; name: string; body: Command; line: number }
  | { kind: 'arith'; expr: Word; redirs: Redir[]; line: number }
  | { kind: 'cond'; expr: CondExpr; redirs: Redir[]; line: number };

export interface CaseItem {
  patterns: Word[];
  body: List;
  term: ';;' | ';&' | ';;&';
}

export type CondExpr =
  | { kind: 'unary'; op: string; arg: Word }
  | { kind: 'binary'; op: string; left: Word; right: Word }
  | { kind: 'word'; word: Word }
  | { kind: 'not'; expr: CondExpr }
  | { kind: 'and'; left: CondExpr; right: CondExpr }
  | { kind: 'or'; left: CondExpr; right: CondExpr }
  /** ( expr ): kept so $BASH_COMMAND prints it as written. */
  | { kind: 'paren'; expr: CondExpr };

export interface ListItem {
  cmd: Command;
  async: boolean;
}

export interface List {
  items: ListItem[];
  /** A command read at the top of a script, a sourced file or eval: the line it ends on. */
  endLine?: number;
}
