// Text tools from util-linux: rev column hexdump hd getopt ...
import { lazy, type ProgramEntry } from '../entry';

export const utilLinuxPrograms: ProgramEntry[] = [
  lazy({ name: 'column', installPath: '/usr/bin/column', pkg: 'util-linux' }, () => import('../util-linux/column')),
  lazy({ name: 'getopt', installPath: '/usr/bin/getopt', pkg: 'util-linux' }, () => import('../util-linux/getopt')),
  lazy({ name: 'hd', installPath: '/usr/bin/hd', pkg: 'util-linux' }, () => import('../util-linux/hexdump').then((m) => ({ default: m.hd }))),
  lazy({ name: 'hexdump', installPath: '/usr/bin/hexdump', pkg: 'util-linux' }, () => import('../util-linux/hexdump')),
  lazy({ name: 'rev', installPath: '/usr/bin/rev', pkg: 'util-linux' }, () => import('../util-linux/rev')),
];
