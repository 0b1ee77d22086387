// Where the system manager looks for unit files, highest priority first
// (src/basic/path-lookup.c, lookup_paths_init for LOOKUP_SCOPE_SYSTEM), and the classification
// of those directories that the install logic relies on (src/shared/install.c).

export interface LookupPaths {
  /** Every unit directory, highest priority first. */
  searchPath: readonly string[];
  persistentConfig: string;
  runtimeConfig: string;
  generator: string;
  generatorEarly: string;
  generatorLate: string;
  transient: string;
  persistentControl: string;
  runtimeControl: string;
  persistentAttached: string;
  runtimeAttached: string;
  /** Where the *.preset files of this scope live, highest priority first. */
  presetDirs?: readonly string[];
}

export const SYSTEM_LOOKUP_PATHS: LookupPaths = {
  searchPath: [
    '/etc/systemd/system.control',
    '/run/systemd/system.control',
    '/run/systemd/transient',
    '/run/systemd/generator.early',
    '/etc/systemd/system',
    '/etc/systemd/system.attached',
    '/run/systemd/system',
    '/run/systemd/system.attached',
    '/run/systemd/generator',
    '/usr/local/lib/systemd/system',
    '/usr/lib/systemd/system',
    '/run/systemd/generator.late',
  ],
  persistentConfig: '/etc/systemd/system',
  runtimeConfig: '/run/systemd/system',
  generator: '/run/systemd/generator',
  generatorEarly: '/run/systemd/generator.early',
  generatorLate: '/run/systemd/generator.late',
  transient: '/run/systemd/transient',
  persistentControl: '/etc/systemd/system.control',
  runtimeControl: '/run/systemd/system.control',
  persistentAttached: '/etc/systemd/system.attached',
  runtimeAttached: '/run/systemd/system.attached',
};

/** Preset directories in priority order (CONF_PATHS("systemd/system-preset")). */
export const SYSTEM_PRESET_DIRS = ['/etc/systemd/system-preset', '/run/systemd/system-preset', '/usr/local/lib/systemd/system-preset', '/usr/lib/systemd/system-preset'];

/**
 * The user units every user shares (LOOKUP_SCOPE_GLOBAL, systemctl --global): config in
 * /etc/systemd/user, no generators, transient or control directories ('' never matches).
 */
export const GLOBAL_LOOKUP_PATHS: LookupPaths = {
  searchPath: ['/etc/systemd/user', '/run/systemd/user', '/usr/local/share/systemd/user', '/usr/share/systemd/user', '/usr/local/lib/systemd/user', '/usr/lib/systemd/user'],
  persistentConfig: '/etc/systemd/user',
  runtimeConfig: '/run/systemd/user',
  generator: '',
  generatorEarly: '',
  generatorLate: '',
  transient: '',
  persistentControl: '',
  runtimeControl: '',
  persistentAttached: '',
  runtimeAttached: '',
  presetDirs: ['/etc/systemd/user-preset', '/run/systemd/user-preset', '/usr/local/lib/systemd/user-preset', '/usr/lib/systemd/user-preset'],
};

/** Removes "." components, duplicate and trailing slashes (path_simplify; ".." is kept). */
export function simplifyPath(p: string): string {
  const abs = p.startsWith('/');
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  const s = parts.join('/');
  return abs ? `/${s}` : s === '' ? '.' : s;
}

/** Like simplifyPath, and also resolves ".." lexically (for symlink targets). */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export function dirname(p: string): string {
  const s = simplifyPath(p);
  const i = s.lastIndexOf('/');
  return i <= 0 ? '/' : s.slice(0, i);
}

export function basename(p: string): string {
  const s = simplifyPath(p);
  return s.slice(s.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
  return name.startsWith('/') ? simplifyPath(name) : simplifyPath(`${dir}/${name}`);
}

/** path_startswith(): true when `path` is `prefix` or below it. */
export function pathStartsWith(path: string, prefix: string): boolean {
  const p = simplifyPath(path);
  const q = simplifyPath(prefix);
  if (q === '/') return p.startsWith('/');
  return p === q || p.startsWith(`${q}/`);
}

export function inSearchPath(lp: LookupPaths, path: string): boolean {
  return lp.searchPath.includes(dirname(path));
}

export function underneathSearchPath(lp: LookupPaths, path: string): boolean {
  return lp.searchPath.some((d) => pathStartsWith(path, d));
}

export function pathIsGenerator(lp: LookupPaths, path: string): boolean {
  const d = dirname(path);
  return d === lp.generator || d === lp.generatorEarly || d === lp.generatorLate;
}

export function pathIsTransient(lp: LookupPaths, path: string): boolean {
  return dirname(path) === lp.transient;
}

export function pathIsControl(lp: LookupPaths, path: string): boolean {
  const d = dirname(path);
  return d === lp.persistentControl || d === lp.runtimeControl;
}

/** Is `path` (or its directory, with checkParent) one of the config directories? */
export function pathIsConfig(lp: LookupPaths, path: string, checkParent: boolean): boolean {
  const p = checkParent ? dirname(path) : simplifyPath(path);
  return p === lp.persistentConfig || p === lp.runtimeConfig;
}

/** Everything below /run counts as runtime, plus the runtime directories themselves. */
export function pathIsRuntime(lp: LookupPaths, path: string, checkParent: boolean): boolean {
  if (pathStartsWith(path, '/run')) return true;
  const p = checkParent ? dirname(path) : simplifyPath(path);
  return [lp.runtimeConfig, lp.generator, lp.generatorEarly, lp.generatorLate, lp.transient, lp.runtimeControl].includes(p);
}

/** A vendor unit file: below /usr, or made by a generator (path_is_vendor_or_generator). */
export function pathIsVendorOrGenerator(lp: LookupPaths, path: string): boolean {
  if (pathStartsWith(path, '/usr')) return true;
  if (pathIsGenerator(lp, path)) return true;
  return simplifyPath(path) === '/usr/lib/systemd/system';
}
