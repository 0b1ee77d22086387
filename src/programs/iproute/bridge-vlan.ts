// `bridge vlan` (bridge/vlan.c). The simulated kernel's bridges have no VLAN filtering
// (CONFIG_BRIDGE_VLAN_FILTERING off, as `ip link set BR type bridge vlan_filtering 1` says), so no
// port has a VLAN: the listings show only their headings, an added VLAN is refused and a
// deleted one is quietly not there. The requests are checked as ip and the kernel do first.
import type { LinkMsg, NetError } from '../../shared/services/net';
import { stpStateArg } from './ip-link-bridge';
import type { Ip } from './ip-session';
import { atoi, getUnsigned, matches, toSigned } from './ip-util';

const BRIDGE_FLAGS_MASTER = 1;
const BRIDGE_FLAGS_SELF = 2;
/** VLAN_VID_MASK: the kernel takes ids 1-4094. */
const VID_MASK = 0xfff;

/** parse_tunnel_info: `tunnel_info id ID[-ID]`, ids below 2^24; the cursor ends on the last word. */
function tunnelInfo(ip: Ip, argv: readonly string[], i: number): number {
  if (++i >= argv.length) ip.incomplete();
  if (!matches(argv[i]!, 'id')) ip.invarg('tunnel id expected', argv[i]!);
  if (++i >= argv.length) ip.incomplete();
  for (const part of argv[i]!.split('-', 2)) {
    const n = getUnsigned(part);
    if (n === null || n >= 1 << 24) ip.invarg('invalid tun id', part);
  }
  return i;
}

/** vlan_modify: `{add|del} vid VID[-VID] dev DEV [pvid] [untagged] [self] [master] [tunnel_info id ID]`. */
async function modify(ip: Ip, add: boolean, argv: readonly string[]): Promise<number> {
  let dev: string | undefined;
  let vid = -1;
  let vidEnd = -1;
  let range = false;
  let pvid = false;
  let flags = 0;
  let tunnel = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      if (++i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'dev') dev = next();
    else if (w === 'vid') {
      // ids are read with atoi into a short
      const v = next();
      const dash = v.indexOf('-');
      vid = toSigned(atoi(dash < 0 ? v : v.slice(0, dash)), 16);
      if (dash >= 0) {
        vidEnd = toSigned(atoi(v.slice(dash + 1)), 16);
        range = true;
      }
    } else if (w === 'self') flags |= BRIDGE_FLAGS_SELF;
    else if (w === 'master') flags |= BRIDGE_FLAGS_MASTER;
    else if (w === 'pvid') pvid = true;
    else if (w === 'untagged') {
      // (a flag of the VLAN entry, which is never made)
    } else if (w === 'tunnel_info') {
      i = tunnelInfo(ip, argv, i);
      tunnel = true;
    } else if (matches(w, 'help')) next();
    // other words are passed over
  }
  if (dev === undefined || vid === -1) ip.fail('Device and VLAN ID are required arguments.\n');
  const ifindex = await ip.index(dev!);
  if (!ifindex) ip.fail(`Cannot find bridge device "${dev}"\n`);
  const u16 = (n: number): number => n & 0xffff;
  if (vid >= 4096) ip.fail(`Invalid VLAN ID "${u16(vid)}"\n`);
  if (range) {
    if (vidEnd === -1 || vidEnd >= 4096 || vid >= vidEnd) ip.fail(`Invalid VLAN range "${u16(vid)}-${u16(vidEnd)}"\n`);
    if (pvid) ip.fail('pvid cannot be configured for a vlan range\n');
  }
  const l = (await ip.allLinks()).find((x) => x.ifindex === ifindex)!;
  const e = kernelAnswer(l, add, flags, tunnel, [u16(vid), ...(range ? [u16(vidEnd)] : [])]);
  if (e) {
    ip.reportError(e);
    return 255;
  }
  return 0;
}

/**
 * rtnl_bridge_setlink / dellink and br_afspec without VLAN filtering: the port's bridge (or,
 * with `self`, the device's own driver, which only a bridge has) checks the ids, then cannot
 * add one and has none to delete.
 */
