// Creating the symlinks that enable a unit (src/shared/install.c: create_symlink,
// install_info_symlink_alias/_wants/_link, install_info_apply, install_context_apply).
import { chaseSymlinks, mkdirParents, statOrNull } from './fs-util';
import { InstallContext, installInfoTraverse, unitFileExists, unitFileSearch, type SearchFlags } from './install-discover';
import { basename, dirname, inSearchPath, joinPath, normalizePath, pathStartsWith } from './lookup-paths';
import { installNamePrintf } from './specifiers';
import {
  errnoOf, failed, InstallFailure, newInstallInfo,
  type InstallEnv, type InstallFlags, type InstallInfo, type InstallResult,
} from './install-types';
import {
  NAME_ANY, NAME_INSTANCE, NAME_PLAIN, NAME_TEMPLATE, unitNameClassify, unitNameInstance, unitNameIsValid,
  unitNameReplaceInstance, unitSymlinkNameCompatible, validateAliasSymlink,
} from './unit-name';

/**
 * chroot_unit_symlinks_equivalent(): does an existing link already point where we want? The same
 * file, or the same unit name inside the search path.
 */
async function symlinksEquivalent(env: InstallEnv, src: string, a0: string, b0: string): Promise<boolean> {
  const a = normalizePath(a0.startsWith('/') ? a0 : `${dirname(src)}/${a0}`);
  const b = normalizePath(b0.startsWith('/') ? b0 : `${dirname(src)}/${b0}`);
  if (a === b) return true;
  const [sa, sb] = [await statOrNull(env.fs, a), await statOrNull(env.fs, b)];
  if (sa && sb && (await chaseSymlinks(env.fs, a)) === (await chaseSymlinks(env.fs, b))) return true;
  const inSearch = (p: string): boolean => env.lp.searchPath.some((d) => pathStartsWith(p, d));
  return basename(a) === basename(b) && inSearch(a) && inSearch(b);
}

/** create_symlink(): 1 when the link exists as wanted afterwards, a failure otherwise. */
export async function createSymlink(env: InstallEnv, oldPath: string, newPath: string, force: boolean): Promise<InstallResult> {
  const fs = env.fs;
  try {
    await mkdirParents(fs, newPath);
  } catch {
    // mkdir_parents_label's result is ignored; symlink() reports the real problem
  }
  try {
    await fs.symlink(oldPath, newPath);
    env.add('symlink', newPath, oldPath);
    return 1;
  } catch (e) {
    const errno = errnoOf(e);
    if (errno !== 'EEXIST') return env.fail(errno, newPath);
  }
  let dest: string;
  try {
    dest = await fs.readlink(newPath);
  } catch (e) {
    const errno = errnoOf(e);
    return env.fail(errno === 'EINVAL' ? 'EEXIST' : errno, newPath);
  }
  if (await symlinksEquivalent(env, newPath, dest, oldPath)) return 1;
  if (!force) return env.fail('EEXIST', newPath, dest);
  try {
    await fs.unlink(newPath);
    await fs.symlink(oldPath, newPath);
  } catch (e) {
    return env.fail(errnoOf(e), newPath);
  }
  env.add('unlink', newPath);
  env.add('symlink', newPath, oldPath);
  return 1;
}

/**
 * unit_file_verify_alias(): is `dst` an acceptable Alias= for `info`? The name to link (with the
 * instance filled in for a template alias of an instance), 'self' for an alias to itself, or a
 * failure (recorded as a change).
 */
export function verifyAlias(env: InstallEnv, info: InstallInfo, dst: string): string | 'self' | InstallFailure {
  const slash = dst.lastIndexOf('/');
  if (slash >= 0) {
    // the legacy use of Alias= to make .wants/ and .requires/ links
    const dir = dst.slice(0, slash);
    const suffix = dir.endsWith('.wants') ? '.wants' : dir.endsWith('.requires') ? '.requires' : undefined;
    if (suffix === undefined) return env.fail('EXDEV', dst);
    const type = unitNameClassify(dir.slice(0, -suffix.length));
    if (type === 0) return env.fail('EXDEV', dst);
    if (!unitSymlinkNameCompatible(dst.slice(slash + 1), info.name, type === NAME_TEMPLATE)) return env.fail('EXDEV', dst, info.name);
    return dst;
  }
  let updated = dst;
  if (unitNameIsValid(dst, NAME_TEMPLATE)) {
    const type = unitNameClassify(info.name);
    if (type === 0) return env.fail('EUCLEAN', info.name);
    if (type === NAME_INSTANCE) {
      const u = unitNameReplaceInstance(dst, unitNameInstance(info.name) ?? '');
      if (u === undefined) return new InstallFailure('EINVAL');
      updated = u;
    }
  }
  const check = validateAliasSymlink(updated, info.name);
  if (check === 'self') return 'self';
  if (check !== 'ok') return env.fail('EXDEV', updated, info.name);
  return updated;
}

