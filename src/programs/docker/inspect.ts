// The objects `docker inspect` prints (and --format templates walk): a container or an image
// in the Engine API's shape and key order, as far as this engine has the facts.
import type { ContainerInfo, ImageInfo } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import { render } from './template';

export function containerObject(c: ContainerInfo): Record<string, unknown> {
  // every network it is on; the deprecated top-level fields show only the default bridge's endpoint
  const nets = c.networks ?? { [c.network.name]: { networkId: c.network.networkId, ip: c.network.ip, mac: c.network.mac, gateway: c.network.gateway, prefixLen: c.network.prefixLen, endpointId: c.network.endpointId, aliases: null, dnsNames: null } };
  const bridge = nets.bridge;
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = c.published[p] ?? null;
  const dir = `/var/lib/docker/containers/${c.id}`;
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.status, Running: c.running, Paused: c.paused, Restarting: c.restarting, OOMKilled: false, Dead: c.status === 'dead',
      Pid: c.pid, ExitCode: c.exitCode, Error: c.error, StartedAt: c.startedAt, FinishedAt: c.finishedAt,
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: c.logPath,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: {
      Binds: c.spec.binds.length ? c.spec.binds : null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: c.spec.network === 'bridge' ? 'bridge' : c.spec.network,
      PortBindings: Object.keys(c.spec.ports).length ? c.spec.ports : {},
      RestartPolicy: c.spec.restart,
      AutoRemove: c.spec.autoRemove,
      PublishAllPorts: c.spec.publishAll,
      Privileged: false,
      ReadonlyRootfs: false,
    },
    GraphDriver: {
      Data: { MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`, UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`, WorkDir: `/var/lib/docker/overlay2/${c.id}/work` },
      Name: 'overlay2',
    },
    Mounts: c.mounts ?? [],
    Config: {
      Hostname: c.config.Hostname,
      Domainname: '',
      User: c.config.User ?? '',
      AttachStdin: c.spec.openStdin,
      AttachStdout: true,
      AttachStderr: true,
      ...(c.config.ExposedPorts ? { ExposedPorts: c.config.ExposedPorts } : {}),
      Tty: c.config.Tty,
      OpenStdin: c.config.OpenStdin,
      StdinOnce: c.config.OpenStdin,
      Env: c.config.Env,
      Cmd: c.config.Cmd?.length ? c.config.Cmd : null,
      Image: c.config.Image,
      Volumes: c.config.Volumes ?? null,
      WorkingDir: c.config.WorkingDir,
      Entrypoint: c.config.Entrypoint ?? null,
      OnBuild: null,
      Labels: c.config.Labels ?? {},
      ...(c.config.StopSignal ? { StopSignal: c.config.StopSignal } : {}),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: c.running ? c.network.endpointId.split('').reverse().join('') : '',
      SandboxKey: c.running ? `/var/run/docker/netns/${c.network.endpointId.slice(0, 12)}` : '',
      Ports: ports,
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: bridge?.endpointId ?? '',
      Gateway: bridge?.gateway ?? '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: bridge?.ip ?? '',
      IPPrefixLen: bridge?.prefixLen ?? 0,
      IPv6Gateway: '',
      MacAddress: bridge?.mac ?? '',
      Networks: Object.fromEntries(Object.entries(nets).map(([name, ep]) => [name, {
        IPAMConfig: null, Links: null, Aliases: ep.aliases, MacAddress: ep.mac, DriverOpts: null, NetworkID: ep.networkId,
        EndpointID: ep.endpointId, Gateway: ep.gateway, IPAddress: ep.ip, IPPrefixLen: ep.prefixLen,
        IPv6Gateway: '', GlobalIPv6Address: '', GlobalIPv6PrefixLen: 0, DNSNames: ep.dnsNames,
      }])),
    },
  };
}

export function imageObject(i: ImageInfo): Record<string, unknown> {
  return {
    Id: i.id,
    RepoTags: i.repoTags,
    RepoDigests: i.repoDigests,
    Parent: i.parent,
    Comment: '',
    Created: i.created,
    DockerVersion: '',
    Author: '',
    Config: {
      Hostname: '', Domainname: '', User: i.config.User ?? '', AttachStdin: false, AttachStdout: false, AttachStderr: false,
      ...(i.config.ExposedPorts ? { ExposedPorts: i.config.ExposedPorts } : {}),
      Tty: false, OpenStdin: false, StdinOnce: false, Env: i.config.Env, Cmd: i.config.Cmd ?? null, Image: '', Volumes: i.config.Volumes ?? null,
      WorkingDir: i.config.WorkingDir, Entrypoint: i.config.Entrypoint ?? null, OnBuild: null, Labels: i.config.Labels ?? null,
      ...(i.config.StopSignal ? { StopSignal: i.config.StopSignal } : {}),
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: i.size,
    GraphDriver: { Data: {}, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: i.layers },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}

/** json.MarshalIndent with four spaces, and Go's escaping of <, > and &. */
export function goJson(v: unknown): string {
  return JSON.stringify(v, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

/**
 * What every `inspect` prints: the objects (as a JSON array, or each through -f's template),
 * then the errors for the names not found, and status 1 if there were any.
 */
export async function printInspected(ctx: Ctx, objects: unknown[], errors: string[], format: string): Promise<number> {
  if (format) for (const o of objects) await ctx.print(`${render(format.replace(/\\t/g, '\t').replace(/\\n/g, '\n'), o)}\n`);
  else await ctx.print(`${goJson(objects)}\n`);
  // the objects are printed first, the errors after them (inspect.Inspect's StatusError)
  await ctx.out.flush();
  if (errors.length) await ctx.err.write(`${errors.join('\n')}\n`);
  return errors.length ? 1 : 0;
}
