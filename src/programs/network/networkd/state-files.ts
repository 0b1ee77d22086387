// networkd's runtime state for other programs (networkd-state-file.c): /run/systemd/netif/state,
// links/IFINDEX and leases/IFINDEX. networkctl and systemd-resolved read them (sd-network).
import type { AddrMsg, LinkMsg } from '../../../shared/services/net';
import { IFF } from '../../../shared/services/net';
import type { DhcpLease } from '../../../shared/services/resolve';
import type { NetworkConfig } from './network-file';

const HEADER = '# This is private data. Do not parse.\n';
const CARRIER = ['off', 'no-carrier', 'dormant', 'degraded-carrier', 'carrier', 'enslaved'] as const;
const ADDRESS = ['off', 'degraded', 'routable'] as const;
const OPER = ['missing', 'off', 'no-carrier', 'dormant', 'degraded-carrier', 'carrier', 'degraded', 'enslaved', 'routable'] as const;

export interface LinkStates {
  carrier: number;
  address: number;
  ipv4: number;
  ipv6: number;
  oper: number;
}

/** What a link's runtime record holds besides the kernel's view. */
export interface LinkRecord {
  ifindex: number;
  name: string;
  admin: string;
  network?: NetworkConfig;
  lease?: DhcpLease;
  /** Runtime DNS servers and domains set over the bus (resolvectl dns/domain). */
  dns?: string[];
  domains?: string[];
  iaid: number;
  duid: string;
}

function addressState(scope: number): number {
  if (scope < 200) return 2; // RT_SCOPE_SITE: universally accessible addresses
  if (scope < 254) return 1; // link or site local only
  return 0;
}

/** link_update_operstate(): carrier, address and operational states of one link. */
export function linkStates(l: LinkMsg, addrs: AddrMsg[]): LinkStates {
  const hasCarrier = (l.flags & IFF.LOWER_UP) !== 0 && (l.operstate === 'UP' || l.operstate === 'UNKNOWN');
  const carrier = l.operstate === 'DORMANT' ? 2 : hasCarrier ? (l.master ? 5 : 4) : l.flags & IFF.UP ? 1 : 0;
  // tentative addresses (IPv6 DAD under way) do not count yet
  const mine = addrs.filter((a) => a.ifindex === l.ifindex && !(a.flags & 0x40));
  const min = (f: 4 | 6): number => Math.min(255, ...mine.filter((a) => a.family === f).map((a) => a.scope));
  const ipv4 = addressState(min(4));
  const ipv6 = addressState(min(6));
  const address = addressState(Math.min(min(4), min(6)));
  let oper: number;
  if (carrier < 4 || address === 0) oper = carrier + 1;
  else if (address === 2) oper = 8;
  else oper = carrier === 4 ? 6 : 7;
  return { carrier, address, ipv4, ipv6, oper };
}

export const operName = (s: LinkStates): string => OPER[s.oper]!;

export function onlineState(rec: LinkRecord, s: LinkStates): string | undefined {
  if (!rec.network || !rec.network.requiredForOnline) return undefined;
  // RequiredForOnline= defaults to degraded..routable
  return s.oper >= 6 && s.oper <= 8 ? 'online' : 'offline';
}

/** The DNS servers, NTP servers and search domains a link offers (static ones, then DHCP's). */
export function linkResolverData(rec: LinkRecord): { dns: string[]; ntp: string[]; domains: string[]; routeDomains: string[] } {
  const n = rec.network;
  if (!n) return { dns: [], ntp: [], domains: [], routeDomains: [] };
  const dns = rec.dns ?? [...n.dns, ...(rec.lease && n.dhcpUseDns ? rec.lease.dns.filter((d) => !d.startsWith('127.')) : [])];
  const domains = rec.domains ?? [...n.domains, ...(rec.lease && n.dhcpUseDomains === 'yes' ? [rec.lease.domain] : [])];
  const routeDomains = [...n.routeDomains, ...(rec.lease && n.dhcpUseDomains === 'route' ? [rec.lease.domain] : [])];
  return { dns: [...new Set(dns)], ntp: n.ntp, domains: [...new Set(domains)], routeDomains };
}

