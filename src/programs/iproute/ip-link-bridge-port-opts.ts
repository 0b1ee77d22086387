// `ip link set DEV type bridge_slave OPTIONS` (bridge_slave_parse_opt): a bridge port's
// settings as IFLA_INFO_SLAVE_DATA. The kernel applies them as it does `bridge link set`'s
// (br_setport), so they go out as the same port change.
import type { BridgePortChange } from '../../shared/services/net';
import type { Ip } from './ip-session';
import { pickOption } from './ip-link-bridge-opts';
import { getUnsigned } from './ip-util';

/** [keyword, usage placeholder]: the options in the order ip tries them against a word. */
const OPTIONS: [string, string][] = [
  ['fdb_flush', ''], ['state', 'STATE'], ['priority', 'PRIO'], ['cost', 'COST'], ['hairpin', '{on | off}'],
  ['guard', '{on | off}'], ['root_block', '{on | off}'], ['fastleave', '{on | off}'], ['learning', '{on | off}'],
  ['flood', '{on | off}'], ['mcast_flood', '{on | off}'], ['bcast_flood', '{on | off}'], ['mcast_to_unicast', '{on | off}'],
  ['proxy_arp', '{on | off}'], ['proxy_arp_wifi', '{on | off}'], ['mcast_router', 'MULTICAST_ROUTER'],
  ['mcast_fast_leave', '{on | off}'], ['neigh_suppress', '{on | off}'], ['group_fwd_mask', 'MASK'],
  ['vlan_tunnel', '{on | off}'], ['isolated', '{on | off}'], ['locked', '{on | off}'], ['backup_port', 'DEVICE'],
  ['nobackup_port', ''],
];

/** The order the usage lists them in. */
const USAGE_ORDER = [
  'fdb_flush', 'state', 'priority', 'cost', 'guard', 'hairpin', 'fastleave', 'root_block', 'learning', 'flood', 'proxy_arp',
  'proxy_arp_wifi', 'mcast_router', 'mcast_fast_leave', 'mcast_flood', 'bcast_flood', 'mcast_to_unicast', 'group_fwd_mask',
  'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked', 'backup_port',
];

/** The on/off options and the port switch each sets (both fast-leave words set the same one). */
const SWITCH_OF: Record<string, string> = { mcast_fast_leave: 'fastleave' };

function usage(): string {
  const item = (k: string): string => {
    const arg = OPTIONS.find(([n]) => n === k)![1];
    return `[ ${k}${arg ? ` ${arg}` : ''} ]`;
  };
  const lines = USAGE_ORDER.map((k, i) => (i === 0 ? `Usage: ... bridge_slave ${item(k)}` : `\t\t\t${item(k)}`));
  lines[lines.length - 1] += ` ${item('nobackup_port')}`;
  return `${lines.join('\n')}\n`;
}

/** bridge_slave_parse_opt: the words after `type bridge_slave`. */
export function parseBridgePortOpts(ip: Ip, words: readonly string[], indexOf: (name: string) => number): BridgePortChange {
  const out: BridgePortChange = {};
  const switches: Record<string, boolean> = {};
  for (let i = 0; i < words.length; i++) {
    const [name, arg] = pickOption(ip, words[i]!, OPTIONS, 'bridge_slave: unknown option', usage);
    if (arg === '') continue; // fdb_flush, nobackup_port: no value (the simulated fdb keeps no port entries)
    i++;
    if (i >= words.length) ip.incomplete();
    const v = words[i]!;
    if (arg === '{on | off}') {
      switches[SWITCH_OF[name] ?? name] = ip.onOff(name, v, 1);
    } else if (name === 'backup_port') {
      if (!indexOf(v)) ip.invarg('Device does not exist\n', v);
    } else {
      const max = name === 'state' || name === 'mcast_router' ? 0xff : name === 'cost' ? 0xffffffff : 0xffff;
      const n = getUnsigned(v, max);
      const what = name === 'state' || name === 'priority' || name === 'cost' ? `${name} is invalid` : `invalid ${name}`;
      if (n === null) ip.invarg(what, v);
      if (name === 'state') out.state = n!;
      else if (name === 'priority') out.priority = n!;
      else if (name === 'cost') out.cost = n!;
    }
  }
  if (Object.keys(switches).length) out.switches = switches;
  return out;
}
