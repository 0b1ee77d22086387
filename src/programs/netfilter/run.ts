// iptables / ip6tables (xtables-nft-multi): parse the line, fetch the ruleset from the kernel's
// netfilter service, plan the edits and output, apply the edits as one batch, and print what
// iptables prints, or its error message with its exit status.
import { isNfTableName, type NfAction, type NfFailure, type NfFamily, type NfReply, type NfRule, type NfRuleset } from '../../shared/services/netfilter';
import type { Ctx } from '../lib/context';
import { failureError, planCommand, type Step } from './commands';
import { isTargetName } from './ext/registry';
import { formatError, RESOURCE_PROBLEM, VERSION_PROBLEM, XtError, xtError } from './errors';
import { helpText } from './help';
import { NetDb } from './netdb';
import { EarlyExit, parseCommand, type ParseIo } from './parse';
import { buildRules } from './parse-post';
import { CMD, type ParseState } from './parse-state';
import { XtGetopt } from './xt-getopt';

export function progName(family: NfFamily): string {
  return family === 'ipv4' ? 'iptables' : 'ip6tables';
}

export function makeIo(prog: string, family: NfFamily, db: NetDb, warn: (t: string) => void): ParseIo {
  return { prog, family, db, warn, help: (ps) => helpText(prog, family, ps), isTarget: isTargetName };
}

/** Asks the kernel for the family's ruleset; a non-root caller gets iptables' EPERM error. */
export async function fetchRuleset(ctx: Ctx, family: NfFamily): Promise<NfRuleset> {
  const reply = (await ctx.sys.call('netfilter', { op: 'get', family })) as NfReply;
  if (reply.ok && 'ruleset' in reply) return reply.ruleset;
  throw xtError(RESOURCE_PROBLEM, 'Could not fetch rule set generation id: Permission denied (you must be root)');
}

export async function applyActions(ctx: Ctx, family: NfFamily, actions: NfAction[], test = false): Promise<NfReply> {
  return (await ctx.sys.call('netfilter', { op: 'apply', family, actions, ...(test ? { test } : {}) })) as NfReply;
}

/** The ruleset as it would be after these edits (nothing is applied); null when they fail. */
export async function previewActions(ctx: Ctx, family: NfFamily, actions: NfAction[]): Promise<NfRuleset | null> {
  const reply = (await ctx.sys.call('netfilter', { op: 'apply', family, actions, preview: true })) as NfReply;
  return reply.ok && 'ruleset' in reply ? reply.ruleset : null;
}

const RULE_CMDS = CMD.APPEND | CMD.INSERT | CMD.REPLACE | CMD.DELETE | CMD.CHECK;

/** Table check and the rules a line stands for (both before iptables talks to the kernel). */
export function prepareRules(ps: ParseState, io: ParseIo): NfRule[] {
  if (!isNfTableName(ps.table)) throw xtError(VERSION_PROBLEM, `table '${ps.table}' does not exist`);
  return ps.command & RULE_CMDS ? buildRules(ps, io, new XtGetopt([], '')) : [];
}

/** Rules in a chain before the batch, for naming an insert that became an append. */
export function chainLength(rs: NfRuleset, action: NfAction): number {
  const t = rs.tables.find((x) => x.name === action.table);
  const chain = 'chain' in action ? action.chain : undefined;
  return t?.chains.find((c) => c.name === chain)?.rules.length ?? 0;
}

/**
 * Applies the steps' edits as one batch, then prints the steps' output up to the edit that
 * failed (as iptables prints while it prepares the batch) and throws that edit's error.
 */
export async function runSteps(ctx: Ctx, family: NfFamily, steps: readonly Step[], onFailure: (f: NfFailure, failed: Step & { kind: 'action' }) => XtError, test = false): Promise<void> {
  const acts = steps.filter((s): s is Step & { kind: 'action' } => s.kind === 'action');
  let failedAt = -1;
  /** whether the failed edit echoed its rule (see below) */
  let echoFailed = false;
  let error: XtError | null = null;
  if (acts.length > 0 && !test) {
    const reply = await applyActions(ctx, family, acts.map((s) => s.action));
    if (!reply.ok && reply.index !== undefined) {
      failedAt = reply.index;
      error = onFailure(reply, acts[reply.index]!);
      // the kernel refuses a batch only after every edit was prepared (and echoed); while
      // preparing, an append echoes its rule before its chain is looked up
      if (reply.stage === 'commit') failedAt = acts.length;
      else echoFailed = acts[reply.index]!.action.op === 'append' && reply.missingChain === undefined;
    } else if (!reply.ok) throw xtError(RESOURCE_PROBLEM, 'Could not fetch rule set generation id: Permission denied (you must be root)');
  }
  // a test run (restore --test) drops its batch unprepared: nothing is echoed
  if (test) return;
  let n = 0;
  for (const s of steps) {
    if (s.kind === 'action') {
      if (failedAt >= 0 && (n > failedAt || (n === failedAt && !echoFailed))) break;
      n++;
      if (s.echo) await ctx.print(s.echo);
    } else if (s.kind === 'warn') await ctx.err.write(s.text);
    else await ctx.print(s.text);
  }
  if (error) throw error;
}

async function execute(ctx: Ctx, ps: ParseState, io: ParseIo): Promise<number> {
  const rules = prepareRules(ps, io);
  const rs = await fetchRuleset(ctx, io.family);
  const plan = planCommand(ps, rules, rs, io.db);
  await runSteps(ctx, io.family, plan.steps, (f, s) => failureError(f, s.action, io.prog, chainLength(rs, s.action)));
  return 0;
}

export async function runXtables(ctx: Ctx, family: NfFamily, argv: readonly string[] = ctx.argv): Promise<number> {
  const prog = progName(family);
  const db = await NetDb.load(ctx.sys);
  const warnings: string[] = [];
  const io = makeIo(prog, family, db, (t) => warnings.push(t));
  try {
    let ps: ParseState;
    try {
      ps = parseCommand(argv, io);
    } finally {
      for (const w of warnings.splice(0)) await ctx.err.write(w);
    }
    return await execute(ctx, ps, io);
  } catch (e) {
    if (e instanceof EarlyExit) {
      await ctx.print(e.text);
      return 0;
    }
    if (!(e instanceof XtError)) throw e;
    // stdout is a buffered pipe: the error comes out first, what was printed at exit
    if (ctx.sys.isatty(1)) await ctx.out.flush();
    await ctx.err.write(formatError(e, prog, -1));
    return e.status;
  }
}
