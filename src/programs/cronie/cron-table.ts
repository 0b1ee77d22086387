// Crontab files as cronie 1.6.1 reads them: environment settings and entries, parsed one
// character at a time the way cronie's load_env/load_entry do, so the same input gives the same
// entries, the same first error and the same line number. Used by crontab(1) to check a file
// before installing it and by crond to load /etc/crontab, /etc/cron.d and the spool.
//
// The text is handled as bytes (one char per byte, "binary string"); commands are turned back
// into UTF-8 text when they run.

const EOF = -1;
const NL = 10;

export const ERRORS = {
  minute: 'bad minute',
  hour: 'bad hour',
  dom: 'bad day-of-month',
  month: 'bad month',
  dow: 'bad day-of-week',
  cmd: 'bad command',
  timespec: 'bad time specifier',
  option: 'bad option',
} as const;
export type EntryError = (typeof ERRORS)[keyof typeof ERRORS];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** at most this many comment and blank characters between two entries */
const MAX_GARBAGE = 32768;
export const MAX_USER_ENVS = 1000;
export const MAX_USER_ENTRIES = 10000;

export interface CronUser {
  name: string;
  uid: number;
  gid: number;
  dir: string;
  shell: string;
}

export interface CronEntry {
  /** bits: minute 0-59, hour 0-23, day of month 1-31 at [d-1], month 1-12 at [m-1], weekday 0-7 */
  minute: boolean[];
  hour: boolean[];
  dom: boolean[];
  month: boolean[];
  dow: boolean[];
  minStar: boolean;
  hourStar: boolean;
  domStar: boolean;
  dowStar: boolean;
  reboot: boolean;
  /** a leading '-': no CMD/CMDEND lines in the log */
  dontLog: boolean;
  /** the user it runs as (system tables name it on the line; it may be unknown) */
  user: string;
  /** as written (bytes); % and escapes are handled when it runs */
  command: string;
  /** NAME=value settings in force for it, with cronie's defaults added */
  env: [string, string][];
  /** minutes to delay (RANDOM_DELAY scaled) */
  delay: number;
}

/** The characters of a crontab, read as cronie's get_char/unget_char do (line numbers included). */
class Chars {
  pos = 0;
  line = 1;
  /** feof(3): set when a read found the end, cleared when a character is put back */
  atEof = false;
  constructor(readonly text: string) {}

  get(): number {
    if (this.pos >= this.text.length) {
      this.atEof = true;
      return EOF;
    }
    const c = this.text.charCodeAt(this.pos++);
    if (c === NL) this.line++;
    return c;
  }

  unget(c: number): void {
    if (c === EOF) return;
    this.pos--;
    this.atEof = false;
    if (c === NL) this.line--;
  }

  /** get_string: up to a terminator (consumed and returned) or the end. */
  string(terms: string): { text: string; ch: number } {
    let text = '';
    let ch: number;
    while ((ch = this.get()) !== EOF && !terms.includes(String.fromCharCode(ch))) text += String.fromCharCode(ch);
    return { text, ch };
  }

  skipBlanks(ch: number): number {
    while (ch === 9 || ch === 32) ch = this.get();
    return ch;
  }

