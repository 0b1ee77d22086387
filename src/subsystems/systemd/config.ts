// A unit's settings turned into what the manager acts on: dependencies, conditions, and the
// [Service], [Socket] and [Timer] settings it implements (systemd.unit(5), systemd.service(5)).
import { pathProblem, pathSimplify } from './check-base';
import { parseBoolean, type UnitAssignment, type UnitSettings } from '../../shared/systemd/unit-file';
import { extractFirstWord, extractWords } from '../../shared/systemd/words';
import { unitNameFromPath, unitNameIsValid } from '../../shared/systemd/unit-name';
import { parseExitStatus } from '../../shared/systemd/exit-status';
import { parseTimespan, USEC_INFINITY } from '../../shared/systemd/time-span';
import { parseSignal } from '../../shared/signals';
import { UTC_ZONE } from '../../shared/systemd/civil';

/**
 * The settings the manager knows, by section (shared/systemd/unit-keys.ts): a table of its own
 * chunk, loaded by loadUnitKeys() before the manager's boot (after the first prompt) and by the
 * programs that read unit files themselves. Until then no "Unknown key" warning is given.
 */
let unitKeys: ReadonlyMap<string, ReadonlySet<string>> | undefined;
/** The value checks of config-check.ts: loaded with the table (none are made before). */
let checkSettings: typeof import('./config-check').checkSettings | undefined;
/** Drops (and logs) the values whose %-specifiers cannot be resolved. */
let dropBadSpecifiers: typeof import('./config-check').dropBadSpecifiers | undefined;
/** More of config-check.ts: refusing a socket or path unit with nothing to watch. */
let triggerRefusal: typeof import('./config-check').triggerRefusal | undefined;
/** systemd's reading of signal names (until loaded, a looser one). */
let strictSignal: typeof import('./config-check').signalFromString | undefined;
/** Calendar specifications (OnCalendar=): loaded with the table, before the manager's boot. */
let calendar: typeof import('../../shared/systemd/calendar') | undefined;
let unitKeysLoading: Promise<void> | undefined;
export function loadUnitKeys(): Promise<void> {
  // a chunk that cannot be fetched (offline, an old build's file gone) costs only the warnings
  return (unitKeysLoading ??= Promise.all([import('../../shared/systemd/unit-keys'), import('./config-check'), import('../../shared/systemd/calendar')]).then(
    ([m, c, cal]) => {
      unitKeys = m.UNIT_SECTION_KEYS;
      checkSettings = c.checkSettings;
      dropBadSpecifiers = c.dropBadSpecifiers;
      triggerRefusal = c.triggerRefusal;
      strictSignal = c.signalFromString;
      calendar = cal;
    },
    () => {},
  ));
}

/** The calendar module once loadUnitKeys() has run (timers are armed after the manager's boot). */
export function loadedCalendar(): typeof import('../../shared/systemd/calendar') | undefined {
  return calendar;
}

export type NotifyAccess = 'none' | 'main' | 'exec' | 'all';
export type ServiceType = 'simple' | 'exec' | 'forking' | 'oneshot' | 'notify' | 'dbus' | 'idle';
export type RestartPolicy = 'no' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-watchdog' | 'on-abort' | 'always';

export interface ExecCommand {
  /** The line as written (for status: "ExecStartPre=/usr/sbin/sshd -t"). */
  text: string;
  path: string;
  argv: string[];
  /** '-' prefix: a failure is ignored. */
  ignoreFailure: boolean;
  /** '+' or '!' prefix: runs with full privileges. */
  privileged: boolean;
}

export interface Condition {
  name: string;
  value: string;
  negate: boolean;
  trigger: boolean;
  assert: boolean;
}

export interface ServiceConfig {
  type: ServiceType;
  execCondition: ExecCommand[];
  execStartPre: ExecCommand[];
  execStart: ExecCommand[];
  execStartPost: ExecCommand[];
  execReload: ExecCommand[];
  execStop: ExecCommand[];
  execStopPost: ExecCommand[];
  restart: RestartPolicy;
  restartMs: number;
  remainAfterExit: boolean;
  /** Whose sd_notify() messages are heard (NotifyAccess=; main for Type=notify unless set). */
  notifyAccess: NotifyAccess;
  user?: string;
  group?: string;
  environment: [string, string][];
  environmentFiles: { path: string; optional: boolean }[];
  workingDirectory?: string;
  pidFile?: string;
  killSignal: number;
  /** how long a start may wait for READY=1, and a stop for the processes to end (Infinity: no limit) */
  timeoutStartMs: number;
  timeoutStopMs: number;
  successExitStatus: number[];
  startLimitBurst: number;
  startLimitIntervalMs: number;
  toJournal: boolean;
  /** Resource settings as `systemctl show` reports them (set-property drop-ins included). */
  resources: ServiceResources;
}