async function symlinkAliases(env: InstallEnv, info: InstallInfo, configPath: string, force: boolean): Promise<InstallResult> {
  let r: InstallResult = 0;
  await env.fs.specifiersReady;
  for (const s of info.aliases) {
    const dst = installNamePrintf(info, s, env.fs.specifiers);
    if (dst === 'EBADSLT' || dst === 'ENAMETOOLONG' || dst === 'EINVAL' || dst === 'EUNATCH') {
      const f = env.fail(dst, s);
      if (!failed(r)) r = f;
      continue;
    }
    const name = verifyAlias(env, info, dst);
    if (name === 'self') continue;
    if (name instanceof InstallFailure) {
      if (!failed(r)) r = name;
      continue;
    }
    const aliasPath = joinPath(configPath, name);
    const chased = await chaseSymlinks(env.fs, aliasPath);
    if (chased === 'ELOOP') {
      if (!failed(r)) r = new InstallFailure('ELOOP');
      continue;
    }
    const broken = (await statOrNull(env.fs, chased)) === null;
    const q = await createSymlink(env, info.path!, aliasPath, force || broken);
    if (!failed(r)) r = q;
  }
  return r;
}

async function symlinkWants(env: InstallEnv, flags: InstallFlags, info: InstallInfo, configPath: string, list: string[], suffix: string): Promise<InstallResult> {
  if (list.length === 0) return 0;
  let validDst = NAME_ANY;
  let n: string;
  if (unitNameIsValid(info.name, NAME_PLAIN | NAME_INSTANCE)) n = info.name;
  else if (info.defaultInstance !== undefined) {
    const name = unitNameReplaceInstance(info.name, info.defaultInstance);
    if (name === undefined) return new InstallFailure('EINVAL');
    const instance = newInstallInfo(name);
    const r = await unitFileSearch(null, env, instance, { followConfigSymlinks: true });
    if (failed(r)) return r;
    if (instance.mode === 'masked') return env.fail('ERFKILL', instance.path ?? name);
    n = name;
  } else {
    // a template without an instance: only template or instance targets can take it
    validDst = NAME_INSTANCE | NAME_TEMPLATE;
    n = info.name;
  }
  let r: InstallResult = 0;
  await env.fs.specifiersReady;
  for (const s of list) {
    const dst = installNamePrintf(info, s, env.fs.specifiers);
    if (dst === 'EBADSLT' || dst === 'ENAMETOOLONG' || dst === 'EINVAL' || dst === 'EUNATCH') {
      const f = env.fail(dst, s);
      if (!failed(r)) r = f;
      continue;
    }
    if (!unitNameIsValid(dst, validDst)) {
      if (flags.ignoreAuxiliaryFailure) continue;
      const q = unitNameIsValid(dst, NAME_ANY) ? env.fail('EIDRM', dst, n) : env.fail('EUCLEAN', dst);
      if (!failed(r)) r = q;
      continue;
    }
    const path = `${configPath}/${dst}${suffix}${n}`;
    const q = await createSymlink(env, info.path!, path, true);
    if ((failed(q) && !failed(r)) || r === 0) r = q;
    if ((await unitFileExists(env, dst)) === false) env.add('destination-not-present', dst, info.path);
  }
  return r;
}

async function symlinkLink(env: InstallEnv, info: InstallInfo, configPath: string, force: boolean): Promise<InstallResult> {
  if (inSearchPath(env.lp, info.path!)) return 0;
  return createSymlink(env, info.path!, joinPath(configPath, info.name), force);
}

/** install_info_apply(): all links one loaded unit asks for. */
async function installInfoApply(env: InstallEnv, flags: InstallFlags, info: InstallInfo, configPath: string): Promise<InstallResult> {
  if (info.mode !== 'regular') return 0;
  const force = flags.force === true;
  let r = await symlinkLink(env, info, configPath, force);
  if (failed(r)) return r;
  r = await symlinkAliases(env, info, configPath, force);
  let q = await symlinkWants(env, flags, info, configPath, info.wantedBy, '.wants/');
  if (r === 0) r = q;
  q = await symlinkWants(env, flags, info, configPath, info.requiredBy, '.requires/');
  if (r === 0) r = q;
  return r;
}

/**
 * install_context_apply(): processes every queued unit (and the Also= units loading adds); the
 * sum of what each contributed, so 0 means nothing had install rules.
 */
export async function installContextApply(ctx: InstallContext, flags: InstallFlags, configPath: string, search: SearchFlags): Promise<InstallResult> {
  const env = ctx.env;
  let r: InstallResult = 0;
  for (let i = ctx.next(); i; i = ctx.next()) {
    const t = await installInfoTraverse(ctx, i, search);
    if (t instanceof InstallFailure) {
      if (i.auxiliary) {
        env.add('auxiliary-failed', i.name);
        continue;
      }
      return env.fail(t.errno, i.name);
    }
    if (i.mode === 'masked') {
      env.add('masked', i.path ?? i.name);
      if (!failed(r)) r += 1;
      continue;
    }
    if (i.mode !== 'regular') continue;
    const q = await installInfoApply(env, flags, i, configPath);
    if (!failed(r)) r = failed(q) ? q : r + q;
  }
  return r;
}
