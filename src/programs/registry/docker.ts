// The container engine's programs: the docker CLI, dockerd and its userland proxy; each loads
// when first run.
import { lazy, type ProgramEntry } from '../entry';

export const dockerPrograms: ProgramEntry[] = [
  lazy({ name: 'docker', installPath: '/usr/bin/docker', pkg: 'docker-cli' }, () => import('../docker/main')),
  lazy({ name: 'dockerd', installPath: '/usr/bin/dockerd', pkg: 'docker-engine' }, () => import('../docker/dockerd')),
  lazy({ name: 'docker-proxy', installPath: '/usr/bin/docker-proxy', pkg: 'docker-engine' }, () => import('../docker/docker-proxy')),
];
