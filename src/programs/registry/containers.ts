// Programs that exist only in container images (the offline registry's images lay them out:
// src/subsystems/docker/registry/). Their package is no Photon package, so neither the boot
// image nor tdnf installs them on the host.
import { lazy, type ProgramEntry } from '../entry';
import { CONTAINER_PKG } from '../containers/pkg';

export { CONTAINER_PKG };

export const containerPrograms: ProgramEntry[] = [
  lazy({ name: 'hello', installPath: '/hello', mode: 0o775, pkg: CONTAINER_PKG }, () => import('../containers/hello')),
  lazy({ name: 'busybox', installPath: '/usr/bin/busybox', pkg: CONTAINER_PKG }, () => import('../containers/busybox')),
  lazy({ name: 'toybox', installPath: '/usr/bin/toybox', pkg: CONTAINER_PKG }, () => import('../containers/toybox')),
  lazy({ name: 'gosu', installPath: '/usr/local/bin/gosu', pkg: CONTAINER_PKG }, () => import('../containers/gosu')),
  lazy({ name: 'envsubst', installPath: '/usr/bin/envsubst', pkg: CONTAINER_PKG }, () => import('../containers/envsubst')),
  lazy({ name: 'redis-server', installPath: '/usr/local/bin/redis-server', pkg: CONTAINER_PKG }, () => import('../containers/redis-server')),
  lazy({ name: 'redis-cli', installPath: '/usr/local/bin/redis-cli', pkg: CONTAINER_PKG }, () => import('../containers/redis-cli')),
  lazy({ name: 'httpd', installPath: '/usr/local/apache2/bin/httpd', pkg: CONTAINER_PKG }, () => import('../containers/httpd')),
  lazy({ name: 'python3', installPath: '/usr/local/bin/python3.12', pkg: CONTAINER_PKG }, () => import('../containers/python3')),
];
