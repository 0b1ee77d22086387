// Applies a batch of edits to a copy of one family's ruleset, with the checks and errnos that
// iptables-nft (in its cache, "prepare") and the kernel (at commit) produce. The caller swaps
// the copy in only when every action succeeded, so a batch is all or nothing.
import type { NfAction, NfChain, NfErrno, NfFailure, NfRule, NfRuleset, NfTable } from '../../shared/services/netfilter';
import { sameRule } from './rule-equal';
import { builtinInit, chainByName, chainNameExists, cloneRule, emptyChain, emptyTable, getTable, isBuiltinName, jumpTarget, liveChain, references } from './ruleset';
import { checkRule, checkTable } from './validate';

class BatchError extends Error {
  constructor(
    readonly stage: 'prepare' | 'commit',
    readonly errno: NfErrno,
    readonly chain?: string,
    readonly missingChain?: string,
  ) {
    super(errno);
  }
}

const prepare = (errno: NfErrno): BatchError => new BatchError('prepare', errno);
const commit = (errno: NfErrno, chain: string): BatchError => new BatchError('commit', errno, chain);

function live(t: NfTable, name: string): NfChain {
  const c = liveChain(t, name);
  if (!c) throw prepare('ENOENT');
  return c;
}

/** assert_chain_exists: a rule may only jump to a chain that exists (built-in names count). */
function assertJump(t: NfTable, rule: { target: NfRule['target'] }): void {
  const j = jumpTarget(rule.target);
  if (j !== undefined && !chainNameExists(t, j)) throw new BatchError('prepare', 'ENOENT', undefined, j);
}

/** "table chain" of the user chains the batch being applied made */
const madeInBatch = new Set<string>();

/** the tables of the ruleset being edited (rate estimators are looked up across them) */
let batchTables: readonly NfTable[] = [];

function addRule(t: NfTable, c: NfChain, rule: NfRule, at: number): void {
  const bad = checkRule(t, rule, batchTables.length ? batchTables : [t]);
  // (the rule is in the batch even when the kernel will refuse it at commit)
  c.rules.splice(at, 0, cloneRule(rule));
  if (bad) throw commit(bad, c.name);
  const err = checkTable(t);
  if (err) throw commit(err, c.name);
}

function deleteChain(t: NfTable, c: NfChain, explicit: boolean): void {
  if (c.builtin) {
    // nft only deletes a base chain that is empty with an ACCEPT policy; -X without a chain
    // name skips the others silently
    if (c.rules.length > 0 || c.policy !== 'ACCEPT') {
      if (!explicit) return;
      // iptables refuses a named chain with a policy itself ("Directory not empty"); it does
      // not load the rules for that check, so a chain with rules is refused by the kernel
      if (c.policy !== 'ACCEPT') throw prepare('EBUSY');
      throw commit('EBUSY', c.name);
    }
    c.present = false;
    c.counters = { packets: 0, bytes: 0 };
    delete c.stats;
    return;
  }
  if (c.rules.length > 0 || references(t, c.name) > 0) throw commit('EBUSY', c.name);
  t.chains.splice(t.chains.indexOf(c), 1);
}

function zeroChain(c: NfChain): void {
  if (c.builtin) {
    c.counters = { packets: 0, bytes: 0 };
    c.stats = true;
  }
  for (const r of c.rules) r.counters = { packets: 0, bytes: 0 };
}

