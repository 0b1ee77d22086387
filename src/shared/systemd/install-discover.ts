// Finding and loading unit files for the install logic (src/shared/install.c: unit_file_load,
// unit_file_search, install_info_traverse, install_info_discover): a name is looked up along
// the search path (an instance falls back to its template), symlinks are followed as aliases
// (inside the search path) or links (outside it), and the [Install] section is read from the
// file and its drop-ins.
import { confFilesList, nullOrEmpty } from './fs-util';
import { basename, dirname, joinPath, normalizePath, pathIsConfig, pathIsGenerator, pathIsTransient, pathStartsWith } from './lookup-paths';
import { installNamePrintf } from './specifiers';
import { parseUnitFile, type UnitAssignment } from './unit-file';
import {
  failed, InstallFailure, newInstallInfo,
  type InstallEnv, type InstallErrno, type InstallInfo, type InstallResult,
} from './install-types';
import {
  NAME_ANY, NAME_INSTANCE, NAME_TEMPLATE, unitInstanceIsValid, unitNameInstance, unitNameIsValid, unitNameReplaceInstance,
  unitNameTemplate, unitNameToType, unitTypeMayAlias, unitTypeMayTemplate, explainAliasSymlink,
} from './unit-name';
import { extractFirstWord, extractWords } from './words';

/** How a search behaves (SearchFlags). */
export interface SearchFlags {
  /** Read the [Install] section (not just find the file). */
  load?: boolean;
  /** Follow symlinks found in the config directories. */
  followConfigSymlinks?: boolean;
  dropin?: boolean;
}

const FOLLOW_MAX = 64;
const INSTALL_SECTIONS = new Set(['Install']);
const IGNORED_SECTIONS = new Set(['Unit', 'Automount', 'Device', 'Mount', 'Path', 'Scope', 'Service', 'Slice', 'Socket', 'Swap', 'Target', 'Timer']);

/** The units an operation is working through (InstallContext). */
export class InstallContext {
  readonly willProcess = new Map<string, InstallInfo>();
  readonly haveProcessed = new Map<string, InstallInfo>();
  constructor(readonly env: InstallEnv) {}

  find(name: string): InstallInfo | undefined {
    return this.haveProcessed.get(name) ?? this.willProcess.get(name);
  }

  /** install_info_add(): the existing entry, or a new one queued for processing. */
  add(name: string | undefined, path: string | undefined, auxiliary: boolean): InstallInfo | InstallFailure {
    const n = name ?? basename(path ?? '');
    if (!unitNameIsValid(n)) return new InstallFailure('EINVAL');
    const found = this.find(n);
    if (found) {
      found.auxiliary = found.auxiliary && auxiliary;
      return found;
    }
    const info = newInstallInfo(n, path, auxiliary);
    this.willProcess.set(n, info);
    return info;
  }

  /** Moves the first queued unit to the processed set (ordered_hashmap_move_one). */
  next(): InstallInfo | undefined {
    const first = this.willProcess.values().next();
    if (first.done) return undefined;
    this.willProcess.delete(first.value.name);
    this.haveProcessed.set(first.value.name, first.value);
    return first.value;
  }
}

function errnoFrom(e: unknown): InstallErrno {
  if (typeof e === 'object' && e !== null && 'errno' in e && typeof e.errno === 'string') return e.errno as InstallErrno;
  throw e;
}

/** The [Install] settings install.c knows; any other key draws a warning (X-... excepted). */
const INSTALL_KEYS = new Set(['Alias', 'WantedBy', 'RequiredBy', 'DefaultInstance', 'Also']);

/**
 * Applies one [Install] assignment to `info` (the config_parse_* callbacks of install.c),
 * logging what they log through `warn`. A DefaultInstance= or Also= value that cannot be
 * resolved fails the whole file (the errno).
 */
