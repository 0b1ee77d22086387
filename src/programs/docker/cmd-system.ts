// docker version and docker info, laid out as docker 27's templates print them.
import { bytesSize } from '../../shared/docker-units';
import { tabwrite } from '../../shared/tabwriter';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { str } from './flags';
import { render } from './template';

export const CLIENT = { Version: '27.3.1', ApiVersion: '1.47', GoVersion: 'go1.22.7', GitCommit: '3ab4256', BuildTime: 'Tue Oct  8 08:02:54 2024', Os: 'linux', Arch: 'amd64' };

export async function version(ctx: Ctx, p: ParsedCommand): Promise<number> {
  let server: Record<string, string> | undefined;
  let failure: DaemonError | undefined;
  try {
    server = (await expect(ctx, { kind: 'version' }, 'version')).server;
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    failure = e;
  }
  const format = str(p, 'format');
  if (format) {
    const data = { Client: { ...CLIENT, Context: 'default' }, Server: server ? { Version: server.Version, ApiVersion: server.ApiVersion, GitCommit: server.GitCommit } : null };
    await ctx.print(`${render(format, data)}\n`);
  } else {
    let text = `Client:\n Version:\t${CLIENT.Version}\n API version:\t${CLIENT.ApiVersion}\n Go version:\t${CLIENT.GoVersion}\n Git commit:\t${CLIENT.GitCommit}\n Built:\t${CLIENT.BuildTime}\n OS/Arch:\t${CLIENT.Os}/${CLIENT.Arch}\n Context:\tdefault\n`;
    if (server) {
      const s = server;
      text += `\nServer:\n Engine:\n  Version:\t${s.Version}\n  API version:\t${s.ApiVersion} (minimum version ${s.MinAPIVersion})\n  Go version:\t${s.GoVersion}\n  Git commit:\t${s.GitCommit}\n  Built:\t${s.BuildTime}\n  OS/Arch:\t${s.Os}/${s.Arch}\n  Experimental:\tfalse\n`;
      text += ` containerd:\n  Version:\t${s.containerd}\n  GitCommit:\t${s.containerdCommit}\n runc:\n  Version:\t${s.runc}\n  GitCommit:\t${s.runcCommit}\n docker-init:\n  Version:\t${s.dockerInit}\n  GitCommit:\t${s.dockerInitCommit}\n`;
    }
    await ctx.print(tabwrite(text, { minwidth: 20, padding: 1 }));
  }
  if (failure) {
    await ctx.out.flush();
    await ctx.err.write(`${failure.message}\n`);
    return 1;
  }
  return 0;
}

export async function info(ctx: Ctx, p: ParsedCommand): Promise<number> {
  let client = ' Version:    27.3.1\n Context:    default\n Debug Mode: false\n';
  client = `Client:\n${client}\n`;
  let i: Record<string, string | number | boolean> | undefined;
  let failure: DaemonError | undefined;
  try {
    i = (await expect(ctx, { kind: 'info' }, 'info')).info;
  } catch (e) {
    if (!(e instanceof DaemonError)) throw e;
    failure = e;
  }
  const format = str(p, 'format');
  if (format) {
    if (failure) {
      await ctx.err.write(`${failure.message}\n`);
      return 1;
    }
    await ctx.print(`${render(format, i)}\n`);
    return 0;
  }
  await ctx.print(client);
  if (!i) {
    await ctx.print('Server:\n');
    await ctx.err.write(`ERROR: ${failure!.message}\nerrors pretty printing info\n`);
    return 1;
  }
  const lines = [
    'Server:', ` Containers: ${i.Containers}`, `  Running: ${i.ContainersRunning}`, `  Paused: ${i.ContainersPaused}`, `  Stopped: ${i.ContainersStopped}`,
    ` Images: ${i.Images}`, ` Server Version: ${i.ServerVersion}`, ' Storage Driver: overlay2', '  Backing Filesystem: extfs', '  Supports d_type: true',
    '  Using metacopy: false', '  Native Overlay Diff: true', '  userxattr: false', ' Logging Driver: json-file', ' Cgroup Driver: systemd', ' Cgroup Version: 2',
    ' Plugins:', '  Volume: local', '  Network: bridge host ipvlan macvlan null overlay', '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
    ' Swarm: inactive', ' Runtimes: io.containerd.runc.v2 runc', ' Default Runtime: runc', ' Init Binary: docker-init',
    ' containerd version: 3dce8eb055cbb6872793272b4f20ed16117344f8', ' runc version: v1.1.14-0-g2c9f560', ' init version: de40ad0',
    ' Security Options:', '  seccomp', '   Profile: builtin', '  cgroupns', ` Kernel Version: ${i.KernelVersion}`, ` Operating System: ${i.OperatingSystem}`,
    ' OSType: linux', ' Architecture: x86_64', ` CPUs: ${i.NCPU}`, ` Total Memory: ${bytesSize(Number(i.MemTotal))}`, ` Name: ${i.Name}`, ` ID: ${i.ID}`,
    ` Docker Root Dir: ${i.DockerRootDir}`, ' Debug Mode: false', ' Experimental: false', ' Insecure Registries:', '  127.0.0.0/8', ' Live Restore Enabled: false', '',
  ];
  await ctx.print(lines.join('\n'));
  void call;
  return 0;
}
