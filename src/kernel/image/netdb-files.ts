// The network name databases of a fresh Photon OS 5.0: /etc/services and /etc/protocols (the
// iana-etc package: port and protocol numbers with their registered names) and iproute2's
// /etc/iproute2 tables (route tables, route origins, scopes, realms, TOS names, device
// groups). Programs read these files, so an administrator's edit changes what they print.
// The browser build loads their bytes a moment after the first prompt (LATE_PATHS in
// scripts/vite-fresh-disk.ts lists them).
import { PROTOCOLS_DATA, SERVICES_DATA } from '../../programs/netfilter/netdb-data';
import type { ImageWriter } from './build';

const PROTO_CODES: Record<string, string[]> = { b: ['tcp', 'udp'], t: ['tcp'], u: ['udp'], s: ['sctp'], d: ['ddp'] };

const col = (s: string, width: number): string => (s.length >= width ? `${s} ` : s.padEnd(width));

function servicesText(): string {
  let out = '# /etc/services: Internet network services, one line per port and transport:\n#   name  port/protocol  [aliases]\n\n';
  for (const line of SERVICES_DATA.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 3) continue;
    const [name, port, code] = f as [string, string, string];
    for (const proto of PROTO_CODES[code] ?? []) out += `${col(name, 16)}${col(`${port}/${proto}`, 16)}${f.slice(3).join(' ')}`.trimEnd() + '\n';
  }
  return out;
}

function protocolsText(): string {
  let out = '# /etc/protocols: Internet protocol numbers:\n#   name  number  [aliases]\n\n';
  for (const line of PROTOCOLS_DATA.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2) continue;
    out += `${col(f[0]!, 16)}${col(f[1]!, 8)}${f.slice(2).join(' ')}`.trimEnd() + '\n';
  }
  return out;
}

const table = (rows: [number | string, string][]): string => rows.map(([id, name]) => `${id}\t${name}\n`).join('');

const IPROUTE2: Record<string, string> = {
  rt_tables: `#\n# reserved values\n#\n${table([[255, 'local'], [254, 'main'], [253, 'default'], [0, 'unspec']])}#\n# local\n#\n#1\tinr.ruhep\n`,
  rt_protos: `#\n# Reserved protocols.\n#\n${table([
    [0, 'unspec'], [1, 'redirect'], [2, 'kernel'], [3, 'boot'], [4, 'static'], [8, 'gated'], [9, 'ra'], [10, 'mrt'], [11, 'zebra'], [12, 'bird'],
    [13, 'dnrouted'], [14, 'xorp'], [15, 'ntk'], [16, 'dhcp'], [18, 'keepalived'], [42, 'babel'], [99, 'openr'], [186, 'bgp'], [187, 'isis'],
    [188, 'ospf'], [189, 'rip'], [192, 'eigrp'],
  ])}`,
  rt_scopes: `#\n# reserved values\n#\n${table([[0, 'global'], [255, 'nowhere'], [254, 'host'], [253, 'link']])}#\n# pseudo-reserved\n#\n${table([[200, 'site']])}`,
  rt_realms: `#\n# reserved values\n#\n${table([[0, 'cosmos']])}#\n# local\n#\n${['inr.ac', 'inr.ruhep', 'freenet', 'radio-msu', 'russia', 'internet'].map((n, i) => `#${i + 1}\t${n}\n`).join('')}`,
  rt_dsfield: `# Differentiated field values\n# These include the DSCP and unused bits\n${table([[
    '0x0', 'default']])}# Newer RFC2597 values\n${table([['0x28', 'AF11'], ['0x30', 'AF12'], ['0x38', 'AF13'], ['0x48', 'AF21'], ['0x50', 'AF22'], ['0x58', 'AF23'], ['0x68', 'AF31'], ['0x70', 'AF32'], ['0x78', 'AF33'], ['0x88', 'AF41'], ['0x90', 'AF42'], ['0x98', 'AF43']])}# Older values RFC2474\n${table([['0x20', 'CS1'], ['0x40', 'CS2'], ['0x60', 'CS3'], ['0x80', 'CS4'], ['0xA0', 'CS5'], ['0xC0', 'CS6'], ['0xE0', 'CS7']])}# RFC 2598\n${table([['0xB8', 'EF']])}`,
  group: `# device group names\n${table([[0, 'default']])}`,
  ematch_map: `# lookup table for ematch kinds\n${table([[1, 'cmp'], [2, 'nbyte'], [3, 'u32'], [4, 'meta'], [7, 'canid'], [8, 'ipset'], [9, 'ipt']])}`,
  bpf_pinning: `#\n# subpath mappings from mount point for pinning\n#\n#3\ttracing\n#4\tfoo/bar\n#5\ttc/cls1\n`,
  nl_protos: `# Netlink protocol names mapping\n\n${[[0, 'rtnl'], [1, 'unused'], [2, 'usersock'], [3, 'fw'], [4, 'tcpdiag'], [5, 'nflog'], [6, 'xfrm'], [7, 'selinux'], [8, 'iscsi'], [9, 'audit'], [10, 'fiblookup'], [11, 'connector'], [12, 'nft'], [13, 'ip6fw'], [14, 'dec-rt'], [15, 'uevent'], [16, 'genl'], [18, 'scsi-trans'], [19, 'ecryptfs'], [20, 'rdma'], [21, 'crypto']].map(([id, n]) => `${String(id).padEnd(4)}${n}\n`).join('')}`,
};

export function writeNetdbFiles(w: ImageWriter): void {
  w.file('/etc/services', servicesText());
  w.file('/etc/protocols', protocolsText());
  w.dir('/etc/iproute2', 0o755);
  for (const [name, text] of Object.entries(IPROUTE2)) w.file(`/etc/iproute2/${name}`, text);
  // (drop-in directories: files named *.conf there are read after rt_tables and rt_protos)
  w.dir('/etc/iproute2/rt_tables.d', 0o755);
  w.dir('/etc/iproute2/rt_protos.d', 0o755);
}
