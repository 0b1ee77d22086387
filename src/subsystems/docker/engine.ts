// The docker engine behind the 'docker' service: the daemon's lifecycle (dockerd starts and stops
// it), the image store, and the requests of the CLI. Containers are in containers.ts; the
// records and their files in records.ts.
import type { DockerReply, DockerRequest } from '../../shared/services/docker';
import type { Caller } from '../../shared/sys';
import { Containers } from './containers';
import type { DockerHost, RootfsEntry } from './host';
import { Images } from './images';
import { loadAll, ROOT, type ContainerRec, type ImageRec } from './records';
import { BRIDGE, DAEMON_RULES } from './ports';
import { Networks } from './networks';
import { Volumes } from './volumes';
import * as extras from './extras';
import { resolvConfFor, EMBEDDED_DNS } from './etc-files';

/** An image as the offline registry serves it. */
export interface RegistryImage {
  id: string;
  digest: string;
  created: string;
  size: number;
  layers: { digest: string; size: number }[];
  config: ImageRec['config'];
  history: ImageRec['history'];
  rootfs(): RootfsEntry[];
}

export interface RegistrySource {
  /** the image `repo:tag` names, or why not (docker's message) */
  find(repo: string, tag: string): Promise<RegistryImage | { error: string }>;
}

export const API_VERSION = '1.47';

export class DockerEngine {
  /** dockerd's pid while the daemon runs */
  private pid = 0;
  /** told when dockerd comes and goes */
  onDaemon: ((pid: number) => void) | undefined;

  get daemonPid(): number {
    return this.pid;
  }

  set daemonPid(pid: number) {
    this.pid = pid;
    this.onDaemon?.(pid);
  }
  readonly images: Images;
  readonly containers: Containers;
  readonly networks: Networks;
  readonly volumes: Volumes;
  private starting: Promise<boolean> | undefined;

  constructor(
    readonly host: DockerHost,
    readonly registry: RegistrySource,
  ) {
    this.images = new Images(this);
    this.containers = new Containers(this);
    this.networks = new Networks(this);
    this.volumes = new Volumes(this);
  }

  get running(): boolean {
    return this.daemonPid !== 0;
  }

  /** dockerd came up: load the store, set up the bridge and the firewall chains, restart what should run. */
  async daemonStart(pid: number): Promise<DockerReply> {
    if (this.running) return { kind: 'error', status: 500, message: 'dockerd is already running' };
    // a dockerd that ended while the engine's code was loading: nobody to start for (and no
    // exit to clear the daemon's pid again)
    if (!this.host.alive(pid)) return { kind: 'error', status: 500, message: 'dockerd has exited' };
    this.daemonPid = pid;
    const h = this.host;
    for (const d of [ROOT, `${ROOT}/containers`, `${ROOT}/image/overlay2/imagedb/content/sha256`, `${ROOT}/overlay2`, `${ROOT}/volumes`, `${ROOT}/network/files`, `${ROOT}/tmp`]) h.mkdirp(d, 0o710);
    const { images, containers } = loadAll(h);
    this.images.load(images);
    this.containers.load(containers);
    h.log('Starting up');
    h.log('Loading containers: start.');
    h.bridge(BRIDGE.name, BRIDGE.gateway, BRIDGE.prefixLen);
    h.sysctl('net.ipv4.ip_forward', '1');
    // as dockerd does on every start: chains made if missing, rules added only if not there yet
    for (const rule of DAEMON_RULES) {
      const verb = rule.findIndex((a) => a === '-A' || a === '-I');
      if (verb >= 0) {
        const check = [...rule.slice(0, verb), '-C', ...rule.slice(verb + 1)];
        if ((await h.run(['/usr/sbin/iptables', '--wait', ...check])).status === 0) continue;
      }
      await h.run(['/usr/sbin/iptables', '--wait', ...rule]);
    }
    h.log(`Default bridge (docker0) is assigned with an IP address ${BRIDGE.subnet}. Daemon option --bip can be used to set a preferred IP address`);
    await this.networks.load();
    this.volumes.load();
    await this.containers.restoreAtStart();
    h.log('Loading containers: done.');
    h.log(`Docker daemon commit=3ab5c7d containerd-snapshotter=false storage-driver=overlay2 version=27.3.1`);
    h.log('Daemon has completed initialization');
    h.log('API listen on /run/docker.sock');
    return { kind: 'ok' };
  }

