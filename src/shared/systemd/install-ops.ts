// The unit-file operations behind `systemctl enable/disable/reenable/link/mask/unmask/revert/
// add-wants/set-default` (src/shared/install.c, unit_file_* functions). Each returns what
// install.c returns (a count or a failure); the changes are collected in the InstallEnv.
import { installContextApply } from './install-apply';
import { InstallContext, installInfoDiscover, installInfoDiscoverAndCheck, installInfoTraverse, unitFileSearch } from './install-discover';
import { installContextMarkForRemoval, markForRemoval, removeMarkedSymlinks, type RemovalSet } from './install-remove';
import { lstatOrNull, nullOrEmptyPath, readdirOrEmpty, rmRf } from './fs-util';
import {
  basename, joinPath, pathIsConfig, pathIsControl, pathIsGenerator, pathIsTransient, pathIsVendorOrGenerator,
} from './lookup-paths';
import {
  errnoOf, failed, hasAlso, hasRules, InstallFailure, newInstallInfo,
  type InstallEnv, type InstallFlags, type InstallInfo, type InstallResult,
} from './install-types';
import { createSymlink } from './install-apply';
import { NAME_ANY, unitNameIsValid, unitNameToType } from './unit-name';

export function configPathFor(env: InstallEnv, flags: InstallFlags): string {
  return flags.runtime ? env.lp.runtimeConfig : env.lp.persistentConfig;
}

/** do_unit_file_enable(): >0 when the units carried install rules, 0 when none did. */
export async function unitFileEnable(env: InstallEnv, flags: InstallFlags, namesOrPaths: readonly string[]): Promise<InstallResult> {
  const ctx = new InstallContext(env);
  for (const name of namesOrPaths) {
    const info = await installInfoDiscoverAndCheck(ctx, name, { load: true, followConfigSymlinks: true });
    if (info instanceof InstallFailure) return info;
  }
  return installContextApply(ctx, flags, configPathFor(env, flags), { load: true });
}

/** do_unit_file_disable(): 1 when something changed or the units had install rules, else 0. */
export async function unitFileDisable(env: InstallEnv, flags: InstallFlags, names: readonly string[]): Promise<InstallResult> {
  const ctx = new InstallContext(env);
  let hasInstallInfo = false;
  for (const name of names) {
    if (!unitNameIsValid(name, NAME_ANY)) return env.fail('EUCLEAN', name);
    const info = ctx.add(name, undefined, false);
    if (info instanceof InstallFailure) return env.fail(info.errno, name);
    // systemd 252 reports a unit it cannot load once, while marking names for removal below,
    // and goes on: a unit that is gone may still have links to clean up
    // (this look-up is the simulator's: on a failure what it logged is logged again below)
    const held: string[] = [];
    const warn = env.warn;
    env.warn = async (m) => void held.push(m);
    const r = await installInfoTraverse(ctx, info, { load: true, followConfigSymlinks: true }).finally(() => (env.warn = warn));
    if (r instanceof InstallFailure) continue;
    for (const m of held) await warn(m);
    hasInstallInfo = hasInstallInfo || hasRules(info) || hasAlso(info);
  }
  const marks: RemovalSet = new Set();
  let r = await installContextMarkForRemoval(ctx, marks);
  if (!failed(r)) r = await removeMarkedSymlinks(env, marks, configPathFor(env, flags), flags.dryRun === true);
  if (failed(r)) return r;
  return env.modified() || hasInstallInfo ? 1 : 0;
}

/** unit_file_reenable(): disable by name, then enable by the path where each unit was found. */
export async function unitFileReenable(env: InstallEnv, flags: InstallFlags, namesOrPaths: readonly string[]): Promise<InstallResult> {
  const names: string[] = [];
  const files: string[] = [];
  for (const a of namesOrPaths) {
    const n = basename(a);
    let path: string | undefined;
    if (!a.includes('/')) {
      const info = await installInfoDiscover(new InstallContext(env), n, { load: true, followConfigSymlinks: true }, false);
      if (!(info instanceof InstallFailure)) path = info.path;
    }
    names.push(n);
    files.push(path ?? a);
  }
  const r = await unitFileDisable(env, flags, names);
  if (failed(r)) return r;
  return unitFileEnable(env, flags, files);
}

