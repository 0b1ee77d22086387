// Containers: made from an image (their own copy of its root filesystem), started as a process
// in that root with its own hostname and network namespace on the docker0 bridge, published
// through docker-proxy and iptables, logged as json-file, stopped with the image's stop signal
// and brought back by restart policies (also when dockerd starts again).
import type { BuildStep, ContainerSpec, DockerReply, ExecSpec, LogEntry } from '../../shared/services/docker';
import { SIGNALS } from '../../shared/signals';
import type { DockerEngine } from './engine';
import { generateName } from './names';
import { setupEtcFiles, teardownEtcFiles } from './etc-files';
import { publishRules } from './ports';
import { deleteContainer, ROOT, saveContainer, type ContainerRec, type ContainerRuntime, type ImageRec } from './records';
import { containerInfo, rfc3339 } from './views';

const err = (status: number, message: string): DockerReply => ({ kind: 'error', status, message });

function signalNumber(name: string | undefined, fallback: number): number | undefined {
  if (name === undefined || name === '') return fallback;
  if (/^\d+$/.test(name)) return Number(name);
  const n = name.toUpperCase().replace(/^SIG/, '');
  return (SIGNALS as Record<string, number>)[`SIG${n}`];
}

export class Containers {
  private readonly byId = new Map<string, ContainerRec>();
  private readonly rt = new Map<string, ContainerRuntime>();
  private readonly logWaiters = new Map<string, (() => void)[]>();
  private readonly byPid = new Map<number, string>();

  constructor(private readonly e: DockerEngine) {}

  load(list: ContainerRec[]): void {
    this.byId.clear();
    for (const c of list) {
      // what was running when the daemon went away is stopped now
      if (c.status === 'running' || c.status === 'paused' || c.status === 'restarting') {
        c.status = 'exited';
        c.exitCode = c.exitCode || 255;
        c.finishedAt = c.finishedAt > c.startedAt ? c.finishedAt : this.e.host.now();
      }
      this.byId.set(c.id, c);
    }
  }

  all(): ContainerRec[] {
    return [...this.byId.values()].sort((a, b) => b.created - a.created);
  }

  runtime(id: string): ContainerRuntime | undefined {
    return this.rt.get(id);
  }

