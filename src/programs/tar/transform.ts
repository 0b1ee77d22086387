// --transform (--xform): sed-like `s/REGEX/REPLACEMENT/FLAGS` expressions, several to an
// option separated by `;`, applied in order to member names as GNU tar 1.34 does. Flags: g
// (every match), a number N (from the Nth match), i, x (extended regex), and the scope
// letters r/R (member names), h/H (hard link targets), s/S (symbolic link targets); a
// `flags=...;` item sets the default scope of the expressions after it. The replacement
// knows & \0-\9 \\ \& \a \b \f \n \r \t \v and the case conversions \L \U \l \u \E.
import { PosixRegExp } from '../lib/posix-match';
import { parsePosix } from '../lib/posix-regex';
import { RegexSyntaxError } from '../lib/posix-charset';
import { TarUsage } from './options';

export const XF_REG = 1;
export const XF_LINK = 2;
export const XF_SYMLINK = 4;

type Case = 'stop' | 'U' | 'L' | 'u' | 'l';
type Segment = { t: 'lit'; s: string } | { t: 'ref'; n: number } | { t: 'case'; c: Case };

interface Expr {
  re: PosixRegExp;
  global: boolean;
  matchNumber: number;
  scope: number;
  repl: Segment[];
}

export class Transforms {
  private readonly exprs: Expr[] = [];
  private scope = XF_REG | XF_LINK | XF_SYMLINK;

  get empty(): boolean {
    return this.exprs.length === 0;
  }

  /** Adds the expressions of one --transform argument; bad ones are usage errors. */
  add(text: string): void {
    let at = 0;
    while (at < text.length) at = this.parseOne(text, at);
  }

  private parseOne(text: string, start: number): number {
    const bad = (msg: string): never => {
      throw new TarUsage(msg, false);
    };
    if (text[start] !== 's') {
      if (!text.startsWith('flags=', start)) bad('Invalid transform expression');
      this.scope = 0;
      let i = start + 6;
      for (; i < text.length; i++) {
        if (text[i] === ';') return i + 1;
        const s = scopeFlag(this.scope, text[i]!);
        if (s === undefined) bad(`Unknown transform flag: ${text[i]}`);
        this.scope = s!;
      }
      return i;
    }
    const delim = text[start + 1];
    const scan = (from: number): number => {
      let i = from;
      for (; i < text.length && text[i] !== delim; i++) if (text[i] === '\\' && i + 1 < text.length) i++;
      if (delim === undefined || i >= text.length) bad('Invalid transform expression');
      return i;
    };
    const i = scan(start + 2);
    const j = scan(i + 1);
    let global = false;
    let icase = false;
    let extended = false;
    let matchNumber = 0;
    let scope = this.scope;
    let p = j + 1;
    for (; p < text.length && text[p] !== ';'; p++) {
      const c = text[p]!;
      if (c === 'g') global = true;
      else if (c === 'i') icase = true;
      else if (c === 'x') extended = true;
      else if (c >= '0' && c <= '9') {
        let q = p;
        while (q < text.length && text[q]! >= '0' && text[q]! <= '9') q++;
        matchNumber = Number(text.slice(p, q));
        p = q - 1;
      } else {
        const s = scopeFlag(scope, c);
        if (s === undefined) bad(`Unknown flag in transform expression: ${c}`);
        scope = s!;
      }
    }
    if (p < text.length) p++;
    const src = text.slice(start + 2, i);
    let re: PosixRegExp;
    try {
      re = new PosixRegExp(parsePosix(src, { extended, flavor: 'sed', icase }), { icase });
    } catch (e) {
      if (!(e instanceof RegexSyntaxError)) throw e;
      return bad(`Invalid transform expression: ${e.message}`);
    }
    if (src.startsWith('^') || src.endsWith('$')) global = false;
    const repl = parseReplacement(text.slice(i + 1, j), re.groups, bad);
    this.exprs.push({ re, global, matchNumber, scope, repl });
    return p;
  }