/** unit_file_mask(): NAME -> /dev/null in the config directory. */
export async function unitFileMask(env: InstallEnv, flags: InstallFlags, names: readonly string[]): Promise<InstallResult> {
  let r: InstallResult = 0;
  const configPath = configPathFor(env, flags);
  for (const name of names) {
    if (!unitNameIsValid(name, NAME_ANY)) {
      if (r === 0) r = new InstallFailure('EINVAL');
      continue;
    }
    const q = await createSymlink(env, '/dev/null', joinPath(configPath, name), flags.force === true);
    if (failed(q) && !failed(r)) r = q;
  }
  return r;
}

/** unit_file_unmask(): removes NAME -> /dev/null (and links to it) from the config directory. */
export async function unitFileUnmask(env: InstallEnv, flags: InstallFlags, names: readonly string[]): Promise<InstallResult> {
  const configPath = configPathFor(env, flags);
  const todo: string[] = [];
  for (const name of names) {
    if (!unitNameIsValid(name, NAME_ANY)) return new InstallFailure('EINVAL');
    // systemd looks the unit up only without --root (as the recordings were made), so what
    // the look-up would log is not shown
    const info = newInstallInfo(name);
    const warn = env.warn;
    env.warn = async () => {};
    const s = await unitFileSearch(null, env, info, {}).finally(() => (env.warn = warn));
    if (!failed(s) && info.mode === 'masked' && info.path !== undefined && pathIsGenerator(env.lp, info.path)) env.add('masked-generator', info.name, info.path);
    if (await maskedPath(env, joinPath(configPath, name))) todo.push(name);
  }
  const marks: RemovalSet = new Set();
  let r: InstallResult = 0;
  for (const name of [...new Set(todo)]) {
    const path = joinPath(configPath, name);
    if (!flags.dryRun) {
      try {
        await env.fs.unlink(path);
      } catch (e) {
        const errno = errnoOf(e);
        if (errno !== 'ENOENT') r = failed(r) ? r : env.fail(errno, path);
        continue;
      }
    }
    env.add('unlink', path);
    markForRemoval(marks, path);
  }
  const q = await removeMarkedSymlinks(env, marks, configPath, flags.dryRun === true);
  return failed(r) ? r : q;
}

/**
 * null_or_empty_path() on a config path: a link to /dev/null is a mask even below a --root=
 * tree that has no /dev/null of its own (systemd stats it on the host).
 */
async function maskedPath(env: InstallEnv, path: string): Promise<boolean> {
  const st = await lstatOrNull(env.fs, path);
  if (st?.kind === 'symlink' && (await env.fs.readlink(path).catch(() => '')) === '/dev/null') return true;
  return nullOrEmptyPath(env.fs, path);
}

/** unit_file_link(): makes a unit file outside the search path available by a symlink. */
export async function unitFileLink(env: InstallEnv, flags: InstallFlags, files: readonly string[]): Promise<InstallResult> {
  const configPath = configPathFor(env, flags);
  const todo: string[] = [];
  for (const file of files) {
    if (!file.startsWith('/')) return env.fail('EINVAL', file);
    if (!unitNameIsValid(basename(file), NAME_ANY)) return env.fail('EUCLEAN', file);
    let st;
    try {
      st = await env.fs.lstat(file);
    } catch (e) {
      return env.fail(errnoOf(e), file);
    }
    if (st.kind === 'dir') return env.fail('EISDIR', file);
    if (st.kind === 'symlink') return env.fail('ELOOP', file);
    if (st.kind !== 'file') return env.fail('EBADMSG', file);
    // systemd 252 skips a file already in the search path and refuses one underneath it, but
    // with --root (as the recordings were made) it compares the path against root-prefixed
    // directories, so neither check ever holds: the file is linked into the config directory
    // like any other (failing with EEXIST when it is that very file).
    todo.push(file);
  }
  let r: InstallResult = 0;
  for (const file of [...new Set(todo)]) {
    const q = await createSymlink(env, file, joinPath(configPath, basename(file)), flags.force === true);
    if (failed(q) && !failed(r)) r = q;
  }
  return r;
}

/**
 * unit_file_revert(): drops drop-ins from config/control/transient directories and, when a vendor
 * version exists, the configuration copies and links of the unit file itself.
 */
