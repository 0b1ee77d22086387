// The network diagnostic tools: ping and tracepath (iputils), curl, ss (iproute2), netstat
// (net-tools) and ncat; each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const networkToolPrograms: ProgramEntry[] = [
  lazy({ name: 'ping', installPath: '/usr/bin/ping', aliases: ['/usr/bin/ping6'], pkg: 'iputils' }, () => import('../network-tools/ping')),
  lazy({ name: 'curl', installPath: '/usr/bin/curl', pkg: 'curl' }, () => import('../network-tools/curl')),
  lazy({ name: 'wget', installPath: '/usr/bin/wget', pkg: 'wget' }, () => import('../network-tools/wget')),
  lazy({ name: 'tracepath', installPath: '/usr/bin/tracepath', pkg: 'iputils' }, () => import('../network-tools/tracepath')),
  lazy({ name: 'traceroute', installPath: '/usr/bin/traceroute', pkg: 'traceroute' }, () => import('../network-tools/traceroute')),
  lazy({ name: 'ss', installPath: '/usr/sbin/ss', pkg: 'iproute2' }, () => import('../network-tools/ss')),
  // net-tools installs netstat with BINDIR, which Photon's spec sets to /usr/bin
  // Photon's minimal install lacks ncat; it is preinstalled here so lessons can start a listener
  lazy({ name: 'ncat', installPath: '/usr/bin/ncat', aliases: ['/usr/bin/nc'], pkg: 'nmap-ncat' }, () => import('../network-tools/nc')),
  lazy({ name: 'arp', installPath: '/usr/sbin/arp', pkg: 'net-tools' }, () => import('../network-tools/arp')),
  lazy({ name: 'netstat', installPath: '/usr/bin/netstat', pkg: 'net-tools' }, () => import('../network-tools/netstat')),
];
