// networkctl list, status and lldp (networkctl.c, 253): links from rtnetlink, their states from
// systemd-networkd's files, the per-link and overall status tables and the recent journal lines.
import { UTC_ZONE } from '../../../shared/systemd/civil';
import type { AddrMsg, LinkMsg, NeighMsg, RouteMsg } from '../../../shared/services/net';
import { IFF } from '../../../shared/services/net';
import { parseAddr } from '../../../shared/services/net-addr';
import type { JournalEntry, JournalReply } from '../../../shared/services/journal';
import type { Sys } from '../../../shared/sys';
import { formatEntry } from '../../systemd/journalctl/format';
import { leaseState, linkState, managerState, ouiVendor, words } from '../common/netif';
import { ANSI, renderTable, type Cell } from '../common/table';
import { linkFacts } from '../networkd/match';

export interface Net {
  links: LinkMsg[];
  addrs: AddrMsg[];
  routes: RouteMsg[];
  neighs: NeighMsg[];
}

export interface Out {
  colors: boolean;
  columns: number;
  legend: boolean;
  lines: number;
  /** SPECIAL_GLYPH_BLACK_CIRCLE: ● in a UTF-8 locale, * otherwise. */
  circle: string;
}

function operColor(name: string, state: string | undefined): string | undefined {
  if (state === 'routable' || state === 'enslaved' || (name === 'lo' && state === 'carrier')) return ANSI.green;
  if (state === 'degraded') return ANSI.yellow;
  return undefined;
}

function setupColor(state: string | undefined): string | undefined {
  if (state === 'configured') return ANSI.green;
  if (state === 'configuring') return ANSI.yellow;
  if (state === 'failed' || state === 'linger') return ANSI.red;
  return undefined;
}

export async function listLinks(sys: Sys, links: LinkMsg[], o: Out): Promise<string> {
  const rows: Cell[][] = [];
  if (o.legend) {
    rows.push(['IDX', 'LINK', 'TYPE', 'OPERATIONAL', 'SETUP'].map((text, j) => ({ text, align: j === 0 ? 100 : 0, minWidth: j === 0 ? 3 : undefined, weight: j === 0 ? 0 : 100 })));
  }
  for (const l of links) {
    const st = await linkState(sys, l.ifindex);
    const oper = st?.get('OPER_STATE');
    const setup = st?.get('ADMIN_STATE') ?? 'unmanaged';
    rows.push([
      { text: String(l.ifindex), align: 100, minWidth: 3, weight: 0 }, { text: l.name }, { text: linkFacts(l).type },
      { text: oper ?? '-', color: operColor(l.name, oper) }, { text: setup, color: setupColor(setup) },
    ]);
  }
  let out = renderTable(rows, o.columns, o.colors);
  if (o.legend) out += `\n${links.length} links listed.\n`;
  return out;
}

