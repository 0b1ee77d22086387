// From the input list of predicates to an evaluation tree, with findutils' precedence
// rules and its messages for malformed expressions (tree.c get_expr/scan_rest).
import { quotearg } from '../../lib/quotearg';
import { FindExit, NoStat, Prec, type Entry, type FindState, type Pred } from './types';

const fail = (msg: string): never => {
  throw new FindExit(1, msg);
};

class Cursor {
  i = 0;
  constructor(readonly list: Pred[]) {}
  get cur(): Pred | undefined {
    return this.list[this.i];
  }
  next(): Pred | undefined {
    return this.list[this.i + 1];
  }
}

function getExpr(c: Cursor, prevPrec: Prec, prevPred: Pred | undefined): Pred {
  const thisPred = c.cur;
  if (!thisPred) return fail('invalid expression');
  let next: Pred;
  switch (thisPred.type) {
    case 'bi':
      return fail(`invalid expression; you have used a binary operator '${thisPred.name}' with nothing before it.`);
    case 'close':
      if (!prevPred) return fail(`invalid expression: expected expression before closing parentheses '${thisPred.name}'.`);
      if ((prevPred.type === 'uni' || prevPred.type === 'bi') && !thisPred.artificial) {
        return fail(`expected an expression between '${prevPred.name}' and ')'`);
      }
      if (thisPred.artificial) return fail(`expected an expression after '${prevPred.name}'`);
      return fail("invalid expression; you have too many ')'");
    case 'primary':
      next = thisPred;
      c.i++;
      break;
    case 'uni':
      next = thisPred;
      c.i++;
      next.right = getExpr(c, Prec.NEGATE, next);
      break;
    case 'open': {
      const after = c.next();
      if (!after || after.artificial) {
        return fail(`invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '${thisPred.name}'`);
      }
      c.i++;
      if (after.type === 'close') {
        if (thisPred.artificial) return fail(`invalid expression: expected expression before closing parentheses '${after.name}'.`);
        return fail('invalid expression; empty parentheses are not allowed.');
      }
      next = getExpr(c, Prec.NO, thisPred);
      if (!c.cur || c.cur.type !== 'close') return fail("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      c.i++;
      break;
    }
  }
  if (!c.cur) return next;
  if (c.cur.prec > prevPrec) {
    const r = scanRest(c, next, prevPrec);
    if (!r) return fail('invalid expression');
    next = r;
  }
  return next;
}

function scanRest(c: Cursor, head: Pred, prevPrec: Prec): Pred | undefined {
  if (!c.cur || c.cur.type === 'close') return undefined;
  let tree = head;
  while (c.cur && c.cur.prec > prevPrec) {
    const p = c.cur;
    switch (p.type) {
      case 'bi':
        p.left = tree;
        tree = p;
        c.i++;
        tree.right = getExpr(c, tree.prec, p);
        break;
      case 'close':
        return tree;
      default:
        return fail('invalid expression');
    }
  }
  return tree;
}

/** Builds the tree from the input list (already wrapped in `( ... ) -print` if need be). */
export function buildTree(list: Pred[]): Pred {
  const c = new Cursor(list);
  const tree = getExpr(c, Prec.NO, undefined);
  const left = c.cur;
  if (left) {
    if (left.type === 'close') fail("you have too many ')'");
    fail(`unexpected extra predicate '${left.name}'`);
  }
  return armSwaps(tree);
}

/** Evaluates the tree for one file. */
export async function evaluate(p: Pred, e: Entry, s: FindState): Promise<boolean> {
  switch (p.type) {
    case 'bi': {
      const l = await evaluate(p.left!, e, s);
      if (p.name === ',' ) return evaluate(p.right!, e, s);
      if (p.prec === Prec.OR) return l || evaluate(p.right!, e, s);
      return l && evaluate(p.right!, e, s);
    }
    case 'uni':
      return !(await evaluate(p.right!, e, s));
    default:
      if (!p.eval) return true;
      try {
        return await p.eval(e, s);
      } catch (err) {
        // a test that needs the inode of an entry that could not be stat'ed
        if (!(err instanceof NoStat)) throw err;
        if (!err.told) {
          await s.ctx.perror(err.error, quotearg(e.path, { style: 'locale' }));
          s.status = 1;
        }
        return false;
      }
  }
}

// findutils' optimiser swaps the arms of an operator when the left one costs more to
// evaluate and neither has side effects (do_arm_swaps; one swap per operator node). For -a and -o that only
// changes the order of work; for the comma operator it changes which arm's value counts,
// so `find . -writable , -false` prints everything. That swap is reproduced here.
const ZERO_COST = new Set(['name', 'iname', 'path', 'ipath', 'wholename', 'iwholename', 'regex', 'iregex', 'true', 'false',
  'maxdepth', 'mindepth', 'depth', 'd', 'xdev', 'mount', 'noleaf', 'ignore_readdir_race', 'noignore_readdir_race', 'daystart',
  'follow', 'nowarn', 'warn', 'regextype', 'print', 'print0', 'printf', 'fprint', 'fprint0', 'fprintf', 'prune', 'quit']);
const COSTS: Record<string, number> = { inum: 1, type: 2, lname: 4, ilname: 4, readable: 5, writable: 5, executable: 5, delete: 6, exec: 8, execdir: 8, ok: 9, okdir: 9 };
const SIDE_EFFECTS = new Set(['print', 'print0', 'printf', 'fprint', 'fprint0', 'fprintf', 'ls', 'fls', 'exec', 'execdir', 'ok', 'okdir', 'delete', 'prune', 'quit']);

function bare(p: Pred): string {
  return p.name.replace(/^-+/, '');
}

function worstCost(p: Pred | undefined): number {
  if (!p) return 0;
  if (p.type !== 'primary') return Math.max(worstCost(p.left), worstCost(p.right));
  const n = bare(p);
  return COSTS[n] ?? (ZERO_COST.has(n) ? 0 : 3);
}

function hasSideEffects(p: Pred | undefined): boolean {
  if (!p) return false;
  if (p.type === 'primary') return SIDE_EFFECTS.has(bare(p));
  return hasSideEffects(p.left) || hasSideEffects(p.right);
}

/** The arm swaps of do_arm_swaps for comma chains; returns the (possibly new) subtree. */
export function armSwaps(p: Pred): Pred {
  if (p.type === 'uni') {
    p.right = armSwaps(p.right!);
    return p;
  }
  if (p.type !== 'bi') return p;
  if (p.name !== ',') {
    p.left = armSwaps(p.left!);
    p.right = armSwaps(p.right!);
    return p;
  }
  // flatten the left-leaning chain x1 , x2 , ... , xn
  const items: Pred[] = [];
  let node: Pred = p;
  while (node.type === 'bi' && node.name === ',') {
    items.unshift(armSwaps(node.right!));
    node = node.left!;
  }
  items.unshift(armSwaps(node));
  // do_arm_swaps visits the chain from its last pair to its first, swapping each pair at most once
  for (let k = items.length - 1; k > 0; k--) {
    const l = items[k - 1]!;
    const r = items[k]!;
    if (!hasSideEffects(l) && !hasSideEffects(r) && worstCost(l) > worstCost(r)) {
      items[k - 1] = r;
      items[k] = l;
    }
  }
  let tree = items[0]!;
  for (const item of items.slice(1)) tree = { name: ',', type: 'bi', prec: Prec.COMMA, left: tree, right: item };
  return tree;
}
