// docker run and docker create: the container's spec from the flags, pulling a missing image
// first ("Unable to find image ... locally"), then for run: start it, and either print its id
// (-d) or stay attached until it ends and exit with its status.
import type { ContainerSpec, MountSpec, PortBinding } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError } from './client';
import { bool, has, list, str } from './flags';
import { pullImage } from './pull';

export class RunError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** -p [ip:][hostPort:]containerPort[/proto] and ranges of one port. */
function parsePublish(spec: string, ports: Record<string, PortBinding[]>): void {
  const [main, proto = 'tcp'] = spec.split('/');
  const parts = main!.split(':');
  let ip = '';
  let host = '';
  let cport: string;
  if (parts.length === 1) cport = parts[0]!;
  else if (parts.length === 2) [host, cport] = parts as [string, string];
  else [ip, host, cport] = [parts.slice(0, -2).join(':').replace(/^\[|\]$/g, ''), parts[parts.length - 2]!, parts[parts.length - 1]!];
  if (!/^\d+$/.test(cport) || Number(cport) < 1 || Number(cport) > 65535) throw new RunError(`invalid containerPort: ${cport}`, 125);
  if (host !== '' && (!/^\d+$/.test(host) || Number(host) > 65535)) throw new RunError(`invalid hostPort: ${host}`, 125);
  (ports[`${cport}/${proto}`] ??= []).push({ HostIp: ip, HostPort: host });
}

