// rpm's query formats (--qf / --queryformat, and the aliases built on them: --last,
// --filesbypkg): `%{TAG}`, `%-20{TAG}` (printf field width), `%{TAG:type}`, `%{=TAG}` (an
// array's first element throughout an array), `%{#TAG}` (an array's size), `[...]` (one line
// per array element), `%|TAG?{present}:{absent}|` and backslash escapes. Parse errors are
// rpm 4.18's (lib/headerfmt.c); rpm prints them as "error: incorrect format: MESSAGE".
import { RPM_TAGS } from './tags';

export type TagValue = string | number;
/** A package header as formats see it: a tag's values (one for a scalar), or undefined. */
export type Header = (tag: string) => readonly TagValue[] | undefined;

interface TagRef {
  /** canonical (upper-case) tag name */
  name: string;
  /** printf flags and width before the brace ("-45"), or '' */
  width: string;
  type: string;
  /** `=` or `#`: the first element even inside an array */
  justOne: boolean;
}

type Token =
  | { t: 'text'; s: string }
  | { t: 'tag'; tag: TagRef }
  | { t: 'array'; body: Token[] }
  | { t: 'cond'; name: string; then: Token[]; else: Token[] };

export class FormatError extends Error {}

const FORMATS = new Set([
  'string', 'armor', 'base64', 'pgpsig', 'depflags', 'deptype', 'fflags', 'perms', 'permissions', 'triggertype', 'xml',
  'octal', 'hex', 'date', 'day', 'shescape', 'arraysize', 'fstate', 'vflags', 'expand', 'fstatus', 'humansi', 'humaniec',
  'tagname', 'tagnum',
]);

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A tag's canonical name, or undefined when rpm 4.18 has no such tag (names are case-insensitive, RPMTAG_ optional). */
function tagName(raw: string): string | undefined {
  let n = raw.toUpperCase();
  if (n.startsWith('RPMTAG_')) n = n.slice(7);
  return RPM_TAGS.has(n) ? n : undefined;
}

type State = 'top' | 'array' | 'expr';

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  fail(message: string): never {
    throw new FormatError(message);
  }

  /** Tokens up to the end (top), `]` (array) or `}` (expr); the closing character is consumed. */
  parse(state: State): Token[] {
    const out: Token[] = [];
    const s = this.s;
    let text = '';
    const flush = (): void => {
      if (text) out.push({ t: 'text', s: text });
      text = '';
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '%') {
        if (s[this.i + 1] === '%') {
          text += '%';
          this.i += 2;
          continue;
        }
        flush();
        this.i++;
        if (s[this.i] === '|') {
          this.i++;
          out.push(this.expression());
          continue;
        }
        out.push({ t: 'tag', tag: this.tag() });
        continue;
      }
      if (c === '[') {
        flush();
        this.i++;
        const body = this.parse('array');
        out.push({ t: 'array', body });
        continue;
      }
      if (c === ']') {
        if (state !== 'array') this.fail('unexpected ]');
        this.i++;
        flush();
        return out;
      }
      if (c === '}') {
        if (state !== 'expr') this.fail('unexpected }');
        this.i++;
        flush();
        return out;
      }
      if (c === '\\') {
        this.i++;
        if (this.i >= s.length) this.fail('escaped char expected after \\');
        const e = s[this.i++]!;
        text += ESCAPES[e] ?? e;
        continue;
      }
      text += c;
      this.i++;
    }
    flush();
    if (state === 'array') this.fail('] expected at end of array');
    if (state === 'expr') this.fail('} expected in expression');
    return out;
  }

  /** After `%`: `[width]{[=#]NAME[:type]}`. */
  tag(): TagRef {
    const s = this.s;
    let width = '';
    while (this.i < s.length && s[this.i] !== '{' && s[this.i] !== '%') {
      if (!/[0-9-]/.test(s[this.i]!)) this.fail('invalid field width');
      width += s[this.i++];
    }
    if (this.i >= s.length || s[this.i] === '%') this.fail('missing { after %');
    this.i++;
    let justOne = false;
    let type = 'string';
    if (s[this.i] === '=') {
      justOne = true;
      this.i++;
    } else if (s[this.i] === '#') {
      justOne = true;
      type = 'arraysize';
      this.i++;
    }
    const close = s.indexOf('}', this.i);
    if (close < 0) this.fail('missing } after %{');
    let body = s.slice(this.i, close);
    this.i = close + 1;
    const colon = body.indexOf(':');
    if (colon >= 0) {
      type = body.slice(colon + 1);
      body = body.slice(0, colon);
      if (!type) this.fail('empty tag format');
    }
    if (!body) this.fail('empty tag name');
    const name = tagName(body);
    if (name === undefined || !FORMATS.has(type)) this.fail(`unknown tag: "${body}"`);
    return { name, width, type, justOne };
  }

  /** After `%|`: `NAME?{...}:{...}|` or `NAME?{...}|`. */
  expression(): Token {
    const s = this.s;
    const q = s.indexOf('?', this.i);
    if (q < 0) this.fail('? expected in expression');
    const raw = s.slice(this.i, q);
    this.i = q + 1;
    if (s[this.i] !== '{') this.fail('{ expected after ? in expression');
    this.i++;
    const then = this.parse('expr');
    if (this.i >= s.length) this.fail('} expected in expression');
    let otherwise: Token[] = [];
    if (s[this.i] === ':') {
      this.i++;
      if (s[this.i] !== '{') this.fail('{ expected after : in expression');
      this.i++;
      otherwise = this.parse('expr');
      if (this.i >= s.length) this.fail('} expected in expression');
      if (s[this.i] !== '|') this.fail('| expected at end of expression');
    } else if (s[this.i] !== '|') this.fail(': expected following ? subexpression');
    this.i++;
    // an unknown name is not an error here: it is simply never present
    return { t: 'cond', name: tagName(raw) ?? '', then, else: otherwise };
  }
}

