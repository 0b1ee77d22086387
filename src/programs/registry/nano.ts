// GNU nano (Photon's nano package, not in the minimal install): the editor, loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

export const nanoPrograms: ProgramEntry[] = [
  lazy({ name: 'nano', installPath: '/usr/bin/nano', pkg: 'nano' }, () => import('../nano/index')),
];
