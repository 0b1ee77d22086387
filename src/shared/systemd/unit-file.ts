// The unit-file syntax of systemd 253 (src/shared/conf-parser.c, config_parse and parse_line):
// "[Section]" headers, "Key=Value" assignments with whitespace stripped around both, lines whose
// first non-blank character is '#' or ';' are comments (even inside a continuation), a trailing
// backslash continues the line (the backslash becomes a space), a UTF-8 BOM is skipped. Settings
// from drop-ins are applied after the main file; for list settings an empty value resets the
// list (config_parse_strv). A line that is not valid UTF-8 (as systemd's utf8_is_valid() sees
// it) stops the parse; unit files are decoded with decodeUnitBytes() so that such bytes survive.
import { extractWords, type WordFlags } from './words';

export interface UnitAssignment {
  section: string;
  key: string;
  value: string;
  file: string;
  line: number;
}

export interface ParseWarning {
  file: string;
  line: number;
  message: string;
}

export interface ParsedUnitFile {
  assignments: UnitAssignment[];
  warnings: ParseWarning[];
  /** A line that stopped the parse (config_parse() failing): the file is unusable. */
  fatal?: ParseFatal;
}

export type ParseFatal = 'EBADMSG' | 'ENOBUFS' | 'EINVAL';

export interface ParseOptions {
  /** Sections that are understood; others (except "X-..." and `ignored`) draw a warning. */
  sections?: ReadonlySet<string>;
  /** Sections skipped silently (the "-Service" entries of install.c's list). */
  ignored?: ReadonlySet<string>;
}

const COMMENTS = '#;';
const WS = ' \t\n\r';
/** LONG_LINE_MAX: longer lines are refused. */
const LONG_LINE_MAX = 1024 * 1024;