function applyOne(rs: NfRuleset, a: NfAction): void {
  batchTables = rs.tables;
  const t = getTable(rs, a.table);
  const wholeTable = (a.op === 'flush' || a.op === 'deleteChain') && a.chain === undefined;
  if (!wholeTable && a.op !== 'policy' && a.op !== 'zero') t.flushed = false;
  switch (a.op) {
    case 'append': {
      assertJump(t, a.rule);
      builtinInit(t, a.chain);
      const c = live(t, a.chain);
      addRule(t, c, a.rule, c.rules.length);
      return;
    }
    case 'insert': {
      assertJump(t, a.rule);
      builtinInit(t, a.chain);
      const c = live(t, a.chain);
      const idx = a.rulenum - 1;
      // iptables allows inserting at rule_count + 1, which appends
      if (idx > c.rules.length) throw prepare('E2BIG');
      addRule(t, c, a.rule, idx);
      return;
    }
    case 'replace': {
      assertJump(t, a.rule);
      const c = live(t, a.chain);
      const idx = a.rulenum - 1;
      if (idx >= c.rules.length) throw prepare('E2BIG');
      const old = c.rules.splice(idx, 1);
      try {
        addRule(t, c, a.rule, idx);
      } catch (e) {
        c.rules.splice(idx, 0, ...old);
        throw e;
      }
      return;
    }
    case 'delete':
    case 'check': {
      assertJump(t, a.rule);
      const c = live(t, a.chain);
      const idx = c.rules.findIndex((r) => sameRule(r, a.rule));
      if (idx < 0) throw prepare('ENOENT');
      if (a.op === 'delete') c.rules.splice(idx, 1);
      return;
    }
    case 'deleteNum': {
      const c = live(t, a.chain);
      if (a.rulenum - 1 >= c.rules.length) throw prepare('E2BIG');
      c.rules.splice(a.rulenum - 1, 1);
      return;
    }
    case 'flush': {
      if (a.chain === undefined) t.flushed = true;
      if (a.chain !== undefined || a.verbose) builtinInit(t, a.chain);
      else if (!t.exists) return;
      if (a.chain !== undefined) live(t, a.chain).rules = [];
      else for (const c of t.chains) c.rules = [];
      return;
    }
    case 'zero': {
      if (a.list) {
        // -L -Z zeroes the chains the listing showed, built-in ones it had to make up included;
        // without the table the kernel has nothing to zero
        if (!t.exists) throw commit('ENOENT', a.chain ?? t.chains.find((c) => c.builtin)?.name ?? '');
        builtinInit(t, a.chain);
      }
      if (a.chain !== undefined) zeroChain(live(t, a.chain));
      else for (const c of t.chains) if (!c.builtin || c.present) zeroChain(c);
      return;
    }
    case 'zeroRule': {
      // iptables-nft 1.8.9 only fails on a chain nft does not have; a number past the end of
      // an existing chain zeroes nothing and succeeds. It fails then without setting errno
      // itself: what it reports is left over from its cache fetch, which asks for the chain and
      // every built-in chain of the table by name, in strcmp order. The last answer counts: an
      // acknowledgement (errno 0) when that chain exists, else ENOENT (as when the table is
      // missing, which the set fetch after it reports).
      const c = liveChain(t, a.chain);
      if (!c) {
        const names = [a.chain, ...t.chains.filter((x) => x.builtin).map((x) => x.name)];
        const last = names.reduce((m, n) => (n > m ? n : m));
        throw prepare(t.exists && liveChain(t, last) ? 'E0' : 'ENOENT');
      }
      const r = c.rules[a.rulenum - 1];
      if (r) r.counters = { packets: 0, bytes: 0 };
      return;
    }
    case 'newChain': {
      t.exists = true;
      if (chainNameExists(t, a.chain)) throw prepare('EEXIST');
      t.chains.push({ ...emptyChain(a.chain, false), present: true });
      madeInBatch.add(`${t.name} ${a.chain}`);
      return;
    }
    case 'deleteChain': {
      if (a.chain !== undefined) {
        deleteChain(t, live(t, a.chain), true);
        return;
      }
      // one delete per chain, built-ins first; -v sorts the user chains by name
      const users = t.chains.filter((c) => !c.builtin);
      if (a.verbose) users.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      for (const c of [...t.chains.filter((x) => x.builtin && x.present), ...users]) deleteChain(t, c, false);
      return;
    }
    case 'renameChain': {
      if (chainNameExists(t, a.newName)) throw prepare('EEXIST');
      const c = live(t, a.chain);
      if (c.builtin) {
        // a renamed base chain stays hooked but iptables no longer knows it; model it as gone
        t.tainted = true;
        c.present = false;
        c.rules = [];
        c.policy = 'ACCEPT';
        c.counters = { packets: 0, bytes: 0 };
        return;
      }
      for (const ch of t.chains) for (const r of ch.rules) if (jumpTarget(r.target) === a.chain && (r.target.kind === 'jump' || r.target.kind === 'goto')) r.target = { ...r.target, chain: a.newName };
      c.name = a.newName;
      // nft renames a chain by its handle, which a chain made in the same batch does not have
      if (madeInBatch.delete(`${t.name} ${a.chain}`)) {
        madeInBatch.add(`${t.name} ${a.newName}`);
        throw commit('ENOENT', a.newName);
      }
      return;
    }
    case 'policy': {
      if (a.policy !== 'ACCEPT' && a.policy !== 'DROP' && a.policy !== '-') throw prepare('EINVAL');
      const builtin = isBuiltinName(t.name, a.chain);
      const c = chainByName(t, a.chain);
      // (a policy on a built-in chain nft has not created yet creates it)
      const wasDrop = builtin && c !== undefined && c.present && c.policy === 'DROP';
      builtinInit(t, a.chain);
      if (!builtin || !c) throw prepare('ENOENT');
      if (a.policy !== '-') c.policy = a.policy;
      // (a DROP set after the flush is the script's own: turning it back keeps the table)
      if (a.policy === 'DROP') t.flushed = false;
      // the chain is sent with counters: the ones given, else zero
      c.counters = a.counters ? { ...a.counters } : { packets: 0, bytes: 0 };
      c.stats = true;
      // Turning the last DROP policy of an otherwise empty table back to ACCEPT (as
      // `iptables -F; iptables -X; iptables -P ... ACCEPT` does) leaves nothing nft would
      // show; we forget the table then, so it reads like one never touched (a fresh network
      // namespace: -D INPUT 1 says ENOENT and iptables-save prints nothing), where nft would
      // keep empty base chains.
      // Only IPv4: the runner's prelude resets iptables alone; an ip6tables script that resets
      // its own table leaves the table in place, as the kernel does.
      // (only after a whole-table flush: a script's own DROP-then-ACCEPT keeps its chains)
      if (rs.family === 'ipv4' && t.flushed === true && a.counters === undefined && wasDrop && a.policy === 'ACCEPT' && t.chains.every((ch) => ch.builtin && ch.rules.length === 0 && (!ch.present || ch.policy === 'ACCEPT'))) {
        t.chains = emptyTable(t.name).chains;
        t.exists = false;
        t.flushed = false;
      }
      return;
    }
    case 'flushTable': {
      const fresh = emptyTable(t.name);
      t.exists = false;
      t.tainted = false;
      t.chains = fresh.chains;
      return;
    }
    case 'restoreChain': {
      t.exists = true;
      const c = liveChain(t, a.chain);
      if (c) c.rules = [];
      else {
        t.chains.push({ ...emptyChain(a.chain, false), present: true });
        madeInBatch.add(`${t.name} ${a.chain}`);
      }
      return;
    }
  }
}

/**
 * Applies the edits in order. iptables prepares the whole batch before the kernel sees it, so
 * an error found while preparing (a later edit's included) wins over the kernel's refusal of
 * an earlier edit at commit, which is reported only when the batch prepared cleanly.
 */
export function applyBatch(rs: NfRuleset, actions: readonly NfAction[]): NfFailure | null {
  madeInBatch.clear();
  let refused: NfFailure | null = null;
  for (let i = 0; i < actions.length; i++) {
    try {
      applyOne(rs, actions[i]!);
    } catch (e) {
      if (!(e instanceof BatchError)) throw e;
      const f: NfFailure = { ok: false, index: i, stage: e.stage, errno: e.errno, ...(e.chain !== undefined ? { chain: e.chain } : {}), ...(e.missingChain !== undefined ? { missingChain: e.missingChain } : {}) };
      if (e.stage !== 'commit') return f;
      refused ??= f;
    }
  }
  return refused;
}
