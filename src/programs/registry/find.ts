// find, xargs, diff, cmp, file, which, whereis and gzip: loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

export const findPrograms: ProgramEntry[] = [
  lazy({ name: 'find', installPath: '/usr/bin/find', pkg: 'findutils' }, () => import('../findutils/find/index')),
  lazy({ name: 'xargs', installPath: '/usr/bin/xargs', pkg: 'findutils' }, () => import('../findutils/xargs')),
  lazy({ name: 'diff', installPath: '/usr/bin/diff', pkg: 'diffutils' }, () => import('../diffutils/diff/index')),
  lazy({ name: 'cmp', installPath: '/usr/bin/cmp', pkg: 'diffutils' }, () => import('../diffutils/cmp')),
  lazy({ name: 'which', installPath: '/usr/bin/which', pkg: 'which' }, () => import('../misc/which')),
  lazy({ name: 'tree', installPath: '/usr/bin/tree', pkg: 'tree' }, () => import('../misc/tree')),
  lazy({ name: 'whereis', installPath: '/usr/bin/whereis', pkg: 'util-linux' }, () => import('../misc/whereis')),
  lazy({ name: 'file', installPath: '/usr/bin/file', pkg: 'file' }, () => import('../misc/file')),
  lazy({ name: 'gzip', installPath: '/usr/bin/gzip', pkg: 'gzip' }, () => import('../misc/gzip')),
  lazy({ name: 'gunzip', installPath: '/usr/bin/gunzip', pkg: 'gzip' }, () => import('../misc/gzip-gunzip')),
  lazy({ name: 'zcat', installPath: '/usr/bin/zcat', pkg: 'gzip' }, () => import('../misc/gzip-zcat')),
  lazy({ name: 'tar', installPath: '/usr/bin/tar', pkg: 'tar' }, () => import('../tar/index')),
];
