// The settings whose parser resolves %-specifiers before it reads the value (unit_full_printf(),
// unit_path_printf() and friends in src/core/load-fragment.c). A "%" followed by a letter or
// digit that is no specifier fails the resolution: the parser logs it in its own words (with
// or without quotes, ", ignoring" or not) and skips the value, or only the word, or (for the
// user, group and root-directory settings) makes the unit unusable. Loaded with config-check.ts;
// the dependency settings and the commands have their own handling in config.ts.
import { UnitSettings, type UnitAssignment } from '../../shared/systemd/unit-file';
import { extractFirstWord } from '../../shared/systemd/words';
import { UNIT_SECTION_KEYS } from '../../shared/systemd/unit-keys';

/** Marks a warning without "FILE:LINE: " that keeps the line's place (config-check's BARE). */
const BARE = '\x01';

/** How one parser reports a specifier it cannot resolve. */
interface Rule {
  /**
   * 'whole': the value; 'word': each word (unquoted); 'first': only the first word; 'id' and
   * 'id-path': the credential's name before the first ":" (and for 'id-path' the path after it).
   */
  scope: 'whole' | 'word' | 'first' | 'id' | 'id-path';
  quote: string;
  /** ", ignoring" after the value (the parser goes on without it). */
  ignoring: boolean;
  /** The unit cannot be used (the parser returns -ENOEXEC). */
  fatal?: boolean;
  /** The words around "specifiers in". */
  what?: string;
  separators?: string;
}

const rules = new Map<string, Rule>();
function add(keys: string, rule: Rule): void {
  for (const k of keys.split(' ')) rules.set(k, rule);
}

const COND_KINDS = 'FirstBoot Architecture Firmware Virtualization Host KernelCommandLine KernelVersion Credential Security Capability ACPower Memory CPUFeature CPUs Environment User Group ControlGroupController OSRelease MemoryPressure CPUPressure IOPressure';
const COND_PATHS = 'PathExists PathExistsGlob PathIsDirectory PathIsSymbolicLink PathIsMountPoint PathIsReadWrite PathIsEncrypted DirectoryNotEmpty FileNotEmpty FileIsExecutable NeedsUpdate';
const both = (kinds: string): string => kinds.split(' ').flatMap((k) => [`Condition${k}`, `Assert${k}`]).join(' ');

add(
  `Description Documentation SourcePath JobTimeoutRebootArgument RebootArgument ${both(COND_KINDS)} ` +
    'CPUAffinity EnvironmentFile IPCNamespacePath NetworkNamespacePath PAMName StandardInputText SyslogIdentifier TTYPath UtmpIdentifier ' +
    'AllowedCPUs AllowedMemoryNodes IPEgressFilterPath IPIngressFilterPath StartupAllowedCPUs StartupAllowedMemoryNodes PIDFile ' +
    'USBFunctionDescriptors USBFunctionStrings ListenStream ListenDatagram ListenSequentialPacket ListenFIFO ListenNetlink ListenSpecial ' +
    'ListenMessageQueue ListenUSBFunction FileDescriptorName SmackLabel SmackLabelIPIn SmackLabelIPOut What Where Options ExtraOptions ' +
    'OnCalendar OnActiveSec OnBootSec OnStartupSec OnUnitActiveSec OnUnitInactiveSec',
  { scope: 'whole', quote: "'", ignoring: true },
);
add('LoadCredential LoadCredentialEncrypted', { scope: 'id-path', quote: '"', ignoring: true });
add('SetCredential SetCredentialEncrypted', { scope: 'id', quote: '"', ignoring: true });
add('AppArmorProfile RootDirectory RootImage RootVerity SELinuxContext SmackProcessLabel', { scope: 'whole', quote: "'", ignoring: false, fatal: true });
add('WorkingDirectory', { scope: 'whole', quote: "'", ignoring: false, fatal: true, what: 'unit specifiers in working directory path' });
add(`${both(COND_PATHS)} LogNamespace Slice BusName Service Unit PathChanged PathModified PathExistsGlob`, { scope: 'whole', quote: '', ignoring: true });
// (PathExists= and DirectoryNotEmpty= of a path unit read the same way as the conditions)
add('PathExists DirectoryNotEmpty', { scope: 'whole', quote: '', ignoring: true });
add('User Group SocketUser SocketGroup', { scope: 'whole', quote: '', ignoring: false, fatal: true });
add('BindPaths BindReadOnlyPaths CacheDirectory ConfigurationDirectory ExtensionImages LogsDirectory MountImages RuntimeDirectory StateDirectory', { scope: 'word', quote: '"', ignoring: true });
add('RequiresMountsFor Sockets Symlinks', { scope: 'word', quote: "'", ignoring: true });
add('LogExtraFields RootImageOptions TemporaryFileSystem UnsetEnvironment', { scope: 'word', quote: '', ignoring: true });
add('Environment PassEnvironment', { scope: 'word', quote: '', ignoring: true, what: 'specifiers in' });
add('ExecPaths ExtensionDirectories InaccessibleDirectories InaccessiblePaths NoExecPaths ReadOnlyDirectories ReadOnlyPaths ReadWriteDirectories ReadWritePaths', { scope: 'word', quote: '', ignoring: false });
add('SupplementaryGroups', { scope: 'word', quote: '', ignoring: false, fatal: true });
add('ExecSearchPath', { scope: 'word', quote: "'", ignoring: true, separators: ':' });
add('DeviceAllow', { scope: 'first', quote: "'", ignoring: true });

