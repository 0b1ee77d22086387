// The rest of psmisc 23.6 (killall and pstree are with the process tools): fuser, prtstat,
// pslog and peekfd, each loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

const ps = (name: string, load: () => Promise<{ default: import('../define').Program }>): ProgramEntry =>
  lazy({ name, installPath: `/usr/bin/${name}`, pkg: 'psmisc' }, load);

export const psmiscPrograms: ProgramEntry[] = [
  ps('fuser', () => import('../psmisc/fuser')),
  ps('prtstat', () => import('../psmisc/prtstat')),
  ps('pslog', () => import('../psmisc/pslog')),
  ps('peekfd', () => import('../psmisc/peekfd')),
];
