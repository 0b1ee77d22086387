// Whether connection tracking runs for a family: nf_conntrack hooks into a network namespace
// only while some rule needs it (a check that calls nf_ct_netns_get: state and conntrack
// matches, connmark, connlimit, connbytes, helper, cluster, connlabel, the NAT targets, CONNMARK,
// CONNSECMARK, SYNPROXY and CT other than --notrack). Without it no connection is tracked, and
// the nat chains, which only see a connection's first packet, see nothing.
import type { NfRule, NfRuleset } from '../../shared/services/netfilter';

const CT_MATCHES = new Set(['conntrack', 'state', 'connmark', 'connlimit', 'connbytes', 'helper', 'cluster', 'connlabel']);
const CT_TARGETS = new Set(['SNAT', 'DNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP', 'CONNMARK', 'CONNSECMARK', 'SYNPROXY']);

function usesConntrack(r: NfRule): boolean {
  if (r.matches.some((m) => CT_MATCHES.has(m.kind))) return true;
  const t = r.target;
  return CT_TARGETS.has(t.kind) || (t.kind === 'CT' && !t.notrack);
}

export function conntrackInUse(rs: NfRuleset): boolean {
  return rs.tables.some((t) => t.chains.some((c) => c.rules.some(usesConntrack)));
}
