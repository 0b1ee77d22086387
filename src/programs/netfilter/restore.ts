// iptables-restore / ip6tables-restore: reads "*table", ":chain policy [p:b]", rule lines and
// COMMIT; every table is sent to the kernel as one batch at its COMMIT (flushed first unless
// --noflush). Errors name the input line as iptables-restore does.
import { isNfTableName, type NfAction, type NfFamily, type NfRuleset, type NfTableName } from '../../shared/services/netfilter';
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { readAllBin, unbin } from '../lib/textio';
import { decodeBytes } from '../shell/byte-text';
import { failureError, nftStrerror, planCommand, references, type Step } from './commands';
import { formatError, OTHER_PROBLEM, paramError, XT_VERSION, XtError } from './errors';
import { NetDb } from './netdb';
import { assertValidChainName, parseCommand } from './parse';
import { CMD, OPT } from './parse-state';
import { chainLength, fetchRuleset, makeIo, prepareRules, previewActions, runSteps } from './run';
import { tokenizeRestoreLine } from './restore-line';
import { getoptMessage, XtGetopt, type LongOpt } from './xt-getopt';

const LONG: readonly LongOpt[] = [
  { name: 'counters', hasArg: 0, val: 'c' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'test', hasArg: 0, val: 't' },
  { name: 'help', hasArg: 0, val: 'h' },
  { name: 'noflush', hasArg: 0, val: 'n' },
  { name: 'modprobe', hasArg: 1, val: 'M' },
  { name: 'table', hasArg: 1, val: 'T' },
  { name: 'ipv4', hasArg: 0, val: '4' },
  { name: 'ipv6', hasArg: 0, val: '6' },
  { name: 'wait', hasArg: 2, val: 'w' },
  { name: 'wait-interval', hasArg: 2, val: 'W' },
];

function usage(prog: string): string {
  return `Usage: ${prog} [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]\n${['--counters', '--verbose', '--version', '--test', '--help', '--noflush', '--table=<TABLE>', '--modprobe=<command>', '--ipv4', '--ipv6'].map((o) => `\t   [ ${o}${o === '--version' ? '' : ' '}]\n`).join('')}`;
}

interface Options {
  counters: boolean;
  verbose: number;
  test: boolean;
  noflush: boolean;
  table?: string;
  file?: string;
}

/** Parses the options; returns an exit status when the program should stop. */
async function options(ctx: Ctx, prog: string, argv: readonly string[]): Promise<Options | number> {
  const o: Options = { counters: false, verbose: 0, test: false, noflush: false };
  const g = new XtGetopt(argv, 'bcvVthnM:T:wW');
  const operands: string[] = [];
  for (let r = g.next(LONG); r !== null; r = g.next(LONG)) {
    switch (r.c) {
      case 1:
        operands.push(r.optarg ?? '');
        break;
      case 'b':
        await ctx.err.write('-b/--binary option is not implemented\n');
        break;
      case 'c':
        o.counters = true;
        break;
      case 'v':
        o.verbose++;
        break;
      case 'V':
        await ctx.print(`${prog} v${XT_VERSION}\n`);
        return 0;
      case 't':
        o.test = true;
        break;
      case 'h':
        await ctx.err.write(usage(prog));
        return 0;
      case 'n':
        o.noflush = true;
        break;
      case 'M':
        break;
      case 'T':
        o.table = r.optarg ?? '';
        break;
      case 'w':
      case 'W':
        if (r.optarg === null && g.hasArg()) g.take();
        break;
      default: {
        const msg = g.error ? getoptMessage(g.error) : `invalid option -- '${String(r.c)}'`;
        await ctx.err.write(`${prog}: ${msg}\nTry \`${prog} -h' for more information.\n`);
        return 1;
      }
    }
  }
  if (operands.length > 1) {
    await ctx.err.write('Unknown arguments found on commandline\n');
    return 1;
  }
  if (operands.length === 1) o.file = operands[0]!;
  return o;
}