export interface ServiceResources {
  nice: number;
  /** Bytes, or undefined for no limit (percentages of RAM are not modelled). */
  memoryMax?: bigint;
  /** CPUQuota= as microseconds of CPU time per second. */
  cpuQuotaPerSecUs?: number;
  tasksMax?: bigint;
}

export interface UnitConfig {
  description?: string;
  documentation: string[];
  requires: string[];
  requisite: string[];
  wants: string[];
  bindsTo: string[];
  partOf: string[];
  conflicts: string[];
  after: string[];
  before: string[];
  onFailure: string[];
  conditions: Condition[];
  defaultDependencies: boolean;
  refuseManualStart: boolean;
  refuseManualStop: boolean;
  service?: ServiceConfig;
  /** listen[i] is a path or address, listenTypes[i] how systemctl names its kind (Stream, Datagram, ...). */
  socket?: { listen: string[]; listenTypes: string[]; service?: string; mode: number; user: string; group: string; exec: ExecCommand[][] };
  timer?: { onCalendar: string[]; onBootMs?: number; onActiveMs?: number; onUnitActiveMs?: number; persistent: boolean; unit?: string };
  /** Problems found while reading it, logged as systemd logs them. */
  warnings: string[];
  /** A setting that makes the unit unusable (`bad-setting`). */
  badSetting?: string;
  /** The error a unit file's parse ended in (the unit did not load), e.g. "Invalid argument". */
  loadError?: string;
  /** What loading a usable unit logs about it after its settings ("UNIT: notice"), as service_verify() does. */
  notices?: string[];
}


/** A systemd time span ("100ms", "5s", "1min 30s", bare seconds, "infinity") in milliseconds. */
export function spanMs(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const usec = parseTimespan(text.trim());
  if (typeof usec === 'string') return fallback;
  return usec === USEC_INFINITY ? Number.POSITIVE_INFINITY : Number(usec) / 1000;
}

/** What parsing an Exec*= line gave: a command, nothing (ignored, warned), or a fatal error. */
type ExecParse = ExecCommand | undefined | { fatal: string };

/**
 * An Exec line's commands: a word ";" on its own separates them (";" inside a word, quoted or
 * escaped, does not); each comes with the line from its start, as messages show it.
 */
function execCommands(v: string): [string, string][] {
  const out: [string, string][] = [];
  let start = 0;
  for (let pos: number | undefined = 0; pos !== undefined; ) {
    const at: number = pos;
    const r = extractFirstWord(v, pos, { unquote: true, cunescape: true, relax: true, onUnknownEscape: () => {} });
    if (r === null || r === 'error') break;
    pos = r.next;
    if (v.slice(at, pos ?? v.length).trim() !== ';') continue;
    out.push([v.slice(start, at), v.slice(start)]);
    start = pos ?? v.length;
  }
  out.push([v.slice(start), v.slice(start)]);
  // an empty command (";" first, or twice) is none
  return out.filter(([c]) => c.trim() !== '');
}

