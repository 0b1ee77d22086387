// Networks: the predefined bridge, host and none, and user-defined bridge networks (each a
// br-<id> Linux bridge with its subnet and the iptables rules of docker 27's bridge driver),
// kept in /var/lib/docker/network/files/local-kv.db. A container's endpoints (one per network it
// is on) get their addresses when it starts and lose them when it stops, as libnetwork's do.
import type { DockerReply, EndpointInfo, NetworkInfo } from '../../shared/services/docker';
import type { DockerEngine } from './engine';
import { BRIDGE, macFor } from './ports';
import { ROOT, saveContainer, type ContainerRec, type EndpointRec } from './records';
import { rfc3339 } from './views';

export interface NetworkRec {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null';
  created: number;
  subnet: string;
  gateway: string;
  prefixLen: number;
  /** the Linux bridge (docker0, br-<12 hex>); '' for host and none */
  bridge: string;
  internal: boolean;
  attachable: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
  ipamOptions: Record<string, string> | null;
  /** --ip-range: addresses are handed out from here */
  ipRange?: string;
}

const DB = `${ROOT}/network/files/local-kv.db`;
const PREDEFINED = ['bridge', 'host', 'none'];
const DEFAULT_BRIDGE_OPTIONS: Record<string, string> = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

const err = (status: number, message: string): DockerReply => ({ kind: 'error', status, message });

export const ipNum = (ip: string): number => ip.split('.').reduce((a, b) => a * 256 + (Number(b) & 255), 0);
export const numIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/** "172.18.0.0/16" -> its first address and size; undefined when it is not an IPv4 CIDR. */
export function parseCidr(cidr: string): { base: number; size: number; prefixLen: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m || m.slice(1, 5).some((x) => Number(x) > 255) || Number(m[5]) > 32) return undefined;
  const prefixLen = Number(m[5]);
  const size = 2 ** (32 - prefixLen);
  const n = ipNum(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
  return { base: n - (n % size), size, prefixLen };
}

const overlaps = (a: { base: number; size: number }, b: { base: number; size: number }): boolean => a.base < b.base + b.size && b.base < a.base + a.size;

/** The address pools docker hands out subnets from (172.17-31.0.0/16, then 192.168.0.0/16 in /20s). */
function* defaultPools(): Generator<string> {
  for (let i = 17; i <= 31; i++) yield `172.${i}.0.0/16`;
  for (let i = 0; i < 256; i += 16) yield `192.168.${i}.0/20`;
}

export class Networks {
  private readonly byId = new Map<string, NetworkRec>();

  constructor(private readonly e: DockerEngine) {}

  all(): NetworkRec[] {
    return [...this.byId.values()];
  }

  /** dockerd starting: the predefined networks, the ones made before, their bridges and rules. */
  async load(): Promise<void> {
    const h = this.e.host;
    this.byId.clear();
    let saved: NetworkRec[] = [];
    try {
      saved = JSON.parse(h.readFile(DB) ?? '[]') as NetworkRec[];
    } catch {
      // a damaged store: the predefined networks are made again
    }
    for (const name of PREDEFINED) {
      const id = this.e.networkId(name);
      const old = saved.find((n) => n.id === id);
      const bridge = name === 'bridge';
      this.byId.set(id, old ?? {
        id, name, driver: bridge ? 'bridge' : name === 'host' ? 'host' : 'null', created: h.now(), subnet: bridge ? BRIDGE.subnet : '', gateway: bridge ? BRIDGE.gateway : '',
        prefixLen: bridge ? BRIDGE.prefixLen : 0, bridge: bridge ? BRIDGE.name : '', internal: false, attachable: false, labels: {}, options: bridge ? { ...DEFAULT_BRIDGE_OPTIONS } : {}, ipamOptions: null,
      });
    }
    for (const n of saved) if (!PREDEFINED.includes(n.name)) this.byId.set(n.id, n);
    this.save();
    for (const n of this.all()) {
      if (n.bridge === '' || n.bridge === BRIDGE.name) continue;
      h.bridge(n.bridge, n.gateway, n.prefixLen);
      await this.rules(n, true);
    }
  }

  private save(): void {
    this.e.host.mkdirp(`${ROOT}/network/files`, 0o700);
    this.e.host.writeFile(DB, JSON.stringify(this.all()), 0o600);
  }

