// More of util-linux 2.38: cal, col, colcrt, colrm, ul, isosize, fallocate, flock, ionice, ipcs, look, mcookie, mountpoint,
// losetup, namei, nsenter, prlimit, rename, setsid, setterm, unshare, uuidgen, wall, chrt, taskset (each loads
// on first use).
import type { Program } from '../define';
import { lazy, type ProgramEntry } from '../entry';

const ul = (name: string, installPath: string, load: () => Promise<{ default: Program }>): ProgramEntry =>
  lazy({ name, installPath, pkg: 'util-linux' }, load);

export const utilLinuxMorePrograms: ProgramEntry[] = [
  ul('cal', '/usr/bin/cal', () => import('../util-linux-more/cal')),
  ul('mcookie', '/usr/bin/mcookie', () => import('../util-linux-more/mcookie')),
  ul('uuidgen', '/usr/bin/uuidgen', () => import('../util-linux-more/uuidgen')),
  ul('colrm', '/usr/bin/colrm', () => import('../util-linux-more/colrm')),
  ul('ul', '/usr/bin/ul', () => import('../util-linux-more/ul')),
  ul('isosize', '/usr/sbin/isosize', () => import('../util-linux-more/isosize')),
  ul('colcrt', '/usr/bin/colcrt', () => import('../util-linux-more/colcrt')),
  ul('look', '/usr/bin/look', () => import('../util-linux-more/look')),
  ul('flock', '/usr/bin/flock', () => import('../util-linux-more/flock')),
  ul('fallocate', '/usr/bin/fallocate', () => import('../util-linux-more/fallocate')),
  ul('losetup', '/usr/sbin/losetup', () => import('../util-linux-more/losetup')),
  ul('mountpoint', '/usr/bin/mountpoint', () => import('../util-linux-more/mountpoint')),
  ul('namei', '/usr/bin/namei', () => import('../util-linux-more/namei')),
  ul('rename', '/usr/bin/rename', () => import('../util-linux-more/rename')),
  ul('ionice', '/usr/bin/ionice', () => import('../util-linux-more/ionice')),
  ul('prlimit', '/usr/bin/prlimit', () => import('../util-linux-more/prlimit')),
  ul('ipcs', '/usr/bin/ipcs', () => import('../util-linux-more/ipcs')),
  ul('col', '/usr/bin/col', () => import('../util-linux-more/col')),
  ul('wall', '/usr/bin/wall', () => import('../util-linux-more/wall')),
  ul('setterm', '/usr/bin/setterm', () => import('../util-linux-more/setterm')),
  ul('nsenter', '/usr/bin/nsenter', () => import('../util-linux-more/nsenter')),
  ul('unshare', '/usr/bin/unshare', () => import('../util-linux-more/unshare')),
  ul('setsid', '/usr/bin/setsid', () => import('../util-linux-more/setsid')),
  ul('chrt', '/usr/bin/chrt', () => import('../util-linux-more/chrt')),
  ul('taskset', '/usr/bin/taskset', () => import('../util-linux-more/taskset')),
  ul('nologin', '/usr/sbin/nologin', () => import('../util-linux-more/nologin')),
];
