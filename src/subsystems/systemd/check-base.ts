// The pieces every unit-setting value check is made of (config-check.ts and its companions):
// the verdict a check gives, the common value kinds (booleans, names from a list, time spans,
// unsigned numbers), word splitting, and path_simplify_and_warn() for settings that take paths.
import { parseBoolean } from '../../shared/systemd/unit-file';
import { extractFirstWord } from '../../shared/systemd/words';
import { parseTimespan } from '../../shared/systemd/time-span';

/** What a check says: nothing (fine), warnings, and whether the unit is now unusable. */
export interface Verdict {
  warnings: string[];
  fatal?: boolean;
  /** The warnings are logged without the "FILE:LINE: " prefix. */
  bare?: boolean;
  /** The parser fails the unit file itself (its load ends in this error, e.g. "Invalid argument"). */
  loadError?: string;
}

export type Check = (value: string, key: string, unit: string) => Verdict | undefined;

export const ok = undefined;
export const warn = (...warnings: string[]): Verdict => ({ warnings });
/** Warnings, if there are any. */
export const some = (warnings: string[]): Verdict | undefined => (warnings.length ? { warnings } : ok);

export const isAbs = (p: string): boolean => p.startsWith('/');
export const sec = (v: string): boolean => typeof parseTimespan(v.trim()) !== 'string';

export function oneOf(values: string, message: string): Check {
  const set = new Set(values.split(' '));
  return (v) => (set.has(v) ? ok : warn(`${message}, ignoring: ${v}`));
}

export const bool: Check = (v) => (parseBoolean(v) !== undefined ? ok : warn(`Failed to parse boolean value, ignoring: ${v}`));
export const boolOr = (values: string, message: string): Check => {
  const set = new Set(values.split(' '));
  return (v) => (parseBoolean(v) !== undefined || set.has(v) ? ok : warn(`${message}, ignoring: ${v}`));
};
/** config_parse_sec() and the like: an empty value is no time span either. */
export const secCheck = (message: string): Check => (v) => (v !== '' && sec(v) ? ok : warn(`${message}, ignoring: ${v}`));
export const unsigned: Check = (v) => (/^\d+$/.test(v) && Number(v) <= 0xffffffff ? ok : warn(`Failed to parse unsigned value, ignoring: ${v}`));

/** The words of a value (extract_first_word() over whitespace; quotes removed with `unquote`). */
export function words(v: string, unquote = false): string[] {
  const out: string[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(v, pos, { unquote });
    if (r === null || r === 'error') break;
    out.push(r.word);
    pos = r.next;
  }
  return out;
}

/** path_simplify(): runs of slashes become one, "." components and a trailing slash go; ".." stays. */
export function pathSimplify(p: string): string {
  const abs = p.startsWith('/');
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  if (parts.length === 0) return abs ? '/' : p === '' ? '' : '.';
  return (abs ? '/' : '') + parts.join('/');
}

/** path_is_valid(): not empty, no component longer than NAME_MAX, shorter than PATH_MAX. */
function pathIsValid(p: string): boolean {
  const bytes = (s: string): number => new TextEncoder().encode(s).length;
  return p !== '' && bytes(p) < 4096 && p.split('/').every((c) => bytes(c) <= 255);
}

export interface PathRule {
  /** PATH_CHECK_ABSOLUTE or PATH_CHECK_RELATIVE (neither: any path). */
  want?: 'absolute' | 'relative';
  /** PATH_CHECK_FATAL: the message says nothing is ignored (the caller fails the unit). */
  fatal?: boolean;
}

/**
 * path_simplify_and_warn(): why `p` is no usable path for `key`, worded as systemd logs it, or
 * undefined. The absolute/relative complaint names the path as written, the others the
 * simplified one.
 */
export function pathProblem(p: string, key: string, rule: PathRule = { want: 'absolute' }): string | undefined {
  const ignoring = rule.fatal ? '' : ', ignoring';
  if (rule.want === 'absolute' && !isAbs(p)) return `${key}= path is not absolute${ignoring}: ${p}`;
  if (rule.want === 'relative' && isAbs(p)) return `${key}= path is absolute${ignoring}: ${p}`;
  const s = pathSimplify(p);
  if (!pathIsValid(s)) return `${key}= path has invalid length (${new TextEncoder().encode(s).length} bytes)${ignoring}.`;
  if (s === '.' || s.split('/').includes('..')) return `${key}= path is not normalized${ignoring}: ${s}`;
  return undefined;
}
