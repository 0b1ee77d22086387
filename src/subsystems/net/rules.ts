// Policy routing rules (fib_rules): one ordered list per family, the kernel's defaults at
// boot, RTM_NEWRULE/RTM_DELRULE semantics (default priority, insertion after equal
// priorities, NLM_F_EXCL duplicates, deletion of the first rule matching what was given).
// The requests travel through the `net` service as kinds of their own (getrules, newrule,
// delrule, flushrules); `ip route get` looks routes up through them (policy.ts).
import type { NetError } from '../../shared/services/net';
import { err } from './fib';

export interface FibRule {
  family: 4 | 6;
  pref: number;
  not: boolean;
  src?: string;
  srcLen: number;
  dst?: string;
  dstLen: number;
  tos: number;
  fwmark?: number;
  fwmask?: number;
  iif?: string;
  oif?: string;
  ipproto?: number;
  sport?: [number, number];
  dport?: [number, number];
  uidrange?: [number, number];
  suppressPrefixlen?: number;
  suppressIfgroup?: number;
  /** FRA_L3MDEV: look the route up in the table of the packet's VRF device */
  l3mdev?: boolean;
  /** 0 for rules whose action is not a table lookup */
  table: number;
  /** FR_ACT_TO_TBL (1), FR_ACT_GOTO (2, to the rule of priority `target`), or the route type of blackhole (6), unreachable (7), prohibit (8) */
  action: number;
  target?: number;
  /** FRA_PROTOCOL: who made the rule (0 unspec when not said, 2 kernel for the boot rules) */
  protocol?: number;
  /** FRA_FLOW: the realms (from << 16 | to) an IPv4 rule gives the route it finds; 0 none */
  flow?: number;
  /** In a dump: a goto whose target priority has no rule (FIB_RULE_UNRESOLVED) */
  unresolved?: boolean;
}

/** A rule as given to add or delete: priority may be absent (add: the default one; del: any). */
/** Whether `rules` hold more for `family` than the kernel's own (local, main, default): then lookups go by policy. */
export function hasCustomRules(rules: readonly FibRule[], family: 4 | 6): boolean {
  const boot = family === 4 ? [[0, 255], [32766, 254], [32767, 253]] : [[0, 255], [32766, 254]];
  const mine = rules.filter((r) => r.family === family);
  if (mine.length !== boot.length) return true;
  return mine.some((r, i) => r.pref !== boot[i]![0] || r.table !== boot[i]![1] || r.action !== 1 || r.not || r.srcLen || r.dstLen || r.tos ||
    r.fwmark !== undefined || r.iif !== undefined || r.oif !== undefined || r.uidrange || r.ipproto !== undefined || r.suppressPrefixlen !== undefined);
}

export type RuleSpec = Omit<FibRule, 'pref'> & { pref?: number };

export type RuleRequest =
  | { kind: 'getrules'; family: 4 | 6 }
  | { kind: 'newrule'; rule: RuleSpec }
  | { kind: 'delrule'; rule: Partial<RuleSpec> & { family: 4 | 6 } }
  | { kind: 'flushrules'; family: 4 | 6 };

export const RULE_KINDS = new Set(['getrules', 'newrule', 'delrule', 'flushrules']);

function defaults(): FibRule[] {
  const r = (family: 4 | 6, pref: number, table: number): FibRule => ({ family, pref, not: false, srcLen: 0, dstLen: 0, tos: 0, table, action: 1, protocol: 2 });
  return [r(4, 0, 255), r(4, 32766, 254), r(4, 32767, 253), r(6, 0, 255), r(6, 32766, 254)];
}

const SAME_KEYS: readonly (keyof FibRule)[] = ['pref', 'not', 'src', 'srcLen', 'dst', 'dstLen', 'tos', 'fwmark', 'fwmask', 'iif', 'oif', 'ipproto', 'sport', 'dport', 'uidrange', 'suppressPrefixlen', 'suppressIfgroup', 'l3mdev', 'table', 'action', 'target', 'protocol', 'flow'];

const same = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a[0] === b[0] && a[1] === b[1] : a === b);

/** The FIB tables that exist, per family (the routing side's; rules make some). */
export type FibTables = { 4: number[]; 6: number[] };

/**
 * fib_nl2rule's checks of the ranges: a UID range of valid UIDs (not -1) in order, and port
 * ranges (fib_rule_port_range_valid) without 0 or 65535, in order.
 */
function invalidRanges(spec: Partial<RuleSpec>): NetError | null {
  const u = spec.uidrange;
  if (u && (u[0] === 0xffffffff || u[1] === 0xffffffff || u[0] > u[1])) return err('EINVAL', 'Invalid uid range');
  for (const [k, name] of [['sport', 'sport'], ['dport', 'dport']] as const) {
    const r = spec[k];
    if (r && (r[0] === 0 || r[1] === 0 || r[1] >= 0xffff || r[0] > r[1])) return err('EINVAL', `Invalid ${name} range`);
  }
  return null;
}

