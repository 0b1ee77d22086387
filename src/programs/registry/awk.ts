// awk (gawk)
import { lazy, type ProgramEntry } from '../entry';

export const awkPrograms: ProgramEntry[] = [
  lazy({ name: 'gawk', installPath: '/usr/bin/gawk', aliases: ['/usr/bin/awk'], pkg: 'gawk' }, () => import('../awk/index')),
];