  skipNonblanks(ch: number): number {
    while (ch !== 9 && ch !== 32 && ch !== NL && ch !== EOF) ch = this.get();
    return ch;
  }
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** skip_comments: past blank and comment lines; false when there are too many of them. */
function skipComments(f: Chars): boolean {
  let n = 0;
  let ch = EOF;
  while ((ch = f.get()) !== EOF) {
    if (++n > MAX_GARBAGE) return false;
    while (ch === 32 || ch === 9) {
      ch = f.get();
      if (++n > MAX_GARBAGE) return false;
    }
    if (ch === EOF) break;
    if (ch !== NL && ch !== 35) break;
    while (ch !== NL && ch !== EOF) {
      ch = f.get();
      if (++n > MAX_GARBAGE) return false;
    }
  }
  if (ch !== EOF) f.unget(ch);
  return true;
}

type EnvResult = { kind: 'eof'; rest: string } | { kind: 'entry' } | { kind: 'env'; name: string; value: string };

/** load_env: a NAME=value line, or not one (the reader is put back), or the end. */
function loadEnv(f: Chars): EnvResult {
  const pos = f.pos;
  const line = f.line;
  const { text, ch } = f.string('\n');
  if (ch === EOF) return { kind: 'eof', rest: text };
  // states: 0 NAMEI, 1 NAME, 2 EQ1, 3 EQ2, 4 VALUEI, 5 VALUE, 6 FINI, 7 ERROR
  let state = 0;
  let quote = '';
  let out = '';
  let valAt = -1;
  let i = 0;
  while (state !== 7 && i < text.length) {
    const c = text[i]!;
    if (state === 0 || state === 4 || state === 1 || state === 5) {
      if (state === 0 || state === 4) {
        if (c === "'" || c === '"') {
          quote = c;
          i++;
        }
        state++;
        if (i >= text.length) break;
      }
      const d = text[i]!;
      if (quote) {
        if (d === quote) {
          state++;
          i++;
          continue;
        }
        if (state === 1 && d === '=') {
          state = 7;
          continue;
        }
      } else if (state === 1) {
        if (isSpace(d)) {
          i++;
          state++;
          continue;
        }
        if (d === '=') {
          state++;
          continue;
        }
      }
      out += d;
      i++;
    } else if (state === 2) {
      if (c === '=') {
        state++;
        quote = '';
        out += c;
        valAt = out.length;
      } else if (!isSpace(c)) state = 7;
      i++;
    } else if (isSpace(c)) i++;
    else state++;
  }
  if (state !== 6 && state !== 3 && !(state === 5 && !quote)) {
    f.pos = pos;
    f.line = line;
    f.atEof = false;
    return { kind: 'entry' };
  }
  if (state === 5) out = out.replace(/[ \t\n\v\f\r]+$/, '');
  // (a value may be empty: the name ends where the value starts)
  const eq = valAt > 0 ? valAt - 1 : out.indexOf('=');
  return { kind: 'env', name: out.slice(0, eq), value: out.slice(eq + 1) };
}

function getNumber(f: Chars, low: number, names: readonly string[] | undefined): number | undefined {
  let temp = '';
  let ch: number;
  while (isAlnum((ch = f.get()))) temp += String.fromCharCode(ch);
  f.unget(ch);
  if (!temp) return undefined;
  if (/^[0-9]+$/.test(temp)) {
    const n = Number(temp);
    return n > 0x7fffffff ? 0x7fffffff : n;
  }
  if (!names) return undefined;
  const i = names.findIndex((n) => n.toLowerCase() === temp.toLowerCase());
  return i < 0 ? undefined : i + low;
}

const isSeparator = (ch: number): boolean => ch === 9 || ch === NL || ch === 32 || ch === 44;

/** get_range: one term of a list (n, n-m, n-m/s, *, *\/s, n~m); EOF on an error. */
function getRange(f: Chars, bits: boolean[], low: number, high: number, names: readonly string[] | undefined, random: (n: number) => number): number {
  let num1 = 0;
  let num2 = 0;
  let num3 = 1;
  // R_START 0, R_AST 1, R_STEP 2, R_TERMS 3, R_NUM1 4, R_RANGE 5, R_RANGE_NUM2 6, R_RANDOM 7, R_FINISH 8
  let state = 0;
  let ch = EOF;
  while (state !== 8 && (ch = f.get()) !== EOF) {
    switch (state) {
      case 0: {
        if (ch === 42) {
          num1 = low;
          num2 = high;
          state = 1;
          break;
        }
        if (ch === 126) {
          num1 = low;
          state = 7;
          break;
        }
        f.unget(ch);
        const n = getNumber(f, low, names);
        if (n === undefined) return EOF;
        num1 = n;
        state = 4;
        break;
      }
      case 1:
        if (ch === 47) state = 2;
        else if (isSeparator(ch)) state = 8;
        else return EOF;
        break;
      case 2: {
        f.unget(ch);
        const n = getNumber(f, 0, undefined);
        if (n === undefined || n === 0) return EOF;
        num3 = n;
        state = 3;
        break;
      }
      case 3:
        if (isSeparator(ch)) state = 8;
        else return EOF;
        break;
      case 4:
        if (ch === 45) state = 5;
        else if (ch === 126) state = 7;
        else if (isSeparator(ch)) {
          num2 = num1;
          state = 8;
        } else return EOF;
        break;
      case 5: {
        f.unget(ch);
        const n = getNumber(f, low, names);
        if (n === undefined) return EOF;
        num2 = n;
        state = 6;
        break;
      }
      case 6:
        if (ch === 47) state = 2;
        else if (isSeparator(ch)) state = 8;
        else return EOF;
        break;
      case 7: {
        if (isSeparator(ch)) {
          num2 = high;
          state = 8;
        } else {
          f.unget(ch);
          const n = getNumber(f, low, names);
          if (n === undefined) return EOF;
          num2 = n;
          state = 3;
        }
        if (num1 > num2) return EOF;
        num1 = num2 = random(num2 - num1 + 1) + num1;
        break;
      }
    }
  }
  if (state !== 8 || ch === EOF) return EOF;
  for (let i = num1; i <= num2; i += num3) {
    if (i < low || i > high) {
      f.unget(ch);
      return EOF;
    }
    bits[i - low] = true;
  }
  return ch;
}

/** get_list: terms separated by commas, then past the blanks after the field. */
function getList(f: Chars, bits: boolean[], low: number, high: number, names: readonly string[] | undefined, ch: number, random: (n: number) => number): number {
  bits.fill(false);
  f.unget(ch);
  for (;;) {
    ch = getRange(f, bits, low, high, names, random);
    if (ch === EOF) return EOF;
    if (ch !== 44) break;
  }
  ch = f.skipNonblanks(ch);
  return f.skipBlanks(ch);
}

export interface TableOptions {
  /** the user of a user crontab; undefined for a system table (/etc/crontab, /etc/cron.d) */
  owner?: CronUser;
  /** a system table's user names */
  lookup(name: string): CronUser | undefined;
  /** the settings every table starts from (crond's LANG, LC_*, RANDOM_DELAY) */
  inherited?: [string, string][];
  /** random(3) in [0, n) for ~ ranges */
  random(n: number): number;
  /** RANDOM_DELAY's scale (cronie picks one at start) */
  randomScale?: number;
}

export interface TableError {
  /** as cronie counts it: the line the error was found on */
  line: number;
  message: string;
}

function setEnv(env: [string, string][], name: string, value: string): [string, string][] {
  const out = env.filter(([n]) => n !== name);
  out.push([name, value]);
  return out;
}

const getEnv = (env: [string, string][], name: string): string | undefined => env.find(([n]) => n === name)?.[1];

function bitsOf(n: number): boolean[] {
  return new Array<boolean>(n).fill(false);
}

/** load_entry: one entry, or an error (the rest of its line skipped). */
function loadEntry(f: Chars, opts: TableOptions, env: [string, string][]): CronEntry | EntryError | undefined {
  let ch = f.get();
  if (ch === EOF) return undefined;
  const e: CronEntry = {
    minute: bitsOf(60), hour: bitsOf(24), dom: bitsOf(31), month: bitsOf(12), dow: bitsOf(8),
    minStar: false, hourStar: false, domStar: false, dowStar: false, reboot: false, dontLog: false,
    user: '', command: '', env: [], delay: 0,
  };
  const fail = (err: EntryError): EntryError => {
    for (let i = 0; ch !== NL && !f.atEof && i < 131072; i++) ch = f.get();
    return err;
  };
  if (ch === 45) {
    if (opts.owner && opts.owner.uid !== 0) return fail(ERRORS.option);
    e.dontLog = true;
    ch = f.get();
    if (ch === EOF) return undefined;
  }
  if (ch === 64) {
    const word = f.string(' \t\n');
    ch = word.ch;
    const all = (bits: boolean[]): void => void bits.fill(true);
    switch (word.text) {
      case 'reboot':
        e.reboot = true;
        break;
      case 'yearly':
      case 'annually':
        e.minute[0] = e.hour[0] = e.dom[0] = e.month[0] = true;
        all(e.dow);
        e.dowStar = true;
        break;
      case 'monthly':
        e.minute[0] = e.hour[0] = e.dom[0] = true;
        all(e.month);
        all(e.dow);
        e.dowStar = true;
        break;
      case 'weekly':
        e.minute[0] = e.hour[0] = true;
        all(e.dom);
        all(e.month);
        e.dow[0] = true;
        e.domStar = true;
        break;
      case 'daily':
      case 'midnight':
        e.minute[0] = e.hour[0] = true;
        all(e.dom);
        all(e.month);
        all(e.dow);
        break;
      case 'hourly':
        e.minute[0] = true;
        all(e.hour);
        all(e.dom);
        all(e.month);
        all(e.dow);
        e.hourStar = true;
        break;
      default:
        return fail(ERRORS.timespec);
    }
    ch = f.skipBlanks(ch);
    if (ch === EOF || ch === NL) return fail(ERRORS.cmd);
  } else {
    const fields: [boolean[], number, number, readonly string[] | undefined, EntryError, keyof CronEntry | undefined][] = [
      [e.minute, 0, 59, undefined, ERRORS.minute, 'minStar'],
      [e.hour, 0, 23, undefined, ERRORS.hour, 'hourStar'],
      [e.dom, 1, 31, undefined, ERRORS.dom, 'domStar'],
      [e.month, 1, 12, MONTHS, ERRORS.month, undefined],
      [e.dow, 0, 7, DAYS, ERRORS.dow, 'dowStar'],
    ];
    for (const [bits, low, high, names, err, star] of fields) {
      if (star && ch === 42) (e as unknown as Record<string, boolean>)[star] = true;
      ch = getList(f, bits, low, high, names, ch, opts.random);
      if (ch === EOF) return fail(err);
    }
  }
  if (e.dow[0] || e.dow[7]) e.dow[0] = e.dow[7] = true;
  if (ch === NL || ch === 42) return fail(ERRORS.cmd);
  f.unget(ch);
  let user = opts.owner;
  if (!user) {
    const word = f.string(' \t\n');
    ch = word.ch;
    if (ch === EOF || ch === NL || ch === 42) return fail(ERRORS.cmd);
    user = opts.lookup(word.text) ?? { name: word.text, uid: -1, gid: -1, dir: '', shell: '' };
    ch = f.skipBlanks(ch);
    if (ch === EOF || ch === NL) return fail(ERRORS.cmd);
    f.unget(ch);
  }
  e.user = user.name;
  const delay = getEnv(env, 'RANDOM_DELAY');
  if (delay !== undefined) {
    const v = Number.parseInt(delay, 10);
    if (Number.isFinite(v) && v >= 0 && v <= 24 * 60) e.delay = Math.floor(v * (opts.randomScale ?? 0));
  }
  let envp = [...env];
  if (getEnv(envp, 'SHELL') === undefined) envp = setEnv(envp, 'SHELL', '/bin/sh');
  if (user.dir && getEnv(envp, 'HOME') === undefined) envp = setEnv(envp, 'HOME', user.dir);
  if (getEnv(envp, 'PATH') === undefined) envp = setEnv(envp, 'PATH', '/usr/bin:/bin');
  envp = setEnv(envp, 'LOGNAME', user.name);
  envp = setEnv(envp, 'USER', user.name);
  e.env = envp;
  const cmd = f.string('\n');
  ch = cmd.ch;
  if (ch === EOF) return fail(ERRORS.cmd);
  e.command = cmd.text;
  return e;
}

export interface ParsedTable {
  entries: CronEntry[];
  envCount: number;
  /** crontab(1)'s check: the first error, where it was found */
  error?: TableError;
  /** the last line lacked its newline (crond ignores it: "missing newline before EOF") */
  missingNewline: boolean;
  /** crond: more comment and blank text than cronie reads between entries */
  tooMuchGarbage: boolean;
}

/**
 * Reads a whole table. `stopAtError` is crontab(1)'s check_syntax (the first error ends it, and
 * a last line without a newline is "premature EOF"); otherwise crond's load_user, which logs
 * each bad entry (`onError`) and goes on.
 */
export function parseTable(text: string, opts: TableOptions, stopAtError: boolean, onError?: (e: TableError) => void): ParsedTable {
  const f = new Chars(text);
  let env: [string, string][] = [...(opts.inherited ?? [])];
  const out: ParsedTable = { entries: [], envCount: 0, missingNewline: false, tooMuchGarbage: false };
  for (;;) {
    if (!skipComments(f)) {
      out.tooMuchGarbage = true;
      if (stopAtError) out.error = { line: f.line - 1, message: 'too much non-parseable content (comments, empty lines, spaces)' };
      break;
    }
    const r = loadEnv(f);
    if (r.kind === 'eof') {
      if (r.rest !== '') {
        out.missingNewline = true;
        if (stopAtError) out.error = { line: f.line, message: 'premature EOF' };
      }
      break;
    }
    if (r.kind === 'env') {
      out.envCount++;
      env = setEnv(env, r.name, r.value);
      continue;
    }
    const e = loadEntry(f, opts, env);
    if (typeof e === 'string') {
      const err = { line: f.line - 1, message: e };
      if (stopAtError) {
        out.error = err;
        break;
      }
      onError?.(err);
    } else if (e) out.entries.push(e);
  }
  return out;
}

/** Whether `e` is due at this local time (cronie's find_jobs, with its day-of-month/week rule). */
export function entryDue(e: CronEntry, t: { min: number; hour: number; mday: number; mon: number; wday: number }): boolean {
  if (e.reboot) return false;
  const days = e.domStar || e.dowStar ? e.dow[t.wday]! && e.dom[t.mday - 1]! : e.dow[t.wday]! || e.dom[t.mday - 1]!;
  return e.minute[t.min]! && e.hour[t.hour]! && e.month[t.mon]! && days;
}

export { getEnv };
