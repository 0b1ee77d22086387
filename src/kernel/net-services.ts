// The network services a machine starts behind its boot: systemd-resolved's resolver, the LAN's
// DHCP server and the packet path (traffic: ping, curl and the lessons' probes through the
// firewall and to the listening sockets). services.ts loads this module right after the kernel
// starts, so their code is not part of what the first prompt waits for.
import type { Kernel } from './kernel';
import type { ServiceHost } from './service-host';
import type { Caller } from '../shared/sys';
import type { Netfilter } from '../subsystems/netfilter/netfilter';
import type { Network } from '../subsystems/net/network';
import type { Sockets } from '../subsystems/sockets/sockets';
import { Resolver } from '../subsystems/resolve/resolver';
import { handleDhcp } from '../subsystems/resolve/dhcp-server';
import { Traffic, type NsStack } from '../subsystems/traffic/traffic';

export { exchangePasses } from '../subsystems/traffic/firewall';

export interface NetServices {
  resolver: Resolver;
  traffic: Traffic;
  dhcp(caller: Caller, req: unknown): unknown;
}

export function startNetServices(k: Kernel, host: ServiceHost, s: { net: Network; netfilter: Netfilter; sockets: Sockets }): NetServices {
  const { net, netfilter, sockets } = s;
  const resolver = new Resolver(net, {
    readFile: (p) => host.readFile(p), readDir: (p) => host.readDir(p), readLink: (p) => host.readLink(p),
    stubListener: () => {
      const l = sockets.listener('udp', '127.0.0.53', 53);
      return l && l.localAddress === '127.0.0.53' ? l.id : undefined;
    },
    hostname: () => k.identity.hostname, now: () => k.clock.now(), after: (ms, fn) => void k.clock.after(ms, fn),
  });
  const traffic = new Traffic({ net, netfilter, sockets, now: () => k.clock.now(), random: () => k.random.next() / 0x1_0000_0000, sysctl: (key) => k.sysctl.get(key), readFile: (p) => host.readFile(p), hostname: () => k.identity.hostname, netns: k.netns,
    netIn: (caller, req) => k.services.get('net')?.(caller, req),
    stackIn: async (caller, dst) => (await k.services.get('netns')?.(caller, { kind: 'firewall', dst })) as NsStack | undefined,
  });
  return { resolver, traffic, dhcp: (caller, req) => handleDhcp(net, caller, req) };
}
