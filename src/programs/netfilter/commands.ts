// What a parsed command does: the edits it sends to the kernel and the text it prints (rule
// listings, -v echoes), as steps in the order iptables-nft runs them when it prepares its
// batch. Errors are mapped to iptables' messages (nft_strerror) here too.
import type { NfAction, NfChain, NfFailure, NfFamily, NfRule, NfRuleset, NfTable, NfTableName } from '../../shared/services/netfilter';
import { strerror } from '../../shared/errno';
import { OTHER_PROBLEM, paramError, RESOURCE_PROBLEM, XtError, xtError } from './errors';
import { chainHeader, ruleLine, type ListFormat } from './list';
import type { NetDb } from './netdb';
import { CMD, OPT, type ParseState } from './parse-state';
import { listingOrder, saveChainLine, saveRule } from './save-rule';

export type Step = { kind: 'output'; text: string } | { kind: 'warn'; text: string } | { kind: 'action'; action: NfAction; echo?: string; line?: number };

export interface Plan {
  steps: Step[];
}

function table(rs: NfRuleset, name: NfTableName): NfTable {
  return rs.tables.find((t) => t.name === name)!;
}

export function references(t: NfTable, name: string): number {
  let n = 0;
  for (const c of t.chains) for (const r of c.rules) if ((r.target.kind === 'jump' || r.target.kind === 'goto') && r.target.chain === name) n++;
  return n;
}

type ChainOrder = (chains: readonly NfChain[]) => NfChain[];

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/** Chains as listing sees them: absent built-ins are shown as empty ACCEPT chains. */
function listChains(t: NfTable, chain: string | undefined, order: ChainOrder = listingOrder): NfChain[] {
  if (chain === undefined) return order(t.chains);
  const c = t.chains.find((x) => x.name === chain);
  // nft_assert_table_compatible: a chain it cannot find counts as one it cannot list
  if (!c) throw xtError(OTHER_PROBLEM, `chain \`${chain}' in table \`${t.name}' is incompatible, use 'nft' tool.`);
  return [c];
}

/** nft_is_table_tainted: what a whole-table listing prints first (on stdout) */
export function taintNote(t: NfTable): string {
  return t.tainted ? `# Table \`${t.name}' contains incompatible base-chains, use 'nft' tool to list them.\n` : '';
}

function listText(ps: ParseState, t: NfTable, family: NfFamily, db: NetDb, warn: (text: string) => void, refs?: ReadonlyMap<string, number>, order?: ChainOrder): string {
  const f: ListFormat = {
    warn,
    numeric: (ps.options & OPT.NUMERIC) !== 0,
    verbose: (ps.options & OPT.VERBOSE) !== 0,
    expanded: (ps.options & OPT.EXPANDED) !== 0,
    lineNumbers: (ps.options & OPT.LINENUMBERS) !== 0,
  };
  const chains = listChains(t, ps.chain, order);
  if (ps.chain !== undefined && ps.rulenum > 0) {
    const r = chains[0]!.rules[ps.rulenum - 1];
    return r ? ruleLine(r, ps.rulenum, family, f, db) : '';
  }
  const note = ps.chain === undefined ? taintNote(t) : '';
  return note + chains
    .map((c) => {
      const rules = c.builtin && !c.present ? [] : c.rules;
      return chainHeader(c, refs?.get(c.name) ?? references(t, c.name), f) + rules.map((r, i) => ruleLine(r, i + 1, family, f, db)).join('');
    })
    .join('\n');
}

function listRulesText(ps: ParseState, t: NfTable, family: NfFamily, db: NetDb, warn: (text: string) => void, order?: ChainOrder): string {
  const counters = (ps.options & OPT.VERBOSE) !== 0;
  const chains = listChains(t, ps.chain, order);
  const fmt = { bracketCounters: false, inlineCounters: counters, warn };
  if (ps.chain !== undefined && ps.rulenum > 0) {
    const r = chains[0]!.rules[ps.rulenum - 1];
    return r ? saveRule(chains[0]!.name, r, family, fmt, db) : '';
  }
  let s = (ps.chain === undefined ? taintNote(t) : '') + chains.map((c) => saveChainLine(c, counters)).join('');
  for (const c of chains) for (const r of c.builtin && !c.present ? [] : c.rules) s += saveRule(c.name, r, family, fmt, db);
  return s;
}

/**
 * The steps of one parsed command (rules: the rule(s) it stands for). refs: the reference
 * counts a listing shows for user chains when they are not the ones rs implies (-1: unknown).
 */
