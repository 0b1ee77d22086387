// container and image: the Docker engine's records (what `docker ps -a` and `docker images` list).
import type { ContainerRec, ImageRec } from '../../subsystems/docker/records';
import type { ContainerCheck, ImageCheck } from '../types';
import { andList } from '../host';
import { failed, joinReasons, pass, type EvalContext, type Outcome } from './outcome';

/** "nginx" -> "nginx:latest"; "docker.io/library/nginx" -> "nginx:latest". */
export function normalizeRef(ref: string): string {
  let r = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (!/:[^/]+$/.test(r) && !r.includes('@')) r += ':latest';
  return r;
}

function imageMatches(c: ContainerRec, images: ImageRec[], want: string): boolean {
  const ref = normalizeRef(want);
  if (normalizeRef(c.imageRef || c.config.Image) === ref) return true;
  const img = images.find((i) => i.id === c.imageId);
  return img !== undefined && img.repoTags.map(normalizeRef).includes(ref);
}

const nameOf = (c: ContainerRec): string => c.name.replace(/^\//, '');

function stateText(c: ContainerRec): string {
  if (c.status === 'exited') return `exited (code ${c.exitCode})`;
  return c.status;
}

/** "0.0.0.0:8080->80/tcp" for each binding. */
function bindings(c: ContainerRec): { host: string; hostPort: string; port: string; proto: string }[] {
  const src = c.status === 'running' && Object.keys(c.published).length ? c.published : c.spec.ports;
  const out: { host: string; hostPort: string; port: string; proto: string }[] = [];
  for (const [key, list] of Object.entries(src)) {
    const [port, proto] = key.split('/');
    for (const b of list) out.push({ host: b.HostIp, hostPort: b.HostPort, port: port!, proto: proto ?? 'tcp' });
  }
  return out;
}

export function evaluateContainer(ctx: EvalContext, c: ContainerCheck): Outcome {
  const view = ctx.host.docker();
  const label = c.name !== undefined ? `container ${c.name}` : `container of ${c.image}`;
  let found = view.containers.filter((x) => (c.name === undefined || nameOf(x) === c.name) && (c.image === undefined || imageMatches(x, view.images, c.image)));
  const state = c.state ?? 'running';
  if (state === 'absent') {
    if (found.length === 0) return pass(`there is no ${label}`);
    return failed(`${c.name ? `the container ${c.name}` : `${found.length} container(s) of ${c.image}`} still exist${found.length === 1 ? 's' : ''} (${stateText(found[0]!)}); the lesson wants ${found.length === 1 ? 'it' : 'them'} removed`);
  }
  if (!view.running && view.containers.length === 0) return failed(`the Docker daemon is not running, so there is no ${label}`);
  if (found.length === 0) {
    if (c.name !== undefined) {
      const byName = view.containers.find((x) => nameOf(x) === c.name);
      if (byName && c.image) return failed(`the container ${c.name} runs ${byName.config.Image}; the lesson wants ${c.image}`);
    }
    const names = view.containers.map(nameOf);
    return failed(`there is no ${label}${names.length ? ` (docker ps -a lists ${andList(names)})` : ' (docker ps -a lists none)'}`);
  }
  if (state === 'running') {
    const running = found.filter((x) => x.status === 'running');
    if (running.length === 0) return failed(`${c.name ? `the container ${c.name}` : `the container ${nameOf(found[0]!)}`} is ${stateText(found[0]!)}; the lesson wants it running${view.running ? '' : ' (the Docker daemon is not running)'}`);
    found = running;
  } else if (state === 'exited') {
    const exited = found.filter((x) => x.status === 'exited');
    if (exited.length === 0) return failed(`the container ${nameOf(found[0]!)} is ${stateText(found[0]!)}; the lesson wants it stopped`);
    found = exited;
  }
  const reasons: string[] = [];
  if (c.ports?.length) {
    const best = found.find((x) => {
      const have = bindings(x);
      return c.ports!.every((p) => portMatches(have, p));
    });
    if (!best) {
      const have = bindings(found[0]!);
      const text = have.length ? `publishes ${have.map((b) => `${b.host || '0.0.0.0'}:${b.hostPort}->${b.port}/${b.proto}`).join(', ')}` : 'publishes no port';
      reasons.push(`the container ${nameOf(found[0]!)} ${text}; the lesson wants ${andList(c.ports)} (docker run -p HOST:CONTAINER)`);
    } else found = [best];
  }
  if (c.restart !== undefined) {
    const have = found[0]!.spec.restart.Name || 'no';
    if (have !== c.restart) reasons.push(`the container ${nameOf(found[0]!)} has the restart policy ${have}; the lesson wants ${c.restart}`);
  }
  if (reasons.length) return failed(joinReasons(reasons));
  return pass(`the container ${nameOf(found[0]!)} is ${stateText(found[0]!)}`);
}

function portMatches(have: ReturnType<typeof bindings>, spec: string): boolean {
  const m = /^(?:([0-9.]+):)?(\d+):(\d+)(?:\/(tcp|udp))?$/.exec(spec);
  if (!m) return false;
  const [, ip, hostPort, port, proto] = m;
  return have.some((b) => b.hostPort === hostPort && b.port === port && b.proto === (proto ?? 'tcp') && (ip === undefined || b.host === ip || (b.host === '' && ip === '0.0.0.0')));
}

export function evaluateImage(ctx: EvalContext, c: ImageCheck): Outcome {
  const view = ctx.host.docker();
  const ref = normalizeRef(c.image);
  const tags = view.images.flatMap((i) => i.repoTags.map(normalizeRef));
  const present = tags.includes(ref);
  if (c.present === false) return present ? failed(`the image ${ref} is still there; the lesson wants it removed (docker rmi)`) : pass(`there is no image ${ref}`);
  if (present) return pass(`the image ${ref} is there`);
  if (!view.running && view.images.length === 0) return failed(`the Docker daemon is not running, so there is no image ${ref}`);
  return failed(`there is no image ${ref} (docker images lists ${tags.length ? andList(tags) : 'none'})`);
}
