// The docker CLI's side of /var/run/docker.sock: one call to the engine, and the errors docker
// prints when it cannot get there (daemon down, socket permission) or the daemon says no.
import type { DockerReply, DockerRequest } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';

export const SOCKET_URL = 'unix:///var/run/docker.sock';
export const NOT_RUNNING = `Cannot connect to the Docker daemon at ${SOCKET_URL}. Is the docker daemon running?`;

/** The Engine API path a request uses (it shows in docker's permission-denied message). */
function apiPath(req: DockerRequest): string {
  switch (req.kind) {
    case 'ps': return `/v1.47/containers/json${req.all ? '?all=1' : ''}`;
    case 'images': return '/v1.47/images/json';
    case 'version': return '/v1.47/version';
    case 'info': return '/v1.47/info';
    case 'pull': return `/v1.47/images/create?fromImage=${encodeURIComponent(req.ref.replace(/:.*$/, ''))}&tag=${encodeURIComponent(/:([^/]*)$/.exec(req.ref)?.[1] ?? 'latest')}`;
    case 'create': return '/v1.47/containers/create';
    case 'networks': return '/v1.47/networks';
    case 'volumes': return '/v1.47/volumes';
    default: return '/v1.47/_ping';
  }
}

export class DaemonError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-running' | 'permission' | 'daemon',
    readonly status = 0,
  ) {
    super(message);
  }
}

/** Calls the engine; throws DaemonError with docker's message when it cannot or says no. */
export async function call(ctx: Ctx, req: DockerRequest): Promise<DockerReply> {
  const r = (await ctx.sys.call('docker', req)) as DockerReply;
  if (r.kind === 'not-running') throw new DaemonError(NOT_RUNNING, 'not-running');
  if (r.kind === 'error' && r.status === -13) {
    const path = apiPath(req);
    throw new DaemonError(`permission denied while trying to connect to the Docker daemon socket at ${SOCKET_URL}: Get "http://%2Fvar%2Frun%2Fdocker.sock${path}": dial unix /var/run/docker.sock: connect: permission denied`, 'permission');
  }
  if (r.kind === 'error') throw new DaemonError(`Error response from daemon: ${r.message}`, 'daemon', r.status);
  return r;
}

/** Like call, for replies of one kind. */
export async function expect<K extends DockerReply['kind']>(ctx: Ctx, req: DockerRequest, kind: K): Promise<Extract<DockerReply, { kind: K }>> {
  const r = await call(ctx, req);
  if (r.kind !== kind) throw new DaemonError(`Error response from daemon: unexpected answer ${r.kind}`, 'daemon');
  return r as Extract<DockerReply, { kind: K }>;
}
