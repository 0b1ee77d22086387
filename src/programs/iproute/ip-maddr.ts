// `ip maddress show` (ip/ipmaddr.c): the multicast groups each device has joined. The kernel
// joins them as devices come up and addresses arrive, so they follow from the device state:
// IPv6 devices are in ff01::1 and ff02::1 (link 33:33:00:00:00:01) from the start, an up
// device joins 224.0.0.1 (link 01:00:5e:00:00:01), and every IPv6 address of an up device its
// solicited-node group ff02::1:ffXX:XXXX (link 33:33:ff:XX:XX:XX). The link-layer list is in
// joining order, the IPv4 and IPv6 group lists newest first, as /proc/net/{dev_mcast,igmp,igmp6}.
import { strerror } from '../../shared/errno';
import { IFF, isNetError, type AddrMsg, type LinkMsg } from '../../shared/services/net';
import { formatAddr, parseAddr } from '../../shared/services/net-addr';
import { llAddr } from './ip-inet';
import { hasName, type Ip } from './ip-session';
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
    if (dev !== undefined && !hasName(l, dev)) continue;
    const g = groupsOf(l, addrs);
    const entries: [string, string, number, boolean][] = [];
    if (family === AF.UNSPEC || family === AF.PACKET) for (const m of linkList(g.link, l)) entries.push(['link', m.addr, m.users, m.static]);
    if (family === AF.UNSPEC || family === AF.INET) for (const a of g.inet) entries.push(['inet', a, 1, false]);
    if (family === AF.UNSPEC || family === AF.INET6) for (const a of g.inet6) entries.push(['inet6', a, 1, false]);
    if (entries.length === 0) continue;
    p.openObject();
    p.any('ifindex', `${l.ifindex}:\t`, l.ifindex);
    p.any('ifname', `${l.name}\n`, l.name);
    p.openArrayJsonOnly('maddr');
    for (const [fam, a, users, isStatic] of entries) {
      p.fp('\t');
      p.openObject();
      if (fam === 'link') {
        p.fp('link  ');
        p.any('link', a, a);
      } else {
        p.any('family', `${fam.padEnd(5)} `, fam);
        p.any('address', a, a);
      }
      if (users !== 1) p.any('users', ` users ${users}`, users);
      if (isStatic) p.any('features', ' static', 'static');
      p.fp('\n');
      p.closeObject();
    }
    p.closeArrayJsonOnly();
    p.closeObject();
  }
  p.finish();
  return 0;
}

interface LinkEntry {
  addr: string;
  users: number;
  static: boolean;
}

/**
 * The device's link-layer list: the groups the kernel joined, with those joined by hand put
 * where they were joined; one joined both ways is one entry used twice.
 */
function linkList(derived: string[], l: LinkMsg): LinkEntry[] {
  const out: LinkEntry[] = derived.map((addr) => ({ addr, users: 1, static: false }));
  let inserted = 0;
  for (const m of l.mcStatic ?? []) {
    const same = out.find((e) => e.addr === m.addr);
    if (same) {
      same.users++;
      same.static = true;
      continue;
    }
    out.splice(Math.min(m.pos + inserted, out.length), 0, { addr: m.addr, users: 1, static: true });
    inserted++;
  }
  return out;
}

/** multiaddr_modify: `add|del [address] LLADDR dev NAME` through SIOCADDMULTI/SIOCDELMULTI. */
async function modify(ip: Ip, op: 'add' | 'del', argv: string[]): Promise<number> {
  let dev: string | undefined;
  // (the request starts zeroed: no address given is 00:00:00:00:00:00)
  let addr = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < argv.length; i++) {
    let w = argv[i]!;
    const next = (): string => {
      i++;
      if (i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'dev') {
      const v = next();
      if (dev !== undefined) ip.duparg('dev', v);
      if (v.length === 0 || v.length >= 16 || /[/\s]/.test(v)) ip.invarg('"dev" not a valid ifname', v);
      dev = v;
      continue;
    }
    if (matches(w, 'address')) w = next();
    if (matches(w, 'help')) ip.fail(MADDR_USAGE);
    // (ip notices a second address only when the first starts with a non-zero byte)
    if (addr[0]) ip.duparg('address', w);
    const a = llAddr(ip, w);
    if (a.length !== 6) ip.fail(`Error: Invalid address length ${a.length} - must be 6 bytes\n`, 1);
    addr = a;
  }
  if (dev === undefined) return ip.fail('Not enough information: "dev" is required.\n');
  const links = await ip.allLinks();
  const l = links.find((x) => hasName(x, dev!));
  const reply = l ? await ip.call({ kind: 'linkmulti', ifindex: l.ifindex, op, addr, pos: groupsOf(l, await addrsOf(ip)).link.length }) : { ok: false as const, errno: 'ENODEV' as const };
  if (isNetError(reply)) return ip.fail(`ioctl: ${strerror(reply.errno)}\n`, 1);
  return 0;
}

async function addrsOf(ip: Ip): Promise<AddrMsg[]> {
  const reply = await ip.call({ kind: 'getaddrs' });
  return 'addrs' in reply ? reply.addrs : [];
}

const MADDR_USAGE = 'Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n       ip maddr show [ dev STRING ]\n';

export async function doMaddr(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return show(ip, []);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return show(ip, rest);
  if (matches(cmd, 'add')) return modify(ip, 'add', rest);
  if (matches(cmd, 'delete')) return modify(ip, 'del', rest);
  if (matches(cmd, 'help')) return ip.fail(MADDR_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip maddr help".\n`);
}
