// tar's command line as GNU tar 1.34 reads it (argp over getopt_long): the traditional first
// word of bundled letters (`tar czf x.tgz dir`), clustered short options, long options with
// unique abbreviations, and names interleaved with -C and -T in the order given. Parse errors
// exit 64 (argp's EX_USAGE) and name the program "tar"; tar's own usage errors exit 2.
import { compileMode } from '../lib/mode-parse';
import { parseIdSpec, type Overrides } from './overrides';
import { qc } from './state';
import { Transforms } from './transform';

export type Op = 'create' | 'extract' | 'list' | 'append' | 'update' | 'diff' | 'delete' | 'catenate' | 'test-label';
/** The names to work on, in order with the options that apply to the names after them. */
export type NameArg =
  | { kind: 'name'; name: string }
  | { kind: 'chdir'; dir: string }
  | { kind: 'from'; file: string }
  | { kind: 'opt'; name: string; value: string | undefined };
export type Format = 'gnu' | 'oldgnu' | 'ustar' | 'v7';
export type OldFiles = 'default' | 'keep' | 'skip' | 'overwrite' | 'unlink' | 'newer';

export interface TarOptions {
  op: Op | undefined;
  archive: string | undefined;
  verbose: number;
  /** The compression program (-z: gzip), or undefined. */
  compressor: string | undefined;
  autoCompress: boolean;
  names: NameArg[];
  excludes: string[];
  excludeFrom: string[];
  oldFiles: OldFiles;
  toStdout: boolean;
  preservePerms: boolean | undefined;
  sameOwner: boolean | undefined;
  numericOwner: boolean;
  strip: number;
  dereference: boolean;
  absoluteNames: boolean;
  wildcards: boolean | undefined;
  anchored: boolean | undefined;
  ignoreCase: boolean;
  touch: boolean;
  fullTime: boolean;
  utc: boolean;
  blocking: number;
  ignoreZeros: boolean;
  format: Format;
  sortByName: boolean;
  /** --totals: the bytes read or written, on stderr at the end. */
  totals: boolean;
  removeFiles: boolean;
  noOverwriteDir: boolean;
  ignoreFailedRead: boolean;
  nul: boolean;
  oldO: boolean;
  /** --transform expressions, and --show-transformed-names. */
  xform: Transforms;
  showTransformed: boolean;
  /** --owner, --group, --mode, --mtime: what create writes instead of the file's own. */
  overrides: Overrides;
}

/** A usage error: `argp` ones (bad option syntax) exit 64 and say plain "tar". */
export class TarUsage extends Error {
  constructor(
    message: string,
    readonly argp: boolean,
    readonly tryLine = true,
  ) {
    super(message);
  }
}

/** An option value tar cannot use: reported, then "Error is not recoverable" (exit 2). */
export class TarOptionFatal extends TarUsage {
  constructor(message: string) {
    super(message, false, false);
  }
}

type Kind = 'n' | 'r' | 'o';
// Every long option of tar 1.34, in its table order within each first letter (the order of
// an ambiguity message), with n: no argument, r: required, o: optional argument.
const LONG = `append:n atime-preserve:o acls:n auto-compress:n absolute-names:n after-date:r add-file:r anchored:n
blocking-factor:r bzip2:n backup:o block-number:n create:n compare:n catenate:n concatenate:n check-device:n
clamp-mtime:n compress:n checkpoint:o checkpoint-action:r check-links:n confirmation:n diff:n delete:n
delay-directory-restore:n dereference:n directory:r extract:n exclude:r exclude-from:r exclude-caches:n
exclude-caches-under:n exclude-caches-all:n exclude-tag:r exclude-ignore:r exclude-ignore-recursive:r
exclude-tag-under:r exclude-tag-all:r exclude-vcs:n exclude-vcs-ignores:n exclude-backups:n file:r force-local:n
format:r full-time:n files-from:r get:n group:r group-map:r gzip:n gunzip:n hole-detection:r hard-dereference:n
help:n incremental:n ignore-failed-read:n ignore-command-error:n info-script:r ignore-zeros:n index-file:r
interactive:n ignore-case:n keep-old-files:n keep-newer-files:n keep-directory-symlink:n list:n
listed-incremental:r level:r label:r lzip:n lzma:n lzop:n mtime:r mode:r multi-volume:n no-seek:n
no-check-device:n no-overwrite-dir:n no-ignore-command-error:n no-same-owner:n numeric-owner:n
no-same-permissions:n no-delay-directory-restore:n no-xattrs:n no-selinux:n no-acls:n new-volume-script:r
no-auto-compress:n newer:r newer-mtime:r no-quote-chars:r null:n no-null:n no-unquote:n no-verbatim-files-from:n
no-recursion:n no-anchored:n no-ignore-case:n no-wildcards:n no-wildcards-match-slash:n occurrence:o overwrite:n
overwrite-dir:n one-top-level:o owner:r owner-map:r old-archive:n one-file-system:n preserve-permissions:n
preserve-order:n portability:n posix:n pax-option:r program-name:r quoting-style:r quote-chars:r remove-files:n
recursive-unlink:n rmt-command:r rsh-command:r record-size:r read-full-records:n restrict:n recursion:n sparse:n
sparse-version:r seek:n skip-old-files:n same-owner:n same-permissions:n same-order:n sort:r selinux:n
starting-file:r suffix:r strip-components:r show-defaults:n show-snapshot-field-ranges:n show-omitted-dirs:n
show-transformed-names:n show-stored-names:n test-label:n to-stdout:n to-command:r touch:n tape-length:r
transform:r totals:o update:n unlink-first:n use-compress-program:r ungzip:n uncompress:n utc:n unquote:n usage:n
verify:n volno-file:r verbose:n verbatim-files-from:n version:n warning:r wildcards:n wildcards-match-slash:n
xattrs:n xattrs-include:r xattrs-exclude:r xz:n xform:r zstd:n`
  .split(/\s+/)
  .map((e) => e.split(':') as [string, Kind]);

