// The lookups iptables makes through glibc: getservbyname/getservbyport (/etc/services),
// getprotobyname/getprotobynumber (/etc/protocols), getaddrinfo/getnameinfo on the "files"
// source (/etc/hosts; no DNS here) and getnetbyname (/etc/networks). Read once per run; the
// built-in entries (netdb-data.ts, the image's /etc/services and /etc/protocols) serve tests.
import type { Sys } from '../../shared/sys';
import { Accounts } from '../lib/accounts';
import { NETWORKS_DATA, PROTOCOLS_DATA, SERVICES_DATA } from './netdb-data';

interface Service {
  name: string;
  port: number;
  proto: string;
  aliases: string[];
}

interface Protocol {
  name: string;
  num: number;
  aliases: string[];
}

interface HostLine {
  addr: string;
  names: string[];
}

const decoder = new TextDecoder();

async function readText(sys: Sys, path: string): Promise<string | null> {
  try {
    return decoder.decode(await sys.readFile(path));
  } catch {
    return null;
  }
}

function fields(line: string): string[] {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).split(/\s+/).filter((f) => f !== '');
}

function parseServices(text: string): Service[] {
  const out: Service[] = [];
  for (const line of text.split('\n')) {
    const f = fields(line);
    const m = /^(\d+)\/(\w+)$/.exec(f[1] ?? '');
    if (f.length < 2 || !m) continue;
    out.push({ name: f[0]!, port: Number(m[1]), proto: m[2]!, aliases: f.slice(2) });
  }
  return out;
}

const SERVICE_PROTOS: Record<string, string[]> = { b: ['tcp', 'udp'], t: ['tcp'], u: ['udp'], s: ['sctp'], d: ['ddp'] };

/** The built-in table: "name port t|u|b aliases" (parsed once per worker: it never changes). */
let builtinCache: Service[] | undefined;
function builtinServices(): Service[] {
  if (builtinCache) return builtinCache;
  const out: Service[] = [];
  for (const line of SERVICES_DATA.split('\n')) {
    const f = fields(line);
    if (f.length < 3) continue;
    const [name, port, p] = f as [string, string, string];
    for (const proto of SERVICE_PROTOS[p] ?? ['udp']) out.push({ name, port: Number(port), proto, aliases: f.slice(3) });
  }
  return (builtinCache = out);
}

function parseProtocols(text: string): Protocol[] {
  const out: Protocol[] = [];
  for (const line of text.split('\n')) {
    const f = fields(line);
    if (f.length < 2 || !/^\d+$/.test(f[1]!)) continue;
    out.push({ name: f[0]!, num: Number(f[1]), aliases: f.slice(2) });
  }
  return out;
}

function parseHosts(text: string): HostLine[] {
  const out: HostLine[] = [];
  for (const line of text.split('\n')) {
    const f = fields(line);
    if (f.length >= 2) out.push({ addr: f[0]!, names: f.slice(1) });
  }
  return out;
}

/** An iproute2 id/name table (xtables_lmap): /etc/iproute2/rt_realms, /etc/iproute2/group. */
export interface LMapEntry {
  id: number;
  name: string;
}

/** xtables_lmap_init's reading: "id name" lines, ids in decimal or 0x hex, 0-255. */
export function parseLmap(text: string): LMapEntry[] {
  const out: LMapEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(0x[0-9a-fA-F]+|\d+)\s+([^\s#][^\s]*)/.exec(line);
    if (!m) continue;
    const id = m[1]!.startsWith('0x') ? parseInt(m[1]!.slice(2), 16) : parseInt(m[1]!, 10);
    if (id <= 255) out.push({ id, name: m[2]! });
  }
  return out;
}

// what iproute2 installs, for a machine without the files
const BUILTIN_REALMS: LMapEntry[] = [{ id: 0, name: 'cosmos' }];
const BUILTIN_GROUPS: LMapEntry[] = [{ id: 0, name: 'default' }];

export class NetDb {
  /** realm and device-group names (-m realm, -m devgroup) */
  realms: LMapEntry[] = BUILTIN_REALMS;
  groups: LMapEntry[] = BUILTIN_GROUPS;

  private constructor(
    private readonly services: Service[],
    private readonly protocols: Protocol[],
    private readonly hosts: HostLine[],
    private readonly networks: HostLine[],
    /** users and groups, for -m owner */
    readonly accounts: Accounts | null = null,
  ) {}

  static async load(sys: Sys): Promise<NetDb> {
    const [svc, proto, hosts, nets, accounts, realms, groups] = await Promise.all([readText(sys, '/etc/services'), readText(sys, '/etc/protocols'), readText(sys, '/etc/hosts'), readText(sys, '/etc/networks'), Accounts.load(sys), readText(sys, '/etc/iproute2/rt_realms'), readText(sys, '/etc/iproute2/group')]);
    const db = new NetDb(
      // (a machine without the files has no names for ports and protocols, as with glibc)
      parseServices(svc ?? ''),
      parseProtocols(proto ?? ''),
      parseHosts(hosts ?? ''),
      // /etc/networks lines are "name address"
      parseHosts(nets ?? NETWORKS_DATA).map((l) => ({ addr: l.names[0] ?? '', names: [l.addr] })),
      accounts,
    );
    if (realms !== null) db.realms = parseLmap(realms);
    if (groups !== null) db.groups = parseLmap(groups);
    return db;
  }

  /** For tests: a database from file contents. */
  static fromText(services: string | null, protocols: string | null, hosts: string, networks = ''): NetDb {
    return new NetDb(services === null ? builtinServices() : parseServices(services), parseProtocols(protocols ?? PROTOCOLS_DATA), parseHosts(hosts), parseHosts(networks).map((l) => ({ addr: l.names[0] ?? '', names: [l.addr] })));
  }

  /** getservbyname(name, proto); proto null matches any protocol. */
  serviceByName(name: string, proto: string | null): number | undefined {
    const s = this.services.find((e) => (proto === null || e.proto === proto) && (e.name === name || e.aliases.includes(name)));
    return s?.port;
  }

  /** getservbyport(port, proto) */
  serviceByPort(port: number, proto: string | null): string | undefined {
    return this.services.find((e) => e.port === port && (proto === null || e.proto === proto))?.name;
  }

  protoByName(name: string): number | undefined {
    return this.protocols.find((p) => p.name === name || p.aliases.includes(name))?.num;
  }

  protoByNumber(num: number): string | undefined {
    return this.protocols.find((p) => p.num === num)?.name;
  }

  /** Addresses /etc/hosts gives a name, in file order (getaddrinfo on the files source). */
  hostAddrs(name: string, isFamily: (addr: string) => boolean): string[] {
    const out: string[] = [];
    for (const h of this.hosts) if (h.names.includes(name) && isFamily(h.addr) && !out.includes(h.addr)) out.push(h.addr);
    return out;
  }

  /** The canonical name of the first /etc/hosts line for the address (getnameinfo). */
  hostName(addr: string, same: (a: string, b: string) => boolean): string | undefined {
    return this.hosts.find((h) => same(h.addr, addr))?.names[0];
  }

  networkAddr(name: string): string | undefined {
    return this.networks.find((n) => n.names.includes(name))?.addr;
  }

  /** getnetbyaddr: the name of a network number, as written in /etc/networks. */
  networkName(same: (addr: string) => boolean): string | undefined {
    return this.networks.find((n) => same(n.addr))?.names[0];
  }
}