/** The specifier letters unit files may use (unit_full_printf()); any other letter or digit fails. */
const KNOWN = new Set('aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%crR'.split(''));
/** The control-group specifiers: still known, but they resolve to nothing useful and are warned about. */
const DEPRECATED = 'crR';

/** Whether `v` has a "%" before a letter or digit that is no specifier. */
export function hasBadSpecifier(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '%') continue;
    const c = v[++i];
    if (c !== undefined && /[0-9A-Za-z]/.test(c) && !KNOWN.has(c)) return true;
  }
  return false;
}

export function specifierRule(a: UnitAssignment): Rule | undefined {
  // only where the section has the setting (an unknown key is skipped before it is parsed)
  return a.section !== 'Install' && UNIT_SECTION_KEYS.get(a.section)?.has(a.key) ? rules.get(a.key) : undefined;
}

/** A word-by-word setting: its good runs of words and, between them, the messages about bad ones. */
export type Part = { words: string } | { message: string };
const parts = new WeakMap<UnitAssignment, Part[]>();

/** How checkSettings should read a setting whose bad words were dropped, in order. */
export function partsOf(a: UnitAssignment): Part[] | undefined {
  return parts.get(a);
}

interface Piece {
  raw: string;
  word: string;
}

/** The value's words with the text each came from (quotes kept), or undefined for bad quoting. */
function pieces(v: string, separators?: string): Piece[] | undefined {
  const out: Piece[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const start: number = pos;
    const r = extractFirstWord(v, pos, { unquote: true, separators });
    if (r === null) break;
    if (r === 'error') return undefined;
    out.push({ raw: v.slice(start, r.next ?? v.length).trim(), word: r.word });
    pos = r.next;
  }
  return out;
}

/**
 * Logs the values (or words) whose specifiers cannot be resolved, as their parsers do, and
 * returns the settings without them; a fatal one is added to `fatal`.
 */