function strip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && WS.includes(s[a]!)) a++;
  while (b > a && WS.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Ends with an odd run of backslashes (an unescaped one)? */
function endsEscaped(s: string): boolean {
  let escaped = false;
  for (let i = 0; i < s.length; i++) escaped = escaped ? false : s[i] === '\\';
  return escaped;
}

/** Bad characters in a section name (string_is_safe: control characters, quotes, backslash). */
function isSafe(s: string): boolean {
  return !/[\x00-\x1f\x7f"'\\]/.test(s);
}

/** utf8_encoded_valid_unichar(): the length of the valid character at b[i], or 0. */
function validCharLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const len = c < 0x80 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
  if (len <= 1) return len;
  let cp = c & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const x = b[i + k];
    if (x === undefined || (x & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (x & 0x3f);
  }
  const need = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  // unichar_is_valid(): not past Unicode, no UTF-16 surrogates, no non-characters
  const ok = cp < 0x110000 && (cp & 0xfffff800) !== 0xd800 && !(cp >= 0xfdd0 && cp <= 0xfdef) && (cp & 0xfffe) !== 0xfffe;
  return need === len && ok ? len : 0;
}

/**
 * A unit file's bytes as text: valid UTF-8 decoded, each byte that does not start a valid
 * character kept as the lone surrogate U+DC80+byte (which the parser refuses, as systemd does).
 */
export function decodeUnitBytes(b: Uint8Array): string {
  if (b.every((c) => c < 0x80)) return new TextDecoder().decode(b);
  let out = '';
  for (let i = 0; i < b.length; ) {
    const len = validCharLength(b, i);
    if (len === 0) {
      out += String.fromCharCode(0xdc00 + b[i]!);
      i++;
      continue;
    }
    let cp = len === 1 ? b[i]! : b[i]! & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** Bytes decodeUnitBytes() kept as they were (a lone surrogate U+DC80..U+DCFF). */
const INVALID_BYTE = /[\uDC80-\uDCFF]/u;

/** Parses one file's text. Never throws: problems become warnings, as systemd logs them. */
export function parseUnitFile(text: string, file = '', opts: ParseOptions = {}): ParsedUnitFile {
  const assignments: UnitAssignment[] = [];
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file, line, message });
  };
  let fatal: ParsedUnitFile['fatal'];
  let section: string | undefined;
  let sectionIgnored = false;
  let continuation: string | undefined;
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();

  const parseLine = (raw: string, line: number): void => {
    const l = strip(raw);
    if (l === '') return;
    if (INVALID_BYTE.test(l)) {
      // log_syntax_invalid_utf8(): the line shown with U+FFFD for each bad byte
      warn(line, `String is not UTF-8 clean, ignoring assignment: ${l.replace(/[\uDC80-\uDCFF]/gu, '\ufffd')}`);
      fatal = 'EINVAL';
      return;
    }
    if (l.startsWith('[')) {
      if (!l.endsWith(']')) {
        warn(line, `Invalid section header '${l}'`);
        fatal = 'EBADMSG';
        return;
      }
      const name = l.slice(1, -1);
      if (!isSafe(name)) {
        warn(line, `Bad characters in section header '${l}'`);
        fatal = 'EBADMSG';
        return;
      }
      if (opts.sections && !opts.sections.has(name)) {
        if (!name.startsWith('X-') && !opts.ignored?.has(name)) warn(line, `Unknown section '${name}'. Ignoring.`);
        section = undefined;
        sectionIgnored = true;
      } else {
        section = name;
        sectionIgnored = false;
      }
      return;
    }
    if (section === undefined) {
      if (!sectionIgnored) warn(line, 'Assignment outside of section. Ignoring.');
      return;
    }
    const eq = l.indexOf('=');
    if (eq < 0) {
      warn(line, "Missing '=', ignoring line.");
      return;
    }
    if (eq === 0) {
      warn(line, "Missing key name before '=', ignoring line.");
      return;
    }
    assignments.push({ section, key: strip(l.slice(0, eq)), value: strip(l.slice(eq + 1)), file, line });
  };

  let lineNo = 0;
  for (let idx = 0; idx < lines.length; idx++) {
    let buf = lines[idx]!;
    lineNo++;
    if (buf.endsWith('\r')) buf = buf.slice(0, -1);
    const lead = buf.replace(/^[ \t\n\r]+/, '');
    if (lead !== '' && COMMENTS.includes(lead[0]!)) continue;
    if (idx === 0 && buf.startsWith('\ufeff')) buf = buf.slice(1);
    let p: string;
    if (continuation !== undefined) {
      if (continuation.length + buf.length > LONG_LINE_MAX) {
        warn(lineNo, 'Continuation line too long');
        return { assignments, warnings, fatal: 'ENOBUFS' };
      }
      continuation += buf;
      p = continuation;
    } else p = buf;
    if (endsEscaped(p)) {
      const joined = `${p.slice(0, -1)} `;
      continuation = joined;
      continue;
    }
    parseLine(p, lineNo);
    if (fatal) return { assignments, warnings, fatal };
    continuation = undefined;
  }
  if (continuation !== undefined) parseLine(continuation, ++lineNo);
  return fatal ? { assignments, warnings, fatal } : { assignments, warnings };
}

/**
 * A unit's settings, main file first and then its drop-ins in order. Keys are matched exactly
 * (systemd's keys are case-sensitive).
 */
export class UnitSettings {
  readonly assignments: UnitAssignment[] = [];
  readonly warnings: ParseWarning[] = [];
  /** The main file's parse failed: the unit is unusable and its drop-ins are not read. */
  fatal?: ParseFatal;

  /** A drop-in whose parse failed keeps what came before the bad line (unit_load_dropin ignores the error). */
  add(parsed: ParsedUnitFile, dropin = false): this {
    if (this.fatal) return this;
    this.assignments.push(...parsed.assignments);
    this.warnings.push(...parsed.warnings);
    if (parsed.fatal && !dropin) this.fatal = parsed.fatal;
    return this;
  }

  /** Every value assigned to section.key, in order. */
  values(section: string, key: string): string[] {
    return this.assignments.filter((a) => a.section === section && a.key === key).map((a) => a.value);
  }

  /** The last value assigned (what a single-valued setting ends up as). */
  get(section: string, key: string): string | undefined {
    const v = this.values(section, key);
    return v[v.length - 1];
  }

  /** A list setting: words accumulate across assignments, an empty value clears them. */
  list(section: string, key: string, flags: WordFlags = { unquote: true, retainEscape: true }): string[] {
    let out: string[] = [];
    for (const v of this.values(section, key)) {
      if (v === '') {
        out = [];
        continue;
      }
      // An assignment with bad quoting is ignored as a whole ("Invalid syntax, ignoring").
      const words = extractWords(v, flags);
      if (words) out.push(...words);
    }
    return out;
  }

  sections(): string[] {
    return [...new Set(this.assignments.map((a) => a.section))];
  }
}

/** Parses a main file and its drop-ins into one settings object. */
export function loadUnitSettings(files: { path: string; text: string }[], opts: ParseOptions = {}): UnitSettings {
  const s = new UnitSettings();
  files.forEach((f, i) => s.add(parseUnitFile(f.text, f.path, opts), i > 0));
  return s;
}

/** Parses a systemd boolean (parse_boolean): undefined when it is not one. */
export function parseBoolean(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(s)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(s)) return false;
  return undefined;
}