  /** A network by full id, name or unique id prefix (the API's findUniqueNetwork). */
  find(ref: string): NetworkRec | { error: DockerReply } {
    const exact = this.byId.get(ref);
    if (exact) return exact;
    const byName = this.all().filter((n) => n.name === ref);
    if (byName.length === 1) return byName[0]!;
    const byId = ref === '' ? [] : this.all().filter((n) => n.id.startsWith(ref));
    if (byId.length === 1) return byId[0]!;
    if (byId.length > 1) return { error: err(400, `network ${ref} is ambiguous (${byId.length} matches found based on ID prefix)`) };
    return { error: err(404, `network ${ref} not found`) };
  }

  /** Running containers with an address on network `n`. */
  private members(n: NetworkRec): { c: ContainerRec; ep: EndpointRec }[] {
    const out: { c: ContainerRec; ep: EndpointRec }[] = [];
    for (const c of this.e.containers.all()) {
      if (!this.e.containers.runtime(c.id)) continue;
      for (const ep of Object.values(c.endpoints ?? {})) if (ep.networkId === n.id && ep.ip) out.push({ c, ep });
    }
    return out;
  }

  info(n: NetworkRec): NetworkInfo {
    const containers: NetworkInfo['containers'] = {};
    for (const { c, ep } of this.members(n)) containers[c.id] = { name: c.name, ip: `${ep.ip}/${ep.prefixLen}`, mac: ep.mac, endpointId: ep.endpointId };
    return {
      id: n.id, name: n.name, driver: n.driver, scope: 'local', created: rfc3339(n.created), subnet: n.subnet, gateway: n.gateway, internal: n.internal, attachable: n.attachable,
      enableIPv6: false, containers, labels: n.labels, options: n.options, ipamOptions: n.ipamOptions,
    };
  }

  list(): DockerReply {
    return { kind: 'networks', networks: this.all().map((n) => this.info(n)) };
  }

  inspect(ref: string): DockerReply {
    const n = this.find(ref);
    return 'error' in n ? n.error : { kind: 'networks', networks: [this.info(n)] };
  }

