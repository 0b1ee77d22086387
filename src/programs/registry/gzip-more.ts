// gzip's wrapper programs (zgrep, zdiff, zless, ...) and bc's dc: loaded when first run.
import { lazy, type ProgramEntry } from '../entry';

const gz = (name: string, load: () => Promise<{ default: import('../define').Program }>): ProgramEntry =>
  lazy({ name, installPath: `/usr/bin/${name}`, pkg: 'gzip' }, load);

export const gzipMorePrograms: ProgramEntry[] = [
  gz('zgrep', () => import('../gzip-more/zgrep')),
  gz('zegrep', () => import('../gzip-more/zgrep').then((m) => ({ default: m.zgrepProgram('zegrep', '-E') }))),
  gz('zfgrep', () => import('../gzip-more/zgrep').then((m) => ({ default: m.zgrepProgram('zfgrep', '-F') }))),
  gz('zdiff', () => import('../gzip-more/zdiff')),
  gz('zcmp', () => import('../gzip-more/zdiff').then((m) => ({ default: m.zcmpProgram }))),
  gz('zless', () => import('../gzip-more/zless')),
  gz('zmore', () => import('../gzip-more/zmore')),
  gz('zforce', () => import('../gzip-more/zforce')),
  gz('znew', () => import('../gzip-more/znew')),
  gz('gzexe', () => import('../gzip-more/gzexe')),
  gz('uncompress', () => import('../gzip-more/uncompress')),
  lazy({ name: 'dc', installPath: '/usr/bin/dc', pkg: 'bc' }, () => import('../dc/index')),
];