export async function unitFileRevert(env: InstallEnv, names: readonly string[]): Promise<InstallResult> {
  const lp = env.lp;
  const todo: string[] = [];
  for (const name of names) {
    if (!unitNameIsValid(name, NAME_ANY)) return new InstallFailure('EINVAL');
    let hasVendor = false;
    for (const dir of lp.searchPath) {
      const path = joinPath(dir, name);
      const st = await lstatOrNull(env.fs, path);
      if (st?.kind === 'file' && pathIsVendorOrGenerator(lp, path)) hasVendor = true;
      const dropin = `${path}.d`;
      const dst = await lstatOrNull(env.fs, dropin);
      if (dst?.kind === 'dir' && (pathIsConfig(lp, dropin, true) || pathIsControl(lp, dropin) || pathIsTransient(lp, dropin))) todo.push(dropin);
    }
    if (!hasVendor) continue;
    for (const dir of lp.searchPath) {
      const path = joinPath(dir, name);
      const st = await lstatOrNull(env.fs, path);
      if ((st?.kind === 'file' || st?.kind === 'symlink') && pathIsConfig(lp, path, true)) todo.push(path);
    }
  }
  const marks: RemovalSet = new Set();
  let r: InstallResult = 0;
  for (const path of [...new Set(todo)]) {
    const st = await lstatOrNull(env.fs, path);
    const inside = st?.kind === 'dir' ? await readdirOrEmpty(env.fs, path) : [];
    try {
      await rmRf(env.fs, path);
    } catch (e) {
      const errno = errnoOf(e);
      if (errno !== 'ENOENT' && !failed(r)) {
        r = new InstallFailure(errno);
        continue;
      }
    }
    for (const f of inside) env.add('unlink', joinPath(path, f));
    env.add('unlink', path);
    markForRemoval(marks, path);
  }
  let q = await removeMarkedSymlinks(env, marks, lp.runtimeConfig);
  if (!failed(r)) r = q;
  q = await removeMarkedSymlinks(env, marks, lp.persistentConfig);
  if (!failed(r)) r = q;
  return r;
}

/** unit_file_add_dependency(): TARGET.wants/NAME (or .requires) links for each unit. */
export async function unitFileAddDependency(env: InstallEnv, flags: InstallFlags, names: readonly string[], target: string, dep: 'wants' | 'requires'): Promise<InstallResult> {
  if (!unitNameIsValid(target, NAME_ANY)) return env.fail('EUCLEAN', target);
  const ctx = new InstallContext(env);
  const t = await installInfoDiscoverAndCheck(ctx, target, { followConfigSymlinks: true });
  if (t instanceof InstallFailure) return t;
  for (const name of names) {
    const info = await installInfoDiscoverAndCheck(ctx, name, { followConfigSymlinks: true });
    if (info instanceof InstallFailure) return info;
    // nothing is read from the unit file: the one link asked for is all there is to make
    if (dep === 'wants') info.wantedBy = [t.name];
    else info.requiredBy = [t.name];
  }
  return installContextApply(ctx, flags, configPathFor(env, flags), { followConfigSymlinks: true });
}

/** unit_file_set_default(): default.target -> the target's unit file (always replaced). */
export async function unitFileSetDefault(env: InstallEnv, name: string): Promise<InstallResult> {
  if (unitNameToType(name) !== 'target' || name === 'default.target') return new InstallFailure('EINVAL');
  const ctx = new InstallContext(env);
  const info = await installInfoDiscoverAndCheck(ctx, name, {});
  if (info instanceof InstallFailure) return info;
  return createSymlink(env, info.path!, joinPath(env.lp.persistentConfig, 'default.target'), true);
}

/** unit_file_get_default(): the name default.target resolves to. */
export async function unitFileGetDefault(env: InstallEnv): Promise<string | InstallFailure> {
  const ctx = new InstallContext(env);
  const info = await installInfoDiscover(ctx, 'default.target', { followConfigSymlinks: true }, false);
  if (info instanceof InstallFailure) return info;
  return info.name;
}

/** Install information of one unit (for the manager and `systemctl show`): undefined if none. */
export async function unitFileInstallInfo(env: InstallEnv, name: string): Promise<InstallInfo | undefined> {
  const info = await installInfoDiscover(new InstallContext(env), name, { load: true, followConfigSymlinks: true }, false);
  return info instanceof InstallFailure ? undefined : info;
}