const KIND = new Map<string, Kind>(LONG);

const SHORT: Record<string, string> = {
  A: 'catenate', c: 'create', d: 'diff', r: 'append', t: 'list', u: 'update', x: 'extract', g: 'listed-incremental',
  G: 'incremental', n: 'seek', S: 'sparse', C: 'directory', T: 'files-from', X: 'exclude-from', k: 'keep-old-files',
  U: 'unlink-first', W: 'verify', O: 'to-stdout', m: 'touch', p: 'preserve-permissions', s: 'preserve-order',
  f: 'file', F: 'info-script', L: 'tape-length', M: 'multi-volume', b: 'blocking-factor', B: 'read-full-records',
  i: 'ignore-zeros', H: 'format', V: 'label', a: 'auto-compress', I: 'use-compress-program', j: 'bzip2', J: 'xz',
  z: 'gzip', Z: 'compress', h: 'dereference', K: 'starting-file', N: 'newer', P: 'absolute-names', l: 'check-links',
  R: 'block-number', v: 'verbose', w: 'interactive', o: 'o', '?': 'help',
};

const OPS: Record<string, Op> = {
  create: 'create', extract: 'extract', get: 'extract', list: 'list', append: 'append', update: 'update', diff: 'diff',
  compare: 'diff', delete: 'delete', catenate: 'catenate', concatenate: 'catenate', 'test-label': 'test-label',
};

const COMPRESSORS: Record<string, string> = {
  gzip: 'gzip', gunzip: 'gzip', ungzip: 'gzip', bzip2: 'bzip2', xz: 'xz', compress: 'compress', uncompress: 'compress',
  lzip: 'lzip', lzma: 'lzma', lzop: 'lzop', zstd: 'zstd',
};

/** Options that change nothing here (no ACLs, xattrs or tapes in this machine). */
const IGNORED = new Set([
  'acls', 'no-acls', 'xattrs', 'no-xattrs', 'selinux', 'no-selinux', 'force-local', 'preserve-order', 'same-order',
  'read-full-records', 'no-auto-compress', 'delay-directory-restore', 'no-delay-directory-restore', 'check-device',
  'no-check-device', 'hard-dereference', 'one-file-system', 'restrict', 'sparse', 'atime-preserve', 'seek', 'no-seek',
  'ignore-command-error', 'no-ignore-command-error', 'unquote',
  'no-unquote', 'verbatim-files-from', 'no-verbatim-files-from', 'wildcards-match-slash', 'no-wildcards-match-slash',
  'show-omitted-dirs', 'overwrite-dir', 'warning',
]);

export const OLD_ARG_LETTERS = 'gCTXfFLbHVIKN';

export function defaultOptions(): TarOptions {
  return {
    op: undefined, archive: undefined, verbose: 0, compressor: undefined, autoCompress: false, names: [], excludes: [],
    excludeFrom: [], oldFiles: 'default', toStdout: false, preservePerms: undefined, sameOwner: undefined,
    numericOwner: false, strip: 0, dereference: false, absoluteNames: false, wildcards: undefined, anchored: undefined,
    ignoreCase: false, touch: false, fullTime: false, utc: false, blocking: 20, ignoreZeros: false,
    format: 'gnu', sortByName: false, totals: false, removeFiles: false, noOverwriteDir: false, ignoreFailedRead: false, nul: false,
    oldO: false, xform: new Transforms(), showTransformed: false, overrides: { clamp: false },
  };
}