function parseExec(a: UnitAssignment, key: string, warnings: string[], rest = a.value): ExecParse {
  const line = a.value;
  let s = line.trim();
  let ignoreFailure = false;
  let privileged = false;
  // prefixes may combine, each once: "-", "@", ":", and one of "+", "!" or "!!"; anything
  // else (a second "-", "+!" ...) is where the path begins
  const seen = new Set<string>();
  for (;;) {
    const c = s[0];
    const priv = seen.has('+') || seen.has('!') || seen.has('!!');
    if ((c === '-' || c === '@' || c === ':') && !seen.has(c)) seen.add(c);
    else if ((c === '+' || c === '!') && !priv) seen.add(c);
    else if (c === '!' && seen.has('!') && !seen.has('+') && !seen.has('!!')) seen.add('!!');
    else break;
    s = s.slice(1);
  }
  ignoreFailure = seen.has('-');
  privileged = seen.has('+') || seen.has('!') || seen.has('!!');
  const ign = ignoreFailure ? ', ignoring' : '';
  const fail = (m: string): ExecParse => {
    warnings.push(`${where(a)}${m}`);
    return ignoreFailure ? undefined : { fatal: `${where(a)}${m}` };
  };
  // the prefixes belong to the first word: nothing after them is an empty path
  if (seen.size && /^(\s|$)/.test(s)) return fail(`Empty path in command line${ign}: '${rest.trim()}'`);
  // an escape C does not know is kept as written, with a warning about its word
  const odd: string[] = [];
  let oddWord = false;
  const flags = { unquote: true, cunescape: true, onUnknownEscape: () => (oddWord = true) };
  const words: string[] | undefined = [];
  for (let pos: number | undefined = 0; pos !== undefined; ) {
    oddWord = false;
    const r = extractFirstWord(s, pos, flags);
    if (r === null) break;
    if (r === 'error') {
      words.length = 0;
      break;
    }
    // a word "\;" on its own is a semicolon that separates nothing
    const lone = s.slice(pos, r.next ?? s.length).trim() === '\\;';
    if (oddWord && !lone) odd.push(r.word);
    words.push(lone ? ';' : r.word);
    pos = r.next;
  }
  if (words.length === 0 && extractWords(s, flags) === undefined) {
    // extract_first_word_and_warn(): a bad first word is skipped; bad arguments are fatal
    // unless the line starts with "-"
    const message = `${where(a)}Unbalanced quoting, ignoring: "${line}"`;
    warnings.push(message);
    if (ignoreFailure || extractFirstWord(s, 0, flags) === 'error') return undefined;
    return { fatal: message };
  }
  if (words.length === 0) {
    warnings.push(`${where(a)}Invalid ${key}= specification, ignoring: ${line}`);
    return undefined;
  }
  // (the first word is told as written, its prefixes too)
  const prefixes = line.trim().slice(0, line.trim().length - s.length);
  for (const w of odd) warnings.push(`${where(a)}Ignoring unknown escape sequences: "${w === words[0] ? prefixes + w : w}"`);
  const path = words[0]!;
  // string_is_safe(): no quotes, backslashes or control characters in the executable's name
  if (/["'\\\x00-\x1f\x7f]/.test(path)) return fail(`Executable name contains special characters${ign}: ${path}`);
  // the command's words have their specifiers resolved one by one; an unknown one is fatal
  // unless the line starts with "-"
  const bad = words.findIndex((w) => badSpecifier(w));
  if (bad >= 0) {
    const shown = bad === 0 ? `'${words[0]}'` : words[bad]!;
    const message = `${where(a)}Failed to resolve unit specifiers in ${shown}${ignoreFailure ? ', ignoring' : ''}: Invalid slot`;
    warnings.push(message);
    return ignoreFailure ? undefined : { fatal: message };
  }
  if (!path.startsWith('/')) {
    // config_parse_exec(): a bare file name is looked up in systemd 253's fixed search path; a
    // relative path with a slash is an error, fatal unless the line starts with "-"
    if (path.includes('/') || path === '' || path === '.' || path === '..') {
      if (ignoreFailure) {
        warnings.push(`${where(a)}Neither a valid executable name nor an absolute path, ignoring: ${path}`);
        return undefined;
      }
      const message = `${where(a)}Neither a valid executable name nor an absolute path: ${path}`;
      warnings.push(message);
      return { fatal: message };
    }
  }
  // "@" takes the zeroeth argument from the next word
  if (seen.has('@') && words.length < 2) return fail(`Empty executable name or zeroeth argument${ign}: ${line.trim()}`);
  return { text: line.trim(), path: path.startsWith('/') ? path : `/usr/bin/${path}`, argv: words, ignoreFailure, privileged };
}

/** "FILE:LINE: ", as log_syntax() starts a message about a line. */
function where(a: UnitAssignment): string {
  return a.file ? `${a.file}:${a.line}: ` : '';
}

/**
 * A single-valued setting parsed line by line as systemd does: a value `parse` rejects is
 * logged (`what`: the parser's words, e.g. "Failed to parse boolean value") and leaves the
 * earlier value in place. Returns the last value accepted.
 */
function setting<T>(s: UnitSettings, section: string, key: string, warnings: string[], what: string, parse: (v: string) => T | undefined): T | undefined {
  let out: T | undefined;
  for (const a of s.assignments) {
    if (a.section !== section || a.key !== key) continue;
    const v = parse(a.value);
    if (v === undefined) warnings.push(`${where(a)}${what}, ignoring: ${a.value}`);
    else out = v;
  }
  return out;
}

const bool = (v: string): boolean | undefined => parseBoolean(v);
const unsigned = (v: string): number | undefined => (/^\s*\d+$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : undefined);
/** config_parse_sec(): a time span in milliseconds ("infinity" is Infinity). */
const sec = (v: string): number | undefined => {
  const usec = parseTimespan(v.trim());
  if (typeof usec === 'string') return undefined;
  return usec === USEC_INFINITY ? Number.POSITIVE_INFINITY : Number(usec) / 1000;
};
const RESTART = ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'];
const TYPES = ['simple', 'exec', 'forking', 'oneshot', 'notify', 'dbus', 'idle', 'notify-reload'];

/** The specifier letters unit files may use (unit_full_printf); another letter is an error. */
const UNIT_SPECIFIERS = new Set('aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%crR'.split(''));

/** A "%x" with a letter or digit that is no specifier (EBADSLT), if any. */
function badSpecifier(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    if (v[i] !== '%') continue;
    const c = v[++i];
    if (c !== undefined && /[0-9A-Za-z]/.test(c) && !UNIT_SPECIFIERS.has(c)) return true;
  }
  return false;
}

/**
 * config_parse_unit_deps(): words (quotes kept as they are) naming units; a word that is no
 * unit name is logged and skipped, an empty value clears nothing here.
 */
/**
 * unit_name_printf() on a dependency word: the unit's own name parts (%n %N %p %i %j) and "%%"
 * are filled in; the system and credential ones (%H %m %u ...) are left as they are (their
 * values are not needed to tell a bad name); any other letter or digit is no specifier here.
 */
function depSpecifiers(word: string, name: string): { word: string; unresolved: boolean } | 'EBADSLT' {
  if (!word.includes('%')) return { word, unresolved: false };
  const dot = name.lastIndexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  const at = base.indexOf('@');
  const prefix = at < 0 ? base : base.slice(0, at);
  const table: Record<string, string> = { n: name, N: base, p: prefix, i: at < 0 ? '' : base.slice(at + 1), j: prefix.slice(prefix.lastIndexOf('-') + 1), '%': '%' };
  let out = '';
  let unresolved = false;
  for (let k = 0; k < word.length; k++) {
    const c = word[k]!;
    if (c !== '%' || k + 1 >= word.length) {
      out += c;
      continue;
    }
    const f = word[++k]!;
    if (table[f] !== undefined && name !== '') out += table[f];
    else if ('aAbBHlqmMovwWgGuU'.includes(f) || (name === '' && 'nNpij%'.includes(f))) {
      out += `%${f}`;
      unresolved = true;
    } else if (/[0-9A-Za-z]/.test(f)) return 'EBADSLT';
    else out += `%${f}`;
  }
  return { word: out, unresolved };
}

function units(s: UnitSettings, key: string, warnings?: string[], name = ''): string[] {
  const out: string[] = [];
  for (const a of s.assignments) {
    if (a.section !== 'Unit' || a.key !== key) continue;
    let pos: number | undefined = 0;
    while (pos !== undefined) {
      const r = extractFirstWord(a.value, pos, { retainEscape: true });
      if (r === null) break;
      if (r === 'error') {
        warnings?.push(`${where(a)}Invalid syntax, ignoring: ${a.value}`);
        break;
      }
      pos = r.next;
      const d = depSpecifiers(r.word, name);
      if (d === 'EBADSLT') warnings?.push(`${where(a)}Failed to resolve unit specifiers in '${r.word}', ignoring: Invalid slot`);
      else if (!d.unresolved && !unitNameIsValid(d.word)) warnings?.push(`${where(a)}Failed to add dependency on ${d.word}, ignoring: Invalid argument`);
      else out.push(d.word);
    }
  }
  return out;
}

const TIMER_VALUE_KEYS = new Set(['OnCalendar', 'OnActiveSec', 'OnBootSec', 'OnStartupSec', 'OnUnitActiveSec', 'OnUnitInactiveSec']);

export function unitConfig(settings: UnitSettings, type: string, name = ''): UnitConfig {
  let s = settings;
  const warnings = s.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
  // config_item_perf_lookup(): a setting the manager does not know is skipped with a warning
  for (const a of s.assignments) {
    const known = unitKeys?.get(a.section);
    if (known && !known.has(a.key) && !a.key.startsWith('X-')) warnings.push(`${where(a)}Unknown key '${a.key}' in section [${a.section}], ignoring.`);
  }
  // the lines that make the unit unusable: parsing stops at the first of them
  const fatal = new Set<string>();
  s = dropBadSpecifiers?.(s, warnings, fatal) ?? s;
  const loadErrors = new Map<string, string>();
  checkSettings?.(s, name, warnings, fatal, loadErrors);
  const conditions: Condition[] = [];
  for (const a of s.assignments) {
    if (a.section !== 'Unit') continue;
    const m = /^(Condition|Assert)(\w+)$/.exec(a.key);
    if (!m) continue;
    let v = a.value;
    let trigger = false;
    let negate = false;
    if (v.startsWith('|')) {
      trigger = true;
      v = v.slice(1);
    }
    if (v.startsWith('!')) {
      negate = true;
      v = v.slice(1);
    }
    conditions.push({ name: m[2]!, value: v, negate, trigger, assert: m[1] === 'Assert' });
  }
  // RequiresOverridable=/RequisiteOverridable= are read as Requires=/Requisite=, with a notice
  for (const a of s.assignments) {
    const obsolete = a.section === 'Unit' && /^(Requires|Requisite)Overridable$/.exec(a.key);
    if (obsolete) warnings.push(`${where(a)}Unit dependency type ${a.key}= is obsolete, replacing by ${obsolete[1]}=, please update your unit file`);
  }
  const cfg: UnitConfig = {
    description: s.get('Unit', 'Description'),
    documentation: s.list('Unit', 'Documentation'),
    requires: [...units(s, 'Requires', warnings, name), ...units(s, 'RequiresOverridable', warnings, name)],
    requisite: [...units(s, 'Requisite', warnings, name), ...units(s, 'RequisiteOverridable', warnings, name)],
    wants: units(s, 'Wants', warnings, name),
    bindsTo: [...units(s, 'BindsTo', warnings, name), ...units(s, 'BindTo', warnings, name)],
    partOf: units(s, 'PartOf', warnings, name),
    conflicts: units(s, 'Conflicts', warnings, name),
    after: units(s, 'After', warnings, name),
    before: units(s, 'Before', warnings, name),
    onFailure: units(s, 'OnFailure', warnings, name),
    conditions,
    defaultDependencies: setting(s, 'Unit', 'DefaultDependencies', warnings, 'Failed to parse boolean value', bool) ?? true,
    refuseManualStart: setting(s, 'Unit', 'RefuseManualStart', warnings, 'Failed to parse boolean value', bool) ?? false,
    refuseManualStop: setting(s, 'Unit', 'RefuseManualStop', warnings, 'Failed to parse boolean value', bool) ?? false,
    warnings,
  };
  // the dependency settings the manager does not act on here are still checked
  for (const k of ['Upholds', 'OnSuccess', 'PropagatesReloadTo', 'PropagateReloadTo', 'ReloadPropagatedFrom', 'PropagateReloadFrom', 'PropagatesStopTo', 'StopPropagatedFrom', 'JoinsNamespaceOf']) units(s, k, warnings, name);
  if (fatal.size) cfg.badSetting = 'Unit configuration has fatal error, unit will not be started.';
  if (type === 'service') cfg.service = serviceConfig(s, cfg, fatal);
  if (type === 'socket') {
    const mode = s.get('Socket', 'SocketMode');
    cfg.socket = {
      ...socketListen(s),
      service: [...s.values('Socket', 'Service')].reverse().find((v) => unitNameIsValid(v) && v.endsWith('.service')),
      mode: mode && /^[0-7]{1,4}$/.test(mode) ? parseInt(mode, 8) : 0o666, user: s.get('Socket', 'SocketUser') || 'root', group: s.get('Socket', 'SocketGroup') || 'root',
      // its commands, in socket_exec_command order (not run here, but checked)
      exec: ['ExecStartPre', 'ExecStartPost', 'ExecStopPre', 'ExecStopPost'].map((k) => execList(s, 'Socket', k, cfg, fatal)),
    };
  }
  const refusal = triggerRefusal?.(s, type);
  if (refusal) cfg.badSetting ??= refusal;
  const named = { mount: ['Mount', 'Where'], automount: ['Automount', 'Where'], swap: ['Swap', 'What'] }[type];
  if (named && name !== '') {
    // mount_verify(), automount_verify(), swap_verify(): the unit's name is its path, escaped;
    // an empty value resets it; one that is no absolute, normalised path is ignored
    const [section, key] = named as [string, string];
    let path: string | undefined;
    for (const v of s.values(section, key)) if (v === '' || pathProblem(v, key) === undefined) path = v === '' ? undefined : pathSimplify(v);
    if (path && unitNameFromPath(path, `.${type}`) !== name) cfg.badSetting ??= type === 'swap' ? 'Value of What= and unit name do not match, not loading.' : "Where= setting doesn't match unit name. Refusing.";
    if (type === 'mount' && !s.values('Mount', 'What').at(-1)) cfg.badSetting ??= 'What= setting is missing. Refusing.';
  }
  if (type === 'timer') {
    // config_parse_timer(): each value that is not a time span (or calendar spec) is logged and
    // skipped; an empty value of any of them drops every value given so far
    const onCalendar: string[] = [];
    const mono = new Map<string, number>();
    for (const a of s.assignments) {
      if (a.section !== 'Timer' || !TIMER_VALUE_KEYS.has(a.key)) continue;
      if (a.value === '') {
        onCalendar.length = 0;
        mono.clear();
      } else if (a.key === 'OnCalendar') {
        if (calendar?.parseCalendarSpec(a.value, UTC_ZONE)) onCalendar.push(a.value);
        else warnings.push(`${where(a)}Failed to parse calendar specification, ignoring: ${a.value}`);
      } else {
        const v = sec(a.value);
        if (v === undefined) warnings.push(`${where(a)}Failed to parse timer value, ignoring: ${a.value}`);
        else mono.set(a.key, v);
      }
    }
    // the first usable Unit= counts (config_parse_trigger_unit refuses the later ones)
    const unit = s.values('Timer', 'Unit').find((v) => v !== '' && unitNameIsValid(v) && v !== name);
    cfg.timer = {
      onCalendar,
      onBootMs: mono.get('OnBootSec') ?? mono.get('OnStartupSec'),
      onActiveMs: mono.get('OnActiveSec'),
      onUnitActiveMs: mono.get('OnUnitActiveSec'),
      persistent: setting(s, 'Timer', 'Persistent', warnings, 'Failed to parse boolean value', bool) ?? false,
      unit,
    };
    // OnClockChange= and OnTimezoneChange= are triggers too (timer_verify)
    const scratch: string[] = [];
    const onChange = ['OnClockChange', 'OnTimezoneChange'].some((k) => setting(s, 'Timer', k, scratch, '', bool) === true);
    if (!onCalendar.length && mono.size === 0 && !onChange) cfg.badSetting = 'Timer unit lacks value setting. Refusing.';
  }
  cfg.warnings = inLineOrder(settings, cfg.warnings);
  const stop = cfg.warnings.findIndex((w) => fatal.has(w));
  if (stop >= 0) cfg.warnings.length = stop + 1;
  // a parser that fails the file ends the load in its error, before the unit is checked
  const loadError = stop >= 0 ? loadErrors.get(cfg.warnings[stop]!) : undefined;
  if (loadError) {
    cfg.loadError = loadError;
    cfg.badSetting = undefined;
    cfg.notices = undefined;
  }
  cfg.warnings = unmarked(cfg.warnings);
  return cfg;
}

/** Warnings in the order systemd logs them: file by file, line by line, as it parses. */
function inLineOrder(s: UnitSettings, warnings: string[]): string[] {
  const files = [...new Set([...s.assignments.map((a) => a.file), ...s.warnings.map((w) => w.file)])].filter(Boolean);
  const key = (w: string): [number, number] => {
    const i = files.findIndex((f) => w.startsWith(`${f}:`));
    if (i < 0) return [files.length, 0];
    return [i, Number(/^(\d+):/.exec(w.slice(files[i]!.length + 1))?.[1] ?? 0)];
  };
  return warnings.map((w, n) => ({ w, n, k: key(w) })).sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n).map((x) => x.w);
}

