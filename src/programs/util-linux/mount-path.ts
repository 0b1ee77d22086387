// The absolute path libmount gives a mountpoint: the directory above resolved, the last name
// kept (followed only when it is a symbolic link), so a bind mount's path stays its own
// rather than turning into the path of the directory it shows.
import type { Sys } from '../../shared/sys';

export async function mountPath(sys: Sys, path: string): Promise<string> {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const slash = trimmed.lastIndexOf('/');
  const base = trimmed.slice(slash + 1);
  if (base === '' || base === '.' || base === '..' || (await sys.lstat(trimmed)).kind === 'symlink') return sys.realpath(trimmed);
  const dir = await sys.realpath(slash < 0 ? '.' : trimmed.slice(0, slash) || '/');
  return `${dir === '/' ? '' : dir}/${base}`;
}
