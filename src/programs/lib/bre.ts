// POSIX basic regular expressions with the GNU extensions (RE_SYNTAX_POSIX_BASIC, as expr
// uses it), translated to a JavaScript RegExp: \( \) groups, \{m,n\}, \+ \? \|, back
// references, bracket expressions with [:class:], context-dependent ^ $ and *, and glibc's
// error texts. JavaScript picks the leftmost alternative rather than the longest one; that is
// the only known difference.

export type BreResult = { re: RegExp; nsub: number } | { error: string };

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

const esc = (c: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c);

/** Parses the bracket expression starting after '['; returns the JS class and the index after ']'. */
function bracket(p: string, i: number): { cls: string; end: number } | { error: string } {
  let out = '[';
  if (p[i] === '^') {
    out += '^';
    i++;
  }
  // glibc: the pattern ending right after '[' or '[^' is a bad pattern, not an open bracket
  if (p[i] === undefined) return { error: 'Invalid regular expression' };
  let first = true;
  for (;;) {
    const c = p[i];
    if (c === undefined) return { error: 'Unmatched [, [^, [:, [., or [=' };
    if (c === ']' && !first) return { cls: `${out}]`, end: i + 1 };
    first = false;
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1]!;
      const close = p.indexOf(`${kind}]`, i + 2);
      if (close < 0) return { error: 'Unmatched [, [^, [:, [., or [=' };
      const name = p.slice(i + 2, close);
      if (kind === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return { error: 'Invalid character class name' };
        out += cls;
      } else {
        if ([...name].length !== 1) return { error: kind === '.' ? 'Invalid collation character' : 'Invalid collation character' };
        out += esc(name);
      }
      i = close + 2;
      continue;
    }
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      const hi = p[i + 2]!;
      // without RE_NO_EMPTY_RANGES a reversed range is allowed and matches nothing
      if (hi >= c) out += `${esc(c)}-${esc(hi)}`;
      i += 3;
      continue;
    }
    out += esc(c);
    i++;
  }
}

export function compileBre(p: string): BreResult {
  let out = '';
  let nsub = 0;
  const open: number[] = [];
  const closed = new Set<number>();
  /** Start (in `out`) of the last atom a repetition may apply to; -1 where `*` is literal. */
  let atom = -1;
  const repeat = (q: string): void => {
    out = `${out.slice(0, atom)}(?:${out.slice(atom)})${q}`;
  };
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    const start = i === 0 || p.slice(i - 2, i) === '\\(' || p.slice(i - 2, i) === '\\|';
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) return { error: 'Trailing backslash' };
      i += 2;
      if (n === '(') {
        nsub++;
        open.push(nsub);
        out += '(';
        atom = -1;
      } else if (n === ')') {
        const g = open.pop();
        if (g === undefined) return { error: 'Unmatched ) or \\)' };
        closed.add(g);
        const at = findOpen(out);
        out += ')';
        atom = at;
      } else if (n === '|') {
        out += '|';
        atom = -1;
      } else if (n === '{') {
        if (atom < 0) {
          out += '\\{';
          atom = out.length - 2;
          continue;
        }
        const close = p.indexOf('\\}', i);
        if (close < 0) return { error: 'Unmatched \\{' };
        const m = /^(\d*)(,(\d*))?$/.exec(p.slice(i, close));
        if (!m || (m[1] === '' && m[2] === undefined)) return { error: 'Invalid content of \\{\\}' };
        const lo = m[1] === '' ? 0 : Number(m[1]);
        const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
        if (lo > 32767 || (hi !== Infinity && hi > 32767)) return { error: 'Regular expression too big' };
        if (hi < lo) return { error: 'Invalid content of \\{\\}' };
        repeat(`{${lo}${m[2] === undefined ? '' : `,${hi === Infinity ? '' : hi}`}}`);
        i = close + 2;
      } else if (n === '+' || n === '?') {
        if (atom < 0) {
          out += esc(n);
          atom = out.length - 2;
        } else repeat(n);
      } else if (/[1-9]/.test(n)) {
        if (!closed.has(Number(n))) return { error: 'Invalid back reference' };
        atom = out.length;
        out += `\\${n}`;
      } else {
        const map: Record<string, string> = { w: '[0-9A-Za-z_]', W: '[^0-9A-Za-z_]', s: '\\s', S: '\\S', b: '\\b', B: '\\B', '<': '\\b(?=\\w)', '>': '\\b(?<=\\w)', '`': '^', "'": '$' };
        atom = /[wWsS]/.test(n) ? out.length : -1;
        out += map[n] ?? esc(n);
        if (map[n] === undefined) atom = out.length - esc(n).length;
      }
      continue;
    }
    i++;
    if (c === '*') {
      if (atom < 0) {
        out += '\\*';
        atom = out.length - 2;
      } else repeat('*');
    } else if (c === '^' && start) {
      out += '^';
      atom = -1;
    } else if (c === '$' && (i === p.length || p.startsWith('\\)', i) || p.startsWith('\\|', i))) {
      out += '$';
      atom = -1;
    } else if (c === '.') {
      atom = out.length;
      out += '[\\s\\S]';
    } else if (c === '[') {
      const b = bracket(p, i);
      if ('error' in b) return b;
      atom = out.length;
      out += b.cls;
      i = b.end;
    } else {
      atom = out.length;
      out += esc(c);
    }
  }
  if (open.length) return { error: 'Unmatched ( or \\(' };
  try {
    return { re: new RegExp(`^(?:${out})`), nsub };
  } catch {
    return { error: 'Invalid regular expression' };
  }
}

/** Index in `out` of the '(' that the next ')' closes. */
function findOpen(out: string): number {
  let depth = 0;
  for (let i = out.length - 1; i >= 0; i--) {
    const c = out[i];
    let bs = 0;
    for (let j = i - 1; j >= 0 && out[j] === '\\'; j--) bs++;
    if (bs % 2) continue;
    if (c === ')') depth++;
    else if (c === '(' && out[i + 1] !== '?') {
      if (depth === 0) return i;
      depth--;
    } else if (c === '(') depth--;
  }
  return 0;
}
