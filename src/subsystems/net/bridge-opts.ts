// br_changelink: the IFLA_BR_* settings of a bridge, applied in the kernel's order with its
// range checks. Times are clock_t (hundredths of a second) stored as jiffies; at HZ=250 an odd
// value reads back one less. This kernel has no VLAN filtering, so asking for it fails.
import type { BridgeOpts, NetError } from '../../shared/services/net';
import { err } from './fib';
import type { Link } from './state';

const HZ = 250;
/** clock_t -> jiffies -> clock_t, as the value reads back */
const jiffies = (v: number): number => Math.floor((v * HZ) / 100);
const ticks = (v: number): number => Math.floor((jiffies(v) * 100) / HZ);
/** a time's range check, made on jiffies: lo and hi in hundredths */
const outside = (v: number, lo: number, hi: number): boolean => jiffies(v) < (lo * HZ) / 100 || jiffies(v) > (hi * HZ) / 100;

/** Settings read back as 0 or 1. */
const BOOLS = new Set(['mcast_snooping', 'mcast_query_use_ifaddr', 'mcast_querier', 'mcast_stats_enabled', 'nf_call_iptables', 'nf_call_ip6tables', 'nf_call_arptables', 'no_linklocal_learn']);
/** Plain numbers kept as given. */
const PLAIN = new Set(['mcast_hash_max', 'mcast_last_member_count', 'mcast_startup_query_count', 'group_fwd_mask']);
/** Intervals (clock_t). */
const TIMES = new Set(['mcast_last_member_interval', 'mcast_membership_interval', 'mcast_querier_interval', 'mcast_query_response_interval']);
/** Intervals with a floor of one second. */
const FLOORED = new Set(['mcast_query_interval', 'mcast_startup_query_interval']);
/** Accepted but not kept (what needs VLAN support, and the fixed hash elasticity). */
const IGNORED = new Set(['vlan_protocol', 'vlan_default_pvid', 'vlan_stats_enabled', 'vlan_stats_per_port', 'mcast_hash_elasticity', 'fdb_flush']);

/** The order br_changelink looks at the attributes. */
const ORDER = [
  'forward_delay', 'hello_time', 'max_age', 'ageing_time', 'stp_state', 'priority', 'vlan_filtering', 'vlan_protocol',
  'group_fwd_mask', 'group_address', 'fdb_flush', 'mcast_router', 'mcast_snooping', 'mcast_query_use_ifaddr', 'mcast_querier',
  'mcast_hash_elasticity', 'mcast_hash_max', 'mcast_last_member_count', 'mcast_startup_query_count', 'mcast_last_member_interval',
  'mcast_membership_interval', 'mcast_querier_interval', 'mcast_query_interval', 'mcast_query_response_interval',
  'mcast_startup_query_interval', 'mcast_stats_enabled', 'mcast_igmp_version', 'mcast_mld_version', 'nf_call_iptables',
  'nf_call_ip6tables', 'nf_call_arptables', 'vlan_default_pvid', 'vlan_stats_enabled', 'vlan_stats_per_port',
  'no_linklocal_learn', 'mcast_vlan_snooping',
];

/** The value a setting has (set or default) for the checks that depend on another one. */
export function stpOn(opts: BridgeOpts): boolean {
  return Number(opts.stp_state ?? 0) !== 0;
}

/** Applies `req` to a bridge's settings; on an error nothing changes. */
export function applyBridgeOpts(l: Link, req: BridgeOpts): NetError | null {
  if (!l.bridge) return err('EOPNOTSUPP');
  const opts: BridgeOpts = { ...(l.bridge.opts ?? {}) };
  for (const key of ORDER) {
    const raw = req[key];
    if (raw === undefined) continue;
    const v = typeof raw === 'number' ? raw : 0;
    switch (key) {
      case 'forward_delay': {
        if (stpOn(opts) && outside(v, 200, 3000)) return err('ERANGE');
        opts[key] = ticks(v);
        break;
      }
      case 'hello_time':
      case 'max_age': {
        const [lo, hi] = key === 'hello_time' ? [100, 1000] : [600, 4000];
        if (outside(v, lo, hi)) return err('ERANGE');
        opts[key] = ticks(v);
        break;
      }
      case 'ageing_time':
        opts[key] = ticks(v);
        break;
      case 'stp_state':
      case 'mcast_snooping':
        opts[key] = v ? 1 : 0;
        break;
      case 'priority':
        opts[key] = v;
        break;
      case 'vlan_filtering':
        return err('EOPNOTSUPP');
      case 'mcast_vlan_snooping':
        if (v) return err('EINVAL', 'bridge: Cannot enable multicast vlan snooping with vlan filtering disabled');
        break;
      case 'group_fwd_mask':
        if (v & 0x7) return err('EINVAL');
        opts[key] = v;
        break;
      case 'group_address': {
        const mac = String(raw).split(':').map((h) => parseInt(h, 16));
        const linkLocal = mac[0] === 0x01 && mac[1] === 0x80 && mac[2] === 0xc2 && mac[3] === 0 && mac[4] === 0 && mac[5]! <= 0x0f;
        if (!linkLocal || mac[5] === 1 || mac[5] === 2 || mac[5] === 3) return err('EINVAL');
        opts[key] = mac.map((b) => b.toString(16).padStart(2, '0')).join(':');
        break;
      }
      case 'mcast_router':
        if (v > 2) return err('EINVAL');
        opts[key] = v;
        break;
      case 'mcast_igmp_version':
        if (v !== 2 && v !== 3) return err('EINVAL');
        opts[key] = v;
        break;
      case 'mcast_mld_version':
        if (v !== 1 && v !== 2) return err('EINVAL');
        opts[key] = v;
        break;
      default:
        if (IGNORED.has(key)) break;
        if (BOOLS.has(key)) opts[key] = v ? 1 : 0;
        else if (PLAIN.has(key)) opts[key] = v;
        else if (TIMES.has(key)) opts[key] = ticks(v);
        else if (FLOORED.has(key)) opts[key] = Math.max(100, ticks(v));
    }
  }
  l.bridge.opts = opts;
  return null;
}

