// Shared types of the unit-file install logic (a port of src/shared/install.c, systemd 253):
// the file system it works on, the per-unit install information, and the list of changes an
// operation made or failed to make, which systemctl prints.
import type { LookupPaths } from './lookup-paths';

export type FsKind = 'file' | 'dir' | 'symlink' | 'device' | 'other';

export interface FsStat {
  kind: FsKind;
  size: number;
}

/**
 * What the install logic needs from a file system. Paths are absolute, as the manager sees them
 * (a --root prefix, if any, is the adapter's business). Failures reject with an object that has
 * an `errno` name, like the kernel's SysError.
 */
export interface InstallFs {
  lstat(path: string): Promise<FsStat>;
  stat(path: string): Promise<FsStat>;
  readlink(path: string): Promise<string>;
  readFile(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  symlink(target: string, path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, mode: number): Promise<void>;
  rmdir(path: string): Promise<void>;
  /**
   * Host name, machine id, kernel release ... for the %H, %m, %v specifiers; UNRESOLVED for
   * one whose file the root lacks.
   */
  specifiers?: Partial<Record<string, string>>;
  /** Settles once `specifiers` holds what must be read from files (machine id, os-release). */
  specifiersReady?: Promise<void>;
}

/** Error codes install.c reports; some have no glibc name in this simulator's errno table. */
export type InstallErrno =
  | 'EEXIST' | 'ERFKILL' | 'EADDRNOTAVAIL' | 'ETXTBSY' | 'EBADSLT' | 'EIDRM' | 'EUCLEAN' | 'ELOOP' | 'EXDEV'
  | 'ENOENT' | 'EUNATCH' | 'ENOLINK' | 'EINVAL' | 'EISDIR' | 'ENOTTY' | 'ENOTDIR' | 'EACCES' | 'EPERM'
  | 'ENAMETOOLONG' | 'ENXIO' | 'EIO' | 'ENOSPC' | 'EROFS' | 'EBADMSG';

/** A failed step: the negative return values of install.c. */
export class InstallFailure {
  constructor(readonly errno: InstallErrno) {}
}

/** install.c returns a count (>= 0) or a failure. */
export type InstallResult = number | InstallFailure;

export function failed(r: InstallResult): r is InstallFailure {
  return r instanceof InstallFailure;
}

export function errnoOf(e: unknown): InstallErrno {
  if (typeof e === 'object' && e !== null && 'errno' in e && typeof e.errno === 'string') return e.errno as InstallErrno;
  throw e;
}

export type InstallChangeType = 'symlink' | 'unlink' | 'masked' | 'masked-generator' | 'dangling' | 'destination-not-present' | 'auxiliary-failed';

/** One entry of the change list: a change made (or a notice), or an error with its errno. */
export type InstallChange =
  | { type: InstallChangeType; path: string; source?: string }
  | { type: 'error'; errno: InstallErrno; path: string; source?: string };

export type InstallMode = 'regular' | 'linked' | 'alias' | 'masked';

/** What install.c knows about one unit (InstallInfo). */
export interface InstallInfo {
  name: string;
  path?: string;
  mode?: InstallMode;
  aliases: string[];
  wantedBy: string[];
  requiredBy: string[];
  also: string[];
  defaultInstance?: string;
  symlinkTarget?: string;
  auxiliary: boolean;
}

export type UnitFileState =
  | 'enabled' | 'enabled-runtime' | 'linked' | 'linked-runtime' | 'alias' | 'masked' | 'masked-runtime'
  | 'static' | 'disabled' | 'indirect' | 'generated' | 'transient' | 'bad';

export const UNIT_FILE_STATES: readonly UnitFileState[] = [
  'enabled', 'enabled-runtime', 'linked', 'linked-runtime', 'alias', 'masked', 'masked-runtime',
  'static', 'disabled', 'indirect', 'generated', 'transient', 'bad',
];

/** Flags of an install operation (UnitFileFlags). */
export interface InstallFlags {
  runtime?: boolean;
  force?: boolean;
  dryRun?: boolean;
  /** Presets do not complain about targets a template cannot be enabled for. */
  ignoreAuxiliaryFailure?: boolean;
}

export type PresetMode = 'full' | 'enable-only' | 'disable-only';

/** The state every install operation carries around. */
export class InstallEnv {
  readonly changes: InstallChange[] = [];
  /**
   * Where the parser's complaints about a unit file go ("FILE:LINE: message", log_syntax()):
   * systemctl prints them on stderr; elsewhere they are dropped.
   */
  warn: (message: string) => Promise<void> = async () => {};
  /** The arrow those messages draw (SPECIAL_GLYPH_ARROW_RIGHT of the caller's locale). */
  arrow = '->';
  constructor(
    readonly fs: InstallFs,
    readonly lp: LookupPaths,
  ) {}

  /** install_changes_add(): records a change and hands back its type (for "return add(...)"). */
  add(type: InstallChangeType, path: string, source?: string): void {
    this.changes.push(source === undefined ? { type, path: simplify(path) } : { type, path: simplify(path), source: simplify(source) });
  }

  /** Records an error change and returns it as a failure. */
  fail(errno: InstallErrno, path: string, source?: string): InstallFailure {
    this.changes.push(source === undefined ? { type: 'error', errno, path: simplify(path) } : { type: 'error', errno, path: simplify(path), source: simplify(source) });
    return new InstallFailure(errno);
  }

  /** Did the operation change anything on disk (install_changes_have_modification)? */
  modified(): boolean {
    return this.changes.some((c) => c.type === 'symlink' || c.type === 'unlink');
  }
}

function simplify(p: string): string {
  if (!p.includes('/')) return p;
  const abs = p.startsWith('/');
  const s = p.split('/').filter((x) => x !== '' && x !== '.').join('/');
  return abs ? `/${s}` : s;
}

export function newInstallInfo(name: string, path?: string, auxiliary = false): InstallInfo {
  const i: InstallInfo = { name, aliases: [], wantedBy: [], requiredBy: [], also: [], auxiliary };
  if (path !== undefined) i.path = path;
  return i;
}

export function hasRules(i: InstallInfo): boolean {
  return i.aliases.length > 0 || i.wantedBy.length > 0 || i.requiredBy.length > 0;
}

export function hasAlso(i: InstallInfo): boolean {
  return i.also.length > 0;
}
