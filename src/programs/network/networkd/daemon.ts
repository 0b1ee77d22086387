// systemd-networkd's manager: the links it sees, which network each gets, and what happens on
// start, on kernel changes (links appearing, going up or down, gaining or losing carrier), on
// reload and on reconfigure; every change is saved to /run/systemd/netif for networkctl and
// systemd-resolved, and resolved is told to look.
import { IFF, type LinkMsg } from '../../../shared/services/net';
import type { Sys } from '../../../shared/sys';
import { applyLinkSettings, applyStatic, dropForeign, dropManaged, type Env, type Link } from './configure';
import { acquire, dhcpTimers, dropLease, nextDhcpEvent } from './dhcp';
import { loadConfig, type NetDevConfig } from './load';
import { Logger } from './log';
import { networkFor } from './match';
import { Netlink, netlinkError } from './netlink';
import type { NetworkConfig } from './network-file';
import { leaseFile, linkFile, managerFile } from './state-files';

const RUN = '/run/systemd/netif';

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export class Networkd {
  readonly env: Env;
  readonly links = new Map<number, Link>();
  private networks: NetworkConfig[] = [];
  private mtimes = new Map<string, number>();
  private netdevs: NetDevConfig[] = [];
  private machineId = '';
  seq = -1;

  constructor(private readonly sys: Sys) {
    this.env = { sys, nl: new Netlink(sys), log: new Logger(sys, 'systemd-networkd', 'systemd-networkd.service') };
  }

  private now(): number {
    return this.sys.now();
  }

  private async loadFiles(): Promise<void> {
    const loaded = await loadConfig(this.sys);
    for (const l of loaded.logs) await this.env.log.log(l.priority, l.message);
    this.networks = loaded.networks;
    this.mtimes = loaded.mtimes;
    this.netdevs = loaded.netdevs;
  }

  private stamp(n: NetworkConfig): string {
    return `${n.file}@${this.mtimes.get(n.file) ?? 0}`;
  }

  async start(): Promise<void> {
    try {
      this.machineId = new TextDecoder().decode(await this.sys.readFile('/etc/machine-id')).trim();
    } catch {
      this.machineId = '';
    }
    for (const d of [RUN, `${RUN}/links`, `${RUN}/leases`, `${RUN}/lldp`]) await this.sys.mkdir(d, 0o755).catch(() => undefined);
    await this.loadFiles();
    await this.sync();
    await this.env.log.info('Enumeration completed');
    await this.createNetdevs();
    for (const link of [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex)) await this.configure(link, false);
    await this.save();
  }

  /** RTM_NEWLINK for each .netdev; only dummy devices can be made in this kernel. */
  private async createNetdevs(): Promise<void> {
    for (const d of this.netdevs) {
      const r = await this.env.nl.call({ kind: 'newlink', nlflags: { create: true, excl: true }, name: d.name, type: d.kind, change: {} });
      if (!('errno' in r)) await this.env.log.info('netdev ready', d.name);
      else if (r.errno === 'EEXIST') await this.env.log.info('netdev exists, using existing without changing its parameters', d.name);
      else await this.env.log.warning(netlinkError('netdev could not be created', r), d.name);
    }
    if (this.netdevs.length) await this.sync();
  }

  private newLink(l: LinkMsg): Link {
    const iaid = hash32(`${l.name}/${l.address}`);
    const duid = `0000ab11${hash32(this.machineId).toString(16).padStart(8, '0')}${hash32(`${this.machineId}/duid`).toString(16).padStart(8, '0')}`;
    return { ifindex: l.ifindex, name: l.name, admin: 'pending', flags: 0, ipv6ll: false, managedAddrs: [], managedRoutes: [], dhcpBackoff: 2000, iaid, duid };
  }

  /**
   * Reads the kernel's links and addresses and logs what changed since the last look (link_update,
   * address updates). Links that gained or lost a carrier are configured again or lose their
   * configuration, unless `busy` is the link being configured right now.
   */
  async sync(busy?: number): Promise<void> {
    const links = await this.env.nl.links();
    const gained: Link[] = [];
    const lost: Link[] = [];
    for (const l of links) {
      let link = this.links.get(l.ifindex);
      if (!link) this.links.set(l.ifindex, (link = this.newLink(l)));
      link.name = l.name;
      const was = link.flags;
      const carrier = (f: number, m?: LinkMsg): boolean => (f & IFF.LOWER_UP) !== 0 && (!m || m.operstate === 'UP' || m.operstate === 'UNKNOWN');
      if (!(was & IFF.UP) && l.flags & IFF.UP) await this.env.log.info('Link UP', l.name);
      if (was & IFF.UP && !(l.flags & IFF.UP)) await this.env.log.info('Link DOWN', l.name);
      const had = carrier(was);
      const has = carrier(l.flags, l);
      if (!had && has) {
        await this.env.log.info('Gained carrier', l.name);
        gained.push(link);
      }
      if (had && !has) {
        await this.env.log.info('Lost carrier', l.name);
        lost.push(link);
      }
      link.flags = has ? l.flags : l.flags & ~IFF.LOWER_UP;
    }
    for (const [ifindex, link] of this.links) {
      if (links.some((l) => l.ifindex === ifindex)) continue;
      this.links.delete(ifindex);
      await this.sys.unlink(`${RUN}/links/${ifindex}`).catch(() => undefined);
      await this.sys.unlink(`${RUN}/leases/${link.ifindex}`).catch(() => undefined);
    }
    const addrs = await this.env.nl.addrs();
    for (const link of this.links.values()) {
      const ll = addrs.some((a) => a.ifindex === link.ifindex && a.family === 6 && a.local.startsWith('fe80:') && !(a.flags & 0x40));
      if (ll && !link.ipv6ll) await this.env.log.info('Gained IPv6LL', link.name);
      link.ipv6ll = ll;
    }
    for (const link of lost) {
      if (!link.network || link.admin === 'failed' || link.ifindex === busy) continue;
      await dropLease(this.env, link);
      await dropManaged(this.env, link);
    }
    for (const link of gained) {
      if (!link.network || link.ifindex === busy || !['configuring', 'configured'].includes(link.admin)) continue;
      // link_carrier_gained(): static and dynamic configuration again, foreign settings stay
      await this.bringUp(link, link.network);
    }
  }

  /** link_reconfigure(): picks the link's network and configures it when it changed (or `force`). */
  async configure(link: Link, force: boolean): Promise<void> {
    const msg = (await this.env.nl.links()).find((l) => l.ifindex === link.ifindex);
    if (!msg || link.admin === 'linger') return;
    if (link.admin === 'pending') link.admin = 'initialized';
    const found = networkFor(this.networks, msg);
    const n = found && !found.unmanaged ? found : undefined;
    if (!n) {
      if (link.admin !== 'initialized' && link.admin !== 'unmanaged') {
        await this.env.log.info('Unmanaging interface.', link.name);
        await dropLease(this.env, link);
        await dropManaged(this.env, link);
      }
      link.admin = 'unmanaged';
      link.network = undefined;
      link.stamp = undefined;
      await this.save();
      return;
    }
    if (!force && link.network && link.stamp === this.stamp(n) && link.admin !== 'initialized') return;
    await this.env.log.info(`${link.admin === 'initialized' ? 'Configuring' : 'Reconfiguring'} with ${n.file}.`, link.name);
    await dropLease(this.env, link);
    if (force) await dropManaged(this.env, link);
    link.managedAddrs = [];
    link.managedRoutes = [];
    link.network = n;
    link.stamp = this.stamp(n);
    link.admin = 'configuring';
    await applyLinkSettings(this.env, link, n);
    await this.sync(link.ifindex);
    // link_configure() drops foreign settings whether or not there is a carrier yet
    await dropForeign(this.env, link, n);
    await this.bringUp(link, n);
    await this.save();
  }

  /** With a carrier: the static configuration, then DHCP. */
  private async bringUp(link: Link, n: NetworkConfig): Promise<void> {
    if (!(link.flags & IFF.LOWER_UP)) {
      await this.save();
      return;
    }
    if (!(await applyStatic(this.env, link, n))) {
      await this.save();
      return;
    }
    if (n.dhcp === 'yes' || n.dhcp === 'ipv4') await acquire(this.env, link, n, this.now());
    link.admin = (n.dhcp === 'yes' || n.dhcp === 'ipv4') && !link.lease ? 'configuring' : 'configured';
    await this.save();
  }

  /** Links that appeared since the last look (udev has initialized them): give them a network. */
  async configureNew(): Promise<void> {
    for (const link of [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex)) {
      if (link.admin === 'pending') await this.configure(link, false);
    }
  }

  /** networkctl reload / SIGHUP: reread the files, reconfigure links whose network changed. */
  async reload(): Promise<void> {
    await this.loadFiles();
    await this.createNetdevs();
    for (const link of [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex)) await this.configure(link, false);
  }

  async reconfigure(ifindex: number): Promise<void> {
    const link = this.links.get(ifindex);
    if (link) await this.configure(link, true);
  }

  /** networkctl renew: a DHCP renewal now (no log line: the lease is the same). */
  async renew(ifindex: number): Promise<void> {
    const link = this.links.get(ifindex);
    if (!link?.network || !link.lease) return;
    await acquire(this.env, link, link.network, this.now(), false);
    await this.save();
  }

  nextDeadline(): number {
    let t = Infinity;
    for (const l of this.links.values()) if (l.network) t = Math.min(t, nextDhcpEvent(l));
    return t;
  }

  async timers(): Promise<void> {
    for (const link of this.links.values()) {
      if (link.network && (await dhcpTimers(this.env, link, link.network, this.now()))) {
        if (link.lease && link.admin === 'configuring') link.admin = 'configured';
        await this.save();
      }
    }
  }

  /** Writes the state files and tells systemd-resolved (which watches them) to look again. */
  async save(): Promise<void> {
    const links = await this.env.nl.links();
    const addrs = await this.env.nl.addrs();
    const write = (path: string, text: string): Promise<void> => this.sys.writeFile(path, text, { mode: 0o644 }).catch(() => undefined);
    for (const link of this.links.values()) {
      const l = links.find((x) => x.ifindex === link.ifindex);
      if (!l) continue;
      await write(`${RUN}/links/${link.ifindex}`, linkFile(link, l, addrs));
      if (link.lease) await write(`${RUN}/leases/${link.ifindex}`, leaseFile(link));
      else await this.sys.unlink(`${RUN}/leases/${link.ifindex}`).catch(() => undefined);
    }
    await write(`${RUN}/state`, managerFile([...this.links.values()], links, addrs));
    await this.sys.call('bus', { kind: 'call', name: 'org.freedesktop.resolve1', method: 'NetworkChanged' }).catch(() => undefined);
  }
}