/** The warnings as logged: those marked bare (see config-check) lose their "FILE:LINE: ". */
function unmarked(warnings: string[]): string[] {
  return warnings.map((w) => (w.includes('\x01') ? w.slice(w.indexOf('\x01') + 1) : w));
}

/** service_verify()'s warnings about settings that are ignored for want of another. */
function serviceNotices(s: UnitSettings, type: ServiceType): string[] {
  const out: string[] = [];
  // the last usable path of each (an empty value resets it, a bad one is skipped)
  const usable = (key: string): boolean => {
    const last = s.values('Service', key).filter((v) => v === '' || pathProblem(v, key) === undefined).at(-1);
    return last !== undefined && last !== '';
  };
  const descriptors = usable('USBFunctionDescriptors');
  const strings = usable('USBFunctionStrings');
  if (descriptors && !strings) out.push('Service has USBFunctionDescriptors= setting, but no USBFunctionStrings=. Ignoring.');
  if (!descriptors && strings) out.push('Service has USBFunctionStrings= setting, but no USBFunctionDescriptors=. Ignoring.');
  const lastSpan = (key: string): number | undefined => s.values('Service', key).map(sec).filter((v) => v !== undefined).at(-1);
  const runtimeMax = lastSpan('RuntimeMaxSec') ?? Number.POSITIVE_INFINITY;
  if (runtimeMax !== Number.POSITIVE_INFINITY && type === 'oneshot') out.push('RuntimeMaxSec= has no effect in combination with Type=oneshot. Ignoring.');
  if (runtimeMax === Number.POSITIVE_INFINITY && (lastSpan('RuntimeRandomizedExtraSec') ?? 0) !== 0) out.push('Service has RuntimeRandomizedExtraSec= setting, but no RuntimeMaxSec=. Ignoring.');
  return out;
}