export function dropBadSpecifiers(s: UnitSettings, warnings: string[], fatal: Set<string>): UnitSettings {
  if (!s.assignments.some((a) => a.value.includes('%'))) return s;
  const out = new UnitSettings();
  out.warnings.push(...s.warnings);
  out.fatal = s.fatal;
  const deprecated = (a: UnitAssignment): void => {
    // the control-group specifiers resolve, with a warning for each
    for (const m of a.value.matchAll(/%(.)/g)) {
      if (DEPRECATED.includes(m[1]!)) warnings.push(`${a.file}:${a.line}: ${BARE}${unitOf(a.file)}: Specifier '%${m[1]}' used in unit configuration, which is deprecated. Please update your unit file, as it does not work as intended.`);
    }
  };
  for (const a of s.assignments) {
    const rule = a.value.includes('%') ? specifierRule(a) : undefined;
    if (!rule) {
      // (the commands resolve theirs in config.ts)
      if (a.key.startsWith('Exec') && a.section !== 'Install' && a.value.includes('%') && !hasBadSpecifier(a.value)) deprecated(a);
      out.assignments.push(a);
      continue;
    }
    const message = (text: string): string =>
      `${a.file}:${a.line}: Failed to resolve ${rule.what ?? 'unit specifiers in'} ${rule.quote}${text}${rule.quote}${rule.ignoring ? ', ignoring' : ''}: Invalid slot`;
    const report = (text: string): void => {
      const msg = message(text);
      warnings.push(msg);
      if (rule.fatal) fatal.add(msg);
    };
    if (!hasBadSpecifier(a.value)) {
      deprecated(a);
      out.assignments.push(a);
      continue;
    }
    if (rule.scope === 'whole') {
      if (hasBadSpecifier(a.value)) report(a.value);
      else out.assignments.push(a);
      continue;
    }
    if (rule.scope === 'id' || rule.scope === 'id-path') {
      const colon = a.value.indexOf(':');
      const id = colon < 0 ? a.value : a.value.slice(0, colon);
      const path = colon < 0 || rule.scope === 'id' ? '' : a.value.slice(colon + 1);
      // (a SetCredential= without ":" is bad syntax, which its own check reports)
      const bad = (colon >= 0 || rule.scope === 'id-path') && hasBadSpecifier(id) ? id : hasBadSpecifier(path) ? path : undefined;
      if (bad !== undefined) report(bad);
      else out.assignments.push(a);
      continue;
    }
    const ps = pieces(a.value, rule.separators);
    if (!ps) {
      out.assignments.push(a);
      continue;
    }
    // the first word of DeviceAllow= is the device: without it there is nothing to allow; a bad
    // supplementary group ends the line
    if (rule.scope === 'first' || rule.fatal) {
      const bad = ps.findIndex((p, i) => (rule.scope === 'word' || i === 0) && hasBadSpecifier(p.word));
      if (bad >= 0) report(ps[bad]!.word);
      else out.assignments.push(a);
      continue;
    }
    // the words are read one by one: the messages about the bad ones come between the others'
    const seq: Part[] = [];
    let run: string[] = [];
    const sep = rule.separators ?? ' ';
    for (const p of ps) {
      if (!hasBadSpecifier(p.word)) {
        run.push(p.raw);
        continue;
      }
      if (run.length) seq.push({ words: run.join(sep) });
      run = [];
      seq.push({ message: message(p.word) });
    }
    if (run.length) seq.push({ words: run.join(sep) });
    const kept = seq.flatMap((x) => ('words' in x ? [x.words] : []));
    if (kept.length === 0) {
      // nothing left to set (an empty value would be a reset)
      for (const x of seq) if ('message' in x) warnings.push(x.message);
      continue;
    }
    const b: UnitAssignment = { ...a, value: kept.join(sep) };
    parts.set(b, seq);
    out.assignments.push(b);
  }
  return out;
}

function unitOf(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/** The value a check sees: the specifiers filled in (the system's facts as a checker can know them). */
export function resolveSpecifiers(v: string, unit: string, file: string): string {
  if (!v.includes('%')) return v;
  const dot = unit.lastIndexOf('.');
  const base = dot < 0 ? unit : unit.slice(0, dot);
  const at = base.indexOf('@');
  const prefix = at < 0 ? base : base.slice(0, at);
  const instance = at < 0 ? '' : base.slice(at + 1);
  const dir = file.slice(0, Math.max(file.lastIndexOf('/'), 1));
  const table: Record<string, string> = {
    n: unit, N: base, p: prefix, P: prefix, i: instance, I: instance, j: prefix.slice(prefix.lastIndexOf('-') + 1), J: prefix.slice(prefix.lastIndexOf('-') + 1),
    f: `/${instance || prefix}`, t: '/run', S: '/var/lib', C: '/var/cache', L: '/var/log', E: '/etc', T: '/tmp', V: '/var/tmp', h: '/root', s: '/bin/sh',
    u: 'root', U: '0', g: 'root', G: '0', y: file, Y: dir, d: `/run/credentials/${unit}`, a: 'x86-64', o: 'photon', w: '5.0', '%': '%',
    c: `/${unit}`, r: '', R: '',
  };
  // (a letter that is no specifier stays: it is only there in words a check reads as they are)
  return v.replace(/%(.)/g, (m, c: string) => table[c] ?? m);
}