export function linkFile(rec: LinkRecord, l: LinkMsg, addrs: AddrMsg[]): string {
  const s = linkStates(l, addrs);
  let out = `${HEADER}ADMIN_STATE=${rec.admin}\nOPER_STATE=${operName(s)}\nCARRIER_STATE=${CARRIER[s.carrier]}\nADDRESS_STATE=${ADDRESS[s.address]}\nIPV4_ADDRESS_STATE=${ADDRESS[s.ipv4]}\nIPV6_ADDRESS_STATE=${ADDRESS[s.ipv6]}\n`;
  const n = rec.network;
  if (n) {
    const online = onlineState(rec, s);
    if (online) out += `ONLINE_STATE=${online}\n`;
    const r = linkResolverData(rec);
    out += `REQUIRED_FOR_ONLINE=${n.requiredForOnline ? 'yes' : 'no'}\nREQUIRED_OPER_STATE_FOR_ONLINE=degraded\nREQUIRED_FAMILY_FOR_ONLINE=any\n`;
    out += `ACTIVATION_POLICY=${n.activationPolicy}\nNETWORK_FILE=${n.file}\nNETWORK_FILE_DROPINS=""\n`;
    out += `DNS=${r.dns.join(' ')}\nNTP=${r.ntp.join(' ')}\nSIP=\nDOMAINS=${r.domains.join(' ')}\nROUTE_DOMAINS=${r.routeDomains.join(' ')}\n`;
    out += `LLMNR=${n.llmnr}\nMDNS=${n.mdns}\n`;
    if (n.dnsDefaultRoute !== undefined) out += `DNS_DEFAULT_ROUTE=${n.dnsDefaultRoute ? 'yes' : 'no'}\n`;
    if (rec.lease) out += `DHCP_LEASE=/run/systemd/netif/leases/${rec.ifindex}\n`;
    if (n.dhcp === 'yes' || n.dhcp === 'ipv6') out += `DHCP6_CLIENT_IAID=0x${rec.iaid.toString(16)}\nDHCP6_CLIENT_DUID=DUID-EN/Vendor:${rec.duid}\n`;
  }
  return out;
}

export function leaseFile(rec: LinkRecord): string {
  const l = rec.lease!;
  let out = `${HEADER}ADDRESS=${l.address}\nNETMASK=${l.netmask}\nROUTER=${l.router}\nSERVER_ADDRESS=${l.serverAddress}\nBROADCAST=${l.broadcast}\n`;
  out += `T1=${l.t1}\nT2=${l.t2}\nLIFETIME=${l.leaseSeconds}\nDNS=${l.dns.join(' ')}\nDOMAINNAME=${l.domain}\n`;
  // ClientIdentifier=duid: type 255, the IAID, then the DUID (type 2, DUID-EN)
  out += `CLIENTID=ff${rec.iaid.toString(16).padStart(8, '0')}0002${rec.duid}\n`;
  return out;
}

/** /run/systemd/netif/state: the most connected state of all links but the loopback. */
export function managerFile(records: LinkRecord[], links: LinkMsg[], addrs: AddrMsg[]): string {
  let carrier = 0;
  let address = 0;
  let ipv4 = 0;
  let ipv6 = 0;
  let oper = 1;
  let online = 0;
  let offline = 0;
  const dns: string[] = [];
  const ntp: string[] = [];
  const domains: string[] = [];
  const routeDomains: string[] = [];
  for (const l of links) {
    if (l.flags & IFF.LOOPBACK) continue;
    const s = linkStates(l, addrs);
    carrier = Math.max(carrier, s.carrier);
    address = Math.max(address, s.address);
    ipv4 = Math.max(ipv4, s.ipv4);
    ipv6 = Math.max(ipv6, s.ipv6);
    oper = Math.max(oper, s.oper);
    const rec = records.find((r) => r.ifindex === l.ifindex);
    if (!rec?.network) continue;
    const o = onlineState(rec, s);
    if (o === 'online') online++;
    else if (o === 'offline') offline++;
    const r = linkResolverData(rec);
    dns.push(...r.dns);
    ntp.push(...r.ntp);
    domains.push(...r.domains);
    routeDomains.push(...r.routeDomains);
  }
  if (carrier >= 5) carrier = 4;
  let out = `${HEADER}OPER_STATE=${OPER[oper]}\nCARRIER_STATE=${CARRIER[carrier]}\nADDRESS_STATE=${ADDRESS[address]}\nIPV4_ADDRESS_STATE=${ADDRESS[ipv4]}\nIPV6_ADDRESS_STATE=${ADDRESS[ipv6]}\n`;
  const state = online > 0 ? (offline > 0 ? 'partial' : 'online') : offline > 0 ? 'offline' : undefined;
  if (state) out += `ONLINE_STATE=${state}\n`;
  const set = (k: string, v: string[]): void => {
    const u = [...new Set(v)];
    if (u.length) out += `${k}=${u.join(' ')}\n`;
  };
  set('DNS', dns);
  set('NTP', ntp);
  set('DOMAINS', domains);
  set('ROUTE_DOMAINS', routeDomains);
  return out;
}
