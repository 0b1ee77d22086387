// `ip link add|set DEV type bridge OPTIONS` (bridge_parse_opt): each option and its value,
// read and range-checked as ip does; the kernel checks the rest (src/subsystems/net/bridge-opts).
import type { BridgeOpts } from '../../shared/services/net';
import { llAddr } from './ip-inet';
import type { Ip } from './ip-session';
import { getUnsigned, IpExit, matches } from './ip-util';

/** [keyword, usage placeholder, largest value (0: no value, -1: a MAC, -2: a protocol)] in ip's order. */
const OPTIONS: [string, string, number][] = [
  ['fdb_flush', '', 0], ['forward_delay', 'FORWARD_DELAY', 0xffffffff], ['hello_time', 'HELLO_TIME', 0xffffffff],
  ['max_age', 'MAX_AGE', 0xffffffff], ['ageing_time', 'AGEING_TIME', 0xffffffff], ['stp_state', 'STP_STATE', 0xffffffff],
  ['priority', 'PRIORITY', 0xffff], ['group_fwd_mask', 'MASK', 0xffff], ['group_address', 'ADDRESS', -1],
  ['no_linklocal_learn', 'NO_LINKLOCAL_LEARN', 0xff], ['vlan_filtering', 'VLAN_FILTERING', 0xff], ['vlan_protocol', 'VLAN_PROTOCOL', -2],
  ['vlan_default_pvid', 'VLAN_DEFAULT_PVID', 0xffff], ['vlan_stats_enabled', 'VLAN_STATS_ENABLED', 0xff],
  ['vlan_stats_per_port', 'VLAN_STATS_PER_PORT', 0xff], ['mcast_snooping', 'MULTICAST_SNOOPING', 0xff],
  ['mcast_vlan_snooping', 'MULTICAST_VLAN_SNOOPING', 0xff], ['mcast_router', 'MULTICAST_ROUTER', 0xff],
  ['mcast_query_use_ifaddr', 'MCAST_QUERY_USE_IFADDR', 0xff], ['mcast_querier', 'MULTICAST_QUERIER', 0xff],
  ['mcast_hash_elasticity', 'HASH_ELASTICITY', 0xffffffff], ['mcast_hash_max', 'HASH_MAX', 0xffffffff],
  ['mcast_last_member_count', 'LAST_MEMBER_COUNT', 0xffffffff], ['mcast_startup_query_count', 'STARTUP_QUERY_COUNT', 0xffffffff],
  ['mcast_last_member_interval', 'LAST_MEMBER_INTERVAL', Number.MAX_SAFE_INTEGER],
  ['mcast_membership_interval', 'MEMBERSHIP_INTERVAL', Number.MAX_SAFE_INTEGER],
  ['mcast_querier_interval', 'QUERIER_INTERVAL', Number.MAX_SAFE_INTEGER], ['mcast_query_interval', 'QUERY_INTERVAL', Number.MAX_SAFE_INTEGER],
  ['mcast_query_response_interval', 'QUERY_RESPONSE_INTERVAL', Number.MAX_SAFE_INTEGER],
  ['mcast_startup_query_interval', 'STARTUP_QUERY_INTERVAL', Number.MAX_SAFE_INTEGER],
  ['mcast_stats_enabled', 'MCAST_STATS_ENABLED', 0xff], ['mcast_igmp_version', 'IGMP_VERSION', 0xff],
  ['mcast_mld_version', 'MLD_VERSION', 0xff], ['nf_call_iptables', 'NF_CALL_IPTABLES', 0xff],
  ['nf_call_ip6tables', 'NF_CALL_IP6TABLES', 0xff], ['nf_call_arptables', 'NF_CALL_ARPTABLES', 0xff],
];

/** The order the usage text lists them in (the snooping switch ahead of vlan snooping and the router). */
const USAGE_ORDER = [
  'fdb_flush', 'forward_delay', 'hello_time', 'max_age', 'ageing_time', 'stp_state', 'priority', 'group_fwd_mask', 'group_address',
  'no_linklocal_learn', 'vlan_filtering', 'vlan_protocol', 'vlan_default_pvid', 'vlan_stats_enabled', 'vlan_stats_per_port',
  'mcast_snooping', 'mcast_vlan_snooping', 'mcast_router', 'mcast_query_use_ifaddr', 'mcast_querier', 'mcast_hash_elasticity',
  'mcast_hash_max', 'mcast_last_member_count', 'mcast_startup_query_count', 'mcast_last_member_interval', 'mcast_membership_interval',
  'mcast_querier_interval', 'mcast_query_interval', 'mcast_query_response_interval', 'mcast_startup_query_interval',
  'mcast_stats_enabled', 'mcast_igmp_version', 'mcast_mld_version', 'nf_call_iptables', 'nf_call_ip6tables', 'nf_call_arptables',
];

function usage(): string {
  const lines = USAGE_ORDER.map((k, i) => {
    const arg = OPTIONS.find(([n]) => n === k)![1];
    return `${i === 0 ? 'Usage: ... bridge ' : '\t\t  '}[ ${k}${arg ? ` ${arg}` : ''} ]`;
  });
  return `${lines.join('\n')}\n\nWhere: VLAN_PROTOCOL := { 802.1Q | 802.1ad }\n`;
}

/** The option a word names (the first of the list it abbreviates); else `help` or an unknown
 *  word explains the usage on stderr and ends ip (exit 1), as the link kinds' parsers do. */
export function pickOption<T extends [string, ...unknown[]]>(ip: Ip, w: string, options: readonly T[], unknown: string, usage: () => string): T {
  const opt = options.find(([n]) => matches(w, n));
  if (opt) return opt;
  ip.err(matches(w, 'help') ? usage() : `${unknown} "${w}"?\n${usage()}`);
  throw new IpExit(1);
}

/** bridge_parse_opt: the options after `type bridge`. */
export function parseBridgeOpts(ip: Ip, words: readonly string[]): BridgeOpts {
  const out: BridgeOpts = {};
  for (let i = 0; i < words.length; i++) {
    const [name, , max] = pickOption(ip, words[i]!, OPTIONS, 'bridge: unknown command', usage);
    if (max === 0) {
      out[name] = 1;
      continue;
    }
    i++;
    if (i >= words.length) ip.incomplete();
    const v = words[i]!;
    if (max === -1) {
      // (a short address goes out as it is; the kernel refuses it)
      const mac = llAddr(ip, v);
      out[name] = mac.map((b) => b.toString(16).padStart(2, '0')).join(':');
    } else if (max === -2) {
      const proto = v === '802.1Q' ? 0x8100 : v === '802.1ad' ? 0x88a8 : getUnsigned(v, 0xffff);
      if (proto === null) ip.invarg(`invalid ${name}`, v);
      out[name] = proto!;
    } else {
      const n = getUnsigned(v, max);
      if (n === null) ip.invarg(`invalid ${name}`, v);
      out[name] = n!;
    }
  }
  return out;
}