  /** `name` after every expression whose scope includes `kind` (XF_*). */
  apply(name: string, kind: number): string {
    let out = name;
    for (const e of this.exprs) if (e.scope & kind) out = applyOne(e, out);
    return out;
  }
}

function scopeFlag(scope: number, c: string): number | undefined {
  switch (c) {
    case 'r': return scope | XF_REG;
    case 'R': return scope & ~XF_REG;
    case 'h': return scope | XF_LINK;
    case 'H': return scope & ~XF_LINK;
    case 's': return scope | XF_SYMLINK;
    case 'S': return scope & ~XF_SYMLINK;
    default: return undefined;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '&': '&' };

function parseReplacement(r: string, groups: number, bad: (msg: string) => never): Segment[] {
  const out: Segment[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ t: 'lit', s: lit });
    lit = '';
  };
  for (let k = 0; k < r.length; ) {
    const c = r[k]!;
    if (c === '&') {
      flush();
      out.push({ t: 'ref', n: 0 });
      k++;
    } else if (c !== '\\') {
      lit += c;
      k++;
    } else {
      const d = r[k + 1];
      if (d === undefined) {
        // a lone backslash at the end is kept as it is
        lit += '\\';
        k++;
      } else if (d >= '0' && d <= '9') {
        let q = k + 1;
        while (q < r.length && r[q]! >= '0' && r[q]! <= '9') q++;
        const n = Number(r.slice(k + 1, q));
        if (n > groups) bad('Invalid transform replacement: back reference out of range');
        flush();
        out.push({ t: 'ref', n });
        k = q;
      } else if ('LUluE'.includes(d)) {
        flush();
        out.push({ t: 'case', c: d === 'E' ? 'stop' : (d as Case) });
        k += 2;
      } else {
        // the escapes a replacement knows become their character; any other stays two characters
        flush();
        out.push({ t: 'lit', s: ESCAPES[d] ?? `\\${d}` });
        k += 2;
      }
    }
  }
  flush();
  return out;
}

function convert(c: Case, s: string): string {
  if (s === '') return s;
  switch (c) {
    case 'u': return s[0]!.toUpperCase() + s.slice(1);
    case 'l': return s[0]!.toLowerCase() + s.slice(1);
    case 'U': return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
    case 'L': return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
    default: return s;
  }
}

/**
 * One expression on `name`, as tar's loop runs it: each search starts afresh on the rest of
 * the name (so ^ matches there too), and a match skipped before the Nth puts the text before
 * it out twice, as tar 1.34 does. The case state lasts over the whole name.
 */
function applyOne(e: Expr, name: string): string {
  let out = '';
  let input = name;
  let count = 0;
  let mode: Case = 'stop';
  let saved: Case = 'stop';
  const put = (s: string): void => {
    if (mode === 'stop') {
      out += s;
      return;
    }
    out += mode === 'u' || mode === 'l' ? convert(mode, s[0] ?? '') + s.slice(1) : convert(mode, s);
    if (mode === 'u' || mode === 'l') {
      mode = saved;
      saved = 'stop';
    }
  };
  while (input !== '') {
    const m = e.re.exec(input, 0);
    let disp: number;
    if (m) {
      disp = m.end;
      out += input.slice(0, m.index);
      count++;
      if (e.matchNumber && count < e.matchNumber) {
        out += input.slice(0, disp);
        input = input.slice(disp);
        continue;
      }
      for (const s of e.repl) {
        if (s.t === 'lit') put(s.s);
        else if (s.t === 'ref') {
          const text = s.n === 0 ? input.slice(m.index, m.end) : m.groups[s.n - 1];
          if (text !== undefined) put(text);
        } else {
          if ((s.c === 'u' || s.c === 'l') && (saved === 'stop' || saved === 'U' || saved === 'L')) saved = mode;
          mode = s.c;
        }
      }
      // an empty match would stand still (tar loops for ever there): step over a character
      if (disp === 0 && e.global) {
        out += input[0];
        disp = 1;
      }
    } else {
      disp = input.length;
      out += input;
    }
    input = input.slice(disp);
    if (!e.global) {
      out += input;
      break;
    }
  }
  return out;
}