/** The traditional form: a first word without `-` is a bundle of letters whose arguments follow. */
export function expandOldStyle(args: readonly string[]): string[] {
  const first = args[0];
  if (first === undefined || first.startsWith('-')) return [...args];
  const out: string[] = [];
  let next = 1;
  for (const c of first) {
    out.push(`-${c}`);
    if (OLD_ARG_LETTERS.includes(c)) {
      if (next >= args.length) throw new TarUsage(`Old option '${c}' requires an argument.`, false);
      out.push(args[next++]!);
    }
  }
  return [...out, ...args.slice(next)];
}

function setOp(o: TarOptions, op: Op): void {
  if (o.op !== undefined && o.op !== op) {
    throw new TarUsage("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option", false);
  }
  o.op = op;
}

function setCompressor(o: TarOptions, prog: string): void {
  if (o.compressor !== undefined && o.compressor !== prog) throw new TarUsage('Conflicting compression options', false);
  o.compressor = prog;
}

function count(value: string, what: string): number {
  if (!/^\d+$/.test(value)) throw new TarUsage(`${value}: ${what}`, false);
  return Number(value);
}

/** Options that, when creating, affect only the names after them (GNU tar 1.34). */
const POSITIONAL = new Set([
  'exclude', 'exclude-from', 'exclude-vcs', 'exclude-backups', 'anchored', 'no-anchored', 'ignore-case', 'no-ignore-case',
  'wildcards', 'no-wildcards', 'wildcards-match-slash', 'no-wildcards-match-slash', 'recursion', 'no-recursion', 'null',
  'no-null', 'unquote', 'no-unquote', 'verbatim-files-from', 'no-verbatim-files-from',
]);

/** Applies one option; `display` is how the user wrote it (for "not supported here"). */
function apply(o: TarOptions, name: string, value: string | undefined, display: string): void {
  if (POSITIONAL.has(name)) o.names.push({ kind: 'opt', name, value });
  const op = OPS[name];
  if (op) return setOp(o, op);
  const comp = COMPRESSORS[name];
  if (comp) return setCompressor(o, comp);
  if (IGNORED.has(name)) return;
  const v = value ?? '';
  switch (name) {
    case 'file': o.archive = v; return;
    case 'verbose': o.verbose++; return;
    case 'directory': o.names.push({ kind: 'chdir', dir: v }); return;
    case 'files-from': o.names.push({ kind: 'from', file: v }); return;
    case 'exclude': o.excludes.push(v); return;
    case 'exclude-from': o.excludeFrom.push(v); return;
    case 'exclude-vcs': o.excludes.push(...VCS_PATTERNS); return;
    case 'exclude-backups': o.excludes.push(...BACKUP_PATTERNS); return;
    case 'use-compress-program': return setCompressor(o, v);
    case 'auto-compress': o.autoCompress = true; return;
    case 'keep-old-files': o.oldFiles = 'keep'; return;
    case 'skip-old-files': o.oldFiles = 'skip'; return;
    case 'overwrite': o.oldFiles = 'overwrite'; return;
    case 'unlink-first': o.oldFiles = 'unlink'; return;
    case 'keep-newer-files': o.oldFiles = 'newer'; return;
    case 'to-stdout': o.toStdout = true; return;
    case 'preserve-permissions': case 'same-permissions': o.preservePerms = true; return;
    case 'no-same-permissions': o.preservePerms = false; return;
    case 'same-owner': o.sameOwner = true; return;
    case 'no-same-owner': o.sameOwner = false; return;
    case 'numeric-owner': o.numericOwner = true; return;
    case 'strip-components': o.strip = count(v, 'Invalid number of elements'); return;
    case 'dereference': o.dereference = true; return;
    case 'absolute-names': o.absoluteNames = true; return;
    case 'wildcards': o.wildcards = true; return;
    case 'no-wildcards': o.wildcards = false; return;
    case 'anchored': o.anchored = true; return;
    case 'no-anchored': o.anchored = false; return;
    case 'ignore-case': o.ignoreCase = true; return;
    case 'no-ignore-case': o.ignoreCase = false; return;
    case 'recursion': case 'no-recursion': return;
    case 'touch': o.touch = true; return;
    case 'full-time': o.fullTime = true; return;
    case 'utc': o.utc = true; return;
    case 'ignore-zeros': o.ignoreZeros = true; return;
    case 'remove-files': o.removeFiles = true; return;
    case 'no-overwrite-dir': o.noOverwriteDir = true; return;
    case 'ignore-failed-read': o.ignoreFailedRead = true; return;
    case 'null': o.nul = true; return;
    case 'no-null': o.nul = false; return;
    case 'o': o.oldO = true; return;
    case 'transform': case 'xform': o.xform.add(v); return;
    case 'show-transformed-names': case 'show-stored-names': o.showTransformed = name === 'show-transformed-names'; return;
    case 'old-archive': case 'portability': o.format = 'v7'; return;
    case 'owner': case 'group': {
      const spec = parseIdSpec(v);
      if ('invalid' in spec) throw new TarOptionFatal(`${qc(spec.invalid)}: Invalid owner or group ID`);
      o.overrides[name] = spec;
      return;
    }
    case 'mode': {
      const changes = compileMode(v);
      if (!changes) throw new TarOptionFatal('Invalid mode given on option');
      o.overrides.mode = changes;
      return;
    }
    case 'mtime': o.overrides.mtimeArg = v; return;
    // -N, --newer, --after-date (mtime or ctime), --newer-mtime (mtime only)
    case 'newer': case 'after-date': case 'newer-mtime':
      o.overrides.newer = { arg: v, option: name === 'newer-mtime' ? '--newer-mtime' : '--after-date', mtimeOnly: name === 'newer-mtime' };
      return;
    case 'clamp-mtime': o.overrides.clamp = true; return;
    case 'blocking-factor': {
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 4194304) throw new TarUsage(`${v}: Invalid blocking factor`, false);
      o.blocking = Number(v);
      return;
    }
    case 'record-size': {
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n > 0)) throw new TarUsage(`${v}: Invalid record size`, false);
      if (n % 512) throw new TarUsage('Record size must be a multiple of 512.', false);
      o.blocking = n / 512;
      return;
    }
    case 'format': {
      if (v === 'gnu' || v === 'oldgnu' || v === 'ustar' || v === 'v7') o.format = v;
      else if (v === 'posix' || v === 'pax') throw new TarUsage(`--format=${v} is not supported here`, false, false);
      else throw new TarUsage(`${v}: Invalid archive format`, false);
      return;
    }
    case 'totals':
      // with a signal name the totals are printed when it comes, not at the end
      o.totals = value === undefined;
      return;
    case 'sort': {
      if (v === 'name') o.sortByName = true;
      else if (v === 'none' || v === 'inode') o.sortByName = false;
      else throw new TarUsage(`invalid argument '${v}' for '--sort'\nValid arguments are:\n  - 'none'\n  - 'name'\n  - 'inode'`, false, false);
      return;
    }
    default:
      throw new TarUsage(`${display} is not supported here`, false, false);
  }
}

