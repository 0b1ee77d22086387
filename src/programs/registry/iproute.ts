// iproute2 and net-tools: ip, bridge, ifconfig, route, netstat, ss; each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const iproutePrograms: ProgramEntry[] = [
  lazy({ name: 'ip', installPath: '/usr/sbin/ip', pkg: 'iproute2' }, () => import('../iproute/ip')),
  lazy({ name: 'bridge', installPath: '/usr/sbin/bridge', pkg: 'iproute2' }, () => import('../iproute/bridge')),
  lazy({ name: 'tc', installPath: '/usr/sbin/tc', pkg: 'iproute2' }, () => import('../iproute/tc')),
  // net-tools 2.10 installs ifconfig and route with BINDIR, which Photon's spec sets to /usr/bin
  lazy({ name: 'ifconfig', installPath: '/usr/bin/ifconfig', pkg: 'net-tools' }, () => import('../iproute/ifconfig')),
  lazy({ name: 'route', installPath: '/usr/bin/route', pkg: 'net-tools' }, () => import('../iproute/route')),
];
