// What the kernel refuses when a batch is committed: jumps to base chains, jump loops reachable
// from a base chain (EMLINK here), and targets used outside the table/hooks they are written
// for (x_tables' checkentry: REJECT only in filter INPUT/FORWARD/OUTPUT, DNAT only in nat
// PREROUTING/OUTPUT, ...). Hooks are checked once a chain is reachable from a base chain.
import type { NfErrno, NfHook, NfRule, NfTable, NfTableName } from '../../shared/services/netfilter';
import { chainByName, isBuiltinName, jumpTarget } from './ruleset';

import { extChecks } from './match';

interface Restriction {
  /** absent: any table */
  table?: NfTableName;
  hooks: readonly NfHook[];
}

const ALL_HOOKS: readonly NfHook[] = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'];

const RESTRICTED: Readonly<Partial<Record<string, Restriction>>> = {
  REJECT: { table: 'filter', hooks: ['INPUT', 'FORWARD', 'OUTPUT'] },
  DNAT: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
  SNAT: { table: 'nat', hooks: ['POSTROUTING', 'INPUT'] },
  MASQUERADE: { table: 'nat', hooks: ['POSTROUTING'] },
  REDIRECT: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
  CT: { table: 'raw', hooks: ['PREROUTING', 'OUTPUT'] },
  TTL: { table: 'mangle', hooks: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] },
  TOS: { table: 'mangle', hooks: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'] },
  DSCP: { table: 'mangle', hooks: ALL_HOOKS },
  CHECKSUM: { table: 'mangle', hooks: ALL_HOOKS },
  CLASSIFY: { hooks: ['FORWARD', 'OUTPUT', 'POSTROUTING'] },
  TPROXY: { table: 'mangle', hooks: ['PREROUTING'] },
  SYNPROXY: { hooks: ['INPUT', 'FORWARD'] },
  NETMAP: { table: 'nat', hooks: ALL_HOOKS },
  ECN: { table: 'mangle', hooks: ALL_HOOKS },
  TCPOPTSTRIP: { table: 'mangle', hooks: ALL_HOOKS },
  HL: { table: 'mangle', hooks: ALL_HOOKS },
  SNPT: { table: 'mangle', hooks: ['INPUT', 'POSTROUTING'] },
  DNPT: { table: 'mangle', hooks: ['PREROUTING', 'OUTPUT'] },
};

/** Checks one new rule on its own (the kernel's checkentry at rule-add time). */
export function checkRule(table: NfTable, rule: NfRule, tables: readonly NfTable[] = [table]): NfErrno | null {
  // an inverted match on a zero-length address prefix is refused by nf_tables
  if ((rule.srcInv && /^[0.:]*$/.test(rule.src.mask)) || (rule.dstInv && /^[0.:]*$/.test(rule.dst.mask))) return 'EINVAL';
  const jt = jumpTarget(rule.target);
  // a jump to a built-in chain: nft refuses a base chain as a jump target, and one nft has not
  // created yet is not found
  if (jt !== undefined && isBuiltinName(table.name, jt)) return chainByName(table, jt)?.present ? 'EOPNOTSUPP' : 'ENOENT';
  const r = RESTRICTED[rule.target.kind];
  if (r?.table && r.table !== table.name) return 'EINVAL';
  // matches that read a transport header need the rule to be for that protocol
  // (xt_tcpudp, xt_icmp, xt_multiport checkentry)
  const only = (p: number): boolean => rule.proto === p && !rule.protoInv;
  // (iptables turns tcp/udp port matches into nft payload expressions; only a match it keeps
  // as an xt match -- all defaults, or a --tcp-option -- meets that check)
  const full = (r: readonly [number, number]): boolean => r[0] === 0 && r[1] === 0xffff;
  for (const m of rule.matches) {
    if (m.kind === 'icmp' && !only(1)) return 'EINVAL';
    if (m.kind === 'icmp6' && !only(58)) return 'EINVAL';
    const portsDefault = (m.kind === 'tcp' || m.kind === 'udp') && full(m.sport) && full(m.dport) && !m.sportInv && !m.dportInv;
    if (m.kind === 'tcp' && (m.option !== 0 || m.optionInv || (portsDefault && m.flagsMask === 0 && !m.flagsInv)) && !only(6)) return 'EINVAL';
    if (m.kind === 'udp' && portsDefault && !only(17)) return 'EINVAL';
    if (m.kind === 'multiport' && (rule.protoInv || ![6, 17, 136, 132, 33].includes(rule.proto))) return 'EINVAL';
    // cgroup_mt_check_v2: a path or a class id, not both; only the root of the (v1-mounted)
    // hierarchy resolves as a path
    if (m.kind === 'cgroup' && ((m.path === undefined) === (m.classid === undefined) || (m.path !== undefined && m.path !== '/'))) return 'EINVAL';
    // addrtype: not both interface limits; IPv6 knows no broadcast, blackhole, or the types
    // from PROHIBIT on
    if (m.kind === 'addrtype') {
      if (m.limitIn && m.limitOut) return 'EINVAL';
      const types = m.src | m.dst;
      if (rule.src.addr.includes(':') && (types & 0x48 || types >= 0x100)) return 'EINVAL';
    }
    // owner_check: a uid or gid range may not run backwards
    if (m.kind === 'owner' && ((m.uid && m.uid[1] < m.uid[0]) || (m.gid && m.gid[1] < m.gid[0]))) return 'EINVAL';
    // xt_mh is registered for the mobility header protocol only
    if (m.kind === 'mh' && !only(135)) return 'EINVAL';
    // xt_rpfilter: only in the raw and mangle tables
    if (m.kind === 'rpfilter' && table.name !== 'raw' && table.name !== 'mangle') return 'EINVAL';
    const why = extChecks()?.checkExtMatch(m, rule.src.addr.includes(':') ? 'ipv6' : 'ipv4', only);
    if (why) return why;
  }
  const why = extChecks()?.checkRareExt(table, rule, tables);
  if (why) return why;
  // REJECT --reject-with tcp-reset needs a rule that only matches TCP
  if (rule.target.kind === 'REJECT' && rule.target.with === 'tcp-reset' && (rule.proto !== 6 || rule.protoInv)) return 'EINVAL';
  // xt_TCPMSS, SYNPROXY and TCPOPTSTRIP are registered for IPPROTO_TCP only
  if ((rule.target.kind === 'TCPMSS' || rule.target.kind === 'SYNPROXY' || rule.target.kind === 'TCPOPTSTRIP') && !only(6)) return 'EINVAL';
  // TPROXY needs a TCP or UDP rule; ECN's TCP bits a TCP one
  if (rule.target.kind === 'TPROXY' && !only(6) && !only(17)) return 'EINVAL';
  if (rule.target.kind === 'ECN' && rule.target.ops & 3 && !only(6)) return 'EINVAL';
  return null;
}

