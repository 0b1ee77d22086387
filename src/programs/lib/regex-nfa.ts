// A POSIX regular expression run as a Thompson NFA (a Pike VM): time linear in the text for
// any pattern without back-references. JavaScript's RegExp backtracks, and a pattern such as
// `(a*)*b` against a line of a's takes exponential time there, freezing the whole machine (a
// single RegExp call cannot be interrupted, so not even Ctrl-C gets through). grep, sed and the
// others keep JavaScript's engine for ordinary patterns, which it runs fastest, and use this one
// for the patterns that can backtrack badly (nestedRepetition). It finds the leftmost-longest
// match, as POSIX asks; groups are those of the highest-priority (greedy, first alternative)
// path to that match. span(), test() and longestEnd() run the same machine without groups,
// several times faster. A set may have a 257th entry, which stands for every character above
// 255 (awk's text is UTF-16 in a UTF-8 locale).
import type { AssertKind, Node } from './posix-regex';
import { isWordByte } from './posix-charset';

export interface NfaEnv {
  /** grep's line terminator: ^ and $ match next to it. */
  eol?: number;
  /** sed's M flag: ^ and $ also match around newlines. */
  multiline?: boolean;
  icase?: boolean;
}

export interface NfaMatch {
  index: number;
  end: number;
  /** start and end offsets of groups 1..n (-1 when a group took no part) */
  caps: Int32Array;
}

const SET = 0;
const SPLIT = 1;
const JMP = 2;
const SAVE = 3;
const ASSERT = 4;
const MATCH = 5;

/** Past this many instructions (counted repetitions expand) a pattern is left to RegExp. */
const MAX_PROGRAM = 100_000;

const ASSERTS: AssertKind[] = ['bol', 'eol', 'bob', 'eob', 'wordb', 'nwordb', 'wbeg', 'wend', 'nwbefore', 'nwafter'];

class TooBig extends Error {}

/** Whether `kind` holds at position `i` of `s`. */
export function assertAt(kind: AssertKind, s: string, i: number, env: NfaEnv): boolean {
  const prev = i > 0 ? s.charCodeAt(i - 1) : -1;
  const next = i < s.length ? s.charCodeAt(i) : -1;
  const sep = env.eol !== undefined ? env.eol : env.multiline ? 10 : -2;
  const wordPrev = prev >= 0 && isWordByte(prev);
  const wordNext = next >= 0 && isWordByte(next);
  switch (kind) {
    case 'bol': return prev < 0 || prev === sep;
    case 'eol': return next < 0 || next === sep;
    case 'bob': return prev < 0 || (env.eol !== undefined && prev === env.eol);
    case 'eob': return next < 0 || (env.eol !== undefined && next === env.eol);
    case 'wordb': return wordPrev !== wordNext;
    case 'nwordb': return wordPrev === wordNext;
    case 'wbeg': return !wordPrev && wordNext;
    case 'wend': return wordPrev && !wordNext;
    case 'nwbefore': return !wordPrev;
    case 'nwafter': return !wordNext;
  }
}

/** The characters a match of `n` can begin with; undefined when it can be empty (or may be). */
function firstSet(n: Node): Uint8Array | undefined {
  switch (n.t) {
    case 'set': return n.set;
    case 'group': return firstSet(n.body);
    case 'rep': return n.min > 0 ? firstSet(n.body) : undefined;
    case 'cat': return n.items.length > 0 ? firstSet(n.items[0]!) : undefined;
    case 'alt': {
      const out = new Uint8Array(257);
      for (const item of n.items) {
        const f = firstSet(item);
        if (!f) return undefined;
        for (let c = 0; c < f.length; c++) if (f[c]) out[c] = 1;
      }
      return out;
    }
    default: return undefined;
  }
}

/**
 * Whether a backtracking engine, giving back characters of the repetition `r`, could find
 * another way on with `next`: not when `r` repeats one set that `next` cannot begin with
 * (`[0-9]+ ` gives back digits, which a space cannot follow).
 */
function givesBack(r: Node & { t: 'rep' }, next: Node | undefined): boolean {
  const f = next && r.body.t === 'set' ? firstSet(next) : undefined;
  if (!f || r.body.t !== 'set') return true;
  const body = r.body.set;
  for (let c = 0; c < f.length; c++) if (f[c] && body[c]) return true;
  return false;
}

/**
 * Whether RegExp may backtrack exponentially or to a high power on this tree: a repetition of
 * variable count whose body holds another one or an alternation, or three or more unbounded
 * repetitions in one sequence that can give back characters to what follows them (`.*a.*b.*c`
 * is already cubic on a long line; `^[0-9]+ +x +y` is not).
 */
