// `ip maddress show` (ip/ipmaddr.c): the multicast groups each device has joined. The kernel
// joins them as devices come up and addresses arrive, so they follow from the device state:
// IPv6 devices are in ff01::1 and ff02::1 (link 33:33:00:00:00:01) from the start, an up
// device joins 224.0.0.1 (link 01:00:5e:00:00:01), and every IPv6 address of an up device its
// solicited-node group ff02::1:ffXX:XXXX (link 33:33:ff:XX:XX:XX). The link-layer list is in
// joining order, the IPv4 and IPv6 group lists newest first, as /proc/net/{dev_mcast,igmp,igmp6}.
import { IFF, type AddrMsg, type LinkMsg } from '../../shared/services/net';
import { formatAddr, parseAddr } from '../../shared/services/net-addr';
import type { Ip } from './ip-session';
import { AF, matches } from './ip-util';

const hex = (n: number): string => n.toString(16).padStart(2, '0');

export interface Groups {
  link: string[];
  inet: string[];
  inet6: string[];
}

export function groupsOf(l: LinkMsg, addrs: AddrMsg[]): Groups {
  const g: Groups = { link: [], inet: [], inet6: [] };
  const up = (l.flags & IFF.UP) !== 0;
  const hasLinkLayer = l.linkType === 'ether';
  if (l.inet6) {
    if (hasLinkLayer) g.link.push('33:33:00:00:00:01');
    g.inet6.push('ff02::1', 'ff01::1');
  }
  if (up) {
    // a snooping bridge joins the multicast router discovery groups as it opens
    // (br_multicast_join_snoopers), before the IPv4 all-hosts group
    if (l.kind === 'bridge' && Number(l.bridge?.opts?.mcast_snooping ?? 1) !== 0) {
      if (hasLinkLayer) g.link.push('01:00:5e:00:00:6a');
      if (l.inet6) {
        if (hasLinkLayer) g.link.push('33:33:00:00:00:6a');
        g.inet6.unshift('ff02::6a');
      }
      g.inet.push('224.0.0.106');
    }
    if (hasLinkLayer) g.link.push('01:00:5e:00:00:01');
    g.inet.unshift('224.0.0.1');
    if (l.linkType !== 'loopback') {
      // addresses in the order they were added (the address list shows IPv6 newest first)
      const v6 = addrs.filter((a) => a.family === 6 && a.ifindex === l.ifindex).reverse();
      for (const a of v6) {
        const b = parseAddr(a.local)?.bytes;
        if (!b) continue;
        const sol = formatAddr({ family: 6, bytes: [0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff, b[13]!, b[14]!, b[15]!] });
        if (g.inet6.includes(sol)) continue;
        g.inet6.unshift(sol);
        if (hasLinkLayer) g.link.push(`33:33:ff:${hex(b[13]!)}:${hex(b[14]!)}:${hex(b[15]!)}`);
      }
    }
  }
  return g;
}

async function show(ip: Ip, argv: string[]): Promise<number> {
  let dev: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'dev') {
      i++;
      if (i >= argv.length) ip.incomplete();
      dev = argv[i]!;
    } else if (matches(w, 'help')) {
      return ip.fail(MADDR_USAGE);
    } else {
      dev = w;
    }
  }
  const links = await ip.allLinks();
  const reply = await ip.call({ kind: 'getaddrs' });
  const addrs = 'addrs' in reply ? reply.addrs : [];
  const family = ip.family;
  const p = ip.printer;
  p.start();
  for (const l of links) {
    if (dev !== undefined && l.name !== dev) continue;
    const g = groupsOf(l, addrs);
    const entries: [string, string][] = [];
    if (family === AF.UNSPEC || family === AF.PACKET) for (const a of g.link) entries.push(['link', a]);
    if (family === AF.UNSPEC || family === AF.INET) for (const a of g.inet) entries.push(['inet', a]);
    if (family === AF.UNSPEC || family === AF.INET6) for (const a of g.inet6) entries.push(['inet6', a]);
    if (entries.length === 0) continue;
    p.openObject();
    p.any('ifindex', `${l.ifindex}:\t`, l.ifindex);
    p.any('ifname', `${l.name}\n`, l.name);
    p.openArrayJsonOnly('maddr');
    for (const [fam, a] of entries) {
      p.openObject();
      p.any('family', `\t${fam.padEnd(5)} `, fam);
      p.any('address', `${a}\n`, a);
      p.closeObject();
    }
    p.closeArrayJsonOnly();
    p.closeObject();
  }
  p.finish();
  return 0;
}

const MADDR_USAGE = 'Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n       ip maddr show [ dev STRING ]\n';

export async function doMaddr(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return show(ip, []);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return show(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(MADDR_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip maddr help".\n`);
}