/** For every chain, the hooks of the base chains it is reachable from. */
function reachingHooks(table: NfTable): Map<string, Set<NfHook>> {
  const out = new Map<string, Set<NfHook>>();
  const byName = new Map(table.chains.map((c) => [c.name, c]));
  for (const base of table.chains) {
    if (!base.builtin || !base.present) continue;
    const hook = base.name as NfHook;
    const stack = [base.name];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      let set = out.get(name);
      if (!set) out.set(name, (set = new Set()));
      set.add(hook);
      for (const r of byName.get(name)?.rules ?? []) {
        const j = jumpTarget(r.target);
        if (j !== undefined && !seen.has(j)) stack.push(j);
      }
    }
  }
  return out;
}

/** True when a jump loop can be reached from a base chain. */
function hasReachableLoop(table: NfTable): boolean {
  const byName = new Map(table.chains.map((c) => [c.name, c]));
  const state = new Map<string, 1 | 2>(); // 1 on the path, 2 done
  const visit = (name: string): boolean => {
    const s = state.get(name);
    if (s === 1) return true;
    if (s === 2) return false;
    state.set(name, 1);
    for (const r of byName.get(name)?.rules ?? []) {
      const j = jumpTarget(r.target);
      if (j !== undefined && visit(j)) return true;
    }
    state.set(name, 2);
    return false;
  };
  return table.chains.some((c) => c.builtin && c.present && visit(c.name));
}

/** Matches the kernel allows only at some hooks (xt_owner: local output; xt_mac: incoming). */
const MATCH_HOOKS: Readonly<Partial<Record<string, readonly NfHook[]>>> = {
  owner: ['OUTPUT', 'POSTROUTING'],
  mac: ['PREROUTING', 'INPUT', 'FORWARD'],
  socket: ['PREROUTING', 'INPUT'],
  realm: ['INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  rpfilter: ['PREROUTING'],
  eui64: ['PREROUTING', 'INPUT', 'FORWARD'],
  cgroup: ['INPUT', 'OUTPUT', 'POSTROUTING'],
  osf: ['PREROUTING', 'INPUT', 'FORWARD'],
};

/** The hooks a match with these options may be reached from (devgroup_mt_checkentry, policy_mt_check). */
function matchHookOk(m: NfRule['matches'][number], h: NfHook): boolean {
  if (m.kind === 'devgroup') {
    if (m.src && !['PREROUTING', 'INPUT', 'FORWARD'].includes(h)) return false;
    if (m.dst && !['FORWARD', 'OUTPUT', 'POSTROUTING'].includes(h)) return false;
  }
  // addrtype_mt_checkentry: the input interface is not known after routing, nor the output
  // one before it
  if (m.kind === 'addrtype') {
    if (m.limitIn && (h === 'POSTROUTING' || h === 'OUTPUT')) return false;
    if (m.limitOut && (h === 'PREROUTING' || h === 'INPUT')) return false;
  }
  if (m.kind === 'policy') {
    if (m.dir === 'out' && (h === 'PREROUTING' || h === 'INPUT')) return false;
    if (m.dir === 'in' && (h === 'POSTROUTING' || h === 'OUTPUT')) return false;
  }
  return true;
}

/** Checks the whole table after a change: loops first, then targets against their hooks. */
export function checkTable(table: NfTable): NfErrno | null {
  if (hasReachableLoop(table)) return 'EMLINK';
  const hooks = reachingHooks(table);
  for (const c of table.chains) {
    const reach = hooks.get(c.name);
    if (!reach) continue;
    for (const r of c.rules) {
      const res = RESTRICTED[r.target.kind];
      for (const h of reach) if (res && !res.hooks.includes(h)) return 'EINVAL';
      // path-MTU clamping only in FORWARD, OUTPUT and POSTROUTING (tcpmss_tg4_check)
      if (r.target.kind === 'TCPMSS' && r.target.mss === 0xffff) for (const h of reach) if (!['FORWARD', 'OUTPUT', 'POSTROUTING'].includes(h)) return 'EINVAL';
      for (const m of r.matches) {
        const hooks = MATCH_HOOKS[m.kind];
        for (const h of reach) if (hooks && !hooks.includes(h)) return 'EINVAL';
        if (m.kind === 'physdev') for (const h of reach) if (extChecks()?.physdevHookOk(m, h) === false) return 'EINVAL';
        // (checkentry sees the hook of a base chain only: a user chain's rules pass, and a
        // later jump to them is not checked again)
        if (c.builtin && !matchHookOk(m, c.name as NfHook)) return 'EINVAL';
      }
    }
  }
  return null;
}
