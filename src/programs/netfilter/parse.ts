// do_parse: one iptables command line into a ParseState, with iptables' checks and messages in
// its order. Options of matches and targets join the getopt table as they are loaded; an
// option no loaded extension knows makes iptables load the -p protocol's match and retry.
import type { NfFamily } from '../../shared/services/netfilter';
import { paramError, XtError, PARAMETER_PROBLEM } from './errors';
import { scanU64 } from './u64';
import { commandDefault, commandJump, commandMatch } from './parse-ext';
import { CMD, CMD_CHARS, OPT, OPT_CHARS, ParseState, type Invflags } from './parse-state';
import { finishParse } from './parse-post';
import { parseProtocol } from './proto';
import type { NetDb } from './netdb';
import { strtouiWhole } from './strtoul';
import { XtGetopt, type LongOpt } from './xt-getopt';

const SHORT = '-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x';

const CORE_LONG: readonly LongOpt[] = [
  { name: 'append', hasArg: 1, val: 'A' },
  { name: 'delete', hasArg: 1, val: 'D' },
  { name: 'check', hasArg: 1, val: 'C' },
  { name: 'insert', hasArg: 1, val: 'I' },
  { name: 'replace', hasArg: 1, val: 'R' },
  { name: 'list', hasArg: 2, val: 'L' },
  { name: 'list-rules', hasArg: 2, val: 'S' },
  { name: 'flush', hasArg: 2, val: 'F' },
  { name: 'zero', hasArg: 2, val: 'Z' },
  { name: 'new-chain', hasArg: 1, val: 'N' },
  { name: 'delete-chain', hasArg: 2, val: 'X' },
  { name: 'rename-chain', hasArg: 1, val: 'E' },
  { name: 'policy', hasArg: 1, val: 'P' },
  { name: 'source', hasArg: 1, val: 's' },
  { name: 'destination', hasArg: 1, val: 'd' },
  { name: 'src', hasArg: 1, val: 's' },
  { name: 'dst', hasArg: 1, val: 'd' },
  { name: 'protocol', hasArg: 1, val: 'p' },
  { name: 'in-interface', hasArg: 1, val: 'i' },
  { name: 'jump', hasArg: 1, val: 'j' },
  { name: 'table', hasArg: 1, val: 't' },
  { name: 'match', hasArg: 1, val: 'm' },
  { name: 'numeric', hasArg: 0, val: 'n' },
  { name: 'out-interface', hasArg: 1, val: 'o' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'wait', hasArg: 2, val: 'w' },
  { name: 'wait-interval', hasArg: 2, val: 'W' },
  { name: 'exact', hasArg: 0, val: 'x' },
  { name: 'fragments', hasArg: 0, val: 'f' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 2, val: 'h' },
  { name: 'line-numbers', hasArg: 0, val: '0' },
  { name: 'modprobe', hasArg: 1, val: 'M' },
  { name: 'set-counters', hasArg: 1, val: 'c' },
  { name: 'goto', hasArg: 1, val: 'g' },
  { name: 'ipv4', hasArg: 0, val: '4' },
  { name: 'ipv6', hasArg: 0, val: '6' },
];

/** What parsing a line can end in besides a command: -h or -V output. */
export class EarlyExit extends Error {
  constructor(
    readonly output: 'help' | 'version',
    readonly text: string,
  ) {
    super(output);
  }
}

function addCommand(ps: ParseState, cmd: number, others: number, invert: boolean): void {
  if (invert) throw paramError("unexpected '!' flag");
  const clash = ps.command & ~others;
  if (clash) throw paramError(`Cannot use -${CMD_CHARS[Math.log2(cmd)]} with -${CMD_CHARS[Math.log2(clash & -clash)]}`);
  ps.command |= cmd;
}

const INV_KEYS: Readonly<Partial<Record<number, keyof Invflags>>> = {
  [OPT.SOURCE]: 'src',
  [OPT.DESTINATION]: 'dst',
  [OPT.PROTOCOL]: 'proto',
  [OPT.VIANAMEIN]: 'in',
  [OPT.VIANAMEOUT]: 'out',
  [OPT.FRAGMENT]: 'frag',
};

function setOption(ps: ParseState, opt: number, invert: boolean): void {
  const ch = OPT_CHARS[Math.log2(opt)];
  if (ps.options & opt) throw paramError(`multiple -${ch} flags not allowed`);
  ps.options |= opt;
  if (invert) {
    const key = INV_KEYS[opt];
    if (!key) throw paramError(`cannot have ! before -${ch}`);
    ps.inv[key] = true;
  }
}

function ruleNumber(s: string): number {
  const n = strtouiWhole(s, 1, 0x7fffffff);
  if (n === null) throw paramError(`Invalid rule number \`${s}'`);
  return n;
}

