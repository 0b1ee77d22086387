// A .network file (systemd.network(5)) turned into the settings networkd acts on, logging what
// networkd 253 logs for values it cannot use (the texts of networkd-network.c, -address.c,
// -route.c, -dhcp-common.c and conf-parser.c). Keys that have no effect in the simulation are
// accepted silently, as their parsers would accept valid values.
import { formatAddr, parseAddr, parseIPv4, type IpAddr } from '../../../shared/services/net-addr';
import type { Assignment, LogLine } from './ini';

export interface MatchSpec {
  names: string[];
  macs: string[];
  types: string[];
  drivers: string[];
  kinds: string[];
  paths: string[];
  /** Host=, Virtualization=, KernelCommandLine= ... conditions (all hold on this machine). */
  conditions: number;
}

export interface StaticAddress {
  family: 4 | 6;
  address: string;
  prefixlen: number;
  section: string;
}

export interface StaticRoute {
  family: 4 | 6;
  dst: string;
  dstLen: number;
  gateway?: string;
  metric: number;
  section: string;
}

export type Family = 'yes' | 'no' | 'ipv4' | 'ipv6';

export interface NetworkConfig {
  file: string;
  /** The file name without .network: networkd keys its networks by it. */
  name: string;
  match: MatchSpec;
  unmanaged: boolean;
  requiredForOnline: boolean;
  activationPolicy: string;
  mtu?: number;
  dhcp: Family;
  linkLocal?: string;
  ipv6AcceptRA?: boolean;
  keepConfiguration?: string;
  addresses: StaticAddress[];
  routes: StaticRoute[];
  dns: string[];
  domains: string[];
  routeDomains: string[];
  ntp: string[];
  llmnr: string;
  mdns: string;
  dnsDefaultRoute?: boolean;
  dhcpUseDns: boolean;
  dhcpUseDomains: string;
  dhcpRouteMetric: number;
  dhcpSendRelease: boolean;
}

const BOOLEANS = new Map([['1', true], ['yes', true], ['y', true], ['true', true], ['t', true], ['on', true], ['0', false], ['no', false], ['n', false], ['false', false], ['f', false], ['off', false]]);
export const parseBoolean = (v: string): boolean | undefined => BOOLEANS.get(v.toLowerCase());

const FAMILIES: Record<string, Family> = { ipv4: 'ipv4', ipv6: 'ipv6' };
const DEPRECATED_DHCP: Record<string, Family> = { none: 'no', both: 'yes', v4: 'ipv4', v6: 'ipv6' };
const KEEP = ['no', 'dhcp-on-stop', 'dhcp', 'static', 'yes'];
const LINK_LOCAL = ['no', 'yes', 'ipv4', 'ipv6', 'fallback', 'ipv4-fallback'];
/** Classful prefix lengths networkd assumes for an IPv4 address given without one. */
const classful = (a: IpAddr): number => (a.bytes[0]! < 128 ? 8 : a.bytes[0]! < 192 ? 16 : 24);
const IFNAME_BAD = /[\s/:]/;

function family(value: string): Family | undefined {
  const b = parseBoolean(value);
  return b !== undefined ? (b ? 'yes' : 'no') : FAMILIES[value];
}

