// pagers and manuals: less, more, man (with whatis and apropos); each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const pagerPrograms: ProgramEntry[] = [
  lazy({ name: 'less', installPath: '/usr/bin/less', pkg: 'less' }, () => import('../pagers/less/index')),
  lazy({ name: 'more', installPath: '/usr/bin/more', pkg: 'util-linux' }, () => import('../pagers/more')),
  lazy({ name: 'man', installPath: '/usr/bin/man', pkg: 'man-db' }, () => import('../man/index')),
  lazy({ name: 'whatis', installPath: '/usr/bin/whatis', pkg: 'man-db' }, () => import('../man/whatis').then((m) => ({ default: m.whatis }))),
  lazy({ name: 'apropos', installPath: '/usr/bin/apropos', pkg: 'man-db' }, () => import('../man/whatis').then((m) => ({ default: m.apropos }))),
];