/** Why systemd refuses to load a service for its commands (service_verify() in src/core/service.c), if it does. */
function serviceRefusal(type: ServiceType, starts: number, stop: boolean, remainAfterExit: boolean, successAction: boolean): string | undefined {
  if (starts === 0 && !stop && !successAction) return 'Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.';
  if (type !== 'oneshot' && starts === 0) return 'Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.';
  if (!remainAfterExit && starts === 0 && !successAction) return 'Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. Refusing.';
  if (type !== 'oneshot' && starts > 1) return 'Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.';
  return undefined;
}

/** An Exec*= list of a section: an empty value drops the commands before it. */
function execList(s: UnitSettings, section: string, key: string, cfg: UnitConfig, fatal: Set<string>): ExecCommand[] {
  let out: ExecCommand[] = [];
  for (const a of s.assignments) {
    if (a.section !== section || a.key !== key) continue;
    if (a.value === '') {
      out = [];
      continue;
    }
    for (const [text, rest] of execCommands(a.value)) {
      const c = parseExec({ ...a, value: text }, key, cfg.warnings, rest);
      // a fatal line makes the whole unit unusable ("bad-setting"); after a command that is
      // ignored or fatal the rest of the line is not read
      if (c && 'fatal' in c) {
        cfg.badSetting ??= 'Unit configuration has fatal error, unit will not be started.';
        fatal.add(c.fatal);
      }
      if (!c || 'fatal' in c) break;
      out.push(c);
    }
  }
  return out;
}