  /** dockerd is ending (SIGTERM) or has ended: containers stop with it. */
  async daemonStop(): Promise<void> {
    if (!this.running) return;
    const pid = this.daemonPid;
    this.host.log('Processing signal \'terminated\'');
    await this.containers.stopAllForShutdown();
    this.host.log('Daemon shutdown complete');
    // (killed meanwhile, a dockerd started since is not this one)
    if (this.daemonPid === pid) this.daemonPid = 0;
  }

  /** A process ended (the kernel's exit listener). */
  processExited(pid: number, exit: { code: number; signal?: number }): void {
    if (pid === this.daemonPid) {
      // killed without shutting down: containers die with their shims' parent here
      void this.containers.stopAllForShutdown(true);
      this.daemonPid = 0;
    }
    this.containers.processExited(pid, exit);
  }

  async handle(caller: Caller, request: unknown): Promise<DockerReply> {
    const req = request as DockerRequest | { kind: 'daemon-start' } | { kind: 'daemon-stop' };
    if (req?.kind === 'daemon-start') return caller.euid === 0 ? this.daemonStart(caller.pid) : { kind: 'error', status: 403, message: 'permission denied' };
    if (req?.kind === 'daemon-stop') {
      if (caller.euid === 0 && caller.pid === this.daemonPid) await this.daemonStop();
      return { kind: 'ok' };
    }
    // every call goes through the socket: its permissions, and socket activation
    const access = this.host.connectSocket(caller.pid);
    if (access === 'EACCES') return { kind: 'error', status: -13, message: 'permission denied' };
    if (access === 'ENOENT' || access === 'ECONNREFUSED') return { kind: 'not-running' };
    if (!this.running) {
      this.starting ??= this.host.activate().finally(() => {
        this.starting = undefined;
      });
      await this.starting;
      if (!this.running) return { kind: 'not-running' };
    }
    try {
      return await this.dispatch(caller, req as DockerRequest);
    } catch (e) {
      return { kind: 'error', status: 500, message: e instanceof Error ? e.message : String(e) };
    }
  }

  private async dispatch(caller: Caller, req: DockerRequest): Promise<DockerReply> {
    const c = this.containers;
    const i = this.images;
    switch (req.kind) {
      case 'connect': return { kind: 'ok' };
      case 'version': return { kind: 'version', server: this.version() };
      case 'info': return { kind: 'info', info: this.info() };
      case 'images': return i.list();
      case 'image-inspect': return i.inspect(req.ref);
      case 'pull': return i.pull(req.ref);
      case 'tag': return i.tag(req.source, req.target);
      case 'rmi': return i.remove(req.ref, req.force);
      case 'create': return c.create(req.spec);
      case 'start': return c.start(req.id);
      case 'attach': return c.attach(req.id, caller.pid);
      case 'wait': return c.wait(req.id);
      case 'stop': return c.stop(req.id, req.timeout, req.signal);
      case 'kill': return c.kill(req.id, req.signal);
      case 'restart': return c.restart(req.id, req.timeout);
      case 'rm': return c.remove(req.id, req.force, req.volumes);
      case 'rename': return c.rename(req.id, req.name);
      case 'pause': case 'unpause': return c.pause(req.id, req.kind === 'pause');
      case 'ps': return c.list(req.all);
      case 'inspect': return c.inspect(req.id);
      case 'logs': return c.logs(req.id, req.since);
      case 'logs-wait': return c.logsWait(req.id, req.after);
      case 'top': return c.top(req.id);
      case 'exec': return c.exec(req.id, req.spec, caller.pid);
      case 'prune':
        if (req.what === 'containers') return c.prune();
        if (req.what === 'images') return i.prune(req.all ?? false);
        if (req.what === 'networks') return this.networks.prune();
        return this.volumes.prune(req.all ?? false);
      case 'networks': return this.networks.list();
      case 'network-inspect': return this.networks.inspect(req.ref);
      case 'network-create': return this.networks.create(req);
      case 'network-rm': return this.networks.remove(req.ref);
      case 'network-connect': {
        const r = await this.networks.connect(req.network, req.container, req.aliases, req.ip, this.netnsOf(req.container));
        if (r.kind === 'ok') extras.hostsAfterConnect(this, req.container);
        return r;
      }
      case 'network-disconnect': return this.networks.disconnect(req.network, req.container, req.force, this.netnsOf(req.container));
      case 'volumes': return this.volumes.list();
      case 'volume-inspect': return this.volumes.inspect(req.name);
      case 'volume-create': return this.volumes.createRequest(req.name, req.driver, req.labels, req.options);
      case 'volume-rm': return this.volumes.remove(req.name, req.force);
      case 'commit': return extras.commit(this, req);
      case 'stats': return extras.stats(this, req.ids, req.all);
      case 'archive-get': return extras.archiveGet(this, req.id, req.path, req.follow, req.statOnly);
      case 'archive-put': return extras.archivePut(this, req.id, req.path, req.entries);
      case 'diff': return extras.diff(this, req.id);
      case 'system-df': return extras.systemDf(this);
      case 'save': return extras.save(this, req.refs);
      case 'load': return extras.load(this, req.images);
      case 'login': return extras.login(this, req.server);
      case 'build-step': return i.buildStep(req.build, caller.pid);
      default: return { kind: 'error', status: 400, message: `unknown request ${(req as { kind?: string }).kind ?? ''}` };
    }
  }

