// grep and sed
import { lazy, type ProgramEntry } from '../entry';

export const searchPrograms: ProgramEntry[] = [
  lazy({ name: 'grep', installPath: '/usr/bin/grep', pkg: 'grep' }, () => import('../grep/index')),
  lazy({ name: 'egrep', installPath: '/usr/bin/egrep', pkg: 'grep' }, () => import('../grep/egrep').then((m) => ({ default: m.egrep }))),
  lazy({ name: 'fgrep', installPath: '/usr/bin/fgrep', pkg: 'grep' }, () => import('../grep/egrep').then((m) => ({ default: m.fgrep }))),
  lazy({ name: 'sed', installPath: '/usr/bin/sed', pkg: 'sed' }, () => import('../sed/index')),
];