function serviceConfig(s: UnitSettings, cfg: UnitConfig, fatal: Set<string>): ServiceConfig {
  const w = cfg.warnings;
  const exec = (key: string): ExecCommand[] => execList(s, 'Service', key, cfg, fatal);
  const execStart = exec('ExecStart');
  const typeText = setting(s, 'Service', 'Type', w, 'Failed to parse service type', (v) => (TYPES.includes(v) ? v : undefined));
  let type: ServiceType = execStart.length === 0 ? 'oneshot' : 'simple';
  if (typeText !== undefined) type = (typeText === 'notify-reload' ? 'notify' : typeText) as ServiceType;
  const environment: [string, string][] = [];
  for (const a of s.assignments) {
    if (a.section !== 'Service' || a.key !== 'Environment') continue;
    if (a.value === '') {
      environment.length = 0;
      continue;
    }
    // (config-check logs the words that are no assignment)
    for (const word of extractWords(a.value, { unquote: true, cunescape: true }) ?? []) {
      const eq = word.indexOf('=');
      // env_assignment_is_valid(): the name is letters, digits and "_", not starting with a digit
      if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word.slice(0, eq))) environment.push([word.slice(0, eq), word.slice(eq + 1)]);
    }
  }
  const restart = setting(s, 'Service', 'Restart', w, 'Failed to parse service restart specifier', (v) => (RESTART.includes(v) ? (v as RestartPolicy) : undefined)) ?? 'no';
  const killSignal = setting(s, 'Service', 'KillSignal', w, 'Failed to parse signal name', (v) => {
    if (strictSignal) return strictSignal(v);
    const n = parseSignal(v);
    return n !== undefined && n > 0 ? n : undefined;
  });
  const execSettings = {
    execCondition: exec('ExecCondition'),
    execStartPre: exec('ExecStartPre'),
    execStart,
    execStartPost: exec('ExecStartPost'),
    execReload: exec('ExecReload'),
    execStop: exec('ExecStop'),
    execStopPost: exec('ExecStopPost'),
  };
  const remainAfterExit = setting(s, 'Service', 'RemainAfterExit', w, 'Failed to parse boolean value', bool) ?? false;
  // config_parse_service_timeout() and config_parse_sec_fix_0(): TimeoutSec= sets both, later
  // lines win, and 0 means no limit (DefaultTimeoutStartSec= and DefaultTimeoutStopSec= are 90s)
  for (const k of ['TimeoutSec', 'TimeoutStartSec']) setting(s, 'Service', k, w, `Failed to parse ${k}= parameter`, sec);
  setting(s, 'Service', 'TimeoutStopSec', w, 'Failed to parse time value', sec);
  // (service_add_extras(): a oneshot's start has no limit unless one is set)
  let timeoutStartMs = type === 'oneshot' ? Number.POSITIVE_INFINITY : 90_000;
  let timeoutStopMs = 90_000;
  for (const a of s.assignments) {
    if (a.section !== 'Service' || !['TimeoutSec', 'TimeoutStartSec', 'TimeoutStopSec'].includes(a.key)) continue;
    const ms = sec(a.value);
    if (ms === undefined) continue;
    const limit = ms === 0 ? Number.POSITIVE_INFINITY : ms;
    if (a.key !== 'TimeoutStopSec') timeoutStartMs = limit;
    if (a.key !== 'TimeoutStartSec') timeoutStopMs = limit;
  }
  const refusal = cfg.badSetting ? undefined : serviceRefusal(type, execSettings.execStart.length, execSettings.execStop.length > 0, remainAfterExit, !['', 'none'].includes(s.get('Unit', 'SuccessAction') ?? ''));
  if (refusal) cfg.badSetting = refusal;
  else if (!cfg.badSetting) cfg.notices = serviceNotices(s, type);
  return {
    type,
    ...execSettings,
    restart,
    restartMs: setting(s, 'Service', 'RestartSec', w, 'Failed to parse sec value', sec) ?? 100,
    remainAfterExit,
    // service_add_extras(): a notify service hears at least its main process
    notifyAccess: ((v) => (v === 'main' || v === 'exec' || v === 'all' ? v : type === 'notify' ? 'main' : 'none'))(s.get('Service', 'NotifyAccess')),
    user: s.get('Service', 'User') || undefined,
    group: s.get('Service', 'Group') || undefined,
    environment,
    environmentFiles: s.values('Service', 'EnvironmentFile').filter((v) => v !== '').map((v) => (v.startsWith('-') ? { path: v.slice(1), optional: true } : { path: v, optional: false })),
    workingDirectory: s.get('Service', 'WorkingDirectory') || undefined,
    pidFile: ((v) => (v ? (v.startsWith('/') ? v : `/run/${v}`) : undefined))(s.get('Service', 'PIDFile')),
    killSignal: killSignal ?? 15,
    timeoutStartMs,
    timeoutStopMs,
    successExitStatus: s.list('Service', 'SuccessExitStatus').map(parseExitStatus).filter((n): n is number => n !== undefined),
    // a burst of 0 turns the start limit off (ratelimit_below)
    startLimitBurst: ((b) => (b === 0 ? Number.POSITIVE_INFINITY : b))(setting(s, 'Unit', 'StartLimitBurst', w, 'Failed to parse unsigned value', unsigned) ?? setting(s, 'Service', 'StartLimitBurst', w, 'Failed to parse unsigned value', unsigned) ?? 5),
    startLimitIntervalMs: setting(s, 'Unit', 'StartLimitIntervalSec', w, 'Failed to parse sec value', sec) ?? spanMs(s.get('Service', 'StartLimitInterval'), 10000),
    toJournal: !/^(null|tty|inherit)/.test(s.get('Service', 'StandardOutput') ?? 'journal'),
    resources: serviceResources(s),
  };
}