function kernelAnswer(l: LinkMsg, add: boolean, flags: number, tunnel: boolean, vids: number[]): NetError | null {
  const refuse = (errno: NetError['errno'], msg?: string): NetError => ({ ok: false, errno, ...(msg ? { msg } : {}) });
  const toMaster = !flags || flags & BRIDGE_FLAGS_MASTER;
  const self = (flags & BRIDGE_FLAGS_SELF) !== 0;
  if (toMaster && !l.port) return refuse('EOPNOTSUPP');
  if (self && l.kind !== 'bridge' && !toMaster) return refuse('EOPNOTSUPP');
  if (tunnel) {
    if (!l.port?.switches?.vlan_tunnel) return refuse('EINVAL');
  } else if (vids.some((v) => v === 0 || v >= VID_MASK)) {
    // (br_dellink passes br_afspec no extended ack to write to)
    return refuse('EINVAL', add ? 'bridge: Vlan id is invalid' : undefined);
  }
  if (add) return refuse('EOPNOTSUPP');
  // the master's part done, `self` on a port goes on to a driver it does not have
  return self && l.kind !== 'bridge' ? refuse('EOPNOTSUPP') : null;
}

/** vlan_option_set: `set vid VID[-VID] dev DEV [state STATE] [mcast_router N]`; RTM_NEWVLAN then
 *  finds no VLAN-aware bridge. */
async function optionSet(ip: Ip, argv: readonly string[]): Promise<number> {
  let dev = false;
  let vid = -1;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      if (++i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'dev') {
      const d = next();
      if (!(await ip.index(d))) ip.fail(`Cannot find network device "${d}"\n`);
      dev = true;
    } else if (w === 'vid') {
      const v = next();
      const dash = v.indexOf('-');
      vid = toSigned(atoi(dash < 0 ? v : v.slice(0, dash)), 16);
      if (dash >= 0) {
        const end = toSigned(atoi(v.slice(dash + 1)), 16);
        if (vid >= end || end >= 4096) ip.fail(`Invalid VLAN range "${vid & 0xffff}-${end & 0xffff}"\n`);
      }
      if (vid >= 4096) ip.fail(`Invalid VLAN ID "${vid & 0xffff}"\n`);
    } else if (w === 'state') {
      const st = stpStateArg(next());
      if (st === null || st === -1) ip.fail('Error: invalid STP state\n');
    } else if (w === 'mcast_router') {
      const v = next();
      if (getUnsigned(v, 0xff) === null) ip.invarg('invalid mcast_router', v);
    } else if (matches(w, 'help')) next();
  }
  if (!dev || vid === -1) ip.fail('Device and VLAN ID are required arguments.\n');
  ip.reportError({ ok: false, errno: 'EOPNOTSUPP' });
  return 255;
}

/** The listings: only the headings. */
function show(ip: Ip, tunnel: boolean): number {
  if (ip.opts.json) ip.out('[]\n');
  else ip.out(tunnel ? 'port              vlan-id    tunnel-id\n' : 'port              vlan-id  \n');
  return 0;
}

const USAGE = `Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan global { set } vid VLAN_ID dev DEV
                      [ mcast_snooping MULTICAST_SNOOPING ]
                      [ mcast_querier MULTICAST_QUERIER ]
                      [ mcast_igmp_version IGMP_VERSION ]
                      [ mcast_mld_version MLD_VERSION ]
                      [ mcast_last_member_count LAST_MEMBER_COUNT ]
                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]
                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]
                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]
                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]
                      [ mcast_querier_interval QUERIER_INTERVAL ]
                      [ mcast_query_interval QUERY_INTERVAL ]
                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]
       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]
`;

export async function doVlan(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return show(ip, false);
  if (matches(cmd, 'add')) return modify(ip, true, rest);
  if (matches(cmd, 'delete')) return modify(ip, false, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return show(ip, false);
  if (matches(cmd, 'tunnelshow')) return show(ip, true);
  if (matches(cmd, 'set')) return optionSet(ip, rest);
  if (cmd === 'global') {
    // the global options: a set, or a dump (of the heading) that the kernel refuses part way
    const sub = rest[0];
    if (sub === 'set') {
      ip.reportError({ ok: false, errno: 'EOPNOTSUPP' });
      return 255;
    }
    if (sub !== undefined && sub !== 'show' && sub !== 'lst' && sub !== 'list') ip.fail(USAGE);
    ip.out(ip.opts.json ? '[' : 'port              vlan-id  \n');
    ip.reportError({ ok: false, errno: 'EOPNOTSUPP' });
    ip.err('Dump terminated\n');
    return 1;
  }
  if (matches(cmd, 'help')) ip.fail(USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "bridge vlan help".\n`);
}
