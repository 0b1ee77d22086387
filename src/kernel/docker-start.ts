// Docker's engine on a machine: the kernel's side of it (KernelDockerHost) and the engine, tied
// to the service manager, the network and the resolver. services.ts loads this module the first
// time docker is asked for, so a machine that never runs docker does not carry its code.
import type { Kernel } from './kernel';
import type { Journal } from '../subsystems/journald/journal';
import type { Manager } from '../subsystems/systemd/manager';
import type { Network } from '../subsystems/net/network';
import type { Resolver } from '../subsystems/resolve/resolver';
import { DockerEngine } from '../subsystems/docker/engine';
import { offlineRegistry } from '../subsystems/docker/registry-source';
import { KernelDockerHost } from './docker-host';

export function startDocker(k: Kernel, journal: Journal, s: { net: Network; manager: Manager; resolver: Resolver }): DockerEngine {
  const { net, manager, resolver } = s;
  let daemonPid = 0;
  const dockerHost: KernelDockerHost = new KernelDockerHost(k, journal, net, async (): Promise<boolean> => (await manager.start(manager.unit('docker.service'), new Set())) === 'done', (): number => daemonPid);
  // (the registry's data is code loaded on the first pull: the skipping clock holds meanwhile)
  const registry = { find: (repo: string, tag: string) => k.clock.hold(offlineRegistry.find(repo, tag)) };
  const docker: DockerEngine = new DockerEngine(dockerHost, registry);
  docker.onDaemon = (pid) => {
    daemonPid = pid;
  };
  // a container's processes resolve names through its own files and docker's embedded DNS
  resolver.containerDns = (netns) => docker.dnsView(netns);
  k.exitListeners.add((p) => {
    const st = p.status;
    const info = st?.kind === 'signaled' ? { code: 'killed' as const, status: st.signal } : { code: 'exited' as const, status: st?.kind === 'exited' ? st.code : 0 };
    dockerHost.exited(p.pid, info);
    docker.processExited(p.pid, info.code === 'exited' ? { code: info.status } : { code: 128 + info.status, signal: info.status });
  });
  return docker;
}