/** Builds a network from `assignments` (in file order), pushing networkd's warnings to `logs`. */
export function networkFromAssignments(file: string, assignments: Assignment[], logs: LogLine[]): NetworkConfig {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const n: NetworkConfig = {
    file, name: base.replace(/\.network$/, ''), match: { names: [], macs: [], types: [], drivers: [], kinds: [], paths: [], conditions: 0 },
    unmanaged: false, requiredForOnline: true, activationPolicy: 'up', dhcp: 'no', addresses: [], routes: [], dns: [], domains: [], routeDomains: [], ntp: [],
    llmnr: 'yes', mdns: 'no', dhcpUseDns: true, dhcpUseDomains: 'no', dhcpRouteMetric: 1024, dhcpSendRelease: true,
  };
  const warn = (a: Assignment, message: string): void => void logs.push({ priority: 4, message: `${file}:${a.line}: ${message}`, line: a.line });
  // [Route] sections are keyed by their header line, Gateway= in [Network] by its own line
  const routes = new Map<string, Partial<StaticRoute> & { section: string }>();
  const route = (a: Assignment, key: string): Partial<StaticRoute> & { section: string } => {
    let r = routes.get(key);
    if (!r) routes.set(key, (r = { section: key }));
    return r;
  };
  const boolean = (a: Assignment, set: (v: boolean) => void): void => {
    const b = parseBoolean(a.value);
    if (b === undefined) warn(a, `Failed to parse boolean value, ignoring: ${a.value}`);
    else set(b);
  };
  const tristate = (a: Assignment, set: (v: boolean | undefined) => void): void => {
    if (a.value === '') return set(undefined);
    const b = parseBoolean(a.value);
    if (b === undefined) warn(a, `Failed to parse boolean value for ${a.key}=, ignoring: ${a.value}`);
    else set(b);
  };
  const strv = (a: Assignment, list: string[]): void => {
    if (a.value === '') list.length = 0;
    else {
      const invert = a.value.startsWith('!');
      for (const w of (invert ? a.value.slice(1) : a.value).split(/\s+/).filter(Boolean)) list.push(invert ? `!${w}` : w);
    }
  };
  for (const a of assignments) {
    const id = `${a.section}.${a.key}`;
    switch (id) {
      case 'Match.Name': {
        if (a.value === '') n.match.names = [];
        const invert = a.value.startsWith('!');
        for (const w of (invert ? a.value.slice(1) : a.value).split(/\s+/).filter(Boolean)) {
          if (w.length > 128 || IFNAME_BAD.test(w) || w === '.' || w === '..') warn(a, `Interface name is not valid or too long, ignoring assignment: ${w}`);
          else n.match.names.push(invert ? `!${w}` : w);
        }
        break;
      }
      case 'Match.MACAddress':
        if (a.value === '') n.match.macs = [];
        for (const w of a.value.split(/\s+/).filter(Boolean)) {
          const m = /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i.test(w) ? w.replace(/[:-]/g, '').toLowerCase().match(/../g)!.join(':') : undefined;
          if (m) n.match.macs.push(m);
          else warn(a, `Not a valid hardware address, ignoring: ${w}`);
        }
        break;
      case 'Match.Type': strv(a, n.match.types); break;
      case 'Match.Driver': strv(a, n.match.drivers); break;
      case 'Match.Kind': strv(a, n.match.kinds); break;
      case 'Match.Path': strv(a, n.match.paths); break;
      case 'Match.Host': case 'Match.Virtualization': case 'Match.KernelCommandLine': case 'Match.KernelVersion': case 'Match.Architecture':
        if (a.value !== '') n.match.conditions++;
        break;
      case 'Link.Unmanaged': boolean(a, (v) => (n.unmanaged = v)); break;
      case 'Link.RequiredForOnline': {
        const b = parseBoolean(a.value);
        if (b !== undefined) n.requiredForOnline = b;
        else if (!/^(missing|off|no-carrier|dormant|degraded-carrier|carrier|degraded|enslaved|routable)(:(missing|off|no-carrier|dormant|degraded-carrier|carrier|degraded|enslaved|routable))?$/.test(a.value)) warn(a, `Failed to parse ${a.key}= setting, ignoring assignment: ${a.value}`);
        break;
      }
      case 'Link.ActivationPolicy':
        if (['up', 'always-up', 'manual', 'always-down', 'down', 'bound'].includes(a.value)) n.activationPolicy = a.value;
        else warn(a, `Failed to parse activation policy, ignoring: ${a.value}`);
        break;
      case 'Link.MTUBytes': {
        const v = Number(a.value);
        if (!/^\d+$/.test(a.value)) warn(a, `Failed to parse MTU value '${a.value}', ignoring: Invalid argument`);
        else if (v < 68 || v > 0xffffffff) warn(a, `Maximum transfer unit (MTU) value out of range. Permitted range is 68…4294967295, ignoring: ${a.value}`);
        else n.mtu = v;
        break;
      }
      case 'Network.DHCP': {
        const f = family(a.value);
        if (f) n.dhcp = f;
        else if (DEPRECATED_DHCP[a.value]) {
          warn(a, `DHCP=${a.value} is deprecated, please use DHCP=${DEPRECATED_DHCP[a.value]} instead.`);
          n.dhcp = DEPRECATED_DHCP[a.value]!;
        } else warn(a, `Failed to parse DHCP option, ignoring: ${a.value}`);
        break;
      }
      case 'Network.LinkLocalAddressing': {
        const b = parseBoolean(a.value);
        if (b !== undefined) n.linkLocal = b ? 'yes' : 'no';
        else if (LINK_LOCAL.includes(a.value)) n.linkLocal = a.value;
        else warn(a, `Failed to parse option, ignoring: ${a.value}`);
        break;
      }
      case 'Network.IPv6AcceptRA': tristate(a, (v) => (n.ipv6AcceptRA = v)); break;
      case 'Network.DNSDefaultRoute': tristate(a, (v) => (n.dnsDefaultRoute = v)); break;
      case 'Network.KeepConfiguration': {
        const b = parseBoolean(a.value);
        if (b !== undefined) n.keepConfiguration = b ? 'yes' : 'no';
        else if (KEEP.includes(a.value)) n.keepConfiguration = a.value;
        else warn(a, `Failed to parse KeepConfiguration= setting, ignoring: ${a.value}`);
        break;
      }
      case 'Network.Address':
      case 'Address.Address': {
        const addr = parsePrefix(a.value);
        if (addr === 'no-prefix') {
          const ip = parseAddr(a.value)!;
          const len = ip.family === 4 ? classful(ip) : 128;
          warn(a, `An address '${a.value}' is specified without prefix length. Assuming the prefix length is ${len}.Please specify the prefix length explicitly.`);
          n.addresses.push({ family: ip.family, address: formatAddr(ip), prefixlen: len, section: a.section === 'Network' ? `l${a.line}` : `s${a.sectionLine}` });
        } else if (!addr) warn(a, `Invalid address '${a.value}', ignoring assignment: Invalid argument`);
        else n.addresses.push({ ...addr, section: a.section === 'Network' ? `l${a.line}` : `s${a.sectionLine}` });
        break;
      }
      case 'Network.Gateway':
      case 'Route.Gateway': {
        const key = a.section === 'Network' ? `l${a.line}` : `s${a.sectionLine}`;
        if (a.value === '') {
          if (a.section === 'Route') route(a, key).gateway = undefined;
          break;
        }
        const gw = parseAddr(a.value);
        if (!gw) {
          warn(a, `Invalid ${a.key}='${a.value}', ignoring assignment: Invalid argument`);
          break;
        }
        const r = route(a, key);
        r.gateway = formatAddr(gw);
        r.family = gw.family;
        break;
      }
      case 'Route.Destination': {
        const p = parsePrefix(a.value);
        const plain = p === 'no-prefix' ? parseAddr(a.value) : null;
        if (!p || (p === 'no-prefix' && !plain)) {
          warn(a, `Invalid ${a.key}='${a.value}', ignoring assignment: Invalid argument`);
          break;
        }
        const r = route(a, `s${a.sectionLine}`);
        if (p === 'no-prefix') Object.assign(r, { family: plain!.family, dst: formatAddr(plain!), dstLen: plain!.family === 4 ? 32 : 128 });
        else Object.assign(r, { family: p.family, dst: p.address, dstLen: p.prefixlen });
        break;
      }
      case 'Route.Metric': {
        if (!/^\d+$/.test(a.value) || Number(a.value) > 0xffffffff) {
          warn(a, `Could not parse route priority "${a.value}", ignoring assignment: Invalid argument`);
          break;
        }
        route(a, `s${a.sectionLine}`).metric = Number(a.value);
        break;
      }
      case 'Network.DNS':
        if (a.value === '') n.dns = [];
        for (const w of a.value.split(/\s+/).filter(Boolean)) {
          if (validDnsServer(w)) n.dns.push(w);
          else warn(a, `Failed to parse dns server address, ignoring: ${w}`);
        }
        break;
      case 'Network.Domains':
        if (a.value === '') {
          n.domains = [];
          n.routeDomains = [];
        }
        for (const w of a.value.split(/\s+/).filter(Boolean)) {
          const route_ = w.startsWith('~');
          const d = (route_ ? w.slice(1) : w).replace(/\.$/, '');
          const root = d === '' || d === '*';
          if (!root && !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(d)) warn(a, `'${d}' is not a valid domain name, ignoring.`);
          else if (d.toLowerCase() === 'localhost' || d.toLowerCase().endsWith('.localhost')) warn(a, `'localhost' domain may not be configured as search or route domain, ignoring assignment: ${d}`);
          else {
            const list = route_ || root ? n.routeDomains : n.domains;
            const v = root ? '.' : d;
            if (!list.includes(v)) list.push(v);
          }
        }
        break;
      case 'Network.NTP': if (a.value === '') n.ntp = []; else n.ntp.push(...a.value.split(/\s+/).filter(Boolean)); break;
      case 'Network.LLMNR': case 'Network.MulticastDNS': {
        const b = parseBoolean(a.value);
        const v = b !== undefined ? (b ? 'yes' : 'no') : a.value === 'resolve' ? 'resolve' : undefined;
        if (v === undefined) warn(a, `Failed to parse resolve support setting, ignoring: ${a.value}`);
        else if (a.key === 'LLMNR') n.llmnr = v;
        else n.mdns = v;
        break;
      }
      case 'DHCPv4.UseDNS': case 'DHCP.UseDNS': boolean(a, (v) => (n.dhcpUseDns = v)); break;
      case 'DHCPv4.UseDomains': case 'DHCP.UseDomains': {
        const b = parseBoolean(a.value);
        if (b !== undefined) n.dhcpUseDomains = b ? 'yes' : 'no';
        else if (a.value === 'route') n.dhcpUseDomains = 'route';
        else warn(a, `Failed to parse ${a.key}=${a.value}, ignoring assignment: Invalid argument`);
        break;
      }
      case 'DHCPv4.RouteMetric': case 'DHCP.RouteMetric':
        if (/^\d+$/.test(a.value)) n.dhcpRouteMetric = Number(a.value);
        else warn(a, `Failed to parse RouteMetric=${a.value}, ignoring assignment: Invalid argument`);
        break;
      case 'DHCPv4.SendRelease': case 'DHCP.SendRelease': boolean(a, (v) => (n.dhcpSendRelease = v)); break;
    }
  }
  for (const r of routes.values()) {
    if (r.family === undefined) {
      logs.push({ priority: 4, message: `${file}: Invalid route family. Ignoring [Route] section from line ${r.section.slice(1)}.` });
      continue;
    }
    n.routes.push({ family: r.family, dst: r.dst ?? (r.family === 4 ? '0.0.0.0' : '::'), dstLen: r.dstLen ?? 0, gateway: r.gateway, metric: r.metric ?? 0, section: r.section });
  }
  return n;
}

/** ADDRESS/PREFIXLEN; 'no-prefix' when a valid address lacks the length. */
function parsePrefix(text: string): { family: 4 | 6; address: string; prefixlen: number } | 'no-prefix' | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return parseAddr(text) ? 'no-prefix' : undefined;
  const a = parseAddr(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!a || !/^\d{1,3}$/.test(lenText)) return undefined;
  const len = Number(lenText);
  if (len > (a.family === 4 ? 32 : 128)) return undefined;
  return { family: a.family, address: formatAddr(a), prefixlen: len };
}

/** in_addr_full_new_from_string: ADDRESS[:PORT][%IFNAME][#SERVERNAME]. */
function validDnsServer(w: string): boolean {
  const noName = w.replace(/#.*$/, '').replace(/%[^%]*$/, '');
  if (parseAddr(noName)) return true;
  const v4port = /^(.+):(\d{1,5})$/.exec(noName);
  if (v4port && parseIPv4(v4port[1]!)) return true;
  const v6port = /^\[(.+)\]:(\d{1,5})$/.exec(noName);
  return v6port !== null && parseAddr(v6port[1]!) !== null;
}
