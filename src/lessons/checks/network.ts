// link and route: the configuration in effect (the kernel's addresses and routes, and what
// systemd-networkd hands the resolver), whatever the .network file is called. When it is not
// in effect, the message looks for the usual reasons: no file sets it, the file's [Match] does
// not name the link, the file is unreadable to systemd-networkd, or networkd was not restarted.
import { fnmatch } from '../../shared/systemd/glob';
import { IFA_F, RTPROT, TABLE, type AddrMsg, type LinkMsg, type RouteMsg } from '../../shared/services/net';
import { andList, octal, passwd } from '../host';
import type { LinkCheck, RouteCheck } from '../types';
import { failed, joinReasons, pass, type EvalContext, type Outcome } from './outcome';

/** Where systemd-networkd looks for .network files, earlier directories first (networkd-network.c). */
const NETWORK_DIRS = ['/etc/systemd/network', '/run/systemd/network', '/usr/local/lib/systemd/network', '/usr/lib/systemd/network'];

interface NetworkFile {
  path: string;
  names: string[];
  addresses: string[];
}

/** The .network files networkd would read, in its order (a name in an earlier directory wins). */
function networkFiles(ctx: EvalContext): NetworkFile[] {
  return ctx.cached('network-files', () => {
    const byName = new Map<string, string>();
    for (const dir of NETWORK_DIRS) {
      for (const n of (ctx.host.readdir(dir) ?? []).sort()) if (n.endsWith('.network') && !byName.has(n)) byName.set(n, `${dir}/${n}`);
    }
    return [...byName.keys()].sort().map((n) => {
      const path = byName.get(n)!;
      const text = ctx.host.readFile(path) ?? '';
      let section = '';
      const names: string[] = [];
      const addresses: string[] = [];
      for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line.startsWith('[')) section = line.replace(/^\[|\].*$/g, '');
        const eq = line.indexOf('=');
        if (eq < 0 || line.startsWith('#') || line.startsWith(';')) continue;
        const key = line.slice(0, eq).trim();
        const value = line.slice(eq + 1).trim();
        if (section === 'Match' && key === 'Name') names.push(...value.split(/\s+/).filter(Boolean));
        if ((section === 'Network' && key === 'Address') || (section === 'Address' && key === 'Address')) addresses.push(value);
      }
      return { path, names, addresses };
    });
  });
}

function fileMatches(f: NetworkFile, link: string): boolean {
  if (f.names.length === 0) return false;
  const neg = f.names.filter((n) => n.startsWith('!')).map((n) => n.slice(1));
  const pos = f.names.filter((n) => !n.startsWith('!'));
  if (neg.some((p) => fnmatch(p, link))) return false;
  return pos.length === 0 || pos.some((p) => fnmatch(p, link));
}

/** networkd's runtime record of a link (/run/systemd/netif/links/IFINDEX). */
function netifRecord(ctx: EvalContext, ifindex: number): Map<string, string> | undefined {
  const text = ctx.host.readFile(`/run/systemd/netif/links/${ifindex}`);
  if (text === undefined) return undefined;
  const m = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !line.startsWith('#')) m.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return m;
}

function describeAddr(a: AddrMsg): string {
  return `${a.local}/${a.prefixlen}${a.flags & IFA_F.PERMANENT ? '' : ' from DHCP'}`;
}

function findLink(ctx: EvalContext, name: string): { link?: LinkMsg; message?: string } {
  const links = ctx.host.net().links;
  const link = links.find((l) => l.name === name);
  if (link) return { link };
  return { message: `there is no link ${name} (the machine has ${andList(links.map((l) => l.name))})` };
}