/** Compiles a query format; throws FormatError with rpm's message. */
export function compileFormat(format: string): Token[] {
  return new Parser(format).parse('top');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** strftime "%c" in the C locale ("Thu Nov 26 18:56:58 2026"), UTC. */
export function cTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** strftime "%a %b %d %Y" (changelog dates, :day). */
export function dayStamp(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.getUTCFullYear()}`;
}

/** ls-style permissions of a file mode. */
function perms(mode: number): string {
  const type = mode & 0o170000;
  const kind = type === 0o040000 ? 'd' : type === 0o120000 ? 'l' : type === 0o020000 ? 'c' : type === 0o060000 ? 'b' : type === 0o010000 ? 'p' : type === 0o140000 ? 's' : '-';
  const bits = 'rwxrwxrwx'.split('').map((ch, k) => (mode & (0o400 >> k) ? ch : '-'));
  if (mode & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
  if (mode & 0o2000) bits[5] = bits[5] === 'x' ? 's' : 'S';
  if (mode & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return kind + bits.join('');
}

function human(n: number, kilo: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
  let i = 0;
  // rpm divides a float: keep to single precision
  let x = Math.fround(n);
  while (x >= kilo) {
    x = Math.fround(x / kilo);
    i++;
  }
  const decimals = x > 0.05 && x < 9.95 ? 1 : 0;
  return `${x.toFixed(decimals)}${units[i]}`;
}

/** A value in one of rpm's formats (the ones whose input class does not fit say so, as rpm does). */
function formatValue(v: TagValue, type: string, count: number, name: string): string {
  const num = typeof v === 'number';
  const needNumber = (f: (n: number) => string): string => (num ? f(v) : '(not a number)');
  switch (type) {
    case 'arraysize': return String(count);
    case 'octal': return needNumber((n) => n.toString(8));
    case 'hex': return needNumber((n) => n.toString(16));
    case 'date': return needNumber(cTime);
    case 'day': return needNumber(dayStamp);
    case 'perms': case 'permissions': return needNumber(perms);
    case 'humansi': return needNumber((n) => human(n, 1000));
    case 'humaniec': return needNumber((n) => human(n, 1024));
    case 'depflags': return needNumber((n) => `${n & 2 ? '<' : ''}${n & 4 ? '>' : ''}${n & 8 ? '=' : ''}`);
    case 'shescape': return num ? String(v) : `'${v.replace(/'/g, "'\\''")}'`;
    case 'tagname': return name.charAt(0) + name.slice(1).toLowerCase();
    default: return String(v);
  }
}

/** printf("%<width>s", text). */
function pad(text: string, width: string): string {
  if (!width) return text;
  const left = width.includes('-');
  const n = Number(width.replace(/-/g, '')) || 0;
  return left ? text.padEnd(n) : text.padStart(n);
}

/** Renders a compiled format for one header; throws FormatError as rpm does while printing. */
export function renderFormat(tokens: readonly Token[], header: Header): string {
  let out = '';
  const one = (tok: Token, element: number): void => {
    switch (tok.t) {
      case 'text':
        out += tok.s;
        return;
      case 'tag': {
        const values = header(tok.tag.name);
        const at = tok.tag.justOne ? 0 : element;
        const text = values && values.length > at ? formatValue(values[at]!, tok.tag.type, values.length, tok.tag.name) : '(none)';
        out += pad(text, tok.tag.width);
        return;
      }
      case 'cond': {
        const present = tok.name !== '' && header(tok.name) !== undefined;
        for (const t of present ? tok.then : tok.else) one(t, element);
        return;
      }
      case 'array': {
        let n = 0;
        let found = false;
        for (const t of tok.body) {
          if (t.t !== 'tag' || t.tag.justOne) continue;
          const values = header(t.tag.name);
          if (!values) continue;
          found = true;
          if (n > 0 && values.length !== n) throw new FormatError('array iterator used with different sized arrays');
          n = Math.max(n, values.length);
        }
        if (!found) return;
        for (let j = 0; j < n; j++) for (const t of tok.body) one(t, j);
        return;
      }
    }
  };
  for (const t of tokens) one(t, 0);
  return out;
}