async function applyInstallSetting(ctx: InstallContext | null, info: InstallInfo, a: UnitAssignment, warn: (m: string) => Promise<void>): Promise<InstallErrno | undefined> {
  const { key, value } = a;
  const printf = (s: string): string | InstallErrno => installNamePrintf(info, s, ctx?.env.fs.specifiers);
  const isErrno = (r: string): r is InstallErrno => r === 'EBADSLT' || r === 'ENAMETOOLONG' || r === 'EINVAL' || r === 'EUNATCH';
  await ctx?.env.fs.specifiersReady;
  const at = `${a.file}:${a.line}: `;
  switch (key) {
    case 'Alias': {
      const type = unitNameToType(info.name);
      if (!unitTypeMayAlias(type)) {
        await warn(`${at}Alias= is not allowed for ${type ?? 'unknown'} units, ignoring.`);
        return undefined;
      }
      await strvSetting(info.aliases, value, at, warn);
      return undefined;
    }
    case 'WantedBy':
      await strvSetting(info.wantedBy, value, at, warn);
      return undefined;
    case 'RequiredBy':
      await strvSetting(info.requiredBy, value, at, warn);
      return undefined;
    case 'DefaultInstance': {
      if (unitNameIsValid(info.name, NAME_INSTANCE)) return undefined;
      if (!unitNameIsValid(info.name, NAME_TEMPLATE)) {
        await warn(`${at}DefaultInstance= only makes sense for template units, ignoring.`);
        return undefined;
      }
      const printed = printf(value);
      if (isErrno(printed)) {
        await warn(`${at}Failed to resolve instance name in DefaultInstance="${value}": ${installStrerrorShort(printed)}`);
        return printed;
      }
      if (printed === '') delete info.defaultInstance;
      else if (unitInstanceIsValid(printed)) info.defaultInstance = printed;
      else {
        await warn(`${at}Invalid DefaultInstance= value "${printed}".`);
        return 'EINVAL';
      }
      return undefined;
    }
    case 'Also': {
      for (const word of extractWords(value) ?? []) {
        const printed = printf(word);
        if (isErrno(printed)) {
          await warn(`${at}Failed to resolve unit name in Also="${word}": ${installStrerrorShort(printed)}`);
          return printed;
        }
        if (ctx) {
          const added = ctx.add(printed, undefined, true);
          if (added instanceof InstallFailure) return added.errno;
        } else if (!unitNameIsValid(printed)) return 'EINVAL';
        info.also.push(printed);
      }
      return undefined;
    }
    default:
      if (!key.startsWith('X-')) await warn(`${at}Unknown key '${key}' in section [${a.section}], ignoring.`);
  }
  return undefined;
}

/** strerror() of the errnos a specifier expansion can fail with. */
function installStrerrorShort(e: InstallErrno): string {
  return e === 'EBADSLT' ? 'Invalid slot' : e === 'ENAMETOOLONG' ? 'File name too long' : 'Invalid argument';
}

/**
 * config_parse_strv: an empty value empties the list, words are unquoted; at a quoting error
 * the words before it are kept and the rest of the line is dropped with a warning.
 */
async function strvSetting(list: string[], value: string, at: string, warn: (m: string) => Promise<void>): Promise<void> {
  if (value === '') {
    list.length = 0;
    return;
  }
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(value, pos, { unquote: true, retainEscape: true });
    if (r === null) return;
    if (r === 'error') {
      await warn(`${at}Invalid syntax, ignoring: ${value}`);
      return;
    }
    list.push(r.word);
    pos = r.next;
  }
}

/** unit_file_load(): classify (and with `load`, parse) one file; the number of install rules. */
async function unitFileLoad(ctx: InstallContext | null, env: InstallEnv, info: InstallInfo, path: string, flags: SearchFlags): Promise<InstallResult> {
  const fs = env.fs;
  if (!flags.dropin) {
    const type = unitNameToType(info.name);
    if (type === undefined) return new InstallFailure('EINVAL');
    if (unitNameIsValid(info.name, NAME_TEMPLATE | NAME_INSTANCE) && !unitTypeMayTemplate(type)) return new InstallFailure('EINVAL');
    let st;
    try {
      st = await fs.lstat(path);
    } catch (e) {
      return new InstallFailure(errnoFrom(e));
    }
    if (st.kind === 'symlink') return new InstallFailure('ELOOP');
    if (nullOrEmpty(st)) {
      info.mode = 'masked';
      return 0;
    }
    if (st.kind === 'dir') return new InstallFailure('EISDIR');
    if (st.kind !== 'file') return new InstallFailure('ENOTTY');
    if (!flags.load) {
      info.mode = 'regular';
      return 0;
    }
  } else {
    if (!flags.load) return 0;
    let st;
    try {
      st = await fs.stat(path);
    } catch (e) {
      return new InstallFailure(errnoFrom(e));
    }
    if (nullOrEmpty(st)) return 0;
    if (st.kind === 'dir') return new InstallFailure('EISDIR');
  }
  let text: string;
  try {
    text = await fs.readFile(path);
  } catch (e) {
    return new InstallFailure(errnoFrom(e));
  }
  const parsed = parseUnitFile(text, path, { sections: INSTALL_SECTIONS, ignored: IGNORED_SECTIONS });
  // config_parse(): the parser's warnings and the settings' callbacks, line by line
  const events: ({ line: number; warning: string } | { line: number; a: UnitAssignment })[] = [
    ...parsed.warnings.map((w) => ({ line: w.line, warning: `${w.file}:${w.line}: ${w.message}` })),
    ...parsed.assignments.map((a) => ({ line: a.line, a })),
  ].sort((x, y) => x.line - y.line);
  for (const ev of events) {
    if ('warning' in ev) {
      await env.warn(ev.warning);
      continue;
    }
    const e = await applyInstallSetting(ctx, info, ev.a, (m) => env.warn(m));
    if (e !== undefined) return new InstallFailure(e);
  }
  if (parsed.fatal) return new InstallFailure(parsed.fatal === 'ENOBUFS' ? 'EIO' : parsed.fatal);
  if (!flags.dropin) info.mode = 'regular';
  return info.aliases.length + info.wantedBy.length + info.requiredBy.length;
}