export function planCommand(ps: ParseState, rules: NfRule[], rs: NfRuleset, db: NetDb, line?: number, refs?: ReadonlyMap<string, number>, userOrder?: readonly string[]): Plan {
  // chains are listed and named by -v in the cache's order: user chains sorted by name, unless
  // a restore batch says otherwise (chains it made after the cache was sorted come last)
  const order: ChainOrder = userOrder
    ? (chains) => [...chains.filter((c) => c.builtin), ...chains.filter((c) => !c.builtin).sort((a, b) => rank(userOrder, a.name) - rank(userOrder, b.name))]
    : listingOrder;
  const tname = ps.table as NfTableName;
  const t = table(rs, tname);
  const chain = ps.chain ?? '';
  const verbose = (ps.options & OPT.VERBOSE) !== 0;
  const steps: Step[] = [];
  const act = (action: NfAction, echo?: string): void => {
    steps.push({ kind: 'action', action, ...(echo !== undefined ? { echo } : {}), ...(line !== undefined ? { line } : {}) });
  };
  const warn = (text: string): void => {
    steps.push({ kind: 'warn', text });
  };
  const echo = (r: NfRule): string | undefined => (verbose ? ruleLine(r, 0, rs.family, { numeric: true, verbose: true, expanded: false, lineNumbers: false, notable: true, warn }, db) : undefined);
  const cmd = ps.command;
  const zeroAfter = (): void => {
    if (cmd & CMD.ZERO) zeroSteps(ps, t, verbose, act, steps, true, order);
    if (cmd & CMD.ZERO_NUM) act({ op: 'zeroRule', table: tname, chain, rulenum: ps.rulenum });
  };
  switch (cmd) {
    case CMD.APPEND:
      for (const r of rules) act({ op: 'append', table: tname, chain, rule: r }, echo(r));
      break;
    case CMD.INSERT:
      for (const r of rules) act({ op: 'insert', table: tname, chain, rulenum: ps.rulenum, rule: r }, echo(r));
      break;
    case CMD.REPLACE:
      act({ op: 'replace', table: tname, chain, rulenum: ps.rulenum, rule: rules[0]! }, echo(rules[0]!));
      break;
    case CMD.DELETE:
      for (const r of rules) act({ op: 'delete', table: tname, chain, rule: r }, echo(r));
      break;
    case CMD.CHECK:
      for (const r of rules) act({ op: 'check', table: tname, chain, rule: r }, echo(r));
      break;
    case CMD.DELETE_NUM:
      act({ op: 'deleteNum', table: tname, chain, rulenum: ps.rulenum });
      break;
    case CMD.FLUSH: {
      const names = ps.chain !== undefined ? [ps.chain] : verbose ? order(t.chains).map((c) => c.name) : [];
      const exists = ps.chain === undefined || t.chains.some((c) => c.name === ps.chain);
      if (verbose && exists) for (const n of names) steps.push({ kind: 'output', text: `Flushing chain \`${n}'\n` });
      act({ op: 'flush', table: tname, ...(ps.chain !== undefined ? { chain: ps.chain } : {}), verbose });
      break;
    }
    case CMD.ZERO:
      zeroSteps(ps, t, verbose, act, steps, false, order);
      break;
    case CMD.ZERO_NUM:
      act({ op: 'zeroRule', table: tname, chain, rulenum: ps.rulenum });
      break;
    case CMD.NEW_CHAIN:
      act({ op: 'newChain', table: tname, chain });
      break;
    case CMD.DELETE_CHAIN: {
      if (verbose) {
        const users = ps.chain !== undefined ? t.chains.filter((c) => c.name === ps.chain && !c.builtin) : order(t.chains).filter((c) => !c.builtin);
        for (const c of users) steps.push({ kind: 'output', text: `Deleting chain \`${c.name}'\n` });
      }
      act({ op: 'deleteChain', table: tname, ...(ps.chain !== undefined ? { chain: ps.chain } : {}), ...(verbose ? { verbose } : {}) });
      break;
    }
    case CMD.RENAME_CHAIN:
      act({ op: 'renameChain', table: tname, chain, newName: ps.newname ?? '' });
      break;
    case CMD.SET_POLICY:
      act({ op: 'policy', table: tname, chain, policy: ps.policy ?? '' });
      break;
    case CMD.LIST:
    case CMD.LIST | CMD.ZERO:
    case CMD.LIST | CMD.ZERO_NUM:
      steps.push({ kind: 'output', text: listText(ps, t, rs.family, db, warn, refs, order) });
      zeroAfter();
      break;
    case CMD.LIST_RULES:
    case CMD.LIST_RULES | CMD.ZERO:
    case CMD.LIST_RULES | CMD.ZERO_NUM:
      steps.push({ kind: 'output', text: listRulesText(ps, t, rs.family, db, warn, order) });
      zeroAfter();
      break;
  }
  return { steps };
}