  async create(req: Extract<import('../../shared/services/docker').DockerRequest, { kind: 'network-create' }>): Promise<DockerReply> {
    const h = this.e.host;
    if (PREDEFINED.includes(req.name) || req.name === 'default') return err(403, `operation is not permitted on predefined ${req.name} network `);
    if (this.all().some((n) => n.name === req.name)) return err(409, `network with name ${req.name} already exists`);
    const driver = req.driver || 'bridge';
    if (driver === 'host' || driver === 'null') return err(403, `only one instance of "${driver}" network is allowed`);
    if (driver === 'overlay') return err(403, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
    if (driver !== 'bridge') return err(404, `could not find plugin ${driver} in v1 plugin registry: plugin not found`);
    const taken = this.all().filter((n) => n.subnet).map((n) => parseCidr(n.subnet)!);
    const local = h.hostSubnets().map((s) => parseCidr(s)).filter((s) => s !== undefined);
    let subnet = req.subnet;
    if (subnet) {
      const p = parseCidr(subnet);
      if (!p) return err(400, `invalid CIDR address: ${subnet}`);
      if (taken.some((t) => overlaps(t, p))) return err(403, 'Pool overlaps with other one on this address space');
      subnet = `${numIp(p.base)}/${p.prefixLen}`;
    } else {
      for (const pool of defaultPools()) {
        const p = parseCidr(pool)!;
        if (![...taken, ...local].some((t) => overlaps(t, p))) {
          subnet = pool;
          break;
        }
      }
      if (!subnet) return err(400, 'all predefined address pools have been fully subnetted');
    }
    const p = parseCidr(subnet)!;
    let gateway = numIp(p.base + 1);
    if (req.gateway) {
      const g = parseCidr(`${req.gateway}/32`);
      if (!g || g.base < p.base || g.base >= p.base + p.size) return err(400, `no matching subnet for gateway ${req.gateway}`);
      gateway = req.gateway;
    }
    const id = h.randomId();
    const n: NetworkRec = {
      id, name: req.name, driver: 'bridge', created: h.now(), subnet, gateway, prefixLen: p.prefixLen, bridge: req.options['com.docker.network.bridge.name'] ?? `br-${id.slice(0, 12)}`,
      internal: req.internal, attachable: req.attachable, labels: { ...req.labels }, options: { ...req.options }, ipamOptions: {}, ...(req.ipRange ? { ipRange: req.ipRange } : {}),
    };
    this.byId.set(id, n);
    this.save();
    h.bridge(n.bridge, n.gateway, n.prefixLen);
    await this.rules(n, true);
    return { kind: 'network-created', id };
  }

  async remove(ref: string): Promise<DockerReply> {
    const n = this.find(ref);
    if ('error' in n) return n.error;
    if (PREDEFINED.includes(n.name)) return err(403, `${n.name} is a pre-defined network and cannot be removed`);
    if (this.members(n).length) return err(403, `error while removing network: network ${n.name} id ${n.id} has active endpoints`);
    await this.drop(n);
    return { kind: 'ok' };
  }

  private async drop(n: NetworkRec): Promise<void> {
    await this.rules(n, false);
    this.e.host.removeLink(n.bridge);
    this.byId.delete(n.id);
    this.save();
  }

  /** network prune: the user-defined networks no running container is on (names, as the API reports). */
  async prune(): Promise<DockerReply> {
    const deleted: string[] = [];
    for (const n of this.all().sort((a, b) => a.created - b.created)) {
      if (PREDEFINED.includes(n.name) || this.members(n).length) continue;
      deleted.push(n.name);
      await this.drop(n);
    }
    return { kind: 'pruned', deleted, reclaimed: 0 };
  }

  /** The iptables rules of a user-defined bridge (setup_ip_tables_linux.go), added or deleted. */
  private async rules(n: NetworkRec, up: boolean): Promise<void> {
    const br = n.bridge;
    const add: string[][] = n.internal
      ? [
          ['filter', 'FORWARD', '-i', br, '-o', br, '-j', 'ACCEPT'],
          ['filter', 'DOCKER-ISOLATION-STAGE-1', '!', '-s', n.subnet, '-o', br, '-j', 'DROP'],
          ['filter', 'DOCKER-ISOLATION-STAGE-1', '!', '-d', n.subnet, '-i', br, '-j', 'DROP'],
        ]
      : [
          ['nat', 'POSTROUTING', '-s', n.subnet, '!', '-o', br, '-j', 'MASQUERADE'],
          ['nat', 'DOCKER', '-i', br, '-j', 'RETURN'],
          ['filter', 'FORWARD', '-i', br, '-o', br, '-j', 'ACCEPT'],
          ['filter', 'FORWARD', '-i', br, '!', '-o', br, '-j', 'ACCEPT'],
          ['filter', 'FORWARD', '-o', br, '-j', 'DOCKER'],
          ['filter', 'FORWARD', '-o', br, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
          ['filter', 'DOCKER-ISOLATION-STAGE-1', '-i', br, '!', '-o', br, '-j', 'DOCKER-ISOLATION-STAGE-2'],
          ['filter', 'DOCKER-ISOLATION-STAGE-2', '-o', br, '-j', 'DROP'],
        ];
    const run = (argv: string[]): Promise<{ status: number }> => this.e.host.run(['/usr/sbin/iptables', '--wait', ...argv]);
    for (const [table, chain, ...rule] of add) {
      // inserting a rule that is there already does nothing (iptRule.Insert), as after a daemon restart
      if (up && (await run(['-t', table!, '-C', chain!, ...rule])).status === 0) continue;
      await run(['-t', table!, up ? '-I' : '-D', chain!, ...rule]);
    }
    if (up) {
      // the jumps to DOCKER-ISOLATION-STAGE-1 and DOCKER-USER go back to the top of FORWARD
      for (const chain of ['DOCKER-ISOLATION-STAGE-1', 'DOCKER-USER']) {
        await run(['-t', 'filter', '-D', 'FORWARD', '-j', chain]);
        await run(['-t', 'filter', '-I', 'FORWARD', '-j', chain]);
      }
    }
  }

  // ---- containers' endpoints ----

  /** The network a container's mode names ('default' is the bridge). */
  private modeNetwork(c: ContainerRec): string {
    const m = c.spec.network || 'bridge';
    return m === 'default' ? 'bridge' : m;
  }

  /** At create: the networks it names exist, and --ip/--network-alias are only for user-defined ones. */
  validate(c: ContainerRec): DockerReply | undefined {
    const mode = this.modeNetwork(c);
    if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) {
      if (mode.startsWith('container:')) return err(400, 'container network mode is not supported by this simulator');
      c.endpoints = {};
      return undefined;
    }
    const names = [mode, ...(c.spec.moreNetworks ?? [])];
    c.endpoints = {};
    for (const [i, ref] of names.entries()) {
      const n = this.find(ref);
      if ('error' in n) return n.error;
      if (n.driver !== 'bridge') return err(400, `container cannot be connected to multiple networks with one of the networks in private (none) mode`);
      const fixedIp = i === 0 ? c.spec.ip : undefined;
      const aliases = i === 0 ? c.spec.aliases ?? [] : [];
      if (n.name === 'bridge' && fixedIp) return err(400, 'user specified IP address is supported on user defined networks only');
      if (n.name === 'bridge' && aliases.length) return err(400, 'network-scoped alias is supported only for containers in user defined networks');
      c.endpoints[n.name] = { networkId: n.id, aliases, ...(fixedIp ? { fixedIp } : {}), ip: '', mac: '', endpointId: '', gateway: '', prefixLen: 0 };
    }
    return undefined;
  }

  /** A free address of `n` (its fixed one when asked for). */
  private allocate(n: NetworkRec, fixed: string | undefined): string | { error: string } {
    const used = new Set(this.members(n).map((m) => m.ep.ip));
    const p = parseCidr(n.subnet)!;
    if (fixed) {
      const f = ipNum(fixed);
      if (f < p.base || f >= p.base + p.size) return { error: `no configured subnet or ip-range contain the IP address ${fixed}` };
      if (used.has(fixed) || fixed === n.gateway) return { error: 'Address already in use' };
      return fixed;
    }
    const range = n.ipRange ? parseCidr(n.ipRange) ?? p : p;
    for (let x = Math.max(range.base, p.base + 1); x < range.base + range.size - 1 && x < p.base + p.size - 1; x++) {
      const ip = numIp(x);
      if (ip !== n.gateway && !used.has(ip)) return ip;
    }
    return { error: `no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})` };
  }

  /** Addresses for every endpoint of a starting container, in a new network namespace (the host's for --network host). */
  attach(c: ContainerRec): { netns: number } | { error: DockerReply } {
    const h = this.e.host;
    const mode = this.modeNetwork(c);
    if (mode === 'host') return { netns: 0 };
    if (!c.endpoints) this.validate(c);
    const ips: string[] = [];
    const eps = Object.entries(c.endpoints ?? {});
    for (const [name, ep] of eps) {
      const n = this.byId.get(ep.networkId);
      if (!n) return { error: err(404, `network ${name} not found`) };
      const ip = this.allocate(n, ep.fixedIp);
      if (typeof ip !== 'string') {
        for (const [, e2] of eps) e2.ip = '';
        return { error: err(500, ip.error) };
      }
      Object.assign(ep, { ip, mac: macFor(ip), endpointId: h.randomId(), gateway: n.gateway, prefixLen: n.prefixLen });
      ips.push(ip);
    }
    const netns = h.netns.create();
    h.netns.setAddresses(netns, ips);
    const primary = eps[0]?.[1];
    c.ip = primary?.ip ?? '';
    c.mac = primary?.mac ?? '';
    c.endpointId = primary?.endpointId ?? '';
    return { netns };
  }

  /** The bridge a published port's rules name: the container's first network's. */
  bridgeOf(c: ContainerRec): string {
    const first = Object.values(c.endpoints ?? {})[0];
    return (first && this.byId.get(first.networkId)?.bridge) || BRIDGE.name;
  }

  /** A stopped container's endpoints lose their addresses. */
  detach(c: ContainerRec): void {
    for (const ep of Object.values(c.endpoints ?? {})) Object.assign(ep, { ip: '', mac: '', endpointId: '', gateway: '', prefixLen: 0 });
  }

  async connect(netRef: string, ctrRef: string, aliases: string[], ip: string | undefined, netns: number | undefined): Promise<DockerReply> {
    const n = this.find(netRef);
    if ('error' in n) return n.error;
    const c = this.e.containers.find(ctrRef);
    if (!c) return err(404, `No such container: ${ctrRef}`);
    const mode = this.modeNetwork(c);
    if (mode === 'host' || n.driver === 'host') return err(400, 'container cannot be disconnected from host network or connected to host network');
    if (mode === 'none' || n.driver === 'null') return err(400, 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
    if (n.name === 'bridge' && ip) return err(400, 'user specified IP address is supported on user defined networks only');
    if (n.name === 'bridge' && aliases.length) return err(400, 'network-scoped alias is supported only for containers in user defined networks');
    c.endpoints ??= {};
    if (c.endpoints[n.name]) return err(403, `endpoint with name ${c.name} already exists in network ${n.name}`);
    const ep: EndpointRec = { networkId: n.id, aliases, ...(ip ? { fixedIp: ip } : {}), ip: '', mac: '', endpointId: '', gateway: '', prefixLen: 0 };
    if (netns !== undefined) {
      const got = this.allocate(n, ip);
      if (typeof got !== 'string') return err(500, got.error);
      Object.assign(ep, { ip: got, mac: macFor(got), endpointId: this.e.host.randomId(), gateway: n.gateway, prefixLen: n.prefixLen });
    }
    c.endpoints[n.name] = ep;
    if (netns !== undefined) this.e.host.netns.setAddresses(netns, Object.values(c.endpoints).map((x) => x.ip).filter(Boolean));
    saveContainer(this.e.host, c);
    return { kind: 'ok' };
  }

  disconnect(netRef: string, ctrRef: string, force: boolean, netns: number | undefined): DockerReply {
    const found = this.find(netRef);
    const c = this.e.containers.find(ctrRef);
    if (!c) return err(404, `No such container: ${ctrRef}`);
    if ('error' in found && !(force && netns === undefined)) return found.error;
    const name = 'error' in found ? netRef : found.name;
    if (this.modeNetwork(c) === 'host' || name === 'host') return err(400, 'container cannot be disconnected from host network or connected to host network');
    if (!c.endpoints?.[name]) return err(500, netns !== undefined ? `container ${c.id} is not connected to network ${name}` : `container ${c.id} is not connected to the network ${name}`);
    delete c.endpoints[name];
    if (netns !== undefined) this.e.host.netns.setAddresses(netns, Object.values(c.endpoints).map((x) => x.ip).filter(Boolean));
    if (this.modeNetwork(c) === name) c.spec.network = Object.keys(c.endpoints)[0] ?? 'none';
    saveContainer(this.e.host, c);
    return { kind: 'ok' };
  }

  /** NetworkSettings.Networks of a container. */
  endpointInfo(c: ContainerRec): Record<string, EndpointInfo> {
    const out: Record<string, EndpointInfo> = {};
    const mode = this.modeNetwork(c);
    if (mode === 'host' || mode === 'none') {
      const n = this.find(mode);
      out[mode] = { networkId: 'error' in n ? '' : n.id, ip: '', mac: '', gateway: '', prefixLen: 0, endpointId: '', aliases: null, dnsNames: null };
      return out;
    }
    for (const [name, ep] of Object.entries(c.endpoints ?? { [mode]: { networkId: this.e.networkId('bridge'), aliases: [], ip: c.ip, mac: c.mac, endpointId: c.endpointId, gateway: BRIDGE.gateway, prefixLen: 16 } })) {
      const user = name !== 'bridge';
      out[name] = {
        networkId: ep.networkId, ip: ep.ip, mac: ep.mac, gateway: ep.gateway, prefixLen: ep.prefixLen, endpointId: ep.endpointId,
        aliases: ep.aliases.length ? ep.aliases : null, dnsNames: user ? this.dnsNames(c, ep) : null,
      };
    }
    return out;
  }

  /** The names the embedded DNS answers for an endpoint (buildEndpointDNSNames). */
  dnsNames(c: ContainerRec, ep: EndpointRec): string[] {
    return [...new Set([c.name, ...ep.aliases, c.id.slice(0, 12), c.config.Hostname].filter(Boolean))];
  }

  /** Whether the container is on a user-defined network (it then uses the embedded DNS server). */
  usesEmbeddedDns(c: ContainerRec): boolean {
    return Object.keys(c.endpoints ?? {}).some((name) => name !== 'bridge');
  }

  /** The embedded DNS server's answer for `name` asked from container `c`: the addresses of the containers it names on c's user-defined networks. */
  lookupName(c: ContainerRec, name: string): string[] {
    const want = name.toLowerCase().replace(/\.$/, '');
    const out: string[] = [];
    for (const [netName, mine] of Object.entries(c.endpoints ?? {})) {
      if (netName === 'bridge' || !mine.ip) continue;
      const n = this.byId.get(mine.networkId);
      if (!n) continue;
      const bare = want.endsWith(`.${n.name.toLowerCase()}`) ? want.slice(0, -n.name.length - 1) : want;
      for (const { c: o, ep } of this.members(n)) {
        if (this.dnsNames(o, ep).some((x) => x.toLowerCase() === bare) && !out.includes(ep.ip)) out.push(ep.ip);
      }
    }
    return out;
  }
}