const LISTEN_KINDS: Record<string, string> = { ListenStream: 'Stream', ListenDatagram: 'Datagram', ListenSequentialPacket: 'SequentialPacket', ListenFIFO: 'FIFO', ListenSpecial: 'Special', ListenMessageQueue: 'MessageQueue', ListenNetlink: 'Netlink', ListenUSBFunction: 'USBFunction' };

/**
 * The socket's listen entries in file order (an empty assignment drops all before it); paths
 * below the legacy /var/run/ are moved to /run/ (patch_var_run).
 */
function socketListen(s: UnitSettings): { listen: string[]; listenTypes: string[] } {
  let listen: string[] = [];
  let listenTypes: string[] = [];
  for (const a of s.assignments) {
    const kind = a.section === 'Socket' ? LISTEN_KINDS[a.key] : undefined;
    if (!kind) continue;
    if (a.value === '') {
      listen = [];
      listenTypes = [];
      continue;
    }
    // a bare port listens on every address, printed the IPv6 way (socket_address_print)
    const v = /^\d+$/.test(a.value) && kind !== 'FIFO' && kind !== 'Special' ? `[::]:${a.value}` : a.value;
    listen.push(v.startsWith('/var/run/') ? `/run/${v.slice('/var/run/'.length)}` : v);
    listenTypes.push(kind);
  }
  return { listen, listenTypes };
}