/**
 * unit_file_resolve_symlink(..., resolve_destination_target=true): where an alias or link
 * points, and whether that is outside the search path (a linked unit file).
 */
async function resolveSymlink(env: InstallEnv, path: string): Promise<{ target: string; outside: boolean } | InstallFailure> {
  let target: string;
  try {
    target = await env.fs.readlink(path);
  } catch (e) {
    return new InstallFailure(errnoFrom(e));
  }
  const simplified = normalizePath(target.startsWith('/') ? target : `${dirname(path)}/${target}`);
  const dir = env.lp.searchPath.find((d) => pathStartsWith(simplified, d));
  if (dir === undefined) return { target: simplified, outside: true };
  // an alias: its name is checked against the target's, and a refusal is logged (LOG_NOTICE)
  const { check, message } = explainAliasSymlink(basename(path), basename(simplified));
  if (message !== undefined) await env.warn(message);
  switch (check) {
    case 'ok':
      if (simplified.slice(dir.length + 1).includes('/')) await env.warn(`Suspicious symlink ${path} ${env.arrow} ${simplified}, treating as alias.`);
      return { target: simplified, outside: false };
    case 'self':
      return new InstallFailure('ELOOP');
    case 'bad-source':
      return new InstallFailure('EINVAL');
    default:
      return new InstallFailure('EXDEV');
  }
}

async function loadOrReadlink(ctx: InstallContext | null, env: InstallEnv, info: InstallInfo, path: string, flags: SearchFlags): Promise<InstallResult> {
  const r = await unitFileLoad(ctx, env, info, path, flags);
  if (!failed(r) || r.errno !== 'ELOOP' || flags.dropin) return r;
  const link = await resolveSymlink(env, path);
  if (link instanceof InstallFailure) return link;
  info.symlinkTarget = link.target;
  // With --root (as the recordings were made) systemd 252 prefixes the root twice when it checks
  // the target, so only a link to /dev/null itself counts as a mask here; a link to an empty
  // file is followed and found masked at the target.
  if (link.target === '/dev/null') info.mode = 'masked';
  else info.mode = link.outside ? 'linked' : 'alias';
  return 0;
}

/** unit_file_search(): finds `info` along the search path and loads it and its drop-ins. */
export async function unitFileSearch(ctx: InstallContext | null, env: InstallEnv, info: InstallInfo, flags: SearchFlags): Promise<InstallResult> {
  if (info.mode !== undefined) return 0;
  if (info.path !== undefined) return loadOrReadlink(ctx, env, info, info.path, flags);
  const template = unitNameIsValid(info.name, NAME_INSTANCE) ? unitNameTemplate(info.name) : undefined;
  let result: InstallResult | undefined;
  for (const name of template ? [info.name, template] : [info.name]) {
    for (const dir of env.lp.searchPath) {
      const path = joinPath(dir, name);
      const r = await loadOrReadlink(ctx, env, info, path, flags);
      if (!failed(r)) {
        info.path = path;
        result = r;
        break;
      }
      if (!['ENOENT', 'ENOTDIR', 'EACCES'].includes(r.errno)) return r;
    }
    if (result !== undefined) break;
  }
  if (result === undefined) return new InstallFailure('ENOENT');
  if (info.mode === 'masked') return result;
  const dirs = env.lp.searchPath.map((d) => joinPath(d, `${info.name}.d`));
  if (template) dirs.push(...env.lp.searchPath.map((d) => joinPath(d, `${template}.d`)));
  for (const file of await confFilesList(env.fs, dirs, '.conf')) {
    const r = await loadOrReadlink(ctx, env, info, file, { ...flags, dropin: true });
    if (failed(r)) return r;
  }
  return result;
}

