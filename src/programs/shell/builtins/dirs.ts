// cd and pwd, keeping the logical $PWD (symlinks as typed) unless -P is given.
import { isSysError, strerror, SysError } from '../../../shared/errno';
import { normalize } from '../../../shared/path';
import type { Interpreter } from '../interpreter';
import type { Builtin } from './types';
import { badOption } from './types';
import { refuse } from '../restricted';

/** A path with . and .. folded; exactly two leading slashes stay (POSIX leaves // to the system, bash keeps it). */
function logicalPath(p: string): string {
  const n = normalize(p);
  return /^\/\/(?!\/)/.test(p) ? `/${n}` : n;
}

/** A relative name with . and .. folded as bash's sh_canonpath does (`.` for nothing left). */
function relativePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

/** glibc's getcwd(): a directory no longer reachable from / (removed) is ENOENT, not a path. */
function getcwd(sh: Interpreter): string {
  const dir = sh.sys.getcwd();
  if (!dir.startsWith('/')) throw new SysError('ENOENT', 'getcwd');
  return dir;
}

const GETCWD_FAILED = 'error retrieving current directory: getcwd: cannot access parent directories';

async function isDir(sh: Interpreter, path: string): Promise<boolean> {
  try {
    return (await sh.sys.stat(path)).kind === 'dir';
  } catch {
    return false;
  }
}

export const cd: Builtin = async (sh, argv) => {
  // pushd and popd change directory through here and name themselves (argv[0])
  const me = argv[0] === 'pushd' || argv[0] === 'popd' ? argv[0] : 'cd';
  if (sh.state.restricted) return refuse(sh, me);
  let physical = sh.state.options.has('physical');
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    // (-@ is listed, but bash here is built without extended attributes: it is refused)
    if (!/^-[LPe]+$/.test(a)) {
      if (a.startsWith('-') && a !== '-') return badOption(sh, 'cd', `-${/[^LPe]/.exec(a.slice(1))![0]}`, 'cd [-L|[-P [-e]] [-@]] [dir]');
      break;
    }
    for (const c of a.slice(1)) if (c === 'P') physical = true; else if (c === 'L') physical = false;
  }
  const args = argv.slice(i);
  if (args.length > 1) {
    await sh.error('cd: too many arguments');
    return 1;
  }
  let dir = args[0];
  let print = false;
  if (dir === undefined) {
    dir = sh.state.get('HOME');
    if (dir === undefined) {
      await sh.error('cd: HOME not set');
      return 1;
    }
  } else if (dir === '-') {
    dir = sh.state.get('OLDPWD');
    if (dir === undefined) {
      await sh.error('cd: OLDPWD not set');
      return 1;
    }
    print = true;
  }
  // an empty name stays put, unless CDPATH gives it somewhere to go (its first directory);
  // with -P bash tries to go there and fails
  if (dir === '' && physical && !sh.state.get('CDPATH')) {
    await sh.error('cd: : No such file or directory');
    return 1;
  }
  if (dir === '' && !sh.state.get('CDPATH')) {
    // `cd -` with OLDPWD empty still prints it: an empty line
    if (print) await sh.write(1, '\n');
    return 0;
  }
  let target = dir;
  // CDPATH applies to relative names that do not start with . or ..
  const cdpath = sh.state.get('CDPATH');
  if (cdpath && !dir.startsWith('/') && !/^\.\.?(\/|$)/.test(dir)) {
    for (const base of cdpath.split(':')) {
      const candidate = dir === '' ? base || '.' : `${base || '.'}/${dir}`;
      if (await isDir(sh, candidate)) {
        target = candidate;
        print = base !== '';
        break;
      }
    }
  }
  const oldPwd = sh.state.get('PWD') ?? sh.sys.getcwd();
  // the shell lost track of its directory (pwd -P failed in a removed one): it asks again, and
  // without an answer takes a relative name as it is (bash's change_to_directory)
  let lost = false;
  if (sh.state.cwdLost) {
    try {
      getcwd(sh);
      sh.state.cwdLost = false;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sh.write(2, `chdir: ${GETCWD_FAILED}: ${strerror(e.errno)}\n`);
      lost = true;
    }
  }
  // the name joined to the directory, as given (what PWD becomes when it cannot be folded)
  const base = sh.state.cwdName ?? oldPwd;
  const joined = target.startsWith('/') || lost ? target : `${base}${base.endsWith('/') ? '' : '/'}${target}`;
  const logical = lost && !target.startsWith('/') ? relativePath(target) : logicalPath(joined);
  try {
    if (physical) {
      await sh.sys.chdir(target);
    } else {
      try {
        await sh.sys.chdir(logical);
      } catch (e) {
        // the logical path may not exist (.. through a symlink); fall back to the physical one
        if (!isSysError(e) || e.errno === 'EACCES') throw e;
        await sh.sys.chdir(target);
        physical = true;
      }
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await sh.error(`${me}: ${dir}: ${strerror(e.errno)}`);
    return 1;
  }
  let newPwd = logical;
  if (physical) {
    try {
      newPwd = getcwd(sh);
    } catch (e) {
      // the directory was reached but has no name now (removed): PWD becomes the name joined
      // to the old directory, unfolded (bash's resetpwd, which prints this without the
      // script's name and line)
      if (!isSysError(e)) throw e;
      await sh.write(2, `cd: ${GETCWD_FAILED}: ${strerror(e.errno)}\n`);
      newPwd = joined;
    }
  }
  sh.state.cwdLost = false;
  sh.state.cwdName = newPwd;
  sh.state.set('OLDPWD', oldPwd);
  sh.state.set('PWD', newPwd);
  if (print) await sh.write(1, `${newPwd}\n`);
  return 0;
};

export const pwd: Builtin = async (sh, argv) => {
  let physical = sh.state.options.has('physical');
  // -L and -P, alone or together (the last one counts), up to `--`
  for (const a of argv.slice(1)) {
    if (a === '--' || !a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c !== 'L' && c !== 'P') return badOption(sh, 'pwd', `-${c}`, 'pwd [-LP]');
      physical = c === 'P';
    }
  }
  let dir: string;
  try {
    dir = getcwd(sh);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // the logical name still stands for a directory removed under the shell
    const logical = sh.state.get('PWD');
    // -P, or a shell that lost track of its directory, asks the system, which has no answer
    // (and the shell then knows none: bash's resetpwd)
    if (physical || sh.state.cwdLost || !logical) {
      await sh.write(2, `pwd: ${GETCWD_FAILED}: ${strerror(e.errno)}\n`);
      sh.state.cwdLost = true;
      return 1;
    }
    dir = sh.state.cwdName ?? logical;
  }
  // the name cd gave the directory stands, whatever became of it or of $PWD
  if (!physical && sh.state.cwdName !== undefined) dir = sh.state.cwdName;
  else if (!physical) {
    const logical = sh.state.get('PWD');
    if (logical && logical.startsWith('/')) {
      try {
        const a = await sh.sys.stat(logical);
        const b = await sh.sys.stat('.');
        if (a.ino === b.ino && a.dev === b.dev) dir = logical;
      } catch {
        // stale $PWD: use the physical directory
      }
    }
  }
  await sh.write(1, `${dir}\n`);
  return 0;
};