export function nestedRepetition(n: Node): boolean {
  const variable = (r: Node): boolean => r.t === 'rep' && r.max !== r.min;
  const holdsRisk = (x: Node): boolean => {
    switch (x.t) {
      case 'rep': return variable(x) || holdsRisk(x.body);
      case 'alt': return true;
      case 'group': return holdsRisk(x.body);
      case 'cat': return x.items.some(holdsRisk);
      default: return false;
    }
  };
  const walk = (x: Node): boolean => {
    switch (x.t) {
      case 'rep':
        if (variable(x) && holdsRisk(x.body)) return true;
        return walk(x.body);
      case 'group': return walk(x.body);
      case 'alt': return x.items.some(walk);
      case 'cat': {
        let unbounded = 0;
        for (let k = 0; k < x.items.length; k++) {
          const item = x.items[k]!;
          if (item.t === 'rep' && item.max < 0 && givesBack(item, x.items[k + 1])) unbounded++;
          if (walk(item)) return true;
        }
        return unbounded >= 3;
      }
      default: return false;
    }
  };
  return walk(n);
}

/** Thread lists and the like, kept from call to call of one NFA. */
interface Buffers {
  cpc: Int32Array;
  npc: Int32Array;
  ccap: Int32Array[];
  ncap: Int32Array[];
  cfrom: Int32Array;
  nfrom: Int32Array;
  mark: Int32Array;
  stackPc: number[];
  stackCap: Int32Array[];
}

function buffers(n: number): Buffers {
  const ints = (): Int32Array => new Int32Array(n);
  return { cpc: ints(), npc: ints(), ccap: new Array<Int32Array>(n), ncap: new Array<Int32Array>(n), cfrom: ints(), nfrom: ints(), mark: ints(), stackPc: [], stackCap: [] };
}

/** A compiled NFA; exec() finds the leftmost-longest match at or after a position. */
export class Nfa {
  private readonly op: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly sets: Uint8Array[];
  /** bytes that can begin a match; undefined when a match can begin without consuming one */
  private readonly first: Uint8Array | undefined;
  readonly slots: number;
  private bufs: Buffers | undefined;
  private epoch = 0;

  private constructor(
    prog: { op: number[]; a: number[]; b: number[] },
    sets: Uint8Array[],
    slots: number,
    private readonly env: NfaEnv,
  ) {
    this.op = Int32Array.from(prog.op);
    this.a = Int32Array.from(prog.a);
    this.b = Int32Array.from(prog.b);
    this.sets = sets;
    this.slots = slots;
    this.first = this.firstBytes();
  }

  /**
   * Compiles a tree with `groups` groups; undefined when the program would be too big.
   * Without `captures` only the match's span is kept (grep), which runs faster.
   */
  static compile(ast: Node, groups: number, env: NfaEnv, captures = true): Nfa | undefined {
    const op: number[] = [];
    const a: number[] = [];
    const b: number[] = [];
    const sets: Uint8Array[] = [];
    const emit = (o: number, x = 0, y = 0): number => {
      if (op.length >= MAX_PROGRAM) throw new TooBig();
      op.push(o);
      a.push(x);
      b.push(y);
      return op.length - 1;
    };
    const setOf = (set: Uint8Array): number => {
      let s = set;
      if (env.icase) {
        s = Uint8Array.from(set);
        for (let c = 65; c <= 90; c++) if (set[c] || set[c + 32]) s[c] = s[c + 32] = 1;
      }
      sets.push(s);
      return sets.length - 1;
    };
    const gen = (n: Node): void => {
      switch (n.t) {
        case 'set':
          emit(SET, setOf(n.set));
          return;
        case 'assert':
          emit(ASSERT, ASSERTS.indexOf(n.kind));
          return;
        case 'backref':
          // never reached: trees with back-references stay with RegExp
          emit(SET, setOf(new Uint8Array(256)));
          return;
        case 'group':
          if (!captures) return gen(n.body);
          emit(SAVE, 2 * n.index);
          gen(n.body);
          emit(SAVE, 2 * n.index + 1);
          return;
        case 'cat':
          for (const item of n.items) gen(item);
          return;
        case 'alt': {
          const jumps: number[] = [];
          n.items.forEach((item, k) => {
            if (k < n.items.length - 1) {
              const split = emit(SPLIT);
              a[split] = op.length;
              gen(item);
              jumps.push(emit(JMP));
              b[split] = op.length;
            } else gen(item);
          });
          for (const j of jumps) a[j] = op.length;
          return;
        }
        case 'rep': {
          for (let k = 0; k < n.min; k++) gen(n.body);
          if (n.max < 0) {
            const split = emit(SPLIT);
            a[split] = op.length;
            gen(n.body);
            emit(JMP, split);
            b[split] = op.length;
          } else {
            const splits: number[] = [];
            for (let k = n.min; k < n.max; k++) {
              const split = emit(SPLIT);
              a[split] = op.length;
              splits.push(split);
              gen(n.body);
            }
            for (const s of splits) b[s] = op.length;
          }
          return;
        }
      }
    };
    try {
      gen(ast);
      emit(MATCH);
    } catch (e) {
      if (e instanceof TooBig) return undefined;
      throw e;
    }
    return new Nfa({ op, a, b }, sets, 2 * ((captures ? groups : 0) + 1), env);
  }

