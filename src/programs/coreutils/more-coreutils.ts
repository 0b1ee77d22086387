// Loaders of the coreutils programs added after the first set. The registry reaches them
// through this one module, so the code loaded at boot names a single chunk for all of them;
// each program is still its own chunk, loaded when it first runs.
import type { Program } from '../define';

const LOADERS: Record<string, () => Promise<{ default: Program }>> = {
  b2sum: () => import('./b2sum'),
  chcon: () => import('./chcon'),
  dir: () => import('./dir'),
  dircolors: () => import('./dircolors'),
  hostid: () => import('./hostid'),
  pathchk: () => import('./pathchk'),
  pinky: () => import('./pinky'),
  ptx: () => import('./ptx'),
  runcon: () => import('./runcon'),
  shred: () => import('./shred'),
  stdbuf: () => import('./stdbuf'),
  vdir: () => import('./vdir'),
};

export function load(name: string): Promise<{ default: Program }> {
  const loader = LOADERS[name];
  if (!loader) return Promise.reject(new Error(`no coreutils program ${name}`));
  return loader();
}
