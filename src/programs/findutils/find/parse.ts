// The command line after the starting points: each word is looked up in the parser table
// (options, positional options, operators, tests, actions), and the predicates go into a
// flat list with an implicit -a between primaries, as findutils' build_expression_tree does.
import { quotearg } from '../../lib/quotearg';
import { actionParsers, optionParsers } from './actions';
import { testParsers } from './tests';
import { buildTree } from './tree';
import { FindExit, Prec, type EvalFn, type FindState, type Pred } from './types';

export type ParserKind = 'option' | 'positional' | 'punct' | 'test' | 'action';

export interface ParserEntry {
  kind: ParserKind;
  /** Returns false when the argument is missing or invalid (the caller reports it). */
  parse(p: Parser, name: string): boolean | Promise<boolean>;
}

/** findutils' locale quoting of names in messages ('x' in the C locale). */
export const q = (s: string): string => quotearg(s, { style: 'locale' });

export class Parser {
  readonly list: Pred[] = [];
  i: number;
  private firstNonOption: string | undefined;

  constructor(
    readonly args: string[],
    start: number,
    readonly s: FindState,
  ) {
    this.i = start;
  }

  /** The next argument, consumed; undefined when there is none. */
  collect(): string | undefined {
    if (this.i >= this.args.length) return undefined;
    return this.args[this.i++];
  }

  private last(): Pred | undefined {
    return this.list[this.list.length - 1];
  }

  /** Appends a predicate, first an implicit -a when it follows a primary or `)`. */
  private add(p: Pred, checkOp: boolean): Pred {
    const last = this.last();
    if (checkOp && last && (last.type === 'primary' || last.type === 'close')) {
      this.list.push({ name: '-a', type: 'bi', prec: Prec.AND });
    }
    this.list.push(p);
    return p;
  }

  primary(name: string, ev: EvalFn, extra: Partial<Pred> = {}): Pred {
    return this.add({ name, type: 'primary', prec: Prec.NO, eval: ev, ...extra }, true);
  }

  operator(name: string, type: Pred['type'], prec: Prec, artificial = false): Pred {
    const checkOp = type === 'uni' || type === 'open';
    return this.add({ name, type, prec, artificial }, checkOp);
  }

  noop(name: string): boolean {
    this.primary(name, () => true);
    return true;
  }

  warn(msg: string): Promise<void> {
    return this.s.ctx.error(msg);
  }

  noteFound(name: string, entry: ParserEntry): void {
    if (entry.kind === 'positional') return;
    if (entry.kind === 'option') {
      if (this.firstNonOption !== undefined && this.s.opts.warnings) {
        void this.warn(
          `warning: you have specified the global option ${name} after the argument ${this.firstNonOption}, but global options are not positional, i.e., ${name} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.`,
        );
      }
    } else if (this.firstNonOption === undefined) {
      this.firstNonOption = name;
    }
  }
}

const punctuation: Record<string, ParserEntry> = {
  '!': { kind: 'punct', parse: (p, n) => (p.operator(n, 'uni', Prec.NEGATE), true) },
  not: { kind: 'punct', parse: (p, n) => (p.operator(n, 'uni', Prec.NEGATE), true) },
  '(': { kind: 'punct', parse: (p, n) => (p.operator(n, 'open', Prec.NO), true) },
  ')': { kind: 'punct', parse: (p, n) => (p.operator(n, 'close', Prec.NO), true) },
  ',': { kind: 'punct', parse: (p, n) => (p.operator(n, 'bi', Prec.COMMA), true) },
  a: { kind: 'punct', parse: (p, n) => (p.operator(n, 'bi', Prec.AND), true) },
  and: { kind: 'punct', parse: (p, n) => (p.operator(n, 'bi', Prec.AND), true) },
  o: { kind: 'punct', parse: (p, n) => (p.operator(n, 'bi', Prec.OR), true) },
  or: { kind: 'punct', parse: (p, n) => (p.operator(n, 'bi', Prec.OR), true) },
};

function findParser(name: string): ParserEntry | undefined {
  if (name.startsWith('-newer') && name.length === 8) return testParsers['newerXY'];
  const bare = name.startsWith('-') ? name.slice(1) : name;
  if (bare === 'newerXY') return undefined;
  return punctuation[bare] ?? optionParsers[bare] ?? testParsers[bare] ?? actionParsers[bare];
}

/** Whether an argument starts the expression (findutils looks_like_expression). */
export function looksLikeExpression(arg: string, leading: boolean): boolean {
  const c = arg[0];
  if (c === '-') return arg.length > 1;
  if (c === ')' || c === ',') return arg.length > 1 ? false : !leading;
  if (c === '!' || c === '(') return arg.length === 1;
  return false;
}

/** Parses the expression words from `start`; returns the evaluation tree. */
export async function parseExpression(args: string[], start: number, s: FindState, exists: (path: string) => Promise<boolean>): Promise<{ tree: Pred; list: Pred[] }> {
  const p = new Parser(args, start, s);
  p.operator('(', 'open', Prec.NO, true);
  while (p.i < args.length) {
    const word = args[p.i]!;
    if (!looksLikeExpression(word, false)) {
      let msg = `paths must precede expression: \`${word}'`;
      if (await exists(word)) msg += `\n${s.ctx.name}: possible unquoted pattern after predicate \`${p.list[p.list.length - 1]!.name}'?`;
      throw new FindExit(1, msg);
    }
    const entry = findParser(word);
    if (!entry) throw new FindExit(1, `unknown predicate \`${word}'`);
    p.noteFound(word, entry);
    const special = entry === testParsers['newerXY'];
    if (!special) p.i++;
    const oldi = p.i;
    const before = p.list.length;
    if (!(await entry.parse(p, word))) {
      if (p.i < args.length) {
        if (special && p.i === oldi) throw new FindExit(1, `invalid predicate \`${word}'`);
        throw new FindExit(1, `invalid argument \`${args[p.i]}' to \`${word}'`);
      }
      throw new FindExit(1, `missing argument to \`${word}'`);
    }
    const added = p.list[p.list.length - 1];
    if (added && p.list.length > before && added.type === 'primary') added.name = word;
  }
  let list = p.list;
  if (list.length === 1) {
    list = [];
    list.push({ name: '-print', type: 'primary', prec: Prec.NO, eval: printEval, noDefaultPrint: true });
  } else if (list.some((x) => x.noDefaultPrint)) {
    list = list.slice(1);
  } else {
    list.push({ name: ')', type: 'close', prec: Prec.NO, artificial: true });
    list.push({ name: '-a', type: 'bi', prec: Prec.AND });
    list.push({ name: '-print', type: 'primary', prec: Prec.NO, eval: printEval, noDefaultPrint: true, artificial: true });
  }
  checkCombinations(list, s);
  return { tree: buildTree(list), list };
}

const printEval: EvalFn = async (e, s) => {
  await s.ctx.print(`${displayName(e.path, s)}\n`);
  return true;
};

/** A name as -print shows it: raw, or with ? for unprintable characters on a terminal. */
export function displayName(name: string, s: FindState): string {
  if (!s.tty) return name;
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f\x7f]/g, '?');
}

function checkCombinations(list: Pred[], s: FindState): void {
  const hasDelete = list.some((x) => x.name === '-delete');
  if (hasDelete && list.some((x) => x.isPrune) && !s.opts.explicitDepth) {
    throw new FindExit(
      1,
      'The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.',
    );
  }
}