  /** The bytes a match can begin with, when every path consumes one before matching or asserting. */
  private firstBytes(): Uint8Array | undefined {
    const out = new Uint8Array(257);
    const seen = new Uint8Array(this.op.length);
    const stack = [0];
    while (stack.length) {
      const pc = stack.pop()!;
      if (seen[pc]) continue;
      seen[pc] = 1;
      switch (this.op[pc]) {
        case SET: {
          const s = this.sets[this.a[pc]!]!;
          for (let c = 0; c < s.length; c++) if (s[c]) out[c] = 1;
          break;
        }
        case SPLIT:
          stack.push(this.a[pc]!, this.b[pc]!);
          break;
        case JMP:
          stack.push(this.a[pc]!);
          break;
        case SAVE:
          stack.push(pc + 1);
          break;
        default:
          return undefined; // an assertion or an empty match
      }
    }
    return out;
  }

  /**
   * The end of the longest match that starts at `start`, or -1: exec() without groups or a
   * search for the start, much cheaper when it is asked once per match found by RegExp.
   */
  longestEnd(s: string, start: number): number {
    return this.scan(s, start, 0) ? this.spanEnd : -1;
  }

  /** Whether there is a match at or after `from` (stops at the first one found). */
  test(s: string, from = 0): boolean {
    return this.scan(s, from, 2);
  }

  /** The span of the leftmost-longest match at or after `from`, without groups; null if none. */
  span(s: string, from = 0): [number, number] | null {
    return this.scan(s, from, 1) ? [this.spanStart, this.spanEnd] : null;
  }

  private spanStart = -1;
  private spanEnd = -1;

  /**
   * The Pike VM without groups: each thread keeps only where it started. `mode` 0: a match
   * starting at `start` only; 1: the leftmost-longest one; 2: any (stop at the first found).
   */
  private scan(s: string, start: number, mode: 0 | 1 | 2): boolean {
    const { op, a, b, sets, env, first } = this;
    const n = op.length;
    const len = s.length;
    const bufs = (this.bufs ??= buffers(n));
    let cur = bufs.cpc;
    let next = bufs.npc;
    let curFrom = bufs.cfrom;
    let nextFrom = bufs.nfrom;
    const mark = bufs.mark;
    const stack = bufs.stackPc;
    if (this.epoch + len + 2 >= 0x3fffffff) {
      mark.fill(0);
      this.epoch = 0;
    }
    const epoch = this.epoch;
    this.epoch += len + 2;
    let bestStart = -1;
    let bestEnd = -1;
    // adds the thread at the top of `stack` (started at `from`) and what it leads to at `i`
    const add = (list: Int32Array, listFrom: Int32Array, count: number, from: number, i: number): number => {
      while (stack.length) {
        const pc = stack.pop()!;
        if (mark[pc] === epoch + i + 1) continue;
        mark[pc] = epoch + i + 1;
        switch (op[pc]) {
          case JMP: stack.push(a[pc]!); break;
          case SPLIT: stack.push(b[pc]!, a[pc]!); break;
          case SAVE: stack.push(pc + 1); break;
          case ASSERT:
            if (assertAt(ASSERTS[a[pc]!]!, s, i, env)) stack.push(pc + 1);
            break;
          case MATCH:
            if (bestStart < 0 || from < bestStart || (from === bestStart && i > bestEnd)) {
              bestStart = from;
              bestEnd = i;
            }
            break;
          default:
            list[count] = pc;
            listFrom[count] = from;
            count++;
        }
      }
      return count;
    };
    stack.push(0);
    let count = add(cur, curFrom, 0, start, start);
    for (let i = start; i < len; i++) {
      if (mode === 2 && bestStart >= 0) break;
      if (count === 0) {
        // nothing running: done once a match is found, else on to where one can begin
        if (mode === 0 || bestStart >= 0) break;
        if (first) {
          while (i < len && !first[Math.min(s.charCodeAt(i), 256)]) i++;
          if (i >= len) break;
          stack.push(0);
          count = add(cur, curFrom, 0, i, i);
        }
      }
      const c = Math.min(s.charCodeAt(i), 256);
      let k = 0;
      for (let j = 0; j < count; j++) {
        const pc = cur[j]!;
        const from = curFrom[j]!;
        if (bestStart >= 0 && from > bestStart) continue;
        if (sets[a[pc]!]![c]) {
          stack.push(pc + 1);
          k = add(next, nextFrom, k, from, i + 1);
        }
      }
      if (mode !== 0 && bestStart < 0) {
        // a new thread starts at each position (after the running ones: it ranks last)
        stack.push(0);
        k = add(next, nextFrom, k, i + 1, i + 1);
      }
      [cur, next] = [next, cur];
      [curFrom, nextFrom] = [nextFrom, curFrom];
      count = k;
    }
    this.spanStart = bestStart;
    this.spanEnd = bestEnd;
    return bestStart >= 0;
  }