/** The last usable Nice=, MemoryMax=, CPUQuota= and TasksMax= (an empty value resets one). */
function serviceResources(s: UnitSettings): ServiceResources {
  const r: ServiceResources = { nice: 0 };
  const units: Record<string, bigint> = { '': 1n, B: 1n, K: 1024n, M: 1024n ** 2n, G: 1024n ** 3n, T: 1024n ** 4n, P: 1024n ** 5n, E: 1024n ** 6n };
  for (const a of s.assignments) {
    if (a.section !== 'Service') continue;
    const v = a.value.trim();
    if (a.key === 'Nice') {
      if (v === '') r.nice = 0;
      else if (/^[+-]?\d+$/.test(v) && Number(v) >= -20 && Number(v) <= 19) r.nice = Number(v);
    } else if (a.key === 'MemoryMax') {
      const m = /^(\d+)([BKMGTPE]?)$/.exec(v);
      if (v === '' || v === 'infinity') r.memoryMax = undefined;
      else if (m && BigInt(m[1]!) > 0n) r.memoryMax = BigInt(m[1]!) * units[m[2]!]!;
    } else if (a.key === 'CPUQuota') {
      const m = /^(\d+)(?:\.(\d{1,2}))?%$/.exec(v);
      if (v === '') r.cpuQuotaPerSecUs = undefined;
      else if (m) {
        const permyriad = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
        if (permyriad > 0) r.cpuQuotaPerSecUs = permyriad * 100;
      }
    } else if (a.key === 'TasksMax') {
      if (v === '' || v === 'infinity') r.tasksMax = v === '' ? undefined : 2n ** 64n - 1n;
      else if (/^\d+$/.test(v) && BigInt(v) > 0n) r.tasksMax = BigInt(v);
    }
  }
  return r;
}