export const BACKUP_PATTERNS = ['.#*', '*~', '#*#'];

export const VCS_PATTERNS = ['CVS', 'RCS', 'SCCS', '.git', '.gitignore', '.gitattributes', '.gitmodules', '.arch-ids',
  '{arch}', '=RELEASE-ID', '=meta-update', '=update', '.bzr', '.bzrignore', '.bzrtags', '.hg', '.hgignore', '.hgtags', '_darcs'];

/** help, usage and version end parsing at once, as argp does. */
export type Early = 'help' | 'usage' | 'version' | 'show-defaults';

export function parseArgs(argv: readonly string[]): TarOptions | Early {
  const args = expandOldStyle(argv);
  const o = defaultOptions();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      for (const n of args.slice(i + 1)) o.names.push({ kind: 'name', name: n });
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const given = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      let name = KIND.has(given) ? given : undefined;
      if (!name) {
        const cands = LONG.filter(([n]) => n.startsWith(given)).map(([n]) => n);
        if (cands.length === 0) throw new TarUsage(`unrecognized option '${a}'`, true);
        if (cands.length > 1) {
          throw new TarUsage(`option '${a.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${cands.map((c) => ` '--${c}'`).join('')}`, true);
        }
        name = cands[0]!;
      }
      const kind = KIND.get(name)!;
      let value = inline;
      if (kind === 'n' && inline !== undefined) throw new TarUsage(`option '--${name}' doesn't allow an argument`, true);
      if (kind === 'r' && value === undefined) {
        if (i + 1 >= args.length) throw new TarUsage(`option '--${name}' requires an argument`, true);
        value = args[++i]!;
      }
      if (name === 'help' || name === 'usage' || name === 'version' || name === 'show-defaults') return name;
      apply(o, name, value, `--${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const name = SHORT[c];
        if (!name) throw new TarUsage(`invalid option -- '${c}'`, true);
        if (name === 'help') return 'help';
        if (OLD_ARG_LETTERS.includes(c)) {
          let value = a.slice(j + 1);
          if (!value) {
            if (i + 1 >= args.length) throw new TarUsage(`option requires an argument -- '${c}'`, true);
            value = args[++i]!;
          }
          apply(o, name, value, `-${c}`);
          break;
        }
        apply(o, name, undefined, `-${c}`);
      }
      continue;
    }
    o.names.push({ kind: 'name', name: a });
  }
  return o;
}
