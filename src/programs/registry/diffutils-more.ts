// sdiff and diff3 (GNU diffutils), and GNU patch: loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

export const diffutilsMorePrograms: ProgramEntry[] = [
  lazy({ name: 'sdiff', installPath: '/usr/bin/sdiff', pkg: 'diffutils' }, () => import('../diffutils/sdiff')),
  lazy({ name: 'diff3', installPath: '/usr/bin/diff3', pkg: 'diffutils' }, () => import('../diffutils/diff3/index')),
  lazy({ name: 'patch', installPath: '/usr/bin/patch', pkg: 'patch' }, () => import('../patch/index')),
];
