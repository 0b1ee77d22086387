// The kernel's copy of one family's tables: creation, deep copies and lookups. nf_tables
// creates tables and base chains lazily, so a built-in chain can be absent (`present: false`);
// iptables lists an absent one as an empty ACCEPT chain, but commands that need the real chain
// (-D 1, -Z CHAIN, -X CHAIN) fail with ENOENT on it.
import {
  NF_BUILTIN_CHAINS,
  NF_TABLE_ORDER,
  type NfChain,
  type NfFamily,
  type NfRule,
  type NfRuleset,
  type NfTable,
  type NfTableName,
  type NfTarget,
} from '../../shared/services/netfilter';

export function emptyChain(name: string, builtin: boolean): NfChain {
  return { name, builtin, present: false, policy: 'ACCEPT', counters: { packets: 0, bytes: 0 }, rules: [] };
}

export function emptyTable(name: NfTableName): NfTable {
  return { name, exists: false, chains: NF_BUILTIN_CHAINS[name].map((c) => emptyChain(c, true)) };
}

export function emptyRuleset(family: NfFamily): NfRuleset {
  return { family, generation: 1, tables: NF_TABLE_ORDER.map(emptyTable) };
}

export function cloneRule(r: NfRule): NfRule {
  return structuredClone(r);
}

export function cloneRuleset(rs: NfRuleset): NfRuleset {
  // plain data (numbers, strings, booleans, arrays): a JSON round trip is several times
  // faster than structuredClone in V8, and rules are cloned on every iptables call
  return JSON.parse(JSON.stringify(rs)) as NfRuleset;
}

export function getTable(rs: NfRuleset, name: NfTableName): NfTable {
  const t = rs.tables.find((x) => x.name === name);
  if (!t) throw new Error(`netfilter: no table ${name}`);
  return t;
}

export function isBuiltinName(table: NfTableName, chain: string): boolean {
  return (NF_BUILTIN_CHAINS[table] as readonly string[]).includes(chain);
}

/** Any chain object by name (absent built-ins included). */
export function chainByName(t: NfTable, name: string): NfChain | undefined {
  return t.chains.find((c) => c.name === name);
}

/** The chain as nf_tables knows it: user chains, and built-ins only once created. */
export function liveChain(t: NfTable, name: string): NfChain | undefined {
  const c = chainByName(t, name);
  return c && (!c.builtin || c.present) ? c : undefined;
}

/** nft_chain_exists: built-in names always count, user chains when they exist. */
export function chainNameExists(t: NfTable, name: string): boolean {
  return isBuiltinName(t.name, name) || chainByName(t, name) !== undefined;
}

/** nft_xt_builtin_init: create the table and one (or every) built-in chain. */
export function builtinInit(t: NfTable, chain?: string): void {
  t.exists = true;
  for (const c of t.chains) {
    if (!c.builtin || c.present) continue;
    if (chain !== undefined && c.name !== chain) continue;
    c.present = true;
    c.policy = 'ACCEPT';
    c.counters = { packets: 0, bytes: 0 };
    delete c.stats;
  }
}

export function jumpTarget(target: NfTarget): string | undefined {
  return target.kind === 'jump' || target.kind === 'goto' ? target.chain : undefined;
}

/** How many rules in the table jump to (or go to) the chain. */
export function references(t: NfTable, name: string): number {
  let n = 0;
  for (const c of t.chains) for (const r of c.rules) if (jumpTarget(r.target) === name) n++;
  return n;
}