/** Why a static address from a .network file is not on the link. */
function addressDiagnosis(ctx: EvalContext, link: LinkMsg, want: string): string {
  const files = networkFiles(ctx);
  const setting = files.filter((f) => f.addresses.includes(want));
  if (setting.length === 0) return `no .network file sets Address=${want}`;
  const netif = netifRecord(ctx, link.ifindex);
  const inUse = netif?.get('NETWORK_FILE');
  const f = setting[0]!;
  if (!fileMatches(f, link.name)) {
    return `${f.path} has [Match] ${f.names.length ? `Name=${f.names.join(' ')}` : 'no Name='}, which does not match ${link.name}`;
  }
  const st = ctx.host.stat(f.path, true);
  const networkd = passwd(ctx.host).find((p) => p.name === 'systemd-network');
  if (st) {
    const shift = networkd && st.uid === networkd.uid ? 6 : networkd && st.gid === networkd.gid ? 3 : 0;
    if (((st.perm >> shift) & 4) === 0) return `${f.path} has mode ${octal(st.perm)}, so systemd-networkd (user systemd-network) cannot read it: make it readable with chmod 644, then restart systemd-networkd`;
  }
  if (inUse !== undefined && inUse !== f.path) {
    const used = files.find((x) => x.path === inUse);
    if (used && files.indexOf(used) < files.indexOf(f) && fileMatches(used, link.name)) {
      return `systemd-networkd uses ${inUse} for ${link.name}: it also matches and sorts before ${f.path}, and networkd takes the first file that matches`;
    }
    return `systemd-networkd still uses ${inUse} for ${link.name}: did you restart systemd-networkd?`;
  }
  if (inUse === f.path) return `systemd-networkd uses ${f.path} for ${link.name}, but the address is not set: did you restart systemd-networkd?`;
  return `is your file's [Match] Name= right, and did you restart systemd-networkd?`;
}

export function evaluateLink(ctx: EvalContext, c: LinkCheck): Outcome {
  const { link, message } = findLink(ctx, c.link);
  if (!link) return failed(message!);
  const net = ctx.host.net();
  const addrs = net.addrs.filter((a) => a.ifindex === link.ifindex && a.scope === 0);
  const v4 = addrs.filter((a) => a.family === 4);
  const haveText = v4.length ? `${c.link} has ${andList(v4.map(describeAddr))}` : `${c.link} has no IPv4 address`;
  const reasons: string[] = [];
  const facts: string[] = [];
  if (c.address !== undefined) {
    const [ip, len] = c.address.split('/');
    const family = ip!.includes(':') ? 6 : 4;
    const have = addrs.find((a) => a.local.toLowerCase() === ip!.toLowerCase() && a.prefixlen === Number(len));
    const dynamic = have !== undefined && !(have.flags & IFA_F.PERMANENT);
    if (!have) {
      const list = addrs.filter((a) => a.family === family);
      const what = list.length ? `${c.link} has ${andList(list.map(describeAddr))}` : `${c.link} has no IPv${family} address`;
      reasons.push(`${what}; the lesson wants ${c.address}: ${addressDiagnosis(ctx, link, c.address)}`);
    } else if (c.dhcp === false && dynamic) reasons.push(`${c.link} has ${c.address} from DHCP; the lesson wants it set statically (Address= in a .network file)`);
    else if (c.dhcp === true && !dynamic) reasons.push(`${c.link} has ${c.address} set statically; the lesson wants it from DHCP`);
    else facts.push(`${c.link} has ${describeAddr(have)}`);
  }
  // dhcp alone: whether the link takes an address from DHCP at all; with an address or a
  // gateway, it says where those must come from instead
  if (c.dhcp !== undefined && c.address === undefined && c.gateway === undefined) {
    const dynamic = v4.filter((a) => !(a.flags & IFA_F.PERMANENT));
    if (c.dhcp && dynamic.length === 0) reasons.push(`${haveText}, none of it from DHCP; the lesson wants an address from DHCP`);
    if (!c.dhcp && dynamic.length > 0) reasons.push(`${c.link} still has ${andList(dynamic.map(describeAddr))}; the lesson wants no DHCP address on it: a .network file that matches it first, without DHCP=yes`);
    if (!reasons.length) facts.push(c.dhcp ? `${c.link} has an address from DHCP` : `${c.link} has no address from DHCP`);
  }
  if (c.gateway !== undefined) {
    const family = c.gateway.includes(':') ? 6 : 4;
    const defaults = net.routes.filter((r) => r.family === family && r.table === TABLE.MAIN && r.dstLen === 0 && r.oif === link.ifindex && r.gateway);
    const same = defaults.filter((r) => r.gateway === c.gateway);
    // with dhcp: false the gateway must be configured, not handed out with the lease
    const ok = same.filter((r) => (c.dhcp !== false || r.protocol !== RTPROT.DHCP) && (c.dhcp !== true || r.protocol === RTPROT.DHCP));
    if (ok.length === 0) {
      if (same.length && c.dhcp === false) reasons.push(`the default route via ${c.gateway} comes from DHCP; the lesson wants it set statically (Gateway= in the .network file)`);
      else if (same.length) reasons.push(`the default route via ${c.gateway} is set statically; the lesson wants it from DHCP`);
      else {
        const have = defaults.length ? `the default route through ${c.link} goes via ${andList(defaults.map((r) => `${r.gateway}${r.protocol === RTPROT.DHCP ? ' (from DHCP)' : ''}`))}` : `there is no default route through ${c.link}`;
        reasons.push(`${have}; the lesson wants the gateway ${c.gateway}`);
      }
    } else facts.push(`the default route through ${c.link} goes via ${c.gateway}`);
  }
  if (c.dns !== undefined) {
    const netif = netifRecord(ctx, link.ifindex);
    if (!netif) reasons.push(`systemd-networkd has no record of ${c.link} (is systemd-networkd running?); the lesson wants the DNS servers ${andList(c.dns)}`);
    else {
      const have = (netif.get('DNS') ?? '').split(/\s+/).filter(Boolean);
      const fromDhcp = netif.has('DHCP_LEASE');
      const missing = c.dns.filter((d) => !have.includes(d));
      if (missing.length) {
        const what = have.length ? `systemd-networkd gives ${c.link} the DNS server${have.length > 1 ? 's' : ''} ${andList(have)}${fromDhcp ? ' (with DHCP)' : ''}` : `systemd-networkd gives ${c.link} no DNS server`;
        reasons.push(`${what}; the lesson wants ${andList(c.dns)}`);
      } else facts.push(`${c.link} uses the DNS server${have.length > 1 ? 's' : ''} ${andList(have)}`);
    }
  }
  if (reasons.length) return failed(joinReasons(reasons));
  return pass(facts.join('; '));
}