/** local_addresses(): IPv4 first, then by scope, interface and address; host scope only per link. */
function localAddresses(net: Net, ifindex: number): AddrMsg[] {
  const key = (a: AddrMsg): number[] => [a.family === 4 ? 0 : 1, a.scope, a.ifindex, ...(parseAddr(a.local)?.bytes ?? [])];
  const cmp = (a: AddrMsg, b: AddrMsg): number => {
    const x = key(a);
    const y = key(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
    return 0;
  };
  return net.addrs
    .filter((a) => (ifindex <= 0 || a.ifindex === ifindex) && !(a.flags & 0x20) && !(ifindex <= 0 && a.scope >= 254))
    .sort(cmp);
}

const ifname = (net: Net, ifindex: number): string => net.links.find((l) => l.ifindex === ifindex)?.name ?? `%${ifindex}`;

function addresses(net: Net, ifindex: number, lease: Map<string, string> | undefined): string[] {
  return localAddresses(net, ifindex).map((a) => {
    const dhcp = lease && a.family === 4 && a.local === lease.get('ADDRESS') && lease.get('SERVER_ADDRESS') ? ` (DHCP4 via ${lease.get('SERVER_ADDRESS')})` : '';
    return `${a.local}${dhcp}${ifindex <= 0 ? ` on ${ifname(net, a.ifindex)}` : ''}`;
  });
}

/** local_gateways(): default routes of the main table with a gateway, by metric and interface. */
function gateways(net: Net, ifindex: number): string[] {
  return net.routes
    .filter((r) => r.table === 254 && r.type === 1 && r.dstLen === 0 && r.srcLen === 0 && r.gateway !== undefined && r.oif !== undefined && (ifindex <= 0 || r.oif === ifindex))
    .sort((a, b) => a.family - b.family || (a.priority ?? 0) - (b.priority ?? 0) || (a.oif ?? 0) - (b.oif ?? 0))
    .map((r) => {
      const n = net.neighs.find((x) => x.ifindex === r.oif && x.dst === r.gateway && x.lladdr);
      const vendor = n?.lladdr ? ouiVendor(n.lladdr) : undefined;
      return `${r.gateway}${vendor ? ` (${vendor})` : ''}${ifindex <= 0 ? ` on ${ifname(net, r.oif!)}` : ''}`;
    });
}

async function journal(sys: Sys, o: Out, query: { units?: string[]; matches?: [string, string][] }): Promise<string> {
  if (o.lines === 0) return '';
  const boots = (await sys.call('journal', { kind: 'boots' })) as JournalReply;
  const boot = boots.kind === 'boots' ? boots.boots.at(-1)?.id : undefined;
  const r = (await sys.call('journal', { kind: 'query', query: { ...query, ...(boot ? { boots: [boot] } : {}), tail: o.lines } })) as JournalReply;
  const entries: JournalEntry[] = r.kind === 'entries' ? r.entries : [];
  if (!entries.length) return '';
  const fmt = { mode: 'short' as const, zone: UTC_ZONE, machineId: '', color: o.colors, noHostname: false, all: false };
  return `\n${entries.map((e) => `${formatEntry(e, fmt)}\n`).join('')}`;
}

const field = (key: string, value: string | string[], color?: string): Cell[] => [{ text: '' }, { text: key, align: 100 }, { text: Array.isArray(value) ? value.join('\n') : value, color }];

export async function linkStatus(sys: Sys, l: LinkMsg, net: Net, o: Out): Promise<string> {
  const st = await linkState(sys, l.ifindex);
  const lease = await leaseState(sys, l.ifindex);
  const f = linkFacts(l);
  const oper = st?.get('OPER_STATE');
  const setup = st?.get('ADMIN_STATE') ?? 'unmanaged';
  const online = st?.get('ONLINE_STATE');
  const rows: Cell[][] = [[{ text: o.circle, color: operColor(l.name, oper) }, { text: `${l.ifindex}: ${l.name}`, align: 0 }, { text: '' }]];
  const add = (key: string, value: string | string[] | undefined, color?: string): void => {
    if (value === undefined || value.length === 0) return;
    rows.push(field(key, value, color));
  };
  add('Link File:', l.linkType === 'loopback' || l.kind ? 'n/a' : '/usr/lib/systemd/network/99-default.link');
  add('Network File:', st?.get('NETWORK_FILE') ?? 'n/a');
  const state = o.colors ? `${operColor(l.name, oper) ?? ''}${oper ?? 'n/a'}${operColor(l.name, oper) ? ANSI.normal : ''} (${setupColor(setup) ?? ''}${setup}${setupColor(setup) ? ANSI.normal : ''})` : `${oper ?? 'n/a'} (${setup})`;
  add('State:', state);
  add('Online state:', online ?? 'unknown', online === 'online' ? ANSI.green : online === 'partial' ? ANSI.yellow : undefined);
  add('Type:', f.type);
  add('Kind:', f.kind);
  add('Path:', f.path);
  add('Driver:', f.driver);
  add('Vendor:', f.vendor);
  add('Model:', f.model);
  const vendor = ouiVendor(l.address);
  add('Hardware Address:', `${l.address}${vendor ? ` (${vendor})` : ''}`);
  const mtuRange = l.minMtu > 0 || l.maxMtu > 0 ? ` (${[l.minMtu > 0 ? `min: ${l.minMtu}` : '', l.maxMtu > 0 ? `max: ${l.maxMtu}` : ''].filter(Boolean).join(', ')})` : '';
  add('MTU:', `${l.mtu}${mtuRange}`);
  add('QDisc:', l.qdisc);
  if (l.inet6) add('IPv6 Address Generation Mode:', ['eui64', 'none', 'stable-privacy', 'random'][l.addrGenMode] ?? 'eui64');
  add('Number of Queues (Tx/Rx):', `${l.numTxQueues}/${l.numRxQueues}`);
  if (f.driver === 'vmxnet3') {
    // what the vmxnet3 driver reports to ethtool
    add('Auto negotiation:', 'no');
    if (l.flags & IFF.LOWER_UP && l.flags & IFF.UP) add('Speed:', '10Gbps');
    add('Duplex:', l.flags & IFF.UP ? 'full' : undefined);
    add('Port:', 'tp');
  }
  add('Address:', addresses(net, l.ifindex, lease));
  add('Gateway:', gateways(net, l.ifindex));
  add('DNS:', words(st?.get('DNS')));
  add('Search Domains:', words(st?.get('DOMAINS')));
  add('Route Domains:', words(st?.get('ROUTE_DOMAINS')));
  add('NTP:', words(st?.get('NTP')));
  add('SIP:', words(st?.get('SIP')));
  add('Activation Policy:', st?.get('ACTIVATION_POLICY'));
  const rfo = st?.get('REQUIRED_FOR_ONLINE');
  if (rfo) add('Required For Online:', rfo);
  const clientId = lease?.get('CLIENTID');
  if (clientId?.startsWith('ff') && clientId.length >= 10) add('DHCP4 Client ID:', `IAID:0x${parseInt(clientId.slice(2, 10), 16).toString(16)}/DUID`);
  add('DHCP6 Client IAID:', st?.get('DHCP6_CLIENT_IAID'));
  add('DHCP6 Client DUID:', st?.get('DHCP6_CLIENT_DUID'));
  return renderTable(rows, o.columns, o.colors) + (await journal(sys, o, { matches: [['INTERFACE', l.name]] }));
}

export async function systemStatus(sys: Sys, net: Net, o: Out): Promise<string> {
  const st = await managerState(sys);
  const oper = st?.get('OPER_STATE');
  const online = st?.get('ONLINE_STATE');
  const rows: Cell[][] = [
    [{ text: o.circle, color: operColor('', oper) }, { text: 'State:', align: 100 }, { text: oper ?? 'n/a', color: operColor('', oper) }],
    field('Online state:', online ?? 'unknown', online === 'online' ? ANSI.green : online === 'partial' ? ANSI.yellow : undefined),
  ];
  for (const [key, value] of [['Address:', addresses(net, 0, undefined)], ['Gateway:', gateways(net, 0)], ['DNS:', words(st?.get('DNS'))], ['Search Domains:', words(st?.get('DOMAINS'))], ['Route Domains:', words(st?.get('ROUTE_DOMAINS'))], ['NTP:', words(st?.get('NTP'))]] as const) {
    if (value.length) rows.push(field(key, value));
  }
  return renderTable(rows, o.columns, o.colors) + (await journal(sys, o, { units: ['systemd-networkd.service', 'systemd-networkd-wait-online.service'] }));
}

export function lldpStatus(o: Out): string {
  const header = ['LINK', 'CHASSIS-ID', 'SYSTEM-NAME', 'CAPS', 'PORT-ID', 'PORT-DESCRIPTION'].map((text, j) => ({ text, minWidth: j === 3 ? 11 : undefined }));
  let out = o.legend ? renderTable([header], o.columns, o.colors) : '';
  if (o.legend) out += '\n0 neighbors listed.\n';
  return out;
}