function restartPolicy(text: string): ContainerSpec['restart'] {
  if (text === '' || text === 'no') return { Name: text === 'no' ? 'no' : '', MaximumRetryCount: 0 };
  const [name, count] = text.split(':');
  if (name === 'always' || name === 'unless-stopped') {
    if (count !== undefined) throw new RunError(`invalid restart policy format: maximum retry count can only be used with 'on-failure'`, 125);
    return { Name: name, MaximumRetryCount: 0 };
  }
  if (name === 'on-failure') {
    if (count !== undefined && !/^\d+$/.test(count)) throw new RunError(`invalid restart policy format: maximum retry count must be an integer`, 125);
    return { Name: 'on-failure', MaximumRetryCount: Number(count ?? 0) };
  }
  throw new RunError(`invalid restart policy format: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, 125);
}

export function specFrom(ctx: Ctx, p: ParsedCommand): ContainerSpec {
  const [image, ...cmd] = p.args;
  const ports: Record<string, PortBinding[]> = {};
  for (const s of list(p, 'publish')) parsePublish(s, ports);
  const env: string[] = [];
  for (const e of list(p, 'env')) env.push(e.includes('=') ? e : `${e}=${ctx.env.get(e) ?? ''}`);
  const labels: Record<string, string> = {};
  for (const l of list(p, 'label')) labels[l.split('=')[0]!] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const entrypoint = has(p, 'entrypoint') ? (str(p, 'entrypoint') === '' ? [] : [str(p, 'entrypoint')]) : undefined;
  const rm = bool(p, 'rm');
  const restart = restartPolicy(str(p, 'restart'));
  if (rm && restart.Name !== '' && restart.Name !== 'no') throw new RunError('Conflicting options: --restart and --rm', 125);
  return {
    ...(has(p, 'name') ? { name: str(p, 'name') } : {}),
    image: image!,
    ...(cmd.length ? { cmd } : {}),
    ...(entrypoint ? { entrypoint } : {}),
    env, ...(has(p, 'workdir') ? { workdir: str(p, 'workdir') } : {}), ...(has(p, 'user') ? { user: str(p, 'user') } : {}),
    ...(has(p, 'hostname') ? { hostname: str(p, 'hostname') } : {}),
    tty: bool(p, 'tty'), openStdin: bool(p, 'interactive'), labels, ports, publishAll: bool(p, 'publish-all'), exposed: list(p, 'expose'),
    restart, autoRemove: rm, ...networkOptions(p), binds: list(p, 'volume'), ...mountOptions(p),
  };
}

/** --network (repeatable, "name" or "name=x,alias=y,ip=z"), --network-alias and --ip. */
function networkOptions(p: ParsedCommand): Pick<ContainerSpec, 'network' | 'aliases' | 'ip' | 'moreNetworks'> {
  const nets = list(p, 'network').map((v) => {
    if (!v.includes('=')) return { name: v, aliases: [] as string[], ip: '' };
    const kv = v.split(',').map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)] as const);
    return { name: kv.find(([k]) => k === 'name')?.[1] ?? '', aliases: kv.filter(([k]) => k === 'alias').map(([, x]) => x), ip: kv.find(([k]) => k === 'ip')?.[1] ?? '' };
  });
  const first = nets[0];
  const aliases = [...(first?.aliases ?? []), ...list(p, 'network-alias')];
  const ip = str(p, 'ip') || first?.ip || '';
  return {
    network: first?.name || 'bridge',
    ...(aliases.length ? { aliases } : {}),
    ...(ip ? { ip } : {}),
    ...(nets.length > 1 ? { moreNetworks: nets.slice(1).map((n) => n.name) } : {}),
  };
}

/** --mount type=volume|bind,source=...,target=...[,readonly] */
function mountOptions(p: ParsedCommand): Pick<ContainerSpec, 'mounts'> {
  const mounts: MountSpec[] = [];
  for (const raw of list(p, 'mount')) {
    const m: MountSpec = { type: 'volume', source: '', target: '', readOnly: false };
    for (const field of raw.split(',')) {
      const eq = field.indexOf('=');
      const [k, v] = eq < 0 ? [field, ''] : [field.slice(0, eq), field.slice(eq + 1)];
      switch (k.toLowerCase()) {
        case 'type':
          if (v !== 'volume' && v !== 'bind') throw new RunError(`invalid argument "${raw}" for "--mount" flag: invalid mount type "${v}": this simulator supports bind and volume`, 125);
          m.type = v;
          break;
        case 'source': case 'src': m.source = v; break;
        case 'target': case 'dst': case 'destination': m.target = v; break;
        case 'readonly': case 'ro': m.readOnly = v === '' || v === 'true' || v === '1'; break;
        default: break;
      }
    }
    if (!m.target) throw new RunError(`invalid argument "${raw}" for "--mount" flag: target is required`, 125);
    mounts.push(m);
  }
  return mounts.length ? { mounts } : {};
}

/** Creates the container, pulling its image when it is not here yet; returns its id. */
export async function createContainer(ctx: Ctx, spec: ContainerSpec): Promise<string> {
  let r = await ctx.sys.call('docker', { kind: 'create', spec });
  if ((r as { kind: string; status?: number }).kind === 'error' && (r as { status: number }).status === 404 && /^No such image/.test((r as { message: string }).message)) {
    const ref = spec.image.includes(':') || spec.image.includes('@') ? spec.image : `${spec.image}:latest`;
    await ctx.err.write(`Unable to find image '${ref}' locally\n`);
    await pullImage(ctx, spec.image, false);
    r = await ctx.sys.call('docker', { kind: 'create', spec });
  }
  const created = await expectCreated(ctx, r);
  return created;
}

async function expectCreated(ctx: Ctx, r: unknown): Promise<string> {
  const reply = r as { kind: string; id?: string; message?: string; status?: number; warnings?: string[] };
  if (reply.kind === 'not-running' || (reply.kind === 'error' && reply.status === -13)) {
    // let the client's wording apply
    await call(ctx, { kind: 'connect' });
  }
  if (reply.kind === 'error') throw new DaemonError(`Error response from daemon: ${reply.message}`, 'daemon', reply.status);
  for (const w of reply.warnings ?? []) await ctx.err.write(`WARNING: ${w}\n`);
  return reply.id!;
}

/** OCI errors end `docker run` with 126 (cannot run) or 127 (not found), others with 125. */
export function runStatus(message: string): number {
  if (/executable file not found|no such file or directory/.test(message) && /OCI runtime/.test(message)) return 127;
  if (/OCI runtime|permission denied/.test(message) && /OCI/.test(message)) return 126;
  return 125;
}

export async function run(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const spec = specFrom(ctx, p);
  if (spec.tty && spec.openStdin && !bool(p, 'detach') && !ctx.sys.isatty(0)) {
    await ctx.err.write('the input device is not a TTY\n');
    return 1;
  }
  const detach = bool(p, 'detach');
  const id = await createContainer(ctx, spec);
  if (detach) {
    await call(ctx, { kind: 'start', id });
    await ctx.print(`${id}\n`);
    return 0;
  }
  // attached: the container's output comes here; with -t it uses this terminal itself
  if (spec.tty) ctx.sys.signal(2, 'ignore');
  const r = await call(ctx, { kind: 'attach', id });
  return r.kind === 'exit' ? r.code : 0;
}

export async function create(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const id = await createContainer(ctx, specFrom(ctx, p));
  await ctx.print(`${id}\n`);
  return 0;
}