function routeText(r: RouteMsg, linkName: (i?: number) => string): string {
  // a host route prints without its prefix length, as `ip route` does
  const dst = r.dstLen === 0 ? 'default' : r.dstLen === (r.family === 4 ? 32 : 128) ? `${r.dst}` : `${r.dst}/${r.dstLen}`;
  return `${dst}${r.gateway ? ` via ${r.gateway}` : ''}${r.oif !== undefined ? ` dev ${linkName(r.oif)}` : ''}`;
}

export function evaluateRoute(ctx: EvalContext, c: RouteCheck): Outcome {
  const net = ctx.host.net();
  const linkName = (i?: number): string => net.links.find((l) => l.ifindex === i)?.name ?? String(i);
  const isDefault = c.to === 'default';
  const [ip, len] = c.to.split('/');
  const family = isDefault ? ((c.via ?? '').includes(':') ? 6 : 4) : ip!.includes(':') ? 6 : 4;
  const dstLen = isDefault ? 0 : len === undefined ? (family === 4 ? 32 : 128) : Number(len);
  const routes = net.routes.filter((r) => r.family === family && r.table === TABLE.MAIN);
  const same = routes.filter((r) => r.dstLen === dstLen && (isDefault || r.dst === ip));
  const match = same.filter((r) => (c.via === undefined || r.gateway === c.via) && (c.dev === undefined || linkName(r.oif) === c.dev));
  const want = `${c.to}${c.via ? ` via ${c.via}` : ''}${c.dev ? ` dev ${c.dev}` : ''}`;
  if (c.present === false) {
    if (match.length === 0) return pass(`there is no route ${want}`);
    return failed(`the route ${routeText(match[0]!, linkName)} is still there; the lesson wants it gone`);
  }
  if (match.length) return pass(`the route ${routeText(match[0]!, linkName)} is there`);
  if (same.length) return failed(`the route to ${c.to} is ${andList(same.map((r) => routeText(r, linkName)))}; the lesson wants ${want}`);
  const all = routes.map((r) => routeText(r, linkName));
  return failed(`there is no route ${want} (the routes are: ${all.length ? all.join(', ') : 'none'})`);
}
