// Where a unit is defined on disk, as the manager loads it (unit_find_paths and
// unit_file_find_dropin_paths in src/shared/dropin.c): the fragment an alias or link resolves
// to, and the drop-in .conf files for all its names, its template, its "-" prefixes and its type.
import { confFilesList, lstatOrNull } from './fs-util';
import { InstallContext, installInfoDiscover } from './install-discover';
import { InstallFailure, type InstallEnv } from './install-types';
import { joinPath } from './lookup-paths';
import {
  NAME_INSTANCE, unitNameBuild, unitNameInstance, unitNameIsValid, unitNamePrefix, unitNameTemplate, unitNameToType,
  unitPrefixIsValid, unitTypeFromString,
} from './unit-name';

/** unit_file_find_dirs(): NAME.d, the template's, and those of each "-"-prefix ("foo-.service.d"). */
async function findDirs(env: InstallEnv, dir: string, name: string, out: string[]): Promise<void> {
  const path = joinPath(dir, `${name}.d`);
  if ((await lstatOrNull(env.fs, path)) !== null) out.push(path);
  const instance = unitNameIsValid(name, NAME_INSTANCE);
  if (instance) await findDirs(env, dir, unitNameTemplate(name)!, out);
  if (unitTypeFromString(name)) return;
  let prefix = unitNamePrefix(name);
  if (prefix === undefined) return;
  let chopped = false;
  for (;;) {
    const dash = prefix.lastIndexOf('-');
    if (dash <= 0) return;
    if (dash + 1 < prefix.length || chopped) {
      prefix = prefix.slice(0, dash + 1);
      break;
    }
    prefix = prefix.slice(0, dash);
    chopped = true;
  }
  if (!unitPrefixIsValid(prefix)) return;
  const built = unitNameBuild(prefix, instance ? unitNameInstance(name) : undefined, unitNameToType(name)!);
  if (built !== undefined) await findDirs(env, dir, built, out);
}

/** unit_file_find_dropin_paths(): the .conf files for all names of a unit, most specific first. */
export async function findDropins(env: InstallEnv, names: readonly string[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const n of names) for (const p of env.lp.searchPath) await findDirs(env, p, n, dirs);
  const type = names[0] !== undefined ? unitNameToType(names[0]) : undefined;
  if (type !== undefined) for (const p of env.lp.searchPath) await findDirs(env, p, type, dirs);
  return confFilesList(env.fs, [...new Set(dirs)], '.conf');
}

export interface UnitPaths {
  masked: boolean;
  /** The unit file; for a masked unit the file or link that masks it. */
  fragment?: string;
  dropins: string[];
}

/** Where a unit is defined on disk (unit_find_paths), as the manager would load it. */
export async function findUnitPaths(env: InstallEnv, name: string): Promise<UnitPaths | undefined> {
  const info = await installInfoDiscover(new InstallContext(env), name, { followConfigSymlinks: true }, false);
  if (info instanceof InstallFailure) return undefined;
  if (info.mode === 'masked') return info.path !== undefined ? { masked: true, fragment: info.path, dropins: [] } : { masked: true, dropins: [] };
  const names = [...new Set([name, info.name])];
  const dropins = await findDropins(env, names);
  return info.path !== undefined ? { masked: false, fragment: info.path, dropins } : { masked: false, dropins };
}
