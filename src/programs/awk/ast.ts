// The awk syntax tree the parser builds and the interpreter walks.
import type { Comment } from './lexer';

export interface VarRef {
  name: string;
  /** A function parameter (index into the frame) or a global (index into the globals). */
  local: boolean;
  slot: number;
}

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '^=';
export type CmpOp = '<' | '<=' | '==' | '!=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/' | '%' | '^';

export type LValue = VarExpr | ElemExpr | FieldExpr;
export interface VarExpr { k: 'var'; ref: VarRef }
/** arr[subs], or with `path` arr[p1][p2]...[subs] (gawk's arrays of arrays). */
export interface ElemExpr { k: 'elem'; arr: VarRef; subs: Expr[]; path?: Expr[][] }
export interface FieldExpr { k: 'field'; index: Expr }

/** A call of a user function (or, by @var(...), of the function var names). */
export interface CallExpr { k: 'call'; name: string; args: Expr[]; line: number; src: number; indirect?: VarRef }

export type Expr =
  /** text: the constant as the source wrote it (for gawk -o). */
  | { k: 'num'; v: number; text?: string }
  | { k: 'str'; v: string }
  | { k: 'regex'; re: string }
  /** @/re/: a strongly typed regexp constant, a value of its own. */
  | { k: 'typedre'; re: string }
  | VarExpr
  | ElemExpr
  | FieldExpr
  | { k: 'assign'; op: AssignOp; target: LValue; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'and'; a: Expr; b: Expr }
  | { k: 'or'; a: Expr; b: Expr }
  | { k: 'in'; subs: Expr[]; arr: VarRef; path?: Expr[][] }
  | { k: 'match'; neg: boolean; a: Expr; re: Expr }
  | { k: 'cmp'; op: CmpOp; a: Expr; b: Expr }
  | { k: 'concat'; a: Expr; b: Expr }
  | { k: 'arith'; op: ArithOp; a: Expr; b: Expr }
  | { k: 'neg'; a: Expr }
  | { k: 'plus'; a: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'incdec'; delta: number; prefix: boolean; target: LValue }
  | CallExpr
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target: LValue | undefined; file: Expr | undefined; cmd: Expr | undefined; coproc?: boolean }
  | { k: 'group'; e: Expr }
  | { k: 'list'; items: Expr[] };

export interface Redirect {
  mode: '>' | '>>' | '|' | '|&';
  target: Expr;
}

export interface At {
  line: number;
  src: number;
}

export interface SwitchCase {
  /** undefined for `default:` */
  value: Expr | undefined;
  body: Stmt[];
  /** Where its label is. */
  at?: At;
}

export type Stmt = At &
  (
    | { k: 'block'; body: Stmt[] }
    | { k: 'expr'; e: Expr }
    | { k: 'print'; args: Expr[]; redir: Redirect | undefined }
    | { k: 'printf'; args: Expr[]; redir: Redirect | undefined }
    | { k: 'if'; test: Expr; then: Stmt; else: Stmt | undefined }
    | { k: 'while'; test: Expr; body: Stmt }
    | { k: 'do'; body: Stmt; test: Expr }
    | { k: 'for'; init: Expr | undefined; test: Expr | undefined; step: Expr | undefined; body: Stmt }
    | { k: 'forin'; key: LValue; arr: VarRef; path?: Expr[][]; body: Stmt }
    | { k: 'switch'; e: Expr; cases: SwitchCase[] }
    | { k: 'break' }
    | { k: 'continue' }
    | { k: 'next' }
    | { k: 'nextfile' }
    | { k: 'exit'; e: Expr | undefined }
    | { k: 'return'; e: Expr | undefined }
    | { k: 'delete'; arr: VarRef; path?: Expr[][]; subs: Expr[] | undefined }
    | { k: 'empty' }
  );

export interface Rule extends At {
  kind: 'BEGIN' | 'END' | 'BEGINFILE' | 'ENDFILE' | 'main';
  pattern: Expr | undefined;
  /** The end pattern of a range `p1, p2`. */
  rangeEnd: Expr | undefined;
  /** undefined: print $0 */
  action: Stmt[] | undefined;
}

export interface FuncDef extends At {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  rules: Rule[];
  funcs: Map<string, FuncDef>;
  /** Global variable names by slot. */
  globals: string[];
  /** Where each block's braces are (for placing comments under gawk -o). */
  braces: WeakMap<Stmt[] | SwitchCase[], { open: At & { pos: number }; close: At & { pos: number } }>;
  /** The source's comments, when kept for gawk -o. */
  comments?: Comment[];
}

/** Special variables, at fixed global slots. */
export const SPECIALS = ['NF', 'NR', 'FNR', 'FS', 'OFS', 'ORS', 'RS', 'FILENAME', 'SUBSEP', 'RSTART', 'RLENGTH', 'CONVFMT', 'OFMT', 'ENVIRON', 'ARGC', 'ARGV', 'RT', 'IGNORECASE', 'PROCINFO', 'ERRNO', 'FIELDWIDTHS', 'FPAT', 'BINMODE', 'LINT', 'TEXTDOMAIN', 'ARGIND', 'PREC', 'ROUNDMODE', 'FUNCTAB'] as const;
/** Slots of the special variables. */
export const G = Object.fromEntries(SPECIALS.map((n, i) => [n, i])) as { readonly [K in (typeof SPECIALS)[number]]: number };
