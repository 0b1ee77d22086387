// The enablement state of a unit file, as `systemctl is-enabled` and `list-unit-files` show
// it (src/shared/install.c: find_symlinks*, unit_file_lookup_state, unit_file_get_list).
import { lstatOrNull, readdirVisible } from './fs-util';
import { InstallContext, installInfoDiscover } from './install-discover';
import { basename, joinPath, pathIsGenerator, pathIsRuntime, pathIsTransient, pathStartsWith } from './lookup-paths';
import { fnmatch } from './glob';
import { hasAlso, hasRules, InstallFailure, type InstallEnv, type InstallInfo, type UnitFileState } from './install-types';
import { NAME_ANY, NAME_INSTANCE, NAME_TEMPLATE, unitNameIsValid, unitNameReplaceInstance, unitNameTemplate } from './unit-name';

/** is_symlink_with_known_name(): the unit's own name, an Alias=, or its default instance. */
function knownName(info: InstallInfo, name: string): boolean {
  if (name === info.name || info.aliases.includes(name)) return true;
  if (info.defaultInstance !== undefined && unitNameIsValid(info.name, NAME_TEMPLATE)) {
    return unitNameReplaceInstance(info.name, info.defaultInstance) === name;
  }
  return false;
}

interface DirScan {
  found: boolean;
  sameNameLink: boolean;
}

async function findInDirectory(
  env: InstallEnv,
  dir: string,
  info: InstallInfo,
  ignoreDestination: boolean,
  matchName: boolean,
  ignoreSameName: boolean,
  configPath: string,
): Promise<DirScan> {
  let sameNameLink = false;
  for (const name of await readdirVisible(env.fs, dir)) {
    const st = await lstatOrNull(env.fs, joinPath(dir, name));
    if (st?.kind !== 'symlink') continue;
    let foundDest = false;
    if (!ignoreDestination) {
      let dest: string;
      try {
        dest = await env.fs.readlink(joinPath(dir, name));
      } catch {
        continue;
      }
      foundDest = basename(dest.startsWith('/') ? dest : joinPath(dir, dest)) === info.name;
    }
    const foundPath = (ignoreDestination || !ignoreSameName) && name === info.name;
    if (!foundPath && ignoreDestination) {
      const template = unitNameTemplate(name);
      if (template !== undefined) foundDest = template === info.name;
    }
    if (foundPath && foundDest && joinPath(dir, name) === joinPath(configPath, info.name)) sameNameLink = true;
    else if (foundPath || foundDest) {
      if (!matchName || knownName(info, name)) return { found: true, sameNameLink };
    }
  }
  return { found: false, sameNameLink };
}

/** find_symlinks(): links in DIR/*.wants/, DIR/*.requires/, then in DIR itself. */
async function findSymlinks(env: InstallEnv, info: InstallInfo, matchName: boolean, ignoreSameName: boolean, configPath: string): Promise<DirScan> {
  let sameNameLink = false;
  for (const name of await readdirVisible(env.fs, configPath)) {
    const suffix = name.slice(name.lastIndexOf('.'));
    if (suffix !== '.wants' && suffix !== '.requires') continue;
    const path = joinPath(configPath, name);
    if ((await lstatOrNull(env.fs, path))?.kind !== 'dir') continue;
    const r = await findInDirectory(env, path, info, true, matchName, ignoreSameName, configPath);
    sameNameLink ||= r.sameNameLink;
    if (r.found) return { found: true, sameNameLink };
  }
  const r = await findInDirectory(env, configPath, info, false, matchName, ignoreSameName, configPath);
  return { found: r.found, sameNameLink: sameNameLink || r.sameNameLink };
}

/** find_symlinks_in_scope(): where along the search path the unit is enabled, if anywhere. */
async function findSymlinksInScope(env: InstallEnv, info: InstallInfo, matchName: boolean): Promise<UnitFileState | undefined> {
  const lp = env.lp;
  let sameNameRuntime = false;
  let sameNameConfig = false;
  let enabledInRuntime = false;
  let enabledAtAll = false;
  let ignoreSameName = false;
  for (const p of lp.searchPath) {
    const r = await findSymlinks(env, info, matchName, ignoreSameName, p);
    if (r.found) {
      if (p === lp.persistentConfig) return 'enabled';
      if (pathIsRuntime(lp, p, false)) enabledInRuntime = true;
      else enabledAtAll = true;
    } else if (r.sameNameLink) {
      if (p === lp.persistentConfig) sameNameConfig = true;
      else if (pathIsRuntime(lp, p, false)) sameNameRuntime = true;
    }
    // directories after the one holding the unit file are shadowed by it
    if (!ignoreSameName && info.path !== undefined && pathStartsWith(info.path, p)) ignoreSameName = true;
  }
  if (enabledInRuntime) return 'enabled-runtime';
  // an instance linked from a vendor directory is statically enabled
  if (enabledAtAll && unitNameIsValid(info.name, NAME_INSTANCE)) return 'static';
  if (sameNameConfig) return 'linked';
  if (sameNameRuntime) return 'linked-runtime';
  return undefined;
}

/** unit_file_lookup_state(): the state, or the failure (ENOENT: not found). */
export async function unitFileLookupState(env: InstallEnv, name: string): Promise<UnitFileState | InstallFailure> {
  if (!unitNameIsValid(name, NAME_ANY)) return new InstallFailure('EINVAL');
  const ctx = new InstallContext(env);
  const info = await installInfoDiscover(ctx, name, { load: true, followConfigSymlinks: true }, false);
  if (info instanceof InstallFailure) return info;
  const path = info.path ?? '';
  if (info.mode === 'masked') return pathIsRuntime(env.lp, path, true) ? 'masked-runtime' : 'masked';
  if (name !== basename(path) && !unitNameIsValid(info.name, NAME_INSTANCE)) return 'alias';
  if (pathIsGenerator(env.lp, path)) return 'generated';
  if (pathIsTransient(env.lp, path)) return 'transient';
  const state = await findSymlinksInScope(env, info, true);
  if (state !== undefined) return state;
  if ((await findSymlinksInScope(env, info, false)) !== undefined) return 'indirect';
  if (hasRules(info)) return 'disabled';
  if (hasAlso(info)) return 'indirect';
  return 'static';
}

export interface UnitFileListEntry {
  path: string;
  state: UnitFileState;
}

/**
 * unit_file_get_list(): every unit file and symlink along the search path (the first of each
 * name wins), optionally filtered by state and by glob patterns on the name.
 */
export async function unitFileGetList(env: InstallEnv, states: readonly string[] = [], patterns: readonly string[] = []): Promise<Map<string, UnitFileListEntry>> {
  const out = new Map<string, UnitFileListEntry>();
  for (const dir of env.lp.searchPath) {
    for (const name of await readdirVisible(env.fs, dir)) {
      if (!unitNameIsValid(name)) continue;
      if (patterns.length > 0 && !patterns.some((p) => fnmatch(p, name))) continue;
      if (out.has(name)) continue;
      const path = joinPath(dir, name);
      const st = await lstatOrNull(env.fs, path);
      if (st === null || (st.kind !== 'symlink' && st.kind !== 'file')) continue;
      const r = await unitFileLookupState(env, name);
      const state: UnitFileState = r instanceof InstallFailure ? 'bad' : r;
      if (states.length > 0 && !states.includes(state)) continue;
      out.set(name, { path, state });
    }
  }
  return out;
}
