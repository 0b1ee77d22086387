// Text editors: vim (Photon's default editor, in the minimal install) with vi, view, rvim and
// rview as links to it, as the vim package lays them out; it loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const editorPrograms: ProgramEntry[] = [
  lazy(
    { name: 'vim', installPath: '/usr/bin/vim', aliases: ['/usr/bin/vi', '/usr/bin/view', '/usr/bin/rvim', '/usr/bin/rview', '/usr/bin/ex'], pkg: 'vim' },
    () => import('../vim/index'),
  ),
];
