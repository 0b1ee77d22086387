// Preset policy (src/shared/install.c: read_presets, query_presets, unit_file_preset,
// unit_file_preset_all). *.preset files from /etc, /run, /usr/local/lib and /usr/lib
// systemd/system-preset are read in file-name order (a name in /etc hides the same name
// further down); the first rule whose pattern matches decides; no rule means "enable".
import { installContextApply } from './install-apply';
import { InstallContext, installInfoDiscover, installInfoDiscoverAndCheck } from './install-discover';
import { installContextMarkForRemoval, removeMarkedSymlinks, type RemovalSet } from './install-remove';
import { configPathFor } from './install-ops';
import { confFilesList, lstatOrNull, readdirVisible } from './fs-util';
import { fnmatch } from './glob';
import { joinPath, SYSTEM_PRESET_DIRS } from './lookup-paths';
import { failed, InstallFailure, type InstallEnv, type InstallFlags, type InstallResult, type PresetMode } from './install-types';
import { NAME_TEMPLATE, unitNameInstance, unitNameIsValid, unitNameReplaceInstance, unitNameTemplate } from './unit-name';
import { extractFirstWord } from './words';

export interface PresetRule {
  pattern: string;
  action: 'enable' | 'disable';
  /** "enable foo@.service a b": the instances to enable. */
  instances?: string[];
  file: string;
  line: number;
}

export interface Presets {
  rules: PresetRule[];
  /** "Couldn't parse line" notices, as systemd logs them. */
  warnings: string[];
}

/** first_word(): the rest after `word` and its whitespace, if the line starts with the word. */
function firstWord(s: string, word: string): string | undefined {
  if (!s.startsWith(word)) return undefined;
  const rest = s.slice(word.length);
  if (rest === '') return rest;
  if (!/^[ \t\n\r]/.test(rest)) return undefined;
  return rest.replace(/^[ \t\n\r]+/, '');
}

/** Parses one preset file's text into rules. */
export function parsePresetText(text: string, file: string, presets: Presets): void {
  let n = 0;
  for (const raw of text.split('\n')) {
    n++;
    const l = raw.trim();
    if (l === '' || '#;'.includes(l[0]!)) continue;
    let rule: PresetRule | undefined;
    const en = firstWord(l, 'enable');
    if (en !== undefined) {
      const w = extractFirstWord(en, 0, { retainEscape: true });
      if (w === null || w === 'error') rule = { pattern: '', action: 'enable', file, line: n };
      else if (w.next === undefined) rule = { pattern: w.word, action: 'enable', file, line: n };
      else if (!unitNameIsValid(w.word, NAME_TEMPLATE)) {
        presets.warnings.push(`${file}:${n}: Couldn't parse line '${raw}'. Ignoring.`);
        continue;
      } else rule = { pattern: w.word, action: 'enable', instances: en.slice(w.next).split(/[ \t\n\r]+/).filter(Boolean), file, line: n };
    }
    const dis = firstWord(l, 'disable');
    if (dis !== undefined) rule = { pattern: dis, action: 'disable', file, line: n };
    if (rule) presets.rules.push(rule);
    else presets.warnings.push(`${file}:${n}: Couldn't parse line '${raw}'. Ignoring.`);
  }
}

/** read_presets(): every rule of every *.preset file, in order. */
export async function readPresets(env: InstallEnv, dirs: readonly string[] = env.lp.presetDirs ?? SYSTEM_PRESET_DIRS): Promise<Presets> {
  const presets: Presets = { rules: [], warnings: [] };
  for (const file of await confFilesList(env.fs, dirs, '.preset')) {
    let text: string;
    try {
      text = await env.fs.readFile(file);
    } catch {
      continue;
    }
    const before = presets.warnings.length;
    parsePresetText(text, file, presets);
    for (const w of presets.warnings.slice(before)) await env.warn(w);
  }
  return presets;
}

export interface PresetVerdict {
  enable: boolean;
  /** For a template matched by an "enable T@.service a b" rule: the instances to enable. */
  instances?: string[];
  /** The rule that decided, if any. */
  rule?: PresetRule;
}

