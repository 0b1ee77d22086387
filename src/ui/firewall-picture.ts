// The firewall as the state inspector draws it: tables in netfilter's order, built-in chains in
// the order a packet meets them, and each rule split into what it matches and its verdict.
import type { MachineState } from '../shared/lessons';

export type FirewallChain = MachineState['firewall'][number];

export interface RuleView {
  /** the match part in iptables -S form ("" when the rule matches every packet) */
  match: string;
  /** the target (ACCEPT, DROP, a user chain, ...; "" for a counting-only rule) */
  target: string;
  /** the target's own options (--reject-with ..., --to-destination ...) */
  targetOptions: string;
  /** -g (goto) rather than -j (jump) */
  goto: boolean;
  kind: 'accept' | 'drop' | 'reject' | 'nat' | 'chain' | 'other';
  packets: number;
  bytes: number;
}

export interface ChainView {
  table: string;
  name: string;
  policy?: string;
  builtin: boolean;
  rules: RuleView[];
  /** an element id for links from jumps */
  anchor: string;
}

export interface TableView {
  name: string;
  /** where packets meet this table's chains, in words */
  path: string;
  chains: ChainView[];
}

const TABLE_ORDER = ['raw', 'mangle', 'nat', 'filter', 'security'];
const CHAIN_ORDER = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];
const PATHS = new Map([
  ['filter', 'incoming → INPUT → local process; routed through → FORWARD; local process → OUTPUT → out'],
  ['nat', 'new connections: PREROUTING (DNAT) → routing → INPUT / OUTPUT → POSTROUTING (SNAT, MASQUERADE)'],
  ['mangle', 'every packet: PREROUTING → INPUT / FORWARD / OUTPUT → POSTROUTING'],
  ['raw', 'before connection tracking: PREROUTING, OUTPUT'],
  ['security', 'after filter: INPUT, FORWARD, OUTPUT (SELinux marks)'],
]);

function kindOf(target: string, chains: Set<string>): RuleView['kind'] {
  if (target === 'ACCEPT') return 'accept';
  if (target === 'DROP') return 'drop';
  if (target === 'REJECT') return 'reject';
  if (target === 'DNAT' || target === 'SNAT' || target === 'MASQUERADE' || target === 'REDIRECT') return 'nat';
  if (chains.has(target)) return 'chain';
  return 'other';
}

export function anchorOf(table: string, chain: string): string {
  return `fw-${table}-${chain}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Splits an `iptables -S` rule ("-A INPUT -p tcp --dport 80 -j ACCEPT") into its parts. */
export function parseRule(spec: string, userChains: Set<string>): Omit<RuleView, 'packets' | 'bytes'> {
  const body = spec.replace(/^\s*-A\s+\S+\s*/, '');
  const m = /(?:^|\s)(-j|--jump|-g|--goto)\s+(\S+)(.*)$/.exec(body);
  if (!m) return { match: body.trim(), target: '', targetOptions: '', goto: false, kind: 'other' };
  const target = m[2] ?? '';
  return {
    match: body.slice(0, m.index).trim(),
    target,
    targetOptions: (m[3] ?? '').trim(),
    goto: m[1] === '-g' || m[1] === '--goto',
    kind: kindOf(target, userChains),
  };
}

function rank(list: string[], name: string): number {
  const i = list.indexOf(name);
  return i < 0 ? list.length : i;
}

/** The firewall grouped into tables and ordered for drawing. */
export function firewallPicture(chains: FirewallChain[]): TableView[] {
  const tables = new Map<string, FirewallChain[]>();
  for (const c of chains) {
    const list = tables.get(c.table) ?? [];
    list.push(c);
    tables.set(c.table, list);
  }
  return [...tables.entries()]
    .sort(([a], [b]) => rank(TABLE_ORDER, a) - rank(TABLE_ORDER, b) || a.localeCompare(b))
    .map(([table, list]) => {
      const userChains = new Set(list.filter((c) => !CHAIN_ORDER.includes(c.chain)).map((c) => c.chain));
      const sorted = [...list].sort((a, b) => rank(CHAIN_ORDER, a.chain) - rank(CHAIN_ORDER, b.chain) || a.chain.localeCompare(b.chain));
      return {
        name: table,
        path: PATHS.get(table) ?? '',
        chains: sorted.map((c) => ({
          table,
          name: c.chain,
          ...(c.policy !== undefined ? { policy: c.policy } : {}),
          builtin: CHAIN_ORDER.includes(c.chain),
          anchor: anchorOf(table, c.chain),
          rules: c.rules.map((r) => ({ ...parseRule(r.spec, userChains), packets: r.packets, bytes: r.bytes })),
        })),
      };
    });
}
