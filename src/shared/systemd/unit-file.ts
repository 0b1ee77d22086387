// The unit-file syntax of systemd 253 (src/shared/conf-parser.c, config_parse and parse_line):
// "[Section]" headers, "Key=Value" assignments with whitespace stripped around both, lines whose
// first non-blank character is '#' or ';' are comments (even inside a continuation), a trailing
// backslash continues the line (the backslash becomes a space), a UTF-8 BOM is skipped. Settings
// from drop-ins are applied after the main file; for list settings an empty value resets the
// list (config_parse_strv).
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
  fatal?: 'EBADMSG' | 'ENOBUFS';
}

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
  /** The first file whose parse failed; the files after it are not read (unit_load_fragment). */
  fatal?: 'EBADMSG' | 'ENOBUFS';

  add(parsed: ParsedUnitFile): this {
    if (this.fatal) return this;
    this.assignments.push(...parsed.assignments);
    this.warnings.push(...parsed.warnings);
    if (parsed.fatal) this.fatal = parsed.fatal;
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
  for (const f of files) s.add(parseUnitFile(f.text, f.path, opts));
  return s;
}

/** Parses a systemd boolean (parse_boolean): undefined when it is not one. */
export function parseBoolean(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (['1', 'yes', 'y', 'true', 't', 'on'].includes(s)) return true;
  if (['0', 'no', 'n', 'false', 'f', 'off'].includes(s)) return false;
  return undefined;
}
