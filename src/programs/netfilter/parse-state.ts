// The state of one command line being parsed (xtables' iptables_command_state, xt_cmd_parse
// and xtables_args), the command and option bits, and the extensions loaded so far with the
// long options they added.
import type { NfFamily } from '../../shared/services/netfilter';
import type { AnyMatchExtension, AnyTargetExtension, ExtState, XtOptDef } from './ext/types';
import type { LongOpt } from './xt-getopt';

export const CMD = {
  NONE: 0,
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME_CHAIN: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;

/** The letter of each command bit, for "Cannot use -%c with -%c". */
export const CMD_CHARS = 'IDDRALFZNXPESZC';

export const OPT = {
  NUMERIC: 1 << 0,
  SOURCE: 1 << 1,
  DESTINATION: 1 << 2,
  PROTOCOL: 1 << 3,
  JUMP: 1 << 4,
  VERBOSE: 1 << 5,
  EXPANDED: 1 << 6,
  VIANAMEIN: 1 << 7,
  VIANAMEOUT: 1 << 8,
  LINENUMBERS: 1 << 9,
  COUNTERS: 1 << 10,
  FRAGMENT: 1 << 11,
} as const;

/** The letter of each option bit, for "multiple -%c flags" and "Illegal option `-%c'". */
export const OPT_CHARS = 'nsdpjvxio0cf';

export interface MatchInstance {
  ext: AnyMatchExtension;
  data: unknown;
  st: ExtState;
  completed: boolean;
}

export interface TargetInstance {
  ext: AnyTargetExtension;
  data: unknown;
  st: ExtState;
}

export interface Invflags {
  src: boolean;
  dst: boolean;
  proto: boolean;
  in: boolean;
  out: boolean;
  frag: boolean;
}

export class ParseState {
  command = 0;
  chain: string | undefined;
  rulenum = 0;
  newname: string | undefined;
  policy: string | undefined;
  table = 'filter';
  tableSet = false;
  verbose = 0;
  options = 0;
  inv: Invflags = { src: false, dst: false, proto: false, in: false, out: false, frag: false };
  /** -p as written (lower-cased) and its number */
  protocol: string | undefined;
  proto = 0;
  protoUsed = false;
  shost: string | undefined;
  dhost: string | undefined;
  inIface = '';
  outIface = '';
  jumpto = '';
  goto = false;
  target: TargetInstance | null = null;
  matches: MatchInstance[] = [];
  pcnt = 0;
  bcnt = 0;
  /** -w seconds (0 when not given) and whether -W was given */
  wait = 0;
  waitInterval = false;
  /** -4 in ip6tables-restore (or -6 in iptables-restore): the line is ignored */
  ignored = false;
  /** long options: the core ones, then each loaded extension's, the newest first */
  longOpts: LongOpt[];
  private readonly coreCount: number;
  /** extension option keys to their definitions */
  readonly extOpts = new Map<string, { owner: string; def: XtOptDef }>();
  private readonly merged = new Set<string>();

  constructor(
    readonly family: NfFamily,
    core: readonly LongOpt[],
    /** iptables-restore line number, or -1 */
    readonly line: number,
    readonly restore: boolean,
  ) {
    this.longOpts = [...core];
    this.coreCount = core.length;
  }

  /** Adds an extension's options once (clones share the first instance's options). */
  mergeOptions(owner: string, opts: readonly XtOptDef[]): void {
    if (this.merged.has(owner)) return;
    this.merged.add(owner);
    // xtables_options_xfrm: the core options keep precedence, then the newly loaded
    // extension's, then those loaded before (so a repeated name goes to the newest)
    const added: LongOpt[] = [];
    for (const def of opts) {
      const key = `${owner}:${def.id}`;
      if (!this.extOpts.has(key)) this.extOpts.set(key, { owner, def });
      added.push({ name: def.name, hasArg: def.hasArg, val: key });
    }
    this.longOpts.splice(this.coreCount, 0, ...added);
  }
}
