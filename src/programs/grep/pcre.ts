// -P patterns: PCRE2 syntax (non-UTF mode, one byte a character) rewritten as a JavaScript
// RegExp source without the `u` flag. Capturing groups are numbered only at the end, so
// helper groups (possessive quantifiers, atomic groups, \K) never shift the pattern's own
// back-references.

export const KEEP = 'grepK';

export class PcreError extends Error {}

const POSIX: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\t\\n\\v\\f\\r ', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f', word: '\\w', ascii: '\\x00-\\x7f',
};

const hex = (c: number): string => (c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`);

/** Ranges of the codes 0..0xff for which `has` holds (the whole 16-bit range past 0xff when `rest`). */
function rangesOf(has: (c: number) => boolean, rest: boolean): string {
  let out = '';
  for (let c = 0; c < 0x100; ) {
    if (!has(c)) {
      c++;
      continue;
    }
    let e = c;
    while (e + 1 < 0x100 && has(e + 1)) e++;
    out += e === c ? hex(c) : `${hex(c)}-${hex(e)}`;
    c = e + 1;
  }
  return rest ? `${out}\\u0100-\\uffff` : out;
}

/** The class body for \p{name} (negated for \P or {^name}); PCRE2 applies Unicode properties to the codes 0..255. */
function property(name: string, negate: boolean): string {
  if (name.startsWith('^')) {
    negate = !negate;
    name = name.slice(1);
  }
  let test: (c: number) => boolean;
  const re = (src: string): RegExp | undefined => {
    try {
      return new RegExp(src, 'u');
    } catch {
      return undefined;
    }
  };
  const ch = (c: number): string => String.fromCharCode(c);
  const special: Record<string, (c: number) => boolean> = {
    Any: () => true,
    'L&': (c) => /\p{Lu}|\p{Ll}|\p{Lt}/u.test(ch(c)),
    Xan: (c) => /\p{L}|\p{N}/u.test(ch(c)),
    Xwd: (c) => /\p{L}|\p{N}|_/u.test(ch(c)),
    Xsp: (c) => /\p{Z}|[\t\n\v\f\r]/u.test(ch(c)),
    Xps: (c) => /\p{Z}|[\t\n\v\f\r]/u.test(ch(c)),
  };
  if (special[name]) test = special[name]!;
  else {
    const r = /^[A-Z][a-z]?$/.test(name) ? re(`^\\p{${name}}$`) : re(`^\\p{Script=${name}}$`);
    if (!r) throw new PcreError('unknown property after \\P or \\p');
    test = (c) => r.test(ch(c));
  }
  return rangesOf(negate ? (c) => !test(c) : test, negate);
}

function posixClass(name: string, negate: boolean): string {
  const body = POSIX[name];
  if (body === undefined) throw new PcreError('unknown POSIX class name');
  if (!negate) return body;
  const r = new RegExp(`[${body}]`);
  return rangesOf((c) => !r.test(String.fromCharCode(c)), true);
}

const otherCase = (c: string): string => {
  const u = c.toUpperCase();
  return u !== c ? u : c.toLowerCase();
};

interface Group {
  /** Output of the group so far, as atoms (a quantifier applies to the last). */
  atoms: string[];
  /** What closes it: the text appended after the atoms and `)`. */
  open: string;
  pcreNo: number;
  icase: boolean;
  extended: boolean;
  dotall: boolean;
  multiline: boolean;
  /** Whether the last atom already has a quantifier. */
  quantified?: boolean;
  /** A branch reset group (?|...): each alternative numbers its groups from `start`. */
  reset?: { start: number; max: number; alts: Map<number, number>[] };
  /** The capture's own mark (groups of a branch reset share their number, not their mark). */
  mark?: number;
}

/**
 * PCRE2's errors for a group opening "(?" it cannot read, `rest` being what follows the "?":
 * a name that is missing, starts with a digit or lacks its terminator, (?R not closed, (?+
 * without digits, a relative reference before any group, a pattern that ends in the opening.
 */
function checkGroupOpening(rest: string, groupsSoFar: number): void {
  const missing = (): never => {
    throw new PcreError('missing closing parenthesis');
  };
  if (rest === '' || rest === 'P') missing();
  const nameAt = /^(?:<(?![=!])|'|P[<=>]|&)/.exec(rest);
  if (nameAt) {
    const term = nameAt[0].endsWith('<') ? '>' : nameAt[0] === "'" ? "'" : ')';
    const after = rest.slice(nameAt[0].length);
    const word = /^\w*/.exec(after)![0];
    if (word === '') throw new PcreError('subpattern name expected');
    if (/^\d/.test(word)) throw new PcreError('subpattern name must start with a non-digit');
    if (after[word.length] !== term) throw new PcreError('syntax error in subpattern name (missing terminator?)');
    return;
  }
  if (rest[0] === 'R' && rest[1] !== ')') throw new PcreError('(?R (recursive pattern call) must be followed by a closing parenthesis');
  const num = /^([-+]?)(\d+)/.exec(rest);
  if (rest[0] === '+' && !num) throw new PcreError('digit expected after (?+ or (?-');
  if (num) {
    if (num[1] === '-' && Number(num[2]) > groupsSoFar) throw new PcreError('reference to non-existent subpattern');
    if (rest[num[0].length] !== ')') missing();
    return;
  }
  if ((rest[0] === '(' || rest[0] === 'C') && !rest.includes(')')) missing();
  // option letters up to the end of the pattern
  if (/^[imnsxJU^-]*$/.test(rest)) missing();
}

/** Translates one PCRE pattern. `icase` is -i; the result needs the `i` flag only when `flagI`. */
export function pcreToJs(p: string, icase: boolean): { source: string; flagI: boolean } {
  // leading (*UTF), (*UCP), (*CRLF)... start-of-pattern options
  for (let m; (m = /^\(\*(?:UTF|UCP|NOTEMPTY(?:_ATSTART)?|NO_AUTO_POSSESS|NO_DOTSTAR_ANCHOR|NO_JIT|NO_START_OPT|CR|LF|CRLF|ANY|ANYCRLF|NUL|BSR_ANYCRLF|BSR_UNICODE|LIMIT_(?:MATCH|HEAP|DEPTH|RECURSION)=\d+)\)/.exec(p)); ) p = p.slice(m[0].length);
  const totalGroups = countGroups(p);
  // the i flag can serve only when no (?i) or (?-i) changes it part way
  const inlineI = /\(\?[a-zA-Z]*-?[a-zA-Z]*i[a-zA-Z-]*[:)]|\(\?\^/.test(p.replace(/^\(\?[imsx]+\)/, ''));
  const leadI = /^\(\?[msx]*i[msx]*\)/.test(p);
  const useFlag = !inlineI;
  const flagI = useFlag && (icase || leadI);
  let nextGroup = 0;
  let helper = 0;
  const groupText = new Map<number, string>();
  /** The marks of the groups closed so far under each number (several in a branch reset). */
  const marks = new Map<number, number[]>();
  let nextMark = 0;
  /** The number of each mark. */
  const markNo = new Map<number, number>();
  /** Closed branch resets: their alternatives and, for each, the mark of each number in it. */
  const resets: { alts: string[]; marks: Map<number, number>[] }[] = [];
  const names = new Map<string, number>();
  const top: Group = { atoms: [], open: '', pcreNo: 0, icase, extended: false, dotall: false, multiline: false };
  const stack: Group[] = [top];
  const cur = (): Group => stack[stack.length - 1]!;
  const push = (a: string): void => {
    cur().atoms.push(a);
    cur().quantified = false;
  };
  const lit = (c: string): string => {
    const g = cur();
    if (g.icase && !useFlag && /[A-Za-z\xc0-\xfe]/.test(c) && otherCase(c) !== c) return `[${esc(c)}${esc(otherCase(c))}]`;
    return esc(c);
  };
  const backref = (n: number): string => {
    if (n < 1 || n > totalGroups) throw new PcreError('reference to non-existent subpattern');
    // a group not yet closed has captured nothing: the reference cannot match
    const m = marks.get(n);
    if (!m) return '(?!)';
    // inside a branch reset the alternative's own group; after it, resolved by resolve()
    if (m.length === 1 || stack.some((s) => s.reset)) return `\u0000R${m[m.length - 1]}\u0000`;
    return `\u0000Q${n}\u0000`;
  };
  let i = 0;
  const readName = (end: string): string => {
    const e = p.indexOf(end, i);
    if (e < 0) throw new PcreError('syntax error in subpattern name (missing terminator?)');
    const n = p.slice(i, e);
    i = e + end.length;
    return n;
  };
  const refByName = (n: string): string => {
    if (/^-?\d+$/.test(n)) {
      const k = Number(n);
      return backref(k < 0 ? nextGroup + 1 + k : k);
    }
    const k = names.get(n);
    if (k === undefined) throw new PcreError('reference to non-existent subpattern');
    return backref(k);
  };
  while (i < p.length) {
    const g = cur();
    const c = p[i]!;
    if (g.extended && /[ \t\n\r\f\v]/.test(c)) {
      i++;
      continue;
    }
    if (g.extended && c === '#') {
      const e = p.indexOf('\n', i);
      i = e < 0 ? p.length : e + 1;
      continue;
    }
    if (c === '\\') {
      i++;
      const r = escape();
      if (r === 'K') push(`\u0000K\u0000`);
      else if (r !== null) push(r);
      continue;
    }
    if (c === '[') {
      i++;
      push(charClass());
      continue;
    }
    if (c === '(') {
      i++;
      if (p.startsWith('?#', i)) {
        const e = p.indexOf(')', i);
        if (e < 0) throw new PcreError('missing ) after (?# comment');
        i = e + 1;
        continue;
      }
      const grp = (open: string, pcreNo = 0): void => {
        stack.push({ atoms: [], open, pcreNo, icase: g.icase, extended: g.extended, dotall: g.dotall, multiline: g.multiline, mark: pcreNo ? ++nextMark : undefined });
      };
      if (p[i] !== '?') {
        if (p[i] === '*') {
          // (*FAIL) is the one backtracking verb done here; (*lower-case) is an assertion's name
          const verb = /^\*(F|FAIL)\)/.exec(p.slice(i));
          if (verb) {
            i += verb[0].length;
            push('(?!)');
            continue;
          }
          throw new PcreError(/^\*[a-z]/.test(p.slice(i)) ? '(*alpha_assertion) not recognized' : '(*VERB) not recognized or malformed');
        }
        grp('capture', ++nextGroup);
        continue;
      }
      i++;
      checkGroupOpening(p.slice(i), nextGroup);
      const named = /^(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(p.slice(i));
      if (named) {
        i += named[0].length;
        const name = named[1] ?? named[2]!;
        // one name, one number (a branch reset may give its number the name again)
        if (names.has(name) && names.get(name) !== nextGroup + 1) throw new PcreError('two named subpatterns have the same name (PCRE2_DUPNAMES not set)');
        names.set(name, nextGroup + 1);
        grp('capture', ++nextGroup);
        continue;
      }
      const two = p.slice(i, i + 2);
      if (two === 'P=') {
        i += 2;
        push(refByName(readName(')')));
        continue;
      }
      if (two === 'P>' || p[i] === '&') {
        i += p[i] === '&' ? 1 : 2;
        push(call(names.get(readName(')')) ?? -1));
        continue;
      }
      const num = /^([-+]?\d+|R)\)/.exec(p.slice(i));
      if (num) {
        i += num[0].length;
        const rel = num[1]![0] === '-' || num[1]![0] === '+';
        const n = num[1] === 'R' ? 0 : rel ? nextGroup + (num[1]![0] === '+' ? 0 : 1) + Number(num[1]) : Number(num[1]);
        if (rel && n <= 0) throw new PcreError('reference to non-existent subpattern');
        push(call(n));
        continue;
      }
      const look = /^(?:<?[=!])/.exec(p.slice(i));
      if (look) {
        i += look[0].length;
        if (!p.includes(')', i)) throw new PcreError('missing closing parenthesis');
        if (look[0].startsWith('<') && !fixedBranches(p, i)) throw new PcreError('lookbehind assertion is not fixed length');
        grp(`(?${look[0]}`);
        continue;
      }
      if (p[i] === ':' || p[i] === '|') {
        grp('(?:');
        if (p[i] === '|') cur().reset = { start: nextGroup, max: nextGroup, alts: [new Map()] };
        i++;
        continue;
      }
      if (p[i] === '>') {
        i++;
        grp('atomic');
        continue;
      }
      // (?^) first turns i, m, s and x off
      const flags = /^(\^?)([imsxn]*)(?:-([imsxn]*))?([:)])/.exec(p.slice(i));
      if (flags) {
        i += flags[0].length;
        const apply = (t: Group): void => {
          if (flags[1]) for (const f of 'imsx') setFlag(t, f, false);
          for (const f of flags[2]!) setFlag(t, f, true);
          for (const f of flags[3] ?? '') setFlag(t, f, false);
        };
        if (flags[4] === ':') {
          grp('(?:');
          apply(cur());
        } else apply(g);
        continue;
      }
      throw new PcreError('unrecognized character after (? or (?-');
    }
    if (c === ')') {
      i++;
      if (stack.length === 1) throw new PcreError('unmatched closing parenthesis');
      stack.pop();
      const body = resolve(g.atoms);
      let a: string;
      if (g.reset) {
        nextGroup = Math.max(g.reset.max, nextGroup);
        const alts: string[] = [];
        let from = 0;
        g.atoms.forEach((t, k) => {
          if (t !== '|') return;
          alts.push(resolve(g.atoms.slice(from, k)));
          from = k + 1;
        });
        alts.push(resolve(g.atoms.slice(from)));
        resets.push({ alts, marks: g.reset.alts });
        push(`\u0000B${resets.length - 1}\u0000`);
        continue;
      }
      if (g.open === 'capture') {
        a = `\u0000G${g.mark}\u0000${body})`;
        if (!groupText.has(g.pcreNo)) groupText.set(g.pcreNo, body);
        marks.set(g.pcreNo, [...(marks.get(g.pcreNo) ?? []), g.mark!]);
        markNo.set(g.mark!, g.pcreNo);
        const r = [...stack].reverse().find((t) => t.reset)?.reset;
        r?.alts[r.alts.length - 1]!.set(g.pcreNo, g.mark!);
      } else if (g.open === 'atomic') a = atomic(body);
      else a = `${g.open}${body})`;
      push(a);
      continue;
    }
    if (c === '|') {
      i++;
      push('|');
      if (g.reset) {
        g.reset.max = Math.max(g.reset.max, nextGroup);
        nextGroup = g.reset.start;
        g.reset.alts.push(new Map());
      }
      continue;
    }
    if (c === '.') {
      i++;
      push(g.dotall ? '[\\s\\S]' : '.');
      continue;
    }
    if (c === '^' || c === '$') {
      i++;
      if (!g.multiline) push(c);
      else push(c === '^' ? '(?<![^\\n])' : '(?=\\n|(?![\\s\\S]))');
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(p.slice(i)))) {
      const q = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(p.slice(i))![0];
      i += q.length;
      const last = g.atoms.length ? g.atoms[g.atoms.length - 1]! : '|';
      if (g.quantified) throw new PcreError('quantifier does not follow a repeatable item');
      if (last === '|' || last === '^' || last === '$' || /^\(\?<?[=!]/.test(last) || last.startsWith('\u0000K')) {
        if (last === '^' || last === '$' || /^\(\?<?[=!]/.test(last)) {
          // PCRE accepts a quantified assertion; it matches as the assertion itself
          continue;
        }
        throw new PcreError('quantifier does not follow a repeatable item');
      }
      const brace = /^\{(\d+)(?:,(\d*))?\}$/.exec(q);
      if (brace && (Number(brace[1]) > 65535 || Number(brace[2] || 0) > 65535)) throw new PcreError('number too big in {} quantifier');
      if (brace && brace[2] !== undefined && brace[2] !== '' && Number(brace[2]) < Number(brace[1])) throw new PcreError('numbers out of order in {} quantifier');
      let mod = '';
      if (p[i] === '+' || p[i] === '?') mod = p[i++]!;
      const base = /^\\?.$|^\[.*\]$|^\(.*\)$/s.test(last) ? last : `(?:${last})`;
      g.atoms[g.atoms.length - 1] = mod === '+' ? atomic(`${base}${q}`) : `${base}${q}${mod}`;
      g.quantified = true;
      continue;
    }
    i++;
    push(lit(c));
  }
  if (stack.length > 1) throw new PcreError('missing closing parenthesis');
  // number the capturing groups in order of their opening
  let n = 0;
  const jsNo = new Map<string, number>();
  const whole = resolve(top.atoms).replace(/\u0000Q(\d+)\u0000/g, (_m, no: string) => `(?:${marks.get(Number(no))!.map((k) => `\u0000R${k}\u0000`).join('|')})`);
  // PCRE's reference to a group that took no part fails, where JavaScript's matches empty: a
  // referenced group also captures the text from its start on (F) and the text before it (E),
  // and the reference first checks that they are set: F cannot start anywhere after the
  // group's start, and right at its start it reaches the end, after just E
  let text = expandCalls(whole);
  const referenced = new Set([...text.matchAll(/\u0000R(\d+)\u0000/g)].map((m) => m[1]!));
  text = text.replace(/\u0000G(\d+)\u0000/g, (m, id: string) => (referenced.has(id) ? `${m}(?=\u0000F${id}\u0000[\\s\\S]*))(?<=\u0000E${id}\u0000[\\s\\S]*))` : m));
  let out = text.replace(/\u0000([GHKFE])(\d*)\u0000/g, (_m, k: string, id: string) => {
    n++;
    jsNo.set(`${k}${id}`, n);
    return k === 'K' ? `(?<${KEEP}>)` : '(';
  });
  out = out.replace(/\u0000([RS])(\d+)\u0000/g, (_m, k: string, id: string) => {
    const g = jsNo.get(`${k === 'R' ? 'G' : 'H'}${id}`) ?? 0;
    const f = k === 'R' ? jsNo.get(`F${id}`) : undefined;
    const e = jsNo.get(`E${id}`);
    return f === undefined ? `(?:\\${g})` : `(?:(?:(?!\\${f})|(?=\\${f}(?![\\s\\S]))(?<=^\\${e}))\\${g})`;
  });
  return { source: out, flagI };

  /**
   * A group's atoms as text, with its branch resets written out. A back-reference after a
   * branch reset (in the same alternative) means the group of whichever alternative matched:
   * the rest of the alternative is repeated after each of them, referring to its own group.
   */
  function resolve(atoms: string[]): string {
    let out = '';
    for (let k = 0; k < atoms.length; k++) {
      const b = /^\u0000B(\d+)\u0000$/.exec(atoms[k]!);
      if (!b) {
        out += atoms[k]!.replace(/\u0000B(\d+)\u0000/g, (_m, id: string) => `(?:${resets[Number(id)]!.alts.join('|')})`);
        continue;
      }
      const r = resets[Number(b[1])]!;
      let end = atoms.indexOf('|', k + 1);
      if (end < 0) end = atoms.length;
      const rest = atoms.slice(k + 1, end);
      const refs = (t: string): boolean => [...t.matchAll(/\u0000Q(\d+)\u0000/g)].some((m) => r.marks.some((a) => a.has(Number(m[1]))));
      if (!rest.some(refs)) {
        out += `(?:${r.alts.join('|')})`;
        continue;
      }
      const tail = resolve(rest);
      out += `(?:${r.alts.map((alt, j) => alt + (j === 0 ? tail : renumber(tail)).replace(/\u0000Q(\d+)\u0000/g, (m, no: string) => {
        if (!r.marks.some((a) => a.has(Number(no)))) return m;
        const own = r.marks[j]!.get(Number(no));
        return own === undefined ? '(?!)' : `\u0000R${own}\u0000`;
      })).join('|')})`;
      k = end - 1;
    }
    return out;
  }

  /** A repeated piece: its groups get new marks (more groups under the same numbers). */
  function renumber(t: string): string {
    const map = new Map<number, number>();
    return t.replace(/\u0000([GR])(\d+)\u0000/g, (m, k: string, old: string) => {
      const no = markNo.get(Number(old));
      if (k === 'R') return map.has(Number(old)) ? `\u0000R${map.get(Number(old))}\u0000` : m;
      const mark = ++nextMark;
      map.set(Number(old), mark);
      markNo.set(mark, no!);
      marks.get(no!)!.push(mark);
      return `\u0000G${mark}\u0000`;
    });
  }

  function atomic(body: string): string {
    const id = ++helper;
    return `(?=\u0000H${id}\u0000${body}))\u0000S${id}\u0000`;
  }

  /** A subroutine call (?n), (?R), (?&name): the group's text, or a placeholder expanded at the end. */
  function call(n: number): string {
    if (n < 0 || n > totalGroups) throw new PcreError('reference to non-existent subpattern');
    const t = n === 0 ? undefined : groupText.get(n);
    if (t === undefined) return `\u0000C${n}\u0000`;
    return `(?:${copy(t)})`;
  }

  /**
   * A group's text as a call's copy: its groups capture afresh (a back-reference inside the
   * copy sees the copy's own group, as in a PCRE recursion), fresh atomic helpers, no \K.
   */
  function copy(t: string): string {
    const fresh = new Map<string, number>();
    const id = (old: string): number => {
      let k = fresh.get(old);
      if (k === undefined) fresh.set(old, (k = ++helper));
      return k;
    };
    return t
      .replace(/\u0000K\u0000/g, '')
      .replace(/\u0000([GHRS])(\d+)\u0000/g, (m, k: string, old: string) => {
        if (k === 'G' || k === 'H') return `\u0000H${id(k + old)}\u0000`;
        const own = fresh.get((k === 'R' ? 'G' : 'H') + old);
        return own === undefined ? m : `\u0000S${own}\u0000`;
      });
  }

  /**
   * Recursive calls (a group called from inside itself, or the whole pattern by (?R)) as
   * copies nested as deep as a pattern of reasonable size allows; the innermost copy fails.
   */
  function expandCalls(text: string): string {
    if (!text.includes('\u0000C')) return text;
    const body = (n: number): string => (n === 0 ? text : groupText.get(n)!);
    const LIMIT = 200_000;
    let best = text.replace(/\u0000C\d+\u0000/g, '(?!)');
    for (let depth = 1; depth <= 40; depth++) {
      let over = false;
      const level = (t: string, d: number): string =>
        t.replace(/\u0000C(\d+)\u0000/g, (_m, n: string) => {
          if (over) return '';
          if (d === 0) return '(?!)';
          const inner = `(?:${copy(level(body(Number(n)), d - 1))})`;
          if (inner.length > LIMIT) over = true;
          return inner;
        });
      const out = level(text, depth);
      if (over || out.length > LIMIT) break;
      best = out;
    }
    return best;
  }

  function setFlag(t: Group, f: string, on: boolean): void {
    if (f === 'i') t.icase = on;
    else if (f === 'x') t.extended = on;
    else if (f === 's') t.dotall = on;
    else if (f === 'm') t.multiline = on;
  }

  function esc(ch: string): string {
    return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e ? hex(ch.charCodeAt(0)) : ch;
  }

  /** After a backslash outside a class: the atom, 'K' for \K, or null for nothing. */
  function escape(): string | null {
    const d = p[i];
    if (d === undefined) throw new PcreError('\\ at end of pattern');
    i++;
    const single = simpleEscape(d, false);
    if (single !== undefined) return single;
    switch (d) {
      case 'Q': {
        const e = p.indexOf('\\E', i);
        const text = p.slice(i, e < 0 ? undefined : e);
        i = e < 0 ? p.length : e + 2;
        for (const ch of text) push(lit(ch));
        return null;
      }
      case 'E':
        return null;
      case 'K':
        return 'K';
      case 'A':
        return '(?<![\\s\\S])';
      case 'z':
        return '(?![\\s\\S])';
      case 'Z':
        return '(?=\\n?(?![\\s\\S]))';
      case 'G':
        return '(?<![\\s\\S])';
      case 'b':
      case 'B':
        return `\\${d}`;
      case 'R':
        return '(?:\\r\\n|[\\n\\v\\f\\r\\x85])';
      case 'X':
        return '[\\s\\S]';
      case 'g': {
        // \g<n> and \g'name' call a group, as (?n) and (?&name) do
        const sub = /^(?:<([^>]*)>|'([^']*)')/.exec(p.slice(i));
        if (sub) {
          i += sub[0].length;
          const t = sub[1] ?? sub[2]!;
          return call(/^[-+]?\d+$/.test(t) ? (/^[-+]/.test(t) ? nextGroup + (t[0] === '+' ? 0 : 1) + Number(t) : Number(t)) : (names.get(t) ?? -1));
        }
        if (/^(?:\{[-+]0\}|[-+]0)/.test(p.slice(i))) throw new PcreError('a relative value of zero is not allowed');
        if (p[i] === '{' && !/^\{-?\w/.test(p.slice(i))) throw new PcreError('subpattern name expected');
        const m = /^(?:\{(-?\d+|[A-Za-z_]\w*)\}|(-?\d+))/.exec(p.slice(i));
        if (!m) throw new PcreError('\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number');
        i += m[0].length;
        return refByName(m[1] ?? m[2]!);
      }
      case 'k': {
        const m = /^(?:<(\w+)>|'(\w+)'|\{(\w+)\})/.exec(p.slice(i));
        if (!m) throw new PcreError('\\k is not followed by a braced, angle-bracketed, or quoted name');
        i += m[0].length;
        return refByName(m[1] ?? m[2] ?? m[3]!);
      }
    }
    if (/[1-9]/.test(d)) {
      const m = /^\d*/.exec(p.slice(i))![0];
      const n = Number(d + m);
      if (n < 10 || n <= totalGroups) {
        i += m.length;
        return backref(n);
      }
      const oct = /^[0-7]{1,3}/.exec(p.slice(i - 1));
      if (!oct) return lit(d);
      i += oct[0].length - 1;
      return lit(String.fromCharCode(parseInt(oct[0], 8) & 0xff));
    }
    if (/[A-Za-z]/.test(d)) throw new PcreError('unrecognized character follows \\');
    return lit(d);
  }

  /** Escapes that mean the same inside and outside a class; undefined for the rest. */
  function simpleEscape(d: string, inClass: boolean): string | undefined {
    const wrap = (body: string): string => (inClass ? body : `[${body}]`);
    switch (d) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
        return `\\${d}`;
      case 'h':
        return wrap(' \\t\\xa0');
      case 'H':
        return inClass ? rangesOf((c) => c !== 0x20 && c !== 9 && c !== 0xa0, true) : '[^ \\t\\xa0]';
      case 'v':
        return wrap('\\n\\v\\f\\r\\x85');
      case 'V':
        return inClass ? rangesOf((c) => !(c >= 10 && c <= 13) && c !== 0x85, true) : '[^\\n\\v\\f\\r\\x85]';
      case 'N':
        if (inClass) throw new PcreError('escape sequence is invalid in character class');
        return '[^\\n]';
      case 't':
        return '\\t';
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 'f':
        return '\\f';
      case 'a':
        return '\\x07';
      case 'e':
        return '\\x1b';
      case '0': {
        const m = /^[0-7]{0,2}/.exec(p.slice(i))![0];
        i += m.length;
        return hex(parseInt(`0${m}`, 8));
      }
      case 'o': {
        const m = /^\{([0-7]+)\}/.exec(p.slice(i));
        if (!m) throw new PcreError('missing opening brace after \\o');
        i += m[0].length;
        return code(parseInt(m[1]!, 8));
      }
      case 'x': {
        const m = /^(?:\{([0-9A-Fa-f]+)\}|([0-9A-Fa-f]{0,2}))/.exec(p.slice(i))!;
        i += m[0].length;
        return code(parseInt(m[1] ?? (m[2] || '0'), 16));
      }
      case 'c': {
        const ch = p[i++];
        if (ch === undefined) throw new PcreError('\\c at end of pattern');
        return hex(ch.toUpperCase().charCodeAt(0) ^ 0x40);
      }
      case 'p':
      case 'P': {
        const m = /^(?:\{(\^?[\w&]+)\}|(\w))/.exec(p.slice(i));
        if (!m) throw new PcreError('malformed \\P or \\p sequence');
        i += m[0].length;
        const body = property(m[1] ?? m[2]!, d === 'P');
        return inClass ? body : `[${body}]`;
      }
    }
    return undefined;
  }

  function code(n: number): string {
    if (n > 0xff) throw new PcreError('character code point value in \\x{} or \\o{} is too large');
    const ch = String.fromCharCode(n);
    return cur().icase && !useFlag ? lit(ch) : hex(n);
  }

  /** After `[`: the class, with POSIX names, properties and a leading `]` rewritten. */
  function charClass(): string {
    let neg = false;
    if (p[i] === '^') {
      neg = true;
      i++;
    }
    let body = '';
    let first = true;
    let prev: number | undefined;
    const g = cur();
    const fold = g.icase && !useFlag;
    const add = (c: number): void => {
      body += hex(c);
      if (fold) {
        const o = otherCase(String.fromCharCode(c));
        if (o.length === 1 && o.charCodeAt(0) < 0x100 && o !== String.fromCharCode(c)) body += hex(o.charCodeAt(0));
      }
    };
    for (;;) {
      if (i >= p.length) throw new PcreError('missing terminating ] for character class');
      const c = p[i]!;
      if (c === ']' && !first) {
        i++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
      if (posix) {
        i += posix[0].length;
        body += posixClass(posix[2]!, posix[1] === '^');
        prev = undefined;
        continue;
      }
      let single: number | undefined;
      if (c === '\\') {
        i++;
        const d = p[i++];
        if (d === undefined) throw new PcreError('\\ at end of pattern');
        if (d === 'b') single = 8;
        else if (d === 'Q' || d === 'E') {
          if (d === 'Q') {
            const e = p.indexOf('\\E', i);
            for (const ch of p.slice(i, e < 0 ? undefined : e)) add(ch.charCodeAt(0));
            i = e < 0 ? p.length : e + 2;
          }
          continue;
        } else {
          const s = simpleEscape(d, true);
          if (s !== undefined) {
            const m = /^\\x([0-9a-f]{2})$|^\\([tnrf])$/.exec(s);
            if (m) single = m[1] ? parseInt(m[1], 16) : { t: 9, n: 10, r: 13, f: 12 }[m[2] as 't' | 'n' | 'r' | 'f'];
            else {
              body += s;
              prev = undefined;
              continue;
            }
          } else if (/[0-7]/.test(d)) {
            const oct = /^[0-7]{1,3}/.exec(p.slice(i - 1))![0];
            i += oct.length - 1;
            single = parseInt(oct, 8) & 0xff;
          } else if (/[A-Za-z]/.test(d)) throw new PcreError('unrecognized character follows \\');
          else single = d.charCodeAt(0);
        }
      } else {
        i++;
        single = c.charCodeAt(0);
      }
      if (p[i] === '-' && p[i + 1] !== ']' && p[i + 1] !== undefined) {
        // a range: its end is one character or an escape for one
        i++;
        let end: number;
        const e = p[i]!;
        if (e === '\\') {
          const d = p[i + 1] ?? '';
          if (/[dDwWsShHvVpPN]/.test(d) || /^\[:/.test(p.slice(i))) throw new PcreError('invalid range in character class');
          i += 2;
          const s = simpleEscape(d, true);
          const m = s && /^\\x([0-9a-f]{2})$/.exec(s);
          end = m ? parseInt(m[1]!, 16) : d.charCodeAt(0);
        } else if (p.startsWith('[:', i)) throw new PcreError('invalid range in character class');
        else {
          i++;
          end = e.charCodeAt(0);
        }
        if (end < single) throw new PcreError('range out of order in character class');
        body += `${hex(single)}-${hex(end)}`;
        if (fold) for (let k = single; k <= end; k++) add(k);
        prev = undefined;
        continue;
      }
      add(single);
      prev = single;
    }
    void prev;
    if (body === '') return neg ? '[\\s\\S]' : '[^\\s\\S]';
    return `[${neg ? '^' : ''}${body}]`;
  }
}

/** How many capturing groups the pattern has (PCRE decides \10 and up by this). */
function countGroups(p: string): number {
  let n = 0;
  let inClass = false;
  // open groups; a branch reset's alternatives each number from its start
  const open: ({ start: number; max: number } | undefined)[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (p[i + 1] === '^') i++;
      if (p[i + 1] === ']') i++;
      continue;
    }
    if (c === '(') {
      if ((p[i + 1] !== '?' || /^\(\?(?:P?<\w|')/.test(p.slice(i))) && p[i + 1] !== '*') n++;
      open.push(p.startsWith('(?|', i) ? { start: n, max: n } : undefined);
    } else if (c === '|') {
      const r = open[open.length - 1];
      if (r) {
        r.max = Math.max(r.max, n);
        n = r.start;
      }
    } else if (c === ')') {
      const r = open.pop();
      if (r) n = Math.max(r.max, n);
    }
  }
  return n;
}

/**
 * Whether each branch of the group whose body starts at p[from] has a fixed length, as PCRE2
 * wants of a lookbehind (branches may differ from each other; a nested group's may not).
 */
function fixedBranches(p: string, from: number): boolean {
  const r = groupLength(p, from);
  return r !== undefined && r.lengths.every((n) => n !== undefined);
}

/** The length of each branch of a group body from p[from] (undefined: not fixed), and its end. */
function groupLength(p: string, from: number): { lengths: (number | undefined)[]; end: number } | undefined {
  const lengths: (number | undefined)[] = [];
  let len: number | undefined = 0;
  let last: number | undefined = 0;
  let i = from;
  const add = (n: number | undefined): void => {
    last = n;
    len = len === undefined || n === undefined ? undefined : len + n;
  };
  while (i < p.length) {
    const c = p[i]!;
    if (c === ')') {
      lengths.push(len);
      return { lengths, end: i + 1 };
    }
    if (c === '|') {
      lengths.push(len);
      len = 0;
      last = 0;
      i++;
      continue;
    }
    const q = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})[+?]?/.exec(p.slice(i));
    if (q) {
      // a quantifier: fixed only as {n} (or on something of no width)
      const times = q[1] !== undefined && q[2] === undefined ? Number(q[1]) : undefined;
      const before: number | undefined = last;
      if (len !== undefined && before !== undefined) len -= before;
      add(before === 0 ? 0 : times === undefined || before === undefined ? undefined : before * times);
      i += q[0].length;
      continue;
    }
    if (c === '\\') {
      const d = p[i + 1] ?? '';
      if (d === 'Q') {
        const e = p.indexOf('\\E', i + 2);
        const text = p.slice(i + 2, e < 0 ? undefined : e);
        i = e < 0 ? p.length : e + 2;
        add(text.length);
        continue;
      }
      const esc = /^\\(?:x\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{0,2}|o\{[0-7]+\}|0[0-7]{0,2}|c.|[pP](?:\{[^}]*\}|.)|[1-9]\d*|g\{?-?\w+\}?|k[<{'][^>}']*[>}']|[\s\S])/.exec(p.slice(i))![0];
      i += esc.length;
      if (/^\\[bBAzZGKE]$/.test(esc)) add(0);
      // a reference is taken as fixed (PCRE2 accepts one to a fixed-length group)
      else if (/^\\[RX]/.test(esc)) add(undefined);
      else add(1);
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') {
        if (p[j] === '\\') j++;
        else if (p[j] === '[' && p[j + 1] === ':') {
          const e = p.indexOf(':]', j + 2);
          if (e >= 0) j = e + 1;
        }
        j++;
      }
      i = j + 1;
      add(1);
      continue;
    }
    if (c === '(') {
      let j = i + 1;
      let zero = false;
      if (p[j] === '?') {
        const m = /^\?(?:#[^)]*\)|[a-zA-Z-]*\)|<?[=!]|[:|>]|P?<\w+>|'\w+'|[a-zA-Z-]*:)/.exec(p.slice(j));
        if (!m) return undefined;
        if (m[0].endsWith(')')) {
          // a comment or an option setting: no width
          i = j + m[0].length;
          add(0);
          continue;
        }
        zero = /^\?<?[=!]/.test(m[0]);
        j += m[0].length;
      } else if (p[j] === '*') return undefined;
      const inner = groupLength(p, j);
      if (!inner) return undefined;
      i = inner.end;
      const first = inner.lengths[0];
      add(zero ? 0 : inner.lengths.every((n) => n !== undefined && n === first) ? first : undefined);
      continue;
    }
    add(c === '^' || c === '$' ? 0 : 1);
    i++;
  }
  return undefined;
}
