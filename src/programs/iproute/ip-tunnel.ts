// `ip tunnel` (ip/iptunnel.c) and `ip vrf` (ip/ipvrf.c). The simulated kernel has no IP tunnel
// or VRF drivers: there are no tunnels to list, and a new one fails where the kernel's base
// device (gre0, tunl0, sit0, ip_vti0) would take the request. No VRF device can exist either.
import type { Ip } from './ip-session';
import { matches } from './ip-util';

const TUNNEL_BASE: [string[], string][] = [
  [['gre', 'gre/ip'], 'gre0'], [['ipip', 'ip/ip'], 'tunl0'], [['sit', 'ipv6/ip', 'isatap'], 'sit0'], [['vti'], 'ip_vti0'],
];
/** Words that take a value (the rest are flags, or the tunnel's name). */
const WITH_VALUE = new Set(['remote', 'local', 'dev', 'ttl', 'hoplimit', 'tos', 'dsfield', 'tclass', 'key', 'ikey', 'okey',
  'prl-default', 'prl-nodefault', 'prl-delete', '6rd-prefix', '6rd-relay_prefix', 'encaplimit', 'flowlabel', 'fwmark']);

async function modify(ip: Ip, cmd: 'add' | 'change' | 'del', argv: string[]): Promise<number> {
  let base: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      i++;
      if (i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'mode') {
      const v = next();
      const found = TUNNEL_BASE.find(([names]) => names.includes(v));
      if (!found) ip.fail(`Unknown tunnel mode "${v}"\n`);
      base = found[1];
    } else if (WITH_VALUE.has(w)) {
      next();
    } else if (['seq', 'iseq', 'oseq', 'csum', 'icsum', 'ocsum', 'nopmtudisc', 'pmtudisc', '6rd-reset'].includes(w)) {
      // a flag
    } else {
      const v = w === 'name' ? next() : w;
      if (name !== undefined) ip.duparg2('name', v);
      name = v;
    }
  }
  if (cmd === 'del') {
    ip.err(`delete tunnel "${name ?? base ?? ''}" failed: No such device\n`);
    return 1;
  }
  if (cmd === 'change') {
    ip.err(`get tunnel "${name ?? base ?? ''}" failed: No such device\n`);
    return 1;
  }
  if (!base) {
    ip.err('cannot determine tunnel mode (ipip, gre, vti or sit)\n');
    return 1;
  }
  ip.err(`add tunnel "${base}" failed: No such device\n`);
  return 1;
}

export async function doTunnel(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return 0;
  if (matches(cmd, 'add')) return modify(ip, 'add', rest);
  if (matches(cmd, 'change') || matches(cmd, 'chg')) return modify(ip, 'change', rest);
  if (matches(cmd, 'delete')) return modify(ip, 'del', rest);
  if (matches(cmd, 'prl') || matches(cmd, '6rd')) return modify(ip, 'change', rest);
  if (matches(cmd, 'help')) {
    return ip.fail(`Usage: ip tunnel { add | change | del | show | prl | 6rd } [ NAME ]
        [ mode { gre | ipip | isatap | sit | vti } ]
        [ remote ADDR ] [ local ADDR ]
        [ [i|o]seq ] [ [i|o]key KEY ] [ [i|o]csum ]
        [ prl-default ADDR ] [ prl-nodefault ADDR ] [ prl-delete ADDR ]
        [ 6rd-prefix ADDR ] [ 6rd-relay_prefix ADDR ] [ 6rd-reset ]
        [ ttl TTL ] [ tos TOS ] [ [no]pmtudisc ] [ dev PHYS_DEV ]

Where: NAME := STRING
       ADDR := { IP_ADDRESS | any }
       TOS  := { STRING | 00..ff | inherit | inherit/STRING | inherit/00..ff }
       TTL  := { 1..255 | inherit }
       KEY  := { DOTTED_QUAD | NUMBER }
`);
  }
  return ip.fail(`Command "${cmd}" is unknown, try "ip tunnel help"\n`);
}

export async function doVrf(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'show') || matches(cmd, 'list')) {
    ip.out('Name              Table\n-----------------------\nNo VRF has been configured\n');
    return 0;
  }
  if (matches(cmd, 'exec') || matches(cmd, 'pids')) {
    if (rest.length === 0) return ip.fail('No VRF name specified\n');
    return ip.fail('Invalid VRF name\n');
  }
  if (matches(cmd, 'identify')) return 0;
  if (matches(cmd, 'help')) {
    return ip.fail('Usage:\tip vrf show [NAME] ...\n\tip vrf exec [NAME] cmd ...\n\tip vrf identify [PID]\n\tip vrf pids [NAME]\n');
  }
  return ip.fail(`Command "${cmd}" is unknown, try "ip vrf help".\n`);
}
