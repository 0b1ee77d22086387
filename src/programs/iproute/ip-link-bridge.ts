// `ip -d link` details of a bridge (ip/iplink_bridge.c) and of a bridge port
// (ip/iplink_bridge_slave.c), and the port fields `bridge link` prints. The simulated bridge
// runs without STP, VLAN filtering or multicast querier, so everything but the ids, the port
// numbers and states is at the kernel's defaults, and timers stand still.
import type { BridgeData, BridgePortData } from '../../shared/services/net';
import type { JsonValue, Printer } from './ip-print';

const STP_STATES = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];

/** An STP state word as bridge reads it: strtol over the whole word, else a state's exact name
 *  (parse_stp_state); null when it is neither. */
export function stpStateArg(v: string): number | null {
  if (/^[ \t\n\v\f\r]*[+-]?\d+$/.test(v)) return Number(v.trim()) | 0;
  const n = STP_STATES.indexOf(v);
  return n < 0 ? null : n;
}

/** A timer as `%4i.%.2i` (seconds and hundredths); all the simulated timers are idle. */
const IDLE_TIMER = '   0.00';

type Field = [label: string, key: string | null, value: JsonValue, text?: string];

function printFields(p: Printer, fields: Field[]): void {
  for (const [label, key, value, text] of fields) {
    if (key === null) {
      p.fp(`${label} ${text ?? String(value)} `);
      continue;
    }
    const shown = text ?? (typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
    p.any(key, `${label} ${shown} `, value);
  }
}

function timer(label: string, key: string): Field {
  return [label, key, { raw: '0.00' }, IDLE_TIMER];
}

export function printBridgeData(p: Printer, b: BridgeData): void {
  p.openObject('info_data');
  // the settings an administrator changed replace the defaults below, by label
  const set = b.opts ?? {};
  printFields(p, withSettings(set, [
    ['forward_delay', 'forward_delay', 1500], ['hello_time', 'hello_time', 200], ['max_age', 'max_age', 2000],
    ['ageing_time', 'ageing_time', 30000], ['stp_state', 'stp_state', 0], ['priority', 'priority', 32768],
    ['vlan_filtering', 'vlan_filtering', 0], ['bridge_id', 'bridge_id', b.bridgeId], ['designated_root', 'root_id', b.bridgeId],
    ['root_port', 'root_port', 0], ['root_path_cost', 'root_path_cost', 0], ['topology_change', 'topology_change', 0],
    ['topology_change_detected', 'topology_change_detected', 0], timer('hello_timer', 'hello_timer'), timer('tcn_timer', 'tcn_timer'),
    timer('topology_change_timer', 'topology_change_timer'), timer('gc_timer', 'gc_timer'), ['group_fwd_mask', 'group_fwd_mask', '0'],
    ['group_address', 'group_addr', '01:80:c2:00:00:00'], ['mcast_snooping', 'mcast_snooping', 1],
    ['no_linklocal_learn', 'no_linklocal_learn', 0], ['mcast_vlan_snooping', 'mcast_vlan_snooping', 0], ['mcast_router', 'mcast_router', 1],
    ['mcast_query_use_ifaddr', 'mcast_query_use_ifaddr', 0], ['mcast_querier', 'mcast_querier', 0],
    ['mcast_hash_elasticity', 'mcast_hash_elasticity', 16], ['mcast_hash_max', 'mcast_hash_max', 4096],
    ['mcast_last_member_count', 'mcast_last_member_cnt', 2], ['mcast_startup_query_count', 'mcast_startup_query_cnt', 2],
    ['mcast_last_member_interval', 'mcast_last_member_intvl', 100], ['mcast_membership_interval', 'mcast_membership_intvl', 26000],
    ['mcast_querier_interval', 'mcast_querier_intvl', 25500], ['mcast_query_interval', 'mcast_query_intvl', 12500],
    ['mcast_query_response_interval', 'mcast_query_response_intvl', 1000], ['mcast_startup_query_interval', 'mcast_startup_query_intvl', 3124],
    ['mcast_stats_enabled', 'mcast_stats_enabled', 0], ['mcast_igmp_version', 'mcast_igmp_version', 2],
    ['mcast_mld_version', 'mcast_mld_version', 1], ['nf_call_iptables', 'nf_call_iptables', 0],
    ['nf_call_ip6tables', 'nf_call_ip6tables', 0], ['nf_call_arptables', 'nf_call_arptables', 0],
  ]));
  p.closeObject();
}

function withSettings(set: Record<string, number | string>, fields: Field[]): Field[] {
  return fields.map((f) => {
    const v = set[f[0]];
    if (v === undefined) return f;
    // the forwarding mask prints in hex, as a string in JSON
    if (f[0] === 'group_fwd_mask') return [f[0], f[1], `0x${Number(v).toString(16)}`.replace(/^0x0$/, '0')];
    return [f[0], f[1], v];
  });
}

/** `0x8001`: the port id (priority in the top bits) and number as printed. */
function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

/** The fields `bridge link` prints for a port. */
export function printPortBasics(p: Printer, d: BridgePortData): void {
  printFields(p, [['state', 'state', d.state], ['priority', 'priority', d.priority], ['cost', 'cost', d.cost]]);
}

/** The port switches at their defaults: learning and flooding on, the rest off. */
const SWITCH_DEFAULTS: Record<string, boolean> = {
  hairpin: false, guard: false, root_block: false, fastleave: false, learning: true, flood: true, mcast_flood: true,
  bcast_flood: true, mcast_to_unicast: false, neigh_suppress: false, vlan_tunnel: false, isolated: false, locked: false,
  proxy_arp: false, proxy_arp_wifi: false,
};

function sw(name: string, set: Record<string, boolean> | undefined): Field {
  return [name, name, set?.[name] ?? SWITCH_DEFAULTS[name]!];
}

/** The per-port switches `bridge -d link` adds on its own line. */
export function printPortSwitches(p: Printer, set?: Record<string, boolean>): void {
  printFields(p, [
    sw('hairpin', set), sw('guard', set), sw('root_block', set), sw('fastleave', set), sw('learning', set), sw('flood', set),
    sw('mcast_flood', set), sw('bcast_flood', set), ['mcast_router', 'mcast_router', 1], sw('mcast_to_unicast', set),
    sw('neigh_suppress', set), sw('vlan_tunnel', set), sw('isolated', set), sw('locked', set),
  ]);
}

export function printBridgePortData(p: Printer, d: BridgePortData): void {
  const id = (d.priority << 10) | d.no;
  p.openObject('info_slave_data');
  printPortBasics(p, d);
  const set = d.switches;
  printFields(p, [
    sw('hairpin', set), sw('guard', set), sw('root_block', set), sw('fastleave', set),
    sw('learning', set), sw('flood', set), ['port_id', 'id', hex(id)], ['port_no', 'no', hex(d.no)],
    ['designated_port', 'designated_port', id], ['designated_cost', 'designated_cost', 0], ['designated_bridge', 'bridge_id', d.bridgeId],
    ['designated_root', 'root_id', d.bridgeId], timer('hold_timer', 'hold_timer'), timer('message_age_timer', 'message_age_timer'),
    timer('forward_delay_timer', 'forward_delay_timer'), ['topology_change_ack', 'topology_change_ack', 0], ['config_pending', 'config_pending', 0],
    sw('proxy_arp', set), sw('proxy_arp_wifi', set), ['mcast_router', 'multicast_router', 1],
    ['mcast_fast_leave', null, 'off', (set?.fastleave ?? false) ? 'on' : 'off'], sw('mcast_flood', set), sw('bcast_flood', set),
    sw('mcast_to_unicast', set), sw('neigh_suppress', set), ['group_fwd_mask', 'group_fwd_mask', '0'],
    ['group_fwd_mask_str', 'group_fwd_mask_str', '0x0'], sw('vlan_tunnel', set), sw('isolated', set), sw('locked', set),
  ]);
  p.closeObject();
}