export class FibRules {
  private rules: FibRule[] = defaults();

  constructor(private readonly tables: () => FibTables = () => ({ 4: [], 6: [] })) {}
  /** An IPv4 rule was added or deleted: fib_unmerge split the local table from main's trie. */
  private unmerged = false;

  /** Whether an IPv4 rule was ever added or deleted (fib_has_custom_rules): lookups go by the rules. */
  get ruled4(): boolean {
    return this.unmerged;
  }

  /** Every rule, for route lookups. */
  get all(): readonly FibRule[] {
    return this.rules;
  }

  handle(req: RuleRequest): { ok: true; rules?: FibRule[]; unmerged?: boolean } | NetError {
    switch (req.kind) {
      case 'getrules':
        return {
          ok: true,
          rules: this.rules.filter((r) => r.family === req.family).map((r) => {
            const unresolved = r.action === 2 && !this.rules.some((o) => o.family === r.family && o.pref === r.target);
            return unresolved ? { ...r, unresolved } : { ...r };
          }),
          ...(req.family === 4 ? { unmerged: this.unmerged } : {}),
        };
      case 'newrule':
      case 'delrule': {
        const r = req.kind === 'newrule' ? this.add(req.rule) : this.del(req.rule);
        if (!('errno' in r) && req.rule.family === 4) this.unmerged = true;
        return r;
      }
      case 'flushrules':
        // iproute2 deletes every rule it lists; the kernel keeps the priority-0 rule
        {
          const before = this.rules.length;
          this.rules = this.rules.filter((r) => r.family !== req.family || r.pref === 0);
          if (req.family === 4 && this.rules.length !== before) this.unmerged = true;
        }
        return { ok: true };
    }
  }

  /** fib_default_rule_pref: one below the second rule's priority, when that is not 0. */
  private defaultPref(family: 4 | 6): number {
    const list = this.rules.filter((r) => r.family === family);
    const second = list[1];
    return second && second.pref ? second.pref - 1 : 0;
  }

  private add(spec: RuleSpec): { ok: true } | NetError {
    const bad = invalidRanges(spec);
    if (bad) return bad;
    const rule: FibRule = { ...spec, pref: spec.pref ?? this.defaultPref(spec.family), protocol: spec.protocol ?? 0 };
    // only IPv4 rules keep realms (and only when there are some)
    if (rule.family === 6 || !rule.flow) delete rule.flow;
    if (rule.l3mdev && rule.table) return err('EINVAL', 'l3mdev and table are mutually exclusive');
    if (rule.action === 2 && (rule.target === undefined || rule.target <= rule.pref)) return err('EINVAL', 'Backward goto not supported.');
    const e = this.configure(rule);
    if (e) return e;
    const list = this.rules.filter((r) => r.family === rule.family);
    if (list.some((r) => SAME_KEYS.every((k) => same(r[k], rule[k])))) return err('EEXIST');
    const after = [...this.rules].reverse().find((r) => r.family === rule.family && r.pref <= rule.pref);
    const idx = after ? this.rules.indexOf(after) + 1 : this.rules.findIndex((r) => r.family === rule.family);
    this.rules.splice(idx < 0 ? this.rules.length : idx, 0, rule);
    return { ok: true };
  }

  /**
   * fib4_rule_configure / fib6_rule_configure for a lookup rule: IPv4 gives table 0 the first
   * table not in use (made now), IPv6 refuses it and makes the table the rule names.
   */
  private configure(rule: FibRule): NetError | null {
    if (rule.action !== 1 || rule.l3mdev) return null;
    const tables = this.tables()[rule.family];
    if (rule.table === 0) {
      if (rule.family === 6) return err('EINVAL', 'Invalid table');
      let id = 1;
      while (tables.includes(id)) id++;
      rule.table = id;
      tables.push(id);
    } else if (rule.family === 6 && !tables.includes(rule.table)) {
      tables.push(rule.table);
    }
    return null;
  }

  private del(spec: Partial<RuleSpec> & { family: 4 | 6 }): { ok: true } | NetError {
    const bad = invalidRanges(spec);
    if (bad) return bad;
    const given = SAME_KEYS.filter((k) => spec[k] !== undefined && !(k === 'not' && spec.not === false) && !((k === 'srcLen' || k === 'dstLen' || k === 'tos' || k === 'protocol') && spec[k] === 0) && !(k === 'flow' && spec.family === 6));
    // a rule without realms has flow 0
    const value = (r: Partial<RuleSpec>, k: keyof FibRule): unknown => (k === 'flow' ? (r.flow ?? 0) : r[k]);
    const i = this.rules.findIndex((r) => r.family === spec.family && given.every((k) => same(value(r, k), value(spec, k))));
    if (i < 0) return err('ENOENT');
    this.rules.splice(i, 1);
    return { ok: true };
  }
}