  /** A container by full id, unique id prefix or name. */
  find(ref: string): ContainerRec | undefined {
    const name = ref.replace(/^\//, '');
    const byName = this.all().find((c) => c.name === name);
    if (byName) return byName;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const hits = this.all().filter((c) => c.id.startsWith(ref));
    return hits.length === 1 ? hits[0] : undefined;
  }

  private noSuch(ref: string): DockerReply {
    return err(404, `No such container: ${ref}`);
  }

  create(spec: ContainerSpec): DockerReply {
    const h = this.e.host;
    const img = this.e.images.resolve(spec.image);
    if (!img) return err(404, `No such image: ${spec.image}`);
    if (spec.name !== undefined) {
      if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(spec.name)) return err(400, `Invalid container name (${spec.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
      const other = this.find(spec.name.replace(/^\//, ''));
      if (other && other.name === spec.name.replace(/^\//, '')) return err(409, `Conflict. The container name "/${other.name}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
    const id = h.randomId();
    const name = spec.name?.replace(/^\//, '') ?? generateName((n) => parseInt(h.randomId().slice(0, 8), 16) % n, (x) => this.all().some((c) => c.name === x));
    const entrypoint = spec.entrypoint ?? img.config.Entrypoint ?? [];
    const cmd = spec.cmd ?? (spec.entrypoint ? [] : img.config.Cmd ?? []);
    const argv = [...entrypoint, ...cmd];
    if (argv.length === 0) return err(400, 'no command specified');
    const env = [...img.config.Env.filter((kv) => !spec.env.some((s) => s.split('=')[0] === kv.split('=')[0])), ...spec.env];
    const dir = `${ROOT}/overlay2/${id}/merged`;
    h.mkdirp(dir, 0o755);
    h.copyTree(img.dir, dir);
    const exposed = { ...(img.config.ExposedPorts ?? {}) };
    for (const p of [...spec.exposed, ...Object.keys(spec.ports)]) exposed[p.includes('/') ? p : `${p}/tcp`] = {};
    const c: ContainerRec = {
      id, name, imageId: img.id, imageRef: spec.image, created: h.now(), path: argv[0]!, args: argv.slice(1), spec,
      config: {
        ...img.config, Env: env, Cmd: cmd, Entrypoint: entrypoint.length ? entrypoint : undefined, WorkingDir: spec.workdir ?? img.config.WorkingDir,
        User: spec.user ?? img.config.User ?? '', ExposedPorts: Object.keys(exposed).length ? exposed : undefined,
        Labels: { ...(img.config.Labels ?? {}), ...spec.labels }, Hostname: spec.hostname ?? id.slice(0, 12), Tty: spec.tty, OpenStdin: spec.openStdin, Image: spec.image,
      },
      status: 'created', exitCode: 0, error: '', startedAt: 0, finishedAt: 0, restartCount: 0, manualStop: false,
      ip: '', mac: '', endpointId: '', published: {}, dir, logPath: `${ROOT}/containers/${id}/${id}-json.log`,
    };
    // its networks must exist, its volumes are made (and filled from the image) now
    const netErr = this.e.networks.validate(c);
    const mounts = netErr ?? this.e.volumes.mountsFor(c, img);
    if (netErr || 'error' in mounts) {
      h.remove(`${ROOT}/overlay2/${id}`);
      return netErr ?? (mounts as { error: DockerReply }).error;
    }
    c.mounts = mounts as NonNullable<ContainerRec['mounts']>;
    const warnings: string[] = [];
    if (spec.network === 'host') {
      c.config.Hostname = spec.hostname ?? h.facts().hostname;
      if (Object.keys(spec.ports).length || spec.publishAll) warnings.push('Published ports are discarded when using host network mode');
    }
    this.byId.set(id, c);
    saveContainer(h, c);
    h.writeFile(c.logPath, '', 0o640);
    h.writeFile(`${dir}/etc/hostname`, `${c.config.Hostname}\n`, 0o644);
    return { kind: 'created', id, warnings };
  }

  /** The executable for argv[0] inside the container (PATH search as runc does it). */
  private lookPath(c: ContainerRec, file: string, env: string[]): string | undefined {
    // looked up inside the container's root: alpine's /bin/ls is a link to /bin/busybox there
    if (file.includes('/')) return this.e.host.existsIn(c.dir, file.startsWith('/') ? file : `/${file}`) ? file : undefined;
    const path = env.find((kv) => kv.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    for (const d of path.split(':')) if (d && this.e.host.existsIn(c.dir, `${d}/${file}`)) return `${d}/${file}`;
    return undefined;
  }

  private ociError(what: string): string {
    return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`;
  }

  async start(ref: string, attachPid?: number): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    if (this.rt.has(c.id)) return { kind: 'ok' };
    const h = this.e.host;
    const exe = this.lookPath(c, c.path, c.config.Env);
    if (!exe) {
      const what = c.path.includes('/') ? `exec: "${c.path}": stat ${c.path}: no such file or directory` : `exec: "${c.path}": executable file not found in $PATH`;
      c.status = 'created';
      c.exitCode = c.path.includes('/') ? 127 : 127;
      c.error = this.ociError(what);
      saveContainer(h, c);
      return err(400, c.error);
    }
    // published ports: the host port must be free (none with --network host or none)
    const mode = c.spec.network || 'bridge';
    const bindings: { proto: string; port: number; hostIp: string; hostPort: number }[] = [];
    const taken = new Set(this.all().filter((o) => this.rt.has(o.id)).flatMap((o) => Object.values(o.published).flat().map((b) => b.HostPort)));
    let ephemeral = 32768;
    const ports = { ...c.spec.ports };
    if (c.spec.publishAll) for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] ??= [{ HostIp: '', HostPort: '' }];
    if (mode === 'host' || mode === 'none') for (const k of Object.keys(ports)) delete ports[k];
    for (const [key, list] of Object.entries(ports)) {
      const [portText, proto = 'tcp'] = key.split('/');
      for (const b of list) {
        let hostPort = Number(b.HostPort);
        if (!b.HostPort) {
          while (taken.has(String(ephemeral))) ephemeral++;
          hostPort = ephemeral++;
        } else if (taken.has(b.HostPort)) {
          return err(500, `driver failed programming external connectivity on endpoint ${c.name} (${h.randomId()}): Bind for ${b.HostIp || '0.0.0.0'}:${b.HostPort} failed: port is already allocated`);
        }
        taken.add(String(hostPort));
        bindings.push({ proto, port: Number(portText), hostIp: b.HostIp, hostPort });
      }
    }
    // its endpoints get their addresses, in a network namespace of its own
    const attached = this.e.networks.attach(c);
    if ('error' in attached) return attached.error;
    const netns = attached.netns;
    const ip = c.ip;
    const bridge = this.e.networks.bridgeOf(c);
    const rt: ContainerRuntime = { pid: 0, netns, proxies: [], rulesDown: [], waiters: [] };
    c.published = {};
    for (const b of ip ? bindings : []) {
      const key = `${b.port}/${b.proto}`;
      const rules = publishRules(ip, b.proto, b.port, b.hostIp, b.hostPort, bridge);
      for (const r of rules.up) await h.run(['/usr/sbin/iptables', '--wait', ...r]);
      rt.rulesDown.push(...rules.down);
      const hosts = b.hostIp ? [b.hostIp] : ['0.0.0.0', '::'];
      for (const hostIp of hosts) {
        const p = await h.run(['/usr/bin/docker-proxy', '-proto', b.proto, '-host-ip', hostIp, '-host-port', String(b.hostPort), '-container-ip', ip, '-container-port', String(b.port)], true);
        rt.proxies.push(p.pid);
        (c.published[key] ??= []).push({ HostIp: hostIp, HostPort: String(b.hostPort) });
      }
    }
    const env = new Map(c.config.Env.map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.indexOf('=') < 0 ? '' : kv.slice(kv.indexOf('=') + 1)] as [string, string]));
    env.set('HOSTNAME', c.config.Hostname);
    if (!env.has('HOME')) env.set('HOME', '/root');
    if (c.config.Tty && !env.has('TERM')) env.set('TERM', 'xterm');
    const user = this.userIds(c, c.config.User ?? '');
    setupEtcFiles(this.e, c);
    this.e.volumes.mount(c);
    const spawned = h.spawnContainer({
      root: c.dir, path: exe, argv: [c.path, ...c.args], env, cwd: c.config.WorkingDir || '/', hostname: c.config.Hostname, uid: user.uid, gid: user.gid, netns,
      stdio: attachPid !== undefined ? { kind: 'attach', pid: attachPid, tty: c.config.Tty } : { kind: 'logs' },
      onOutput: (stream, text) => this.appendLog(c, stream, text),
      cgroup: `/system.slice/docker-${c.id}.scope`, group: c.id,
    });
    if ('errno' in spawned) {
      await this.teardown(c, rt);
      return err(500, this.ociError(`exec: "${c.path}": ${spawned.errno}`));
    }
    rt.pid = spawned.pid;
    this.rt.set(c.id, rt);
    this.byPid.set(spawned.pid, c.id);
    c.status = 'running';
    c.startedAt = h.now();
    c.exitCode = 0;
    c.error = '';
    c.manualStop = false;
    saveContainer(h, c);
    return { kind: 'ok' };
  }

  private userIds(c: ContainerRec, user: string): { uid: number; gid: number } {
    if (!user) return { uid: 0, gid: 0 };
    const [u, g] = user.split(':');
    const passwd = this.e.host.readFile(`${c.dir}/etc/passwd`) ?? '';
    const line = passwd.split('\n').find((l) => l.split(':')[0] === u);
    const uid = /^\d+$/.test(u!) ? Number(u) : Number(line?.split(':')[2] ?? 0);
    const gid = g !== undefined && /^\d+$/.test(g) ? Number(g) : Number(line?.split(':')[3] ?? uid);
    return { uid, gid };
  }

  private appendLog(c: ContainerRec, stream: 'stdout' | 'stderr', text: string): void {
    const time = rfc3339(this.e.host.now());
    const lines = text.split(/(?<=\n)/);
    this.e.host.appendFile(c.logPath, lines.map((l) => `${JSON.stringify({ log: l, stream, time })}\n`).join(''));
    const w = this.logWaiters.get(c.id);
    if (w) {
      this.logWaiters.delete(c.id);
      for (const f of w) f();
    }
  }

  /** The main process ended: record it, undo the network, apply the restart policy. */
  processExited(pid: number, x: { code: number; signal?: number }): void {
    const id = this.byPid.get(pid);
    if (!id) return;
    this.byPid.delete(pid);
    const c = this.byId.get(id);
    const rt = this.rt.get(id);
    if (!c || !rt) return;
    void this.mainExited(c, rt, x.code);
  }

  private async mainExited(c: ContainerRec, rt: ContainerRuntime, code: number): Promise<void> {
    const h = this.e.host;
    this.rt.delete(c.id);
    await this.teardown(c, rt);
    c.exitCode = code;
    c.finishedAt = h.now();
    c.status = 'exited';
    for (const f of rt.waiters) f(code);
    const w = this.logWaiters.get(c.id);
    if (w) {
      this.logWaiters.delete(c.id);
      for (const f of w) f();
    }
    const policy = c.spec.restart.Name;
    const again = this.e.running && !c.manualStop && (policy === 'always' || policy === 'unless-stopped' || (policy === 'on-failure' && code !== 0 && (c.spec.restart.MaximumRetryCount === 0 || c.restartCount < c.spec.restart.MaximumRetryCount)));
    if (again) {
      c.status = 'restarting';
      c.restartCount++;
      saveContainer(h, c);
      // docker waits 100ms, doubling while the container keeps failing fast
      const delay = Math.min(60_000, 100 * 2 ** Math.min(10, c.restartCount - 1));
      h.after(delay, () => {
        if (c.status === 'restarting' && this.byId.has(c.id) && this.e.running) void this.start(c.id);
      });
      return;
    }
    if (c.spec.autoRemove) {
      this.byId.delete(c.id);
      deleteContainer(h, c);
      this.e.volumes.removeAnonymous(c);
      return;
    }
    saveContainer(h, c);
  }

  private async teardown(c: ContainerRec, rt: ContainerRuntime): Promise<void> {
    const h = this.e.host;
    for (const p of rt.proxies) h.kill(p, SIGNALS.SIGTERM);
    for (const r of rt.rulesDown) await h.run(['/usr/sbin/iptables', '--wait', ...r]);
    this.e.volumes.unmount(c);
    teardownEtcFiles(this.e, c);
    this.e.networks.detach(c);
    if (rt.netns !== 0) h.netns.remove(rt.netns);
    h.release(c.id);
    rt.proxies = [];
    rt.rulesDown = [];
    void c;
  }

  /** Starts the container with its output on the client's side, and answers when it ends. */
  async attach(ref: string, pid: number): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const started = await this.start(c.id, pid);
    if (started.kind === 'error') return started;
    const rt = this.rt.get(c.id);
    // already over (and perhaps removed, with --rm): its record still has the status
    if (!rt) return { kind: 'exit', code: c.exitCode };
    return new Promise((resolve) => rt.waiters.push((code) => resolve({ kind: 'exit', code })));
  }

  wait(ref: string): Promise<DockerReply> | DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (!rt) return { kind: 'exit', code: c.exitCode };
    return new Promise((resolve) => rt.waiters.push((code) => resolve({ kind: 'exit', code })));
  }

  async stop(ref: string, timeout?: number, signal?: string): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    c.manualStop = true;
    if (c.status === 'restarting') {
      c.status = 'exited';
      saveContainer(this.e.host, c);
      return { kind: 'ok' };
    }
    if (!rt) return { kind: 'ok' };
    const sig = signalNumber(signal ?? c.config.StopSignal, SIGNALS.SIGTERM);
    if (sig === undefined) return err(400, `Invalid signal: ${signal}`);
    const done = this.wait(c.id) as Promise<DockerReply>;
    this.e.host.kill(rt.pid, sig);
    const grace = (timeout ?? 10) * 1000;
    let timer: (() => void) | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = this.e.host.after(grace, () => {
        if (this.rt.get(c.id) === rt) this.e.host.kill(rt.pid, SIGNALS.SIGKILL);
        resolve();
      });
    });
    await Promise.race([done, killed]);
    timer?.();
    await done;
    return { kind: 'ok' };
  }

  kill(ref: string, signal: string): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (!rt) return err(409, `Cannot kill container: ${ref}: container ${c.id} is not running`);
    const sig = signalNumber(signal, SIGNALS.SIGKILL);
    if (sig === undefined) return err(400, `Invalid signal: ${signal}`);
    if (sig === SIGNALS.SIGKILL || sig === SIGNALS.SIGTERM) c.manualStop = true;
    this.e.host.kill(rt.pid, sig);
    return { kind: 'ok' };
  }

  async restart(ref: string, timeout?: number): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    if (this.rt.has(c.id)) await this.stop(c.id, timeout);
    return this.start(c.id);
  }

  async remove(ref: string, force: boolean, volumes = false): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (rt || c.status === 'restarting') {
      if (!force) return err(409, `cannot remove container "/${c.name}": container is ${c.status === 'restarting' ? 'restarting' : 'running'}: stop the container before removing or force remove`);
      c.manualStop = true;
      if (rt) {
        const done = this.wait(c.id);
        this.e.host.kill(rt.pid, SIGNALS.SIGKILL);
        await done;
      }
    }
    this.byId.delete(c.id);
    deleteContainer(this.e.host, c);
    if (volumes) this.e.volumes.removeAnonymous(c);
    return { kind: 'ok' };
  }

  rename(ref: string, name: string): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const bare = name.replace(/^\//, '');
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(bare)) return err(400, `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (c.name === bare) return err(400, 'Renaming a container with the same name as its current name');
    const other = this.all().find((o) => o.name === bare);
    if (other) return err(409, `Conflict. The container name "/${bare}" is already in use by container "${other.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    c.name = bare;
    saveContainer(this.e.host, c);
    return { kind: 'ok' };
  }

  pause(ref: string, on: boolean): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (!rt) return err(409, `Container ${c.id} is not running`);
    if (on && c.status === 'paused') return err(409, `Container ${c.id} is already paused`);
    if (!on && c.status !== 'paused') return err(409, `Container ${c.id} is not paused`);
    for (const p of this.e.host.processTree(rt.pid)) this.e.host.kill(p.pid, on ? SIGNALS.SIGSTOP : SIGNALS.SIGCONT);
    c.status = on ? 'paused' : 'running';
    saveContainer(this.e.host, c);
    return { kind: 'ok' };
  }

  list(all: boolean): DockerReply {
    const now = this.e.host.now();
    const netId = this.e.networkId('bridge');
    const list = this.all().filter((c) => all || this.rt.has(c.id) || c.status === 'restarting');
    return { kind: 'containers', containers: list.map((c) => containerInfo(c, this.rt.get(c.id), this.e.images.get(c.imageId), now, netId, this.extra(c))) };
  }

  inspect(ref: string): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    return { kind: 'container', container: containerInfo(c, this.rt.get(c.id), this.e.images.get(c.imageId), this.e.host.now(), this.e.networkId('bridge'), this.extra(c)) };
  }

  /** Its networks and mounts, as inspect shows them. */
  private extra(c: ContainerRec): { networks: ReturnType<DockerEngine['networks']['endpointInfo']>; mounts: ReturnType<DockerEngine['volumes']['mountInfo']> } {
    return { networks: this.e.networks.endpointInfo(c), mounts: this.e.volumes.mountInfo(c) };
  }

  logs(ref: string, since?: number): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const entries: LogEntry[] = [];
    for (const line of (this.e.host.readFile(c.logPath) ?? '').split('\n')) {
      if (!line) continue;
      try {
        const j = JSON.parse(line) as { log: string; stream: 'stdout' | 'stderr'; time: string };
        const time = Date.parse(j.time);
        if (since === undefined || time > since) entries.push({ stream: j.stream, time, text: j.log });
      } catch {
        // a torn line is skipped
      }
    }
    return { kind: 'logs', entries, running: this.rt.has(c.id) };
  }

  /** Resolves when the container logs more after `after`, or stops. */
  logsWait(ref: string, after: number): Promise<DockerReply> | DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    if (!this.rt.has(c.id)) return this.logs(ref, after);
    return new Promise((resolve) => {
      const list = this.logWaiters.get(c.id) ?? [];
      list.push(() => resolve(this.logs(c.id, after)));
      this.logWaiters.set(c.id, list);
    });
  }

  top(ref: string): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (!rt) return err(409, `container ${c.id} is not running`);
    const procs = this.e.host.processTree(rt.pid);
    const passwd = this.e.host.readFile('/etc/passwd') ?? '';
    const userOf = (uid: number): string => passwd.split('\n').find((l) => l.split(':')[2] === String(uid))?.split(':')[0] ?? String(uid);
    const hhmm = (ms: number): string => {
      const d = new Date(ms);
      return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    };
    const cpu = (ms: number): string => {
      const s = Math.floor(ms / 1000);
      return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    };
    return { kind: 'top', titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], processes: procs.map((p) => [userOf(p.uid), String(p.pid), String(p.ppid), '0', hhmm(p.startTime), p.tty, cpu(p.cpuMs), p.argv.join(' ')]) };
  }

  async exec(ref: string, spec: ExecSpec, pid: number): Promise<DockerReply> {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const rt = this.rt.get(c.id);
    if (!rt) return err(409, `container ${c.id} is not running`);
    if (c.status === 'paused') return err(409, `Container ${c.id} is paused, unpause the container before exec`);
    const envList = [...c.config.Env.filter((kv) => !spec.env.some((s) => s.split('=')[0] === kv.split('=')[0])), ...spec.env];
    const exe = this.lookPath(c, spec.cmd[0]!, envList);
    if (!exe) {
      const what = spec.cmd[0]!.includes('/') ? `exec: "${spec.cmd[0]}": stat ${spec.cmd[0]}: no such file or directory` : `exec: "${spec.cmd[0]}": executable file not found in $PATH`;
      return err(126, `OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown`);
    }
    const env = new Map(envList.map((kv) => [kv.slice(0, kv.indexOf('=') < 0 ? kv.length : kv.indexOf('=')), kv.indexOf('=') < 0 ? '' : kv.slice(kv.indexOf('=') + 1)] as [string, string]));
    env.set('HOSTNAME', c.config.Hostname);
    if (!env.has('HOME')) env.set('HOME', '/root');
    if (spec.tty && !env.has('TERM')) env.set('TERM', 'xterm');
    const user = this.userIds(c, spec.user ?? c.config.User ?? '');
    const spawned = this.e.host.spawnContainer({
      root: c.dir, path: exe, argv: [...spec.cmd], env, cwd: spec.workdir ?? (c.config.WorkingDir || '/'), hostname: c.config.Hostname, uid: user.uid, gid: user.gid, netns: rt.netns,
      stdio: spec.detach ? { kind: 'logs' } : { kind: 'attach', pid, tty: spec.tty }, onOutput: () => undefined, cgroup: `/system.slice/docker-${c.id}.scope`, group: c.id,
    });
    if ('errno' in spawned) return err(126, `OCI runtime exec failed: exec failed: unable to start container process: ${spawned.errno}: unknown`);
    if (spec.detach) return { kind: 'ok' };
    const x = await this.e.host.waitExit(spawned.pid);
    return { kind: 'exit', code: x.signal !== undefined ? 128 + x.signal : x.code };
  }

  prune(): DockerReply {
    const deleted: string[] = [];
    for (const c of this.all()) {
      if (this.rt.has(c.id) || c.status === 'restarting') continue;
      deleted.push(c.id);
      this.byId.delete(c.id);
      deleteContainer(this.e.host, c);
    }
    return { kind: 'pruned', deleted, reclaimed: 0 };
  }

  commit(ref: string, target: string | undefined, comment: string | undefined, changes: Partial<ImageRec['config']> = {}): DockerReply {
    const c = this.find(ref);
    if (!c) return this.noSuch(ref);
    const base = this.e.images.get(c.imageId);
    // the new layer's history names the container's command, with the message as its comment (daemon/commit.go)
    const config: ImageRec['config'] = { ...(base?.config ?? c.config), Cmd: c.config.Cmd, Env: c.config.Env };
    // --change: ENV, EXPOSE, LABEL and VOLUME add to what the container has, the others replace
    const keyOf = (kv: string): string => kv.split('=')[0]!;
    const { Env: env, ExposedPorts: ports, Labels: labels, Volumes: volumes, ...rest } = changes;
    Object.assign(config, rest);
    if (env) config.Env = [...config.Env.filter((kv) => !env.some((x) => keyOf(x) === keyOf(kv))), ...env];
    if (ports) config.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...ports };
    if (labels) config.Labels = { ...(config.Labels ?? {}), ...labels };
    if (volumes) config.Volumes = { ...(config.Volumes ?? {}), ...volumes };
    const img = this.snapshot(c.dir, base, config, [c.path, ...c.args].join(' '), comment ?? '');
    if (target) {
      const r = this.e.images.tag(img.id, target);
      if (r.kind === 'error') return r;
    }
    return { kind: 'built', id: img.id, output: [] };
  }

  /** A new image from a directory tree (a container's root): its own copy of the files. */
  private snapshot(dir: string, base: ImageRec | undefined, config: ImageRec['config'], createdBy: string, comment: string, emptyLayer = false): ImageRec {
    const h = this.e.host;
    const hex = h.randomId();
    const imgDir = `${ROOT}/overlay2/${hex}/diff`;
    h.mkdirp(imgDir, 0o755);
    h.copyTree(dir, imgDir);
    // what the layer adds to the base image's size (the trees here are far smaller than real ones)
    const size = (base?.size ?? 0) + Math.max(0, h.treeSize(imgDir) - (base ? h.treeSize(base.dir) : 0));
    const layer = `sha256:${h.randomId()}`;
    const img: ImageRec = {
      id: `sha256:${hex}`, repoTags: [], repoDigests: [], created: rfc3339(h.now()), size: emptyLayer ? base?.size ?? size : size,
      config: { ...config }, history: [...(base?.history ?? []), { created: rfc3339(h.now()), created_by: createdBy, size: emptyLayer ? 0 : Math.max(0, size - (base?.size ?? 0)), ...(emptyLayer ? { empty_layer: true } : {}), ...(comment ? { comment } : {}) }],
      layers: emptyLayer ? [...(base?.layers ?? [])] : [...(base?.layers ?? []), layer], parent: base?.id ?? '', dir: imgDir,
    };
    this.e.images.add(img);
    return img;
  }

  /** One step of the legacy builder. */
  async buildStep(step: BuildStep, pid: number): Promise<DockerReply> {
    const h = this.e.host;
    if (step.op === 'from') {
      const img = this.e.images.resolve(step.ref);
      if (!img) return err(404, `No such image: ${step.ref}`);
      return { kind: 'built', id: img.id, output: [] };
    }
    const base = this.e.images.resolve(step.image);
    if (!base) return err(404, `No such image: ${step.image}`);
    if (step.op === 'tag') return this.e.images.tag(base.id, step.ref);
    if (step.op === 'config') {
      const img = this.snapshot(base.dir, base, { ...base.config, ...step.change }, step.createdBy, '', true);
      return { kind: 'built', id: img.id, output: [] };
    }
    if (step.op === 'copy') {
      const tmp = `${ROOT}/tmp/build-${h.randomId().slice(0, 12)}`;
      h.mkdirp(tmp, 0o755);
      h.copyTree(base.dir, tmp);
      for (const f of step.files) {
        if (f.dir) h.mkdirp(`${tmp}${f.path}`, f.mode);
        else {
          h.mkdirp(`${tmp}${f.path.replace(/\/[^/]*$/, '')}`, 0o755);
          h.writeFile(`${tmp}${f.path}`, f.data, f.mode);
        }
      }
      const img = this.snapshot(tmp, base, base.config, step.createdBy, '');
      h.remove(tmp);
      return { kind: 'built', id: img.id, output: [] };
    }
    // RUN: an intermediate container runs the command; its filesystem becomes the new layer
    const created = this.create({ image: base.id, cmd: step.cmd, entrypoint: [], env: [], tty: false, openStdin: false, labels: {}, ports: {}, publishAll: false, exposed: [], restart: { Name: 'no', MaximumRetryCount: 0 }, autoRemove: false, network: 'bridge', binds: [] });
    if (created.kind !== 'created') return created;
    const c = this.byId.get(created.id)!;
    h.writeClient(pid, ` ---> Running in ${c.id.slice(0, 12)}\n`);
    c.config.Entrypoint = undefined;
    c.path = step.cmd[0]!;
    c.args = step.cmd.slice(1);
    const started = await this.start(c.id, pid);
    if (started.kind === 'error') {
      await this.remove(c.id, true, true);
      return started;
    }
    const exit = (await this.wait(c.id)) as { kind: 'exit'; code: number };
    if (exit.code !== 0) {
      await this.remove(c.id, true, true);
      return err(exit.code, `The command '${step.cmd.join(' ')}' returned a non-zero code: ${exit.code}`);
    }
    const img = this.snapshot(c.dir, base, base.config, step.createdBy, '');
    await this.remove(c.id, true, true);
    return { kind: 'built', id: img.id, output: [], container: c.id };
  }

  /** dockerd starting: containers whose policy says so come back. */
  async restoreAtStart(): Promise<void> {
    for (const c of this.all()) {
      const p = c.spec.restart.Name;
      if (p === 'always' || (p === 'unless-stopped' && !c.manualStop)) {
        const r = await this.start(c.id);
        if (r.kind === 'error') this.e.host.log(`failed to start container ${c.id}: ${r.message}`);
      }
    }
  }

  /** dockerd ending: every running container is stopped (SIGTERM, then SIGKILL after 10 s). */
  async stopAllForShutdown(now = false): Promise<void> {
    const running = this.all().filter((c) => this.rt.has(c.id));
    await Promise.all(running.map(async (c) => {
      const manual = c.manualStop;
      if (now) this.e.host.kill(this.rt.get(c.id)!.pid, SIGNALS.SIGKILL);
      else await this.stop(c.id);
      // a daemon shutdown is not the user's stop: unless-stopped containers come back
      c.manualStop = manual;
      saveContainer(this.e.host, c);
    }));
  }
}

