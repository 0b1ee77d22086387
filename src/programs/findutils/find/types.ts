// The shapes find works with: predicates as findutils lays them out (a flat input list
// that tree.ts turns into an evaluation tree), the file being examined, and run state.
import type { Stat } from '../../../shared/stat';
import type { Accounts } from '../../lib/accounts';
import type { Ctx, Writer } from '../../lib/context';
import type { RegexSyntax } from '../../lib/gnu-regex';
import type { TimeZone } from '../../lib/tz';

export type PredType = 'primary' | 'uni' | 'bi' | 'open' | 'close';

export const enum Prec {
  NO = 0,
  COMMA = 1,
  OR = 2,
  AND = 3,
  NEGATE = 4,
}

export type EvalFn = (e: Entry, s: FindState) => boolean | Promise<boolean>;

export interface Pred {
  /** The name as given (-name, -a, !, ( ...). */
  name: string;
  type: PredType;
  prec: Prec;
  /** Added by find itself (the `( ... ) -print` wrapping). */
  artificial?: boolean;
  left?: Pred;
  right?: Pred;
  eval?: EvalFn;
  /** Actions that print or run something turn off the implicit -print. */
  noDefaultPrint?: boolean;
  /** For -exec ... + : flushes what is pending. */
  finish?: (s: FindState) => Promise<void>;
  /** -prune (checked against -delete) */
  isPrune?: boolean;
}

/** The file being examined. */
export interface Entry {
  /** The path as find prints it. */
  path: string;
  /** The starting point it was found under. */
  root: string;
  depth: number;
  /** Status per the symlink mode (what -type, -size and the rest look at). */
  st: Stat;
  /** True when `st` came from following a symbolic link. */
  followed: boolean;
}

export type FollowMode = 'P' | 'L' | 'H';

export interface Options {
  follow: FollowMode;
  maxdepth: number;
  mindepth: number;
  depthFirst: boolean;
  xdev: boolean;
  /** Whether -depth was given (for the -delete/-prune check). */
  explicitDepth: boolean;
  /** Start of "today" for -mtime and friends (ms): now minus a day, or midnight with -daystart. */
  dayStart: number;
  fullDays: boolean;
  now: number;
  regexSyntax: RegexSyntax;
  regexDotNewline: boolean;
  warnings: boolean;
  /** -files0-from: the file naming the starting points, NUL-separated ("-" for standard input). */
  files0From?: string;
  /** Whether -ok or -okdir is in the expression (they need standard input). */
  prompts?: boolean;
}

export interface FindState {
  ctx: Ctx;
  opts: Options;
  acc: Accounts;
  status: number;
  /** Set by -prune for the entry being examined. */
  prune: boolean;
  /** Writers opened by -fprint and friends, by file name. */
  files: Map<string, Writer>;
  /** Whether stdout is a terminal (names are then shown with ? for control characters). */
  tty: boolean;
  /** Whether -execdir/-okdir batches are waiting to run. */
  pending: Pred[];
  /** The local time zone, once a time directive needed it. */
  tz?: TimeZone;
  /** The starting points named on the command line (none means '.'). */
  roots?: string[];
}

/** Ends find at once with a status, after a message (usage and parse errors). */
export class FindExit extends Error {
  constructor(
    readonly status: number,
    readonly text?: string,
  ) {
    super(text ?? 'exit');
  }
}

/** Thrown by -quit. */
export class FindQuit extends Error {}

/** Thrown by a look at the inode of an entry only readdir knows (see typeOnlyStat). */
export class NoStat extends Error {
  constructor(
    readonly error: unknown,
    /** The error was told when the entry was met: the test is just false. */
    readonly told: boolean,
  ) {
    super('no stat');
  }
}

const TYPE_ONLY = Symbol('type only');

/**
 * An entry that could not be stat'ed (its directory may be read but not searched): `kind`
 * is what readdir's d_type gave (undefined: none; then no -type matches), enough for -name,
 * -type and -print, as findutils stats only when a test needs it. Anything else about it
 * throws NoStat with the error its lstat met.
 */
export function typeOnlyStat(kind: Stat['kind'] | undefined, error: unknown, told: boolean): Stat {
  return new Proxy({} as Stat, {
    get(_target, prop) {
      if (prop === 'kind') return kind;
      if (prop === TYPE_ONLY) return true;
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      throw new NoStat(error, told);
    },
  });
}

export function isTypeOnly(st: Stat): boolean {
  return (st as unknown as Record<symbol, unknown>)[TYPE_ONLY] === true;
}