async function follow(ctx: InstallContext, info: InstallInfo, flags: SearchFlags, ignoreDifferentName: boolean): Promise<InstallResult> {
  if ((info.mode !== 'alias' && info.mode !== 'linked') || info.symlinkTarget === undefined) return new InstallFailure('EINVAL');
  if (!ignoreDifferentName && basename(info.symlinkTarget) !== info.name) return new InstallFailure('EXDEV');
  info.path = info.symlinkTarget;
  delete info.symlinkTarget;
  delete info.mode;
  return loadOrReadlink(ctx, ctx.env, info, info.path, flags);
}

/** install_info_traverse(): search, then follow aliases and links to the real unit file. */
export async function installInfoTraverse(ctx: InstallContext, start: InstallInfo, flags: SearchFlags): Promise<InstallInfo | InstallFailure> {
  const env = ctx.env;
  let r = await unitFileSearch(ctx, env, start, flags);
  if (failed(r)) return r;
  let i = start;
  for (let k = 0; i.mode === 'alias' || i.mode === 'linked'; ) {
    if (++k > FOLLOW_MAX) return new InstallFailure('ELOOP');
    if (!flags.followConfigSymlinks && pathIsConfig(env.lp, i.path ?? '', true)) return new InstallFailure('ELOOP');
    r = await follow(ctx, i, flags, i.mode === 'linked');
    if (failed(r) && r.errno === 'EXDEV' && i.symlinkTarget !== undefined) {
      let bn = basename(i.symlinkTarget);
      if (unitNameIsValid(i.name, NAME_INSTANCE) && unitNameIsValid(bn, NAME_TEMPLATE)) {
        const buffer = unitNameReplaceInstance(bn, unitNameInstance(i.name) ?? '');
        if (buffer === undefined) return new InstallFailure('EINVAL');
        if (buffer === i.name) {
          // The instance filled in gives the same name: honour the link as it is.
          const q = await follow(ctx, i, flags, true);
          if (failed(q)) return q;
          continue;
        }
        bn = buffer;
      }
      const next = ctx.add(bn, undefined, false);
      if (next instanceof InstallFailure) return next;
      i = next;
      r = await unitFileSearch(ctx, env, i, flags);
      if (failed(r) && r.errno === 'ENOENT') return new InstallFailure('ENOLINK');
    }
    if (failed(r)) return r;
  }
  return i;
}

/** install_info_discover(): a name or an absolute path; failures are recorded as changes. */
export async function installInfoDiscover(ctx: InstallContext, nameOrPath: string, flags: SearchFlags, record = true): Promise<InstallInfo | InstallFailure> {
  const added = nameOrPath.startsWith('/') ? ctx.add(undefined, nameOrPath, false) : ctx.add(nameOrPath, undefined, false);
  const r = added instanceof InstallFailure ? added : await installInfoTraverse(ctx, added, flags);
  if (r instanceof InstallFailure && record) ctx.env.fail(r.errno, nameOrPath);
  return r;
}

/** install_info_may_process(): masked, generated and transient units cannot be enabled. */
export function installInfoMayProcess(env: InstallEnv, info: InstallInfo): InstallFailure | null {
  if (info.mode === 'masked') return env.fail('ERFKILL', info.path ?? info.name);
  if (info.path !== undefined && (pathIsGenerator(env.lp, info.path) || pathIsTransient(env.lp, info.path))) return env.fail('EADDRNOTAVAIL', info.path);
  return null;
}

export async function installInfoDiscoverAndCheck(ctx: InstallContext, nameOrPath: string, flags: SearchFlags): Promise<InstallInfo | InstallFailure> {
  const info = await installInfoDiscover(ctx, nameOrPath, flags);
  if (info instanceof InstallFailure) return info;
  return installInfoMayProcess(ctx.env, info) ?? info;
}

/** unit_file_exists(): can the name be found at all? */
export async function unitFileExists(env: InstallEnv, name: string): Promise<boolean | InstallFailure> {
  if (!unitNameIsValid(name, NAME_ANY)) return new InstallFailure('EINVAL');
  const ctx = new InstallContext(env);
  const r = await installInfoDiscover(ctx, name, {}, false);
  if (r instanceof InstallFailure) return r.errno === 'ENOENT' ? false : r;
  return true;
}