export async function runRestore(ctx: Ctx, family: NfFamily, prog: string, argv: readonly string[] = ctx.argv): Promise<number> {
  const opt = await options(ctx, prog, argv);
  if (typeof opt === 'number') return opt;
  let input: string;
  let fd = 0;
  if (opt.file !== undefined) {
    try {
      fd = await ctx.sys.open(opt.file, { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`Can't open ${opt.file}: ${strerror(e.errno)}\n`);
      return 1;
    }
  }
  try {
    // the lines as text, as the command line's arguments are (a byte that is not UTF-8 stays
    // itself)
    input = decodeBytes(unbin(await readAllBin(ctx, fd)));
  } catch (e) {
    // fgets() takes a read error (a directory's EISDIR) for the end of the input: nothing to restore
    if (!isSysError(e) || e.errno !== 'EISDIR') throw e;
    input = '';
  } finally {
    if (fd !== 0) ctx.sys.close(fd);
  }
  const db = await NetDb.load(ctx.sys);
  const warnings: string[] = [];
  const io = makeIo(prog, family, db, (t) => warnings.push(t));
  let lineNo = 0;
  try {
    let table: NfTableName | null = null;
    let inTable = false;
    let batch: Step[] = [];
    let rs = await fetchRuleset(ctx, family);
    /** per table, the order of its user chains in iptables' cache once it has been sorted */
    const cacheOrder = new Map<string, string[]>();
    const lines = input.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const [index, text] of lines.entries()) {
      lineNo++;
      // the line as fgets read it: a quote left open keeps its newline
      const withNewline = index < lines.length - 1 || input.endsWith('\n') ? `${text}\n` : text;
      await ctx.tick();
      if (text === '') continue;
      if (text.startsWith('#')) {
        if (opt.verbose) await ctx.print(`${text}\n`);
        continue;
      }
      if (inTable && text === 'COMMIT') {
        await commit(ctx, family, batch, prog, rs, opt.test);
        // what a committed table printed is out before a later error (which stderr shows at once)
        await ctx.out.flush();
        if (!opt.test) rs = await fetchRuleset(ctx, family);
        batch = [];
        inTable = false;
        continue;
      }
      if (text.startsWith('*') && !inTable) {
        const name = text.slice(1).split(/[ \t]/).find((x) => x !== '');
        if (name === undefined) throw paramError(`${prog}: line ${lineNo} table name invalid`);
        if (!isNfTableName(name)) throw paramError(`${prog}: line ${lineNo} table name '${name}' invalid`);
        table = name;
        if (opt.table !== undefined && opt.table !== name) continue;
        cacheOrder.delete(name);
        if (!opt.noflush && opt.verbose) {
          // verbose restore flushes chain by chain, the way -F -v and -X -v do (which sorts the
          // cache's chains, all of them deleted)
          for (const cmd of ['-F', '-X']) batch.push(...planCommand(parseCommand([prog, '-t', name, cmd, '-v'], io), [], rs, db, lineNo).steps);
          cacheOrder.set(name, []);
        } else if (!opt.noflush) batch.push({ kind: 'action', action: { op: 'flushTable', table: name }, line: lineNo });
        inTable = true;
        continue;
      }
      if (text.startsWith(':') && inTable && table) {
        const words = text.slice(1).split(/[ \t]/).filter((x) => x !== '');
        const chain = words[0];
        if (chain === undefined) throw paramError(`${prog}: line ${lineNo} chain name invalid`);
        assertValidChainName(chain, io.isTarget);
        const policy = words[1];
        if (policy === undefined) throw paramError(`${prog}: line ${lineNo} policy invalid`);
        const builtin = rs.tables.find((t) => t.name === table)!.chains.some((c) => c.builtin && c.name === chain);
        if (builtin) {
          let counters = { packets: 0, bytes: 0 };
          if (opt.counters) {
            // sscanf "[%llu:%llu]": the closing bracket is not checked
            const m = /^\[\s*(\d+):\s*(\d+)/.exec(words[2] ?? '');
            if (!m) throw paramError(`invalid policy counters for chain '${chain}'`);
            counters = { packets: Number(m[1]), bytes: Number(m[2]) };
          }
          batch.push({ kind: 'action', action: { op: 'policy', table, chain, policy, counters }, line: lineNo });
        } else batch.push({ kind: 'action', action: { op: 'restoreChain', table, chain }, line: lineNo });
        continue;
      }
      if (inTable && table) {
        const { argv } = tokenizeRestoreLine(withNewline, lineNo, prog, table, opt.counters, opt.noflush ? 0 : opt.verbose);
        const ps = parseCommand(argv, io, lineNo, true);
        for (const w of warnings.splice(0)) await ctx.err.write(w);
        if (ps.ignored) continue;
        const rules = prepareRules(ps, io);
        let view = rs;
        let refs: Map<string, number> | undefined;
        let userOrder: string[] | undefined;
        // what a listing shows, and which chains -F/-X/-Z -v name, is the table as the batch so
        // far leaves it
        const sees = ps.command & (CMD.LIST | CMD.LIST_RULES) || (ps.options & OPT.VERBOSE && ps.command & (CMD.FLUSH | CMD.DELETE_CHAIN | CMD.ZERO));
        if (sees && table) {
          const acts = batch.filter((s): s is Step & { kind: 'action' } => s.kind === 'action').map((s) => s.action);
          const after = acts.length > 0 ? await previewActions(ctx, family, acts) : null;
          if (after) {
            view = after;
            // (without --noflush the batch starts by emptying the table)
            refs = batchRefs(rs, after, table, acts, !opt.noflush);
          }
          // the cache's user chains are sorted the first time they are gone through; chains
          // made after that follow in the order they were made
          const users = view.tables.find((t) => t.name === table)!.chains.filter((c) => !c.builtin).map((c) => c.name);
          const known = cacheOrder.get(table);
          userOrder = known ? [...known.filter((n) => users.includes(n)), ...users.filter((n) => !known.includes(n))] : [...users].sort(byName);
          cacheOrder.set(table, userOrder);
        }
        batch.push(...planCommand(ps, rules, view, db, lineNo, refs, userOrder).steps);
        continue;
      }
      if (opt.table !== undefined && table !== null && opt.table !== table) continue;
      throw new XtError(OTHER_PROBLEM, `${prog}: line ${lineNo} failed\n`, 'plain');
    }
    if (inTable) throw new XtError(OTHER_PROBLEM, `${prog}: COMMIT expected at line ${lineNo + 1}\n`, 'plain');
    return 0;
  } catch (e) {
    for (const w of warnings.splice(0)) await ctx.err.write(w);
    if (!(e instanceof XtError)) throw e;
    // stdout is a buffered pipe: the error comes out first, the output at exit
    await ctx.err.write(formatError(e, prog, e.status === 2 ? lineNo : -1));
    return e.status;
  }
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A listing in a batch sees the table as the batch so far leaves it, but the reference counts
 * are the kernel's, of the committed chains (jumps the batch adds are not counted). A chain
 * the batch gave rules to has its count dropped: 0 for one the kernel has, unknown (-1) for
 * one the batch made.
 */
function batchRefs(before: NfRuleset, after: NfRuleset, table: NfTableName, acts: readonly NfAction[], flushed: boolean): Map<string, number> {
  const old = before.tables.find((t) => t.name === table)!;
  const now = after.tables.find((t) => t.name === table)!;
  // (after a table flush the cache has none of the kernel's chains: every chain is new)
  const filled = new Set(acts.filter((a) => (a.op === 'append' || a.op === 'insert') && a.table === table).map((a) => ('chain' in a ? a.chain : '')));
  const refs = new Map<string, number>();
  for (const c of now.chains) {
    if (c.builtin) continue;
    const committed = !flushed && old.chains.some((x) => x.name === c.name && !x.builtin);
    if (filled.has(c.name)) refs.set(c.name, committed ? 0 : -1);
    else refs.set(c.name, committed ? references(old, c.name) : 0);
  }
  return refs;
}

/** Sends one table's batch at its COMMIT (nothing is sent with --test). */
async function commit(ctx: Ctx, family: NfFamily, batch: Step[], prog: string, rs: NfRuleset, test: boolean): Promise<void> {
  await runSteps(
    ctx,
    family,
    batch,
    (f, failed) => {
      const err = failureError(f, failed.action, prog, chainLength(rs, failed.action), failed.line);
      if (f.missingChain !== undefined || f.stage === 'commit') return err;
      // "iptables-restore: line N failed: MESSAGE." (no dmesg hint here)
      const msg = nftStrerror(failed.action.op, f.errno);
      return new XtError(OTHER_PROBLEM, `${prog}: line ${failed.line ?? 0} failed: ${msg}.\n`, 'plain');
    },
    test,
  );
}