  /** The leftmost-longest match at or after `from` (and not past `limit`, when given, for its start). */
  exec(s: string, from = 0, limit = s.length): NfaMatch | null {
    const { op, a, b, sets, env, slots, first } = this;
    const n = op.length;
    const len = s.length;
    // the buffers are kept from call to call (awk asks for a longest match once per match)
    const bufs = (this.bufs ??= buffers(n));
    let { cpc, npc, ccap, ncap } = bufs;
    let ccount = 0;
    let ncount = 0;
    // the step at which each pc was last added (epoch + position + 1): a pc joins a list once
    // per step; the epoch moves on with each call, so that no clearing is needed
    const mark = bufs.mark;
    if (this.epoch + len + 2 >= 0x3fffffff) {
      mark.fill(0);
      this.epoch = 0;
    }
    const epoch = this.epoch;
    this.epoch += len + 2;
    let best: Int32Array | undefined;
    const stackPc = bufs.stackPc;
    const stackCap = bufs.stackCap;

    const add = (listPc: Int32Array, listCap: Int32Array[], count: number, pc0: number, caps0: Int32Array, i: number): number => {
      stackPc.push(pc0);
      stackCap.push(caps0);
      while (stackPc.length) {
        const pc = stackPc.pop()!;
        let caps = stackCap.pop()!;
        if (mark[pc] === epoch + i + 1) continue;
        mark[pc] = epoch + i + 1;
        switch (op[pc]) {
          case JMP:
            stackPc.push(a[pc]!);
            stackCap.push(caps);
            break;
          case SPLIT:
            // the second branch is pushed first so that the first is explored first
            stackPc.push(b[pc]!, a[pc]!);
            stackCap.push(caps, caps);
            break;
          case SAVE:
            caps = Int32Array.from(caps);
            caps[a[pc]!] = i;
            stackPc.push(pc + 1);
            stackCap.push(caps);
            break;
          case ASSERT:
            if (assertAt(ASSERTS[a[pc]!]!, s, i, env)) {
              stackPc.push(pc + 1);
              stackCap.push(caps);
            }
            break;
          default:
            listPc[count] = pc;
            listCap[count] = caps;
            count++;
        }
      }
      return count;
    };

    let i = from;
    for (;;) {
      if (!best && i <= limit) {
        if (ccount === 0 && first) {
          // nothing running: jump to the next byte that can begin a match
          while (i < len && i <= limit && !first[Math.min(s.charCodeAt(i), 256)]) i++;
          if (i >= len || i > limit) break;
        }
        const caps = new Int32Array(slots).fill(-1);
        caps[0] = i;
        ccount = add(cpc, ccap, ccount, 0, caps, i);
      }
      if (ccount === 0) {
        // nothing running: done once a match is found or no start is left to try
        if (best || i >= len || i >= limit) break;
        i++;
        continue;
      }
      // a set may have a 257th entry for every character above 255 (awk's UTF-8 text)
      const c = i < len ? Math.min(s.charCodeAt(i), 256) : -1;
      ncount = 0;
      for (let k = 0; k < ccount; k++) {
        const pc = cpc[k]!;
        const caps = ccap[k]!;
        if (best && caps[0]! > best[0]!) continue;
        if (op[pc] === MATCH) {
          if (!best || caps[0]! < best[0]! || (caps[0] === best[0] && i > best[1]!)) {
            best = Int32Array.from(caps);
            best[1] = i;
          }
          continue;
        }
        if (c >= 0 && sets[a[pc]!]![c]) ncount = add(npc, ncap, ncount, pc + 1, caps, i + 1);
      }
      [cpc, npc] = [npc, cpc];
      [ccap, ncap] = [ncap, ccap];
      ccount = ncount;
      if (i >= len) break;
      i++;
    }
    if (!best) return null;
    return { index: best[0]!, end: best[1]!, caps: best.subarray(2) };
  }
}
