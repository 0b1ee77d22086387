// `bridge fdb show`: per device in index order, a bridge port's own address in its bridge's
// table, then the device's own multicast list (all-nodes while it has IPv6; once up the IPv4
// all-hosts group and the solicited-node group of each IPv6 address; a bridge also the
// multicast router groups), then a bridge's own address when it was set by hand. No traffic
// crosses the simulated bridges, so nothing is learnt.
import { isNetError, IFF, type AddrMsg, type LinkMsg } from '../../shared/services/net';
import { parseAddr } from '../../shared/services/net-addr';
import type { Ip } from './ip-session';
import { matches } from './ip-util';

interface Entry {
  mac: string;
  dev: LinkMsg;
  master?: string;
  self: boolean;
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** The multicast groups a device has joined (dev_mc list order). */
function multicastList(l: LinkMsg, addrs: AddrMsg[]): string[] {
  const out: string[] = [];
  const up = (l.flags & IFF.UP) !== 0;
  if (l.inet6) out.push('33:33:00:00:00:01');
  if (up && l.kind === 'bridge') out.push('01:00:5e:00:00:6a', '33:33:00:00:00:6a');
  if (up) out.push('01:00:5e:00:00:01');
  for (const a of addrs) {
    if (a.family !== 6 || a.ifindex !== l.ifindex) continue;
    const b = parseAddr(a.local)?.bytes;
    if (!b) continue;
    const mac = `33:33:ff:${hex2(b[13]!)}:${hex2(b[14]!)}:${hex2(b[15]!)}`;
    if (!out.includes(mac)) out.push(mac);
  }
  return out;
}

function entries(links: readonly LinkMsg[], addrs: AddrMsg[], br: number, dev: number): Entry[] {
  const out: Entry[] = [];
  const name = (i: number): string => links.find((l) => l.ifindex === i)?.name ?? `if${i}`;
  for (const l of links) {
    // the loopback and the VM's NIC keep no forwarding entries of their own
    if (!l.kind && !l.port) continue;
    if (dev && l.ifindex !== dev) continue;
    if (br && l.ifindex !== br && l.master !== br) continue;
    if (l.port && l.master !== undefined) out.push({ mac: l.address, dev: l, master: name(l.master), self: false });
    for (const mac of multicastList(l, addrs)) out.push({ mac, dev: l, self: true });
    if (l.kind === 'bridge' && l.bridge) {
      const ports = links.filter((p) => p.master === l.ifindex);
      const own = l.address !== '00:00:00:00:00:00' && !ports.some((p) => p.address === l.address);
      if (own && l.bridge.addrSet) out.push({ mac: l.address, dev: l, master: l.name, self: false });
    }
  }
  return out;
}

export async function bridgeFdb(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && !matches(cmd, 'show') && !matches(cmd, 'list')) {
    return ip.fail(`Command "${cmd}" is unknown, try "bridge fdb help".\n`);
  }
  const links = await ip.allLinks();
  let br = 0;
  let dev = 0;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (i + 1 >= rest.length && ['br', 'brport', 'dev', 'vlan', 'state'].includes(w)) ip.fail('Command line is not complete. Try option "help"\n');
    if (w === 'br') {
      const v = rest[++i]!;
      br = links.find((l) => l.name === v)?.ifindex ?? 0;
      if (!br) ip.fail(`Cannot find bridge device "${v}"\n`);
    } else if (w === 'brport' || w === 'dev') {
      const v = rest[++i]!;
      dev = links.find((l) => l.name === v)?.ifindex ?? 0;
      if (!dev) ip.fail(`Cannot find bridge port device "${v}"\n`);
    } else if (w === 'vlan' || w === 'state') {
      i++;
    }
  }
  const reply = await ip.call({ kind: 'getaddrs' });
  const addrs = !isNetError(reply) && 'addrs' in reply ? reply.addrs : [];
  const p = ip.printer;
  p.start();
  for (const e of entries(links, addrs, br, dev)) {
    p.openObject();
    p.any('mac', `${e.mac} `, e.mac);
    // a listing filtered to one port leaves its name out
    if (!dev) p.any('ifname', `dev ${e.dev.name} `, e.dev.name);
    p.openArrayJsonOnly('flags');
    if (e.self) p.any(null, 'self ', 'self');
    p.closeArrayJsonOnly();
    if (e.master !== undefined) p.any('master', `master ${e.master} `, e.master);
    p.any('state', 'permanent', 'permanent');
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}