/** assert_valid_chain_name (-N and restore's chain lines) */
export function assertValidChainName(name: string, isTarget: (n: string) => boolean): void {
  if (name.length >= 29) throw paramError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-') || name.startsWith('!')) throw paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (isTarget(name)) throw paramError('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramError(`Invalid chain name \`${name}'`);
}

export function parseInterface(arg: string): string {
  if (arg.length + 1 > 16) throw paramError(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
  return arg;
}

export interface ParseIo {
  prog: string;
  family: NfFamily;
  db: NetDb;
  /** stderr warnings that do not stop parsing */
  warn(text: string): void;
  help(ps: ParseState): string;
  isTarget(name: string): boolean;
}

/** Parses argv (argv[0] is the program name); throws XtError or EarlyExit. */
export function parseCommand(argv: readonly string[], io: ParseIo, line = -1, restore = false): ParseState {
  const ps = new ParseState(io.family, CORE_LONG, line, restore);
  const g = new XtGetopt(argv, SHORT);
  let invert = false;
  for (let r = g.next(ps.longOpts); r !== null; r = g.next(ps.longOpts)) {
    const optarg = r.optarg;
    const arg = optarg ?? '';
    // -p, -s, -d, -i, -o and -j read argv[optind - 1]: the argument when it stands alone, but
    // the whole word for "-ptcp" or "--source=1.2.3.4"
    const word = g.argv[g.optind - 1] ?? '';
    switch (r.c) {
      case 'A':
      case 'C':
        addCommand(ps, r.c === 'A' ? CMD.APPEND : CMD.CHECK, CMD.NONE, invert);
        ps.chain = arg;
        break;
      case 'D':
        addCommand(ps, CMD.DELETE, CMD.NONE, invert);
        ps.chain = arg;
        if (g.hasArg()) {
          ps.rulenum = ruleNumber(g.take());
          ps.command = CMD.DELETE_NUM;
        }
        break;
      case 'R':
        addCommand(ps, CMD.REPLACE, CMD.NONE, invert);
        ps.chain = arg;
        if (!g.hasArg()) throw paramError('-R requires a rule number');
        ps.rulenum = ruleNumber(g.take());
        break;
      case 'I':
        addCommand(ps, CMD.INSERT, CMD.NONE, invert);
        ps.chain = arg;
        ps.rulenum = g.hasArg() ? ruleNumber(g.take()) : 1;
        break;
      case 'L':
      case 'S':
        addCommand(ps, r.c === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM, invert);
        if (optarg !== null) ps.chain = optarg;
        else if (g.hasArg()) ps.chain = g.take();
        if (g.hasArg()) ps.rulenum = ruleNumber(g.take());
        break;
      case 'F':
      case 'X':
        addCommand(ps, r.c === 'F' ? CMD.FLUSH : CMD.DELETE_CHAIN, CMD.NONE, invert);
        if (optarg !== null) ps.chain = optarg;
        else if (g.hasArg()) ps.chain = g.take();
        break;
      case 'Z':
        addCommand(ps, CMD.ZERO, CMD.LIST | CMD.LIST_RULES, invert);
        if (optarg !== null) ps.chain = optarg;
        else if (g.hasArg()) ps.chain = g.take();
        if (g.hasArg()) {
          ps.rulenum = ruleNumber(g.take());
          // (the whole command is replaced: a -L or -S given before is dropped)
          ps.command = CMD.ZERO_NUM;
        }
        break;
      case 'N':
        assertValidChainName(arg, io.isTarget);
        addCommand(ps, CMD.NEW_CHAIN, CMD.NONE, invert);
        ps.chain = arg;
        break;
      case 'E':
        addCommand(ps, CMD.RENAME_CHAIN, CMD.NONE, invert);
        ps.chain = arg;
        if (!g.hasArg()) throw paramError('-E requires old-chain-name and new-chain-name');
        ps.newname = g.take();
        break;
      case 'P':
        addCommand(ps, CMD.SET_POLICY, CMD.NONE, invert);
        ps.chain = arg;
        if (!g.hasArg()) throw paramError('-P requires a chain and a policy');
        ps.policy = g.take();
        break;
      case 'h':
        throw new EarlyExit('help', io.help(ps));
      case 'p': {
        setOption(ps, OPT.PROTOCOL, invert);
        ps.protocol = word.toLowerCase();
        ps.proto = parseProtocol(ps.protocol, io.db);
        if (ps.proto === 0 && ps.inv.proto) throw paramError('rule would never match protocol');
        if (io.family === 'ipv6' && [43, 44, 51, 60].includes(ps.proto) && !ps.inv.proto) io.warn(`Warning: never matched protocol: ${ps.protocol}. use extension match instead.\n`);
        break;
      }
      case 's':
        setOption(ps, OPT.SOURCE, invert);
        ps.shost = word;
        break;
      case 'd':
        setOption(ps, OPT.DESTINATION, invert);
        ps.dhost = word;
        break;
      case 'g':
        setOption(ps, OPT.JUMP, invert);
        ps.goto = true;
        ps.jumpto = checkTargetName(arg);
        break;
      case 'j':
        setOption(ps, OPT.JUMP, invert);
        commandJump(ps, checkTargetName(word), io);
        break;
      case 'i':
      case 'o': {
        if (word === '') throw paramError('Empty interface is likely to be undesired');
        setOption(ps, r.c === 'i' ? OPT.VIANAMEIN : OPT.VIANAMEOUT, invert);
        const name = parseInterface(word);
        if (/[/ ]/.test(name)) io.warn(`Warning: weird character in interface \`${name}' ('/' and ' ' are not allowed by the kernel).\n`);
        if (r.c === 'i') ps.inIface = name;
        else ps.outIface = name;
        break;
      }
      case 'f':
        if (io.family === 'ipv6') throw paramError("`-f' is not supported in IPv6, use -m frag instead");
        setOption(ps, OPT.FRAGMENT, invert);
        break;
      case 'v':
        if (!ps.verbose) setOption(ps, OPT.VERBOSE, invert);
        ps.verbose++;
        break;
      case 'm':
        commandMatch(ps, arg, invert, io);
        break;
      case 'n':
        setOption(ps, OPT.NUMERIC, invert);
        break;
      case 't':
        if (invert) throw paramError('unexpected ! flag before --table');
        if (restore && ps.tableSet) throw paramError(`The -t option cannot be used in ${io.prog}.\n`);
        ps.table = arg;
        ps.tableSet = true;
        break;
      case 'x':
        setOption(ps, OPT.EXPANDED, invert);
        break;
      case 'V':
        throw new EarlyExit('version', invert ? `Not 1.8.9 (nf_tables) ;-)\n` : `${io.prog} v1.8.9 (nf_tables)\n`);
      case 'w': {
        if (restore) throw paramError("You cannot use `-w' from iptables-restore");
        const w = optarg ?? (g.hasArg() ? g.take() : null);
        const m = w === null ? null : /^\s*([+-]?(0x[0-9a-f]+|\d+))/i.exec(w);
        if (w !== null && !m) throw paramError('wait seconds not numeric');
        // -w alone waits forever (-1); "-w 0" is no wait at all
        ps.wait = m ? Number(m[1]) : -1;
        break;
      }
      case 'W': {
        if (restore) throw paramError("You cannot use `-W' from iptables-restore");
        const w = optarg ?? (g.hasArg() ? g.take() : null);
        if (w === null) throw paramError('wait interval value required');
        const m = /^\s*\+?(\d+)/.exec(w);
        if (!m) throw paramError('wait interval not numeric');
        if (Number(m[1]) > 999999) throw paramError(`too long usec wait ${m[1]} > 999999 usec`);
        io.warn('Ignoring deprecated --wait-interval option.\n');
        ps.waitInterval = true;
        break;
      }
      case '0':
        setOption(ps, OPT.LINENUMBERS, invert);
        break;
      case 'M':
        break;
      case 'c':
        parseCounters(ps, arg, g, invert);
        break;
      case '4':
      case '6': {
        const mine = r.c === '4' ? 'ipv4' : 'ipv6';
        if (io.family === mine) break;
        if (restore) {
          ps.ignored = true;
          return ps;
        }
        throw new XtError(PARAMETER_PROBLEM, '', 'tryhelp');
      }
      case 1:
        if (arg === '!') {
          if (invert) throw paramError('multiple consecutive ! not allowed');
          invert = true;
          continue;
        }
        throw new XtError(PARAMETER_PROBLEM, `Bad argument \`${arg}'\n`, 'tryhelp');
      default:
        if (commandDefault(ps, r.c, optarg, invert, g, io) === 'retry') continue;
    }
    invert = false;
  }
  finishParse(ps, g, invert, io);
  return ps;
}

function checkTargetName(name: string): string {
  if (name.length < 1) throw paramError('Invalid target name (too short)');
  if (name.length >= 29) throw paramError(`Invalid target name \`${name}' (28 chars max)`);
  if (/\s/.test(name)) throw paramError(`Invalid target name \`${name}'`);
  return name;
}

function parseCounters(ps: ParseState, arg: string, g: XtGetopt, invert: boolean): void {
  setOption(ps, OPT.COUNTERS, invert);
  let bcnt: string | null = null;
  const comma = arg.indexOf(',', 1);
  if (comma >= 0) bcnt = arg.slice(comma + 1);
  if (bcnt === null && g.hasArg()) bcnt = g.take();
  if (bcnt === null) throw paramError('-c requires packet and byte counter');
  const num = scanU64;
  const p = num(arg);
  if (p === null) throw paramError('-c packet counter not numeric');
  const b = num(bcnt);
  if (b === null) throw paramError('-c byte counter not numeric');
  ps.pcnt = p;
  ps.bcnt = b;
}