  version(): Record<string, string> {
    return {
      Version: '27.3.1', ApiVersion: API_VERSION, MinAPIVersion: '1.24', GitCommit: '3ab5c7d', GoVersion: 'go1.22.7', Os: 'linux', Arch: 'amd64',
      KernelVersion: this.host.facts().kernel, BuildTime: 'Tue Oct  8 08:02:54 2024', containerd: '1.6.21', containerdCommit: '3dce8eb055cbb6872793272b4f20ed16117344f8',
      runc: '1.1.14', runcCommit: 'v1.1.14-0-g2c9f560', dockerInit: '0.19.0', dockerInitCommit: 'de40ad0',
    };
  }

  info(): Record<string, string | number | boolean> {
    const f = this.host.facts();
    const all = this.containers.all();
    const count = (s: string): number => all.filter((c) => c.status === s).length;
    return {
      Containers: all.length, ContainersRunning: count('running') + count('restarting'), ContainersPaused: count('paused'),
      ContainersStopped: all.length - count('running') - count('restarting') - count('paused'), Images: this.images.count(),
      ServerVersion: '27.3.1', KernelVersion: f.kernel, OperatingSystem: f.os, NCPU: f.cpus, MemTotal: f.memory, Name: f.hostname,
      ID: this.daemonId(), DockerRootDir: ROOT,
    };
  }

  /** The daemon's identity, made once and kept in /var/lib/docker/engine-id. */
  daemonId(): string {
    const path = `${ROOT}/engine-id`;
    let id = this.host.readFile(path)?.trim();
    if (!id) {
      const h = this.host.randomId();
      id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
      this.host.writeFile(path, `${id}\n`, 0o600);
    }
    return id;
  }

  /** The network namespace of a running container (undefined when it is not running). */
  private netnsOf(ref: string): number | undefined {
    const c = this.containers.find(ref);
    return c ? this.containers.runtime(c.id)?.netns : undefined;
  }

  /**
   * How name resolution looks from network namespace `netns` (the resolver's hook): the
   * container's own hosts and resolv.conf, and docker's embedded DNS server on its user-defined
   * networks, which answers the names of the containers there and forwards the rest.
   */
  dnsView(netns: number): { hosts: string | undefined; resolvConf: string | undefined; embedded?: { server: string; lookup(name: string): string[]; upstream: string[] } } | undefined {
    if (!this.running || netns === 0) return undefined;
    const c = this.containers.all().find((x) => this.containers.runtime(x.id)?.netns === netns);
    if (!c) return undefined;
    const h = this.host;
    const view = { hosts: h.readFile(`${c.dir}/etc/hosts`), resolvConf: h.readFile(`${c.dir}/etc/resolv.conf`) };
    if (!this.networks.usesEmbeddedDns(c)) return view;
    return { ...view, embedded: { server: EMBEDDED_DNS, lookup: (name) => this.networks.lookupName(c, name), upstream: resolvConfFor(this, c).upstream } };
  }

  /** Network ids are made once per daemon store and kept. */
  networkId(name: string): string {
    const path = `${ROOT}/network/files/${name}.id`;
    let id = this.host.readFile(path)?.trim();
    if (!id) {
      id = this.host.randomId();
      this.host.mkdirp(`${ROOT}/network/files`, 0o700);
      this.host.writeFile(path, `${id}\n`, 0o600);
    }
    return id;
  }

  /** Container records by id, for the lessons' view. */
  view(): { running: boolean; containers: ContainerRec[]; images: ImageRec[] } {
    return { running: this.running, containers: this.containers.all(), images: this.images.all() };
  }
}
