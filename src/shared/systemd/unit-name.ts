// Unit names as systemd 253 validates and takes them apart (src/basic/unit-name.c,
// src/basic/unit-file.c): "prefix[@instance].type", at most 255 bytes, a small character set.
import { encodeText } from '../bytes';

/** Unit types in systemd's table order (unit_type_table, src/basic/unit-def.c). */
export const UNIT_TYPES = ['service', 'mount', 'swap', 'socket', 'target', 'device', 'automount', 'timer', 'path', 'slice', 'scope'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_NAME_MAX = 256;

/** Which shapes of name a check accepts (UNIT_NAME_PLAIN / _INSTANCE / _TEMPLATE). */
export const NAME_PLAIN = 1;
export const NAME_INSTANCE = 2;
export const NAME_TEMPLATE = 4;
export const NAME_ANY = NAME_PLAIN | NAME_INSTANCE | NAME_TEMPLATE;

const VALID = /^[0-9A-Za-z:\-_.\\]*$/;
const VALID_WITH_AT = /^[0-9A-Za-z:\-_.\\@]*$/;
const VALID_GLOB = /^[0-9A-Za-z:\-_.\\@[\]!*?]*$/;

export function unitTypeFromString(s: string): UnitType | undefined {
  return (UNIT_TYPES as readonly string[]).includes(s) ? (s as UnitType) : undefined;
}

/** unit_name_is_valid(): `flags` says which of plain/instance/template pass. */
export function unitNameIsValid(n: string, flags = NAME_ANY): boolean {
  if (n === '' || n.length >= UNIT_NAME_MAX) return false;
  const e = n.lastIndexOf('.');
  if (e <= 0) return false;
  if (!unitTypeFromString(n.slice(e + 1))) return false;
  const body = n.slice(0, e);
  if (!VALID_WITH_AT.test(body)) return false;
  const at = body.indexOf('@');
  if (at === 0) return false;
  if (flags & NAME_PLAIN && at < 0) return true;
  if (flags & NAME_INSTANCE && at >= 0 && e > at + 1) return true;
  if (flags & NAME_TEMPLATE && at >= 0 && e === at + 1) return true;
  return false;
}

/** NAME_PLAIN, NAME_INSTANCE or NAME_TEMPLATE; 0 for an invalid name (unit_name_classify). */
export function unitNameClassify(n: string): number {
  if (!unitNameIsValid(n)) return 0;
  const at = n.indexOf('@');
  if (at < 0) return NAME_PLAIN;
  return n.lastIndexOf('.') > at + 1 ? NAME_INSTANCE : NAME_TEMPLATE;
}

export function unitPrefixIsValid(p: string): boolean {
  return p !== '' && VALID.test(p);
}

export function unitInstanceIsValid(i: string): boolean {
  return i !== '' && VALID_WITH_AT.test(i);
}

export function unitNameToType(n: string): UnitType | undefined {
  if (!unitNameIsValid(n)) return undefined;
  return unitTypeFromString(n.slice(n.lastIndexOf('.') + 1));
}

/** The part before '@' (or before the suffix). */
export function unitNamePrefix(n: string): string | undefined {
  if (!unitNameIsValid(n)) return undefined;
  const at = n.indexOf('@');
  return n.slice(0, at >= 0 ? at : n.lastIndexOf('.'));
}

/** The instance ('' for a template, undefined for a plain or invalid name). */
export function unitNameInstance(n: string): string | undefined {
  if (!unitNameIsValid(n)) return undefined;
  const at = n.indexOf('@');
  if (at < 0) return undefined;
  return n.slice(at + 1, n.lastIndexOf('.'));
}

/** Everything before the suffix (unit_name_to_prefix_and_instance). */
export function unitNamePrefixAndInstance(n: string): string | undefined {
  return unitNameIsValid(n) ? n.slice(0, n.lastIndexOf('.')) : undefined;
}

/** "foo@bar.service" -> "foo@.service"; undefined unless an instance or template. */
export function unitNameTemplate(n: string): string | undefined {
  if (!unitNameIsValid(n, NAME_INSTANCE | NAME_TEMPLATE)) return undefined;
  return n.slice(0, n.indexOf('@') + 1) + n.slice(n.lastIndexOf('.'));
}

/** "foo@.service" + "x" -> "foo@x.service" (unit_name_replace_instance). */
export function unitNameReplaceInstance(n: string, instance: string): string | undefined {
  if (!unitNameIsValid(n, NAME_INSTANCE | NAME_TEMPLATE) || !unitInstanceIsValid(instance)) return undefined;
  const s = n.slice(0, n.indexOf('@') + 1) + instance + n.slice(n.lastIndexOf('.'));
  return unitNameIsValid(s, NAME_INSTANCE) ? s : undefined;
}

export function unitNameBuild(prefix: string, instance: string | undefined, type: UnitType): string | undefined {
  if (!unitPrefixIsValid(prefix)) return undefined;
  if (instance !== undefined && !unitInstanceIsValid(instance)) return undefined;
  const s = instance !== undefined ? `${prefix}@${instance}.${type}` : `${prefix}.${type}`;
  return unitNameIsValid(s, instance !== undefined ? NAME_INSTANCE : NAME_PLAIN) ? s : undefined;
}

/** Types that may have Alias= and alias symlinks (unit_type_may_alias). */
export function unitTypeMayAlias(t: UnitType | undefined): boolean {
  return t === 'service' || t === 'socket' || t === 'target' || t === 'device' || t === 'timer' || t === 'path';
}

/** Types that may be templated (unit_type_may_template). */
export function unitTypeMayTemplate(t: UnitType | undefined): boolean {
  return t === 'service' || t === 'socket' || t === 'target' || t === 'timer' || t === 'path';
}

function hex2(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}

/** unit_name_escape(): '/' -> '-', anything unsafe (and '-', '\') -> \xNN, a leading '.' too. */
export function unitNameEscape(f: string): string {
  let out = '';
  let i = 0;
  if (f.startsWith('.')) {
    out += hex2(0x2e);
    i = 1;
  }
  for (const ch of encodeText(f.slice(i))) {
    const c = String.fromCharCode(ch);
    if (c === '/') out += '-';
    else if (c === '-' || c === '\\' || ch >= 0x80 || !VALID.test(c)) out += hex2(ch);
    else out += c;
  }
  return out;
}

function pathEscape(path: string): string | undefined {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return '-';
  if (parts.includes('..')) return undefined;
  return unitNameEscape(parts.join('/'));
}

/** unit_name_from_path(): "/home/x" -> "home-x.mount". */
export function unitNameFromPath(path: string, suffix: string): string | undefined {
  const p = pathEscape(path);
  if (p === undefined) return undefined;
  const s = p + suffix;
  return unitNameIsValid(s, NAME_PLAIN) ? s : undefined;
}

export interface MangleResult {
  name: string;
  /** The notice systemd logs when it had to escape characters, if any. */
  notice?: string;
}

/**
 * unit_name_mangle_with_suffix(): turns what a user typed into a unit name ("sshd" ->
 * "sshd.service", "/dev/sda" -> "dev-sda.device", "/home" -> "home.mount"). `glob` keeps glob
 * characters (list verbs). Undefined when no valid name can be made (-EINVAL).
 */
export function unitNameMangle(name: string, suffix: string, opts: { glob?: boolean; operation?: string } = {}): MangleResult | undefined {
  if (name === '') return undefined;
  if (unitNameIsValid(name)) return { name };
  const isGlob = /[*?[]/.test(name);
  let suggestEscape = true;
  let notice: string | undefined;
  if (isGlob && VALID_GLOB.test(name)) {
    if (opts.glob) return { name };
    notice = `Glob pattern passed${opts.operation ? ` ${opts.operation}` : ''}, but globs are not supported for this.`;
    suggestEscape = false;
  }
  if (name.startsWith('/dev/') || name.startsWith('/sys/')) {
    const d = unitNameFromPath(name, '.device');
    if (d) return { name: d };
  }
  if (name.startsWith('/')) {
    const m = unitNameFromPath(name, '.mount');
    if (m) return { name: m };
  }
  const allowed = opts.glob ? VALID_GLOB : VALID_WITH_AT;
  let s = '';
  let mangled = false;
  for (const ch of encodeText(name)) {
    const c = String.fromCharCode(ch);
    if (c === '/') {
      s += '-';
      mangled = true;
    } else if (ch >= 0x80 || !allowed.test(c)) {
      s += hex2(ch);
      mangled = true;
    } else s += c;
  }
  if (mangled) {
    const extra = `Invalid unit name "${name}" escaped as "${s}"${suggestEscape ? ' (maybe you should use systemd-escape?)' : ''}.`;
    notice = notice === undefined ? extra : `${notice}\n${extra}`;
  }
  if ((!opts.glob || !/[*?[]/.test(s)) && unitNameToType(s) === undefined) s += suffix;
  if (!opts.glob && !unitNameIsValid(s)) return undefined;
  return notice === undefined ? { name: s } : { name: s, notice };
}

/**
 * unit_symlink_name_compatible(): may a .wants/.requires symlink called `symlink` point at
 * `target`? An instance may point at its template; with instance propagation a template at a
 * template.
 */
export function unitSymlinkNameCompatible(symlink: string, target: string, instancePropagation: boolean): boolean {
  const t1 = unitNameClassify(symlink);
  if (symlink === target && t1 & (NAME_PLAIN | NAME_INSTANCE)) return true;
  const template = unitNameTemplate(symlink);
  if (template === undefined) return false;
  const t2 = unitNameClassify(target);
  if (t1 === NAME_INSTANCE && t2 === NAME_TEMPLATE && template === target) return true;
  return instancePropagation && t1 === NAME_TEMPLATE && t2 === NAME_TEMPLATE && template === target;
}

/** Why an alias symlink is refused (unit_validate_alias_symlink_or_warn). */
export type AliasCheck = 'ok' | 'self' | 'bad-source' | 'mismatch';

/** Checks that alias `src` may point at unit file name `dst` (both plain file names). */
export function validateAliasSymlink(src: string, dst: string): AliasCheck {
  return explainAliasSymlink(src, dst).check;
}

/**
 * validateAliasSymlink() with the message systemd logs for a refusal (`src` stands for the
 * link's file name; none for a link to itself, which is only a debug message).
 */
export function explainAliasSymlink(src: string, dst: string): { check: AliasCheck; message?: string } {
  const srcClass = unitNameClassify(src);
  if (srcClass === 0) return { check: 'bad-source', message: `${src}: not a valid unit name "${src}": Invalid argument` };
  const srcType = unitNameToType(src);
  if (!unitTypeMayAlias(srcType)) return { check: 'bad-source', message: `${src}: symlinks are not allowed for units of this type, rejecting.` };
  if (srcClass !== NAME_PLAIN && !unitTypeMayTemplate(srcType)) return { check: 'bad-source', message: `${src}: templates not allowed for ${srcType} units, rejecting.` };
  if (src === dst) return { check: 'self' };
  const dstClass = unitNameClassify(dst);
  if (dstClass === 0) return { check: 'mismatch', message: `${src} points to "${dst}" which is not a valid unit name: Invalid cross-device link` };
  if (!(dstClass === srcClass || (srcClass === NAME_INSTANCE && dstClass === NAME_TEMPLATE))) {
    return { check: 'mismatch', message: `${src}: symlink target name type "${dst}" does not match source, rejecting.` };
  }
  if (dstClass === NAME_INSTANCE && unitNameInstance(src) !== unitNameInstance(dst)) {
    return { check: 'mismatch', message: `${src}: unit symlink target "${dst}" instance name doesn't match, rejecting.` };
  }
  if (unitNameToType(dst) !== srcType) return { check: 'mismatch', message: `${src}: symlink target "${dst}" has incompatible suffix, rejecting.` };
  return { check: 'ok' };
}