/** query_presets(): what the policy says for `name` (wantInstances: the preset verb's view). */
export function queryPreset(name: string, presets: Presets, wantInstances = false): PresetVerdict {
  for (const rule of presets.rules) {
    if (wantInstances && rule.instances) {
      const template = unitNameTemplate(name);
      if (template !== undefined && template === rule.pattern) {
        if (unitNameIsValid(name, NAME_TEMPLATE)) {
          const list = rule.instances.map((i) => unitNameReplaceInstance(name, i)).filter((x): x is string => x !== undefined);
          return { enable: rule.action === 'enable', instances: list, rule };
        }
        if (rule.instances.includes(unitNameInstance(name) ?? '')) return { enable: rule.action === 'enable', rule };
      }
    }
    if (fnmatch(rule.pattern, name)) return { enable: rule.action === 'enable', rule };
  }
  return { enable: true };
}

async function presetPrepareOne(env: InstallEnv, plus: InstallContext, minus: InstallContext, name: string, presets: Presets): Promise<InstallResult> {
  if (plus.find(name) || minus.find(name)) return 0;
  const tmp = new InstallContext(env);
  const info = await installInfoDiscover(tmp, name, { followConfigSymlinks: true });
  if (info instanceof InstallFailure) return info;
  if (name !== info.name) return 0; // an alias: the unit itself is handled under its own name
  const verdict = queryPreset(name, presets, true);
  if (verdict.enable) {
    for (const n of verdict.instances ?? [name]) {
      const r = await installInfoDiscoverAndCheck(plus, n, { load: true, followConfigSymlinks: true });
      if (r instanceof InstallFailure) return r;
    }
    return 1;
  }
  const r = await installInfoDiscover(minus, name, { followConfigSymlinks: true });
  return r instanceof InstallFailure ? r : 0;
}

async function executePreset(env: InstallEnv, flags: InstallFlags, plus: InstallContext, minus: InstallContext, mode: PresetMode): Promise<InstallResult> {
  const configPath = configPathFor(env, flags);
  let r: InstallResult = 0;
  if (mode !== 'enable-only') {
    const marks: RemovalSet = new Set();
    r = await installContextMarkForRemoval(minus, marks);
    if (failed(r)) return r;
    r = await removeMarkedSymlinks(env, marks, configPath);
  }
  if (mode !== 'disable-only') {
    const q = await installContextApply(plus, { ...flags, ignoreAuxiliaryFailure: true }, configPath, { load: true });
    if (!failed(r)) r = failed(q) ? q : r + q;
  }
  return r;
}

/** unit_file_preset(): enable or disable the named units as the preset policy says. */
export async function unitFilePreset(env: InstallEnv, flags: InstallFlags, names: readonly string[], mode: PresetMode = 'full'): Promise<InstallResult> {
  const presets = await readPresets(env);
  const plus = new InstallContext(env);
  const minus = new InstallContext(env);
  for (const name of names) {
    const r = await presetPrepareOne(env, plus, minus, name, presets);
    if (failed(r)) return r;
  }
  return executePreset(env, flags, plus, minus, mode);
}

/** Failures preset-all skips over (generated, masked, missing, invalid units ...). */
const PRESET_ALL_IGNORED = new Set(['EEXIST', 'ERFKILL', 'EADDRNOTAVAIL', 'EBADSLT', 'EIDRM', 'EUCLEAN', 'ELOOP', 'ENOENT', 'EUNATCH', 'EXDEV']);

/** unit_file_preset_all(): applies the preset policy to every unit file on the search path. */
export async function unitFilePresetAll(env: InstallEnv, flags: InstallFlags, mode: PresetMode = 'full'): Promise<InstallResult> {
  const presets = await readPresets(env);
  const plus = new InstallContext(env);
  const minus = new InstallContext(env);
  for (const dir of env.lp.searchPath) {
    for (const name of await readdirVisible(env.fs, dir)) {
      if (!unitNameIsValid(name)) continue;
      const st = await lstatOrNull(env.fs, joinPath(dir, name));
      if (st?.kind !== 'symlink' && st?.kind !== 'file') continue;
      const r = await presetPrepareOne(env, plus, minus, name, presets);
      if (failed(r) && !PRESET_ALL_IGNORED.has(r.errno)) return r;
    }
  }
  return executePreset(env, flags, plus, minus, mode);
}

/** unit_file_query_preset(): "enabled"/"disabled" for the PRESET column and `systemctl status`. */
export async function unitFileQueryPreset(env: InstallEnv, name: string, cached?: Presets): Promise<boolean> {
  return queryPreset(name, cached ?? (await readPresets(env))).enable;
}
