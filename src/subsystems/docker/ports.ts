// What dockerd does on the host for a container's network: an address on the docker0 bridge,
// the iptables rules of docker 27's bridge driver (the DOCKER chains of the nat and filter
// tables, MASQUERADE for the bridge's subnet) and a docker-proxy per published port.

export const BRIDGE = { name: 'docker0', gateway: '172.17.0.1', subnet: '172.17.0.0/16', prefixLen: 16 };

/** The chains and rules dockerd sets up when it starts (iptables argument lists). */
export const DAEMON_RULES: string[][] = [
  ['-t', 'nat', '-N', 'DOCKER'],
  ['-t', 'nat', '-A', 'PREROUTING', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER'],
  ['-t', 'nat', '-A', 'OUTPUT', '!', '-d', '127.0.0.0/8', '-m', 'addrtype', '--dst-type', 'LOCAL', '-j', 'DOCKER'],
  ['-t', 'nat', '-A', 'POSTROUTING', '-s', BRIDGE.subnet, '!', '-o', BRIDGE.name, '-j', 'MASQUERADE'],
  ['-t', 'nat', '-A', 'DOCKER', '-i', BRIDGE.name, '-j', 'RETURN'],
  ['-t', 'filter', '-N', 'DOCKER'],
  ['-t', 'filter', '-N', 'DOCKER-ISOLATION-STAGE-1'],
  ['-t', 'filter', '-N', 'DOCKER-ISOLATION-STAGE-2'],
  ['-t', 'filter', '-N', 'DOCKER-USER'],
  ['-t', 'filter', '-A', 'DOCKER-USER', '-j', 'RETURN'],
  ['-t', 'filter', '-I', 'FORWARD', '-j', 'DOCKER-USER'],
  ['-t', 'filter', '-A', 'FORWARD', '-j', 'DOCKER-ISOLATION-STAGE-1'],
  ['-t', 'filter', '-A', 'FORWARD', '-o', BRIDGE.name, '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT'],
  ['-t', 'filter', '-A', 'FORWARD', '-o', BRIDGE.name, '-j', 'DOCKER'],
  ['-t', 'filter', '-A', 'FORWARD', '-i', BRIDGE.name, '!', '-o', BRIDGE.name, '-j', 'ACCEPT'],
  ['-t', 'filter', '-A', 'FORWARD', '-i', BRIDGE.name, '-o', BRIDGE.name, '-j', 'ACCEPT'],
  ['-t', 'filter', '-A', 'DOCKER-ISOLATION-STAGE-1', '-i', BRIDGE.name, '!', '-o', BRIDGE.name, '-j', 'DOCKER-ISOLATION-STAGE-2'],
  ['-t', 'filter', '-A', 'DOCKER-ISOLATION-STAGE-1', '-j', 'RETURN'],
  ['-t', 'filter', '-A', 'DOCKER-ISOLATION-STAGE-2', '-o', BRIDGE.name, '-j', 'DROP'],
  ['-t', 'filter', '-A', 'DOCKER-ISOLATION-STAGE-2', '-j', 'RETURN'],
];

/** The rules publishing container port `port` on host port `hostPort`: [add, delete] pairs. */
export function publishRules(ip: string, proto: string, port: number, hostIp: string, hostPort: number, bridge = BRIDGE.name): { up: string[][]; down: string[][] } {
  const dst = hostIp && hostIp !== '0.0.0.0' ? ['-d', `${hostIp}/32`] : [];
  const rules: [string, string, string[]][] = [
    ['filter', 'DOCKER', ['-d', `${ip}/32`, '!', '-i', bridge, '-o', bridge, '-p', proto, '-m', proto, '--dport', String(port), '-j', 'ACCEPT']],
    ['nat', 'POSTROUTING', ['-s', `${ip}/32`, '-d', `${ip}/32`, '-p', proto, '-m', proto, '--dport', String(port), '-j', 'MASQUERADE']],
    ['nat', 'DOCKER', [...dst, '!', '-i', bridge, '-p', proto, '-m', proto, '--dport', String(hostPort), '-j', 'DNAT', '--to-destination', `${ip}:${port}`]],
  ];
  return {
    up: rules.map(([t, c, r]) => ['-t', t, '-A', c, ...r]),
    down: rules.map(([t, c, r]) => ['-t', t, '-D', c, ...r]),
  };
}

/** The next free address of the bridge's subnet (172.17.0.2 onwards). */
export function allocateIp(used: Set<string>): string {
  for (let n = 2; n < 65534; n++) {
    const ip = `172.17.${n >> 8}.${n & 255}`;
    if (!used.has(ip)) return ip;
  }
  return '172.17.255.254';
}

/** Docker's MAC for an address: 02:42 and the four address bytes. */
export function macFor(ip: string): string {
  return ['02', '42', ...ip.split('.').map((b) => Number(b).toString(16).padStart(2, '0'))].join(':');
}
