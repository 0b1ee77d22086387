// The package managers: tdnf (also run as yum, tyum and tdnfj) and rpm; each loads when first
// run, and the package catalog they read loads with them.
import { lazy, type ProgramEntry } from '../entry';

export const packagePrograms: ProgramEntry[] = [
  lazy({ name: 'tdnf', installPath: '/usr/bin/tdnf', aliases: ['/usr/bin/yum', '/usr/bin/tyum', '/usr/bin/tdnfj'], pkg: 'tdnf' }, () => import('../tdnf/index')),
  lazy({ name: 'rpm', installPath: '/usr/bin/rpm', pkg: 'rpm' }, () => import('../rpm/index')),
];
