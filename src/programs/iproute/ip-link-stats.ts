// `ip link xstats` and `ip link afstats` (iplink_xstats.c, ipstats' afstats): their arguments and
// errors. The machine's devices keep no per-family (MPLS) statistics, and no bridge or bond
// extended statistics are kept here, so what they list is empty.
import type { Ip } from './ip-session';
import { LINK_USAGE } from './ip-usage';
import { matches } from './ip-util';

/** The link types whose driver has extended statistics to show. */
const XSTATS_TYPES = new Set(['bridge', 'bridge_slave', 'bond', 'bond_slave']);
const KNOWN_TYPES = new Set(['amt', 'bareudp', 'bond', 'bond_slave', 'bridge', 'bridge_slave', 'dsa', 'dummy', 'erspan', 'geneve', 'gre', 'gretap', 'gtp', 'ifb', 'ip6erspan', 'ip6gre', 'ip6gretap', 'ip6tnl', 'ipip', 'ipoib', 'ipvlan', 'ipvtap', 'macsec', 'macvlan', 'macvtap', 'netdevsim', 'nlmon', 'rmnet', 'sit', 'team', 'team_slave', 'vcan', 'veth', 'vlan', 'vrf', 'vti', 'vxcan', 'vxlan', 'wwan', 'xfrm', 'virt_wifi', 'can', 'hsr', 'lowpan', 'ipoib']);

export async function xstats(ip: Ip, argv: string[]): Promise<number> {
  const [w, type, ...rest] = argv;
  if (w === undefined) return ip.fail('xstats: missing argument\n', 1);
  if (matches(w, 'help')) {
    ip.out('Usage: ... xstats type TYPE [ ARGS ]\n');
    return 0;
  }
  if (!matches(w, 'type')) return ip.invarg('unknown argument', w);
  if (type === undefined) return ip.incomplete();
  if (!KNOWN_TYPES.has(type)) return ip.invarg('invalid type', type);
  if (!XSTATS_TYPES.has(type)) return ip.fail(`xstats: link type ${type} doesn't support xstats\n`, 1);
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== 'dev') continue;
    const name = rest[++i];
    if (name === undefined) return ip.incomplete();
    if (!(await ip.index(name))) return ip.fail(`Cannot find device "${name}"\n`, 1);
  }
  return 0;
}

export async function afstats(ip: Ip, argv: string[]): Promise<number> {
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'dev') {
      const name = argv[++i];
      if (name === undefined) return ip.incomplete();
      // (a missing device is said, and the command still succeeds)
      if (!(await ip.index(name))) {
        ip.err(`Device "${name}" does not exist.\n`);
        return 0;
      }
    } else if (matches(w, 'help')) {
      return ip.fail(LINK_USAGE);
    } else {
      return ip.fail(`Command "${w}" is unknown, try "ip link help".\n`);
    }
  }
  return 0;
}
