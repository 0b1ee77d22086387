// nginx (Photon's nginx package): the web server and reverse proxy, loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

export const nginxPrograms: ProgramEntry[] = [
  lazy({ name: 'nginx', installPath: '/usr/sbin/nginx', pkg: 'nginx' }, () => import('../nginx/main')),
];