function zeroSteps(ps: ParseState, t: NfTable, verbose: boolean, act: (a: NfAction) => void, steps: Step[], list = false, order: (c: readonly NfChain[]) => NfChain[] = listingOrder): void {
  if (verbose) {
    const live = (c: NfChain): boolean => !c.builtin || c.present || list;
    const names = ps.chain !== undefined ? t.chains.filter((c) => c.name === ps.chain && live(c)) : order(t.chains).filter(live);
    for (const c of names) steps.push({ kind: 'output', text: `Zeroing chain \`${c.name}'\n` });
  }
  act({ op: 'zero', table: t.name, ...(ps.chain !== undefined ? { chain: ps.chain } : {}), ...(list ? { list } : {}) });
}

// ------------------------------------------------------------------ errors

const MESSAGES: Readonly<Partial<Record<NfAction['op'], Partial<Record<string, string>>>>> = {
  deleteChain: { EBUSY: 'Directory not empty' },
  newChain: { EEXIST: 'Chain already exists' },
  renameChain: { EEXIST: 'File exists' },
  insert: { E2BIG: 'Index of insertion too big' },
  check: { ENOENT: 'Bad rule (does a matching rule exist in that chain?)' },
  replace: { E2BIG: 'Index of replacement too big' },
  deleteNum: { E2BIG: 'Index of deletion too big' },
  delete: { ENOENT: 'Bad rule (does a matching rule exist in that chain?)' },
  zeroRule: { ENOENT: 'Bad rule (does a matching rule exist in that chain?)' },
  policy: { ENOENT: 'Bad built-in chain name', EINVAL: 'Bad policy name' },
};

/** nft_strerror */
export function nftStrerror(op: NfAction['op'], errno: string): string {
  const own = MESSAGES[op]?.[errno];
  if (own) return own;
  if (errno === 'EPERM') return 'Permission denied (you must be root)';
  if (errno === 'E0') return 'Incompatible with this kernel';
  if (errno === 'ENOENT') return 'No chain/target/match by that name';
  return strerror(errno as Parameters<typeof strerror>[0]);
}

const OP_NAMES: Readonly<Partial<Record<NfAction['op'], string>>> = {
  append: 'RULE_APPEND',
  insert: 'RULE_INSERT',
  replace: 'RULE_REPLACE',
  delete: 'RULE_DELETE',
  deleteNum: 'RULE_DELETE',
  deleteChain: 'CHAIN_DEL',
  newChain: 'CHAIN_USER_ADD',
  renameChain: 'CHAIN_RENAME',
  policy: 'CHAIN_UPDATE',
  flush: 'RULE_FLUSH',
  restoreChain: 'CHAIN_USER_ADD',
  flushTable: 'TABLE_FLUSH',
  zero: 'CHAIN_ZERO',
};

/** The text of a kernel (commit) error, as nft_action reports it. */
export function commitErrorText(f: NfFailure, action: NfAction, line: number | undefined, rulesBefore: number): string {
  let op = OP_NAMES[action.op] ?? 'RULE_APPEND';
  // an insert just past the last rule is sent as an append (position 1 is always an insert)
  if (action.op === 'insert' && action.rulenum > 1 && action.rulenum - 1 >= rulesBefore) op = 'RULE_APPEND';
  const what = op.startsWith('RULE') ? `rule in chain ${f.chain ?? ''}` : `chain ${f.chain ?? ''}`;
  const head = line !== undefined ? `\nline ${line}: ${op} failed` : ` ${op} failed`;
  return `${head} (${strerror(f.errno as Parameters<typeof strerror>[0])}): ${what}`;
}

/** Turns a batch failure into the error iptables would report. */
export function failureError(f: NfFailure, action: NfAction, prog: string, rulesBefore: number, line?: number): XtError {
  if (f.missingChain !== undefined) return paramError(`Chain '${f.missingChain}' does not exist`);
  if (f.stage === 'commit') return xtError(RESOURCE_PROBLEM, commitErrorText(f, action, line, rulesBefore));
  const msg = nftStrerror(action.op, f.errno);
  return new XtError(OTHER_PROBLEM, `${prog}: ${msg}.${f.errno === 'EINVAL' ? " Run `dmesg' for more information." : ''}\n`, 'plain');
}
