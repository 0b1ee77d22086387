// gnulib canonicalize_filename_mode (realpath, readlink -f/-e/-m, ln -r) and coreutils
// relpath: an absolute name without ".", ".." or symlinks (unless `nolinks`), where
// CAN_EXISTING needs every component, CAN_ALL_BUT_LAST all but the last, CAN_MISSING none.
import { isSysError, SysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';

export type CanMode = 'existing' | 'all-but-last' | 'missing';

/** After END: does the rest ("/", "/.", "/..") need the component to be a directory? */
function suffixRequiresDirCheck(rest: string): boolean {
  let i = 0;
  while (rest[i] === '/') {
    while (rest[i] === '/') i++;
    const c = rest[i++];
    if (c === undefined) return true;
    if (c !== '.') return false;
    if (rest[i] === undefined || (rest[i] === '.' && (rest[i + 1] === undefined || rest[i + 1] === '/'))) return true;
  }
  return false;
}

const MAX_LINKS = 40;

/** The canonical name, or a SysError (ENOENT, ENOTDIR, ELOOP...) saying why there is none. */
export async function canonicalize(sys: Sys, name: string, mode: CanMode, nolinks = false): Promise<string | SysError> {
  if (name === '') return new SysError('ENOENT', 'canonicalize', name);
  let rname = name.startsWith('/') ? '' : sys.getcwd().replace(/\/$/, '');
  let rest = name;
  let links = 0;
  for (let guard = 0; guard < 100_000; guard++) {
    rest = rest.replace(/^\/+/, '');
    if (rest === '') break;
    const slash = rest.indexOf('/');
    const comp = slash < 0 ? rest : rest.slice(0, slash);
    rest = slash < 0 ? '' : rest.slice(slash);
    if (comp === '.') continue;
    if (comp === '..') {
      rname = rname.slice(0, rname.lastIndexOf('/'));
      continue;
    }
    rname = `${rname}/${comp}`;
    let target: string | undefined;
    let err: SysError | undefined;
    if (!nolinks) {
      try {
        target = await sys.readlink(rname);
      } catch (e) {
        if (!isSysError(e)) throw e;
        err = e;
      }
    }
    if (target !== undefined) {
      if (++links > MAX_LINKS) {
        if (mode === 'missing') continue;
        return new SysError('ELOOP', 'canonicalize', name);
      }
      rest = target + rest;
      if (target.startsWith('/')) rname = '';
      else rname = rname.slice(0, rname.lastIndexOf('/'));
      continue;
    }
    if (mode === 'missing') continue;
    let fine: boolean;
    if (suffixRequiresDirCheck(rest)) {
      try {
        fine = (await sys.stat(`${rname}/`)).kind === 'dir';
        if (!fine) err = new SysError('ENOTDIR', 'stat', rname);
      } catch (e) {
        if (!isSysError(e)) throw e;
        err = e;
        fine = false;
      }
    } else if (!nolinks) fine = err?.errno === 'EINVAL';
    else {
      fine = rest !== '';
      if (!fine) {
        try {
          await sys.lstat(rname);
          fine = true;
        } catch (e) {
          if (!isSysError(e)) throw e;
          err = e;
        }
      }
    }
    if (!fine && mode === 'all-but-last' && err?.errno === 'ENOENT' && /^\/*$/.test(rest)) fine = true;
    if (!fine) return err ?? new SysError('ENOENT', 'canonicalize', name);
  }
  return rname === '' ? '/' : rname;
}

/** Length of the leading directories two canonical names share (coreutils path_common_prefix). */
function commonPrefix(a: string, b: string): number {
  if ((a[1] === '/') !== (b[1] === '/')) return 0;
  let i = 0;
  let ret = 0;
  while (i < a.length && i < b.length) {
    if (a[i] !== b[i]) break;
    if (a[i] === '/') ret = i + 1;
    i++;
  }
  if ((i === a.length && i === b.length) || (i === a.length && b[i] === '/') || (i === b.length && a[i] === '/')) ret = i;
  return ret;
}

/** coreutils relpath(): `fname` relative to directory `dir` (both canonical); undefined if none. */
export function relpath(fname: string, dir: string): string | undefined {
  const common = commonPrefix(dir, fname);
  if (!common) return undefined;
  let relto = dir.slice(common);
  let fsuffix = fname.slice(common);
  if (relto.startsWith('/')) relto = relto.slice(1);
  if (fsuffix.startsWith('/')) fsuffix = fsuffix.slice(1);
  if (relto === '') return fsuffix === '' ? '.' : fsuffix;
  let out = '..' + '/..'.repeat([...relto].filter((c) => c === '/').length);
  if (fsuffix) out += `/${fsuffix}`;
  return out;
}
