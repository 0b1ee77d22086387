// tparm(3): instantiates a parameterised terminfo string. The % escapes are a small stack
// machine (terminfo(5)): %p pushes a parameter, %d %s %c print, %{n} %'c' push constants,
// arithmetic, comparisons and logic pop two and push one, %i adds one to the first two
// parameters, %? %t %e %; are if/then/else, %P and %g set and get variables.

type Value = number | string;

const num = (v: Value | undefined): number => (typeof v === 'number' ? v : v === undefined ? 0 : Number.parseInt(v, 10) || 0);

/** printf-style %[flags][width][.precision](d|o|x|X|s) of one value. */
function format(spec: string, conv: string, v: Value | undefined): string {
  const m = /^([-+# ]*)(\d*)(?:\.(\d+))?$/.exec(spec) ?? ['', '', '', undefined];
  const flags = m[1] ?? '';
  const width = Number(m[2] || 0);
  let body: string;
  if (conv === 's') {
    body = typeof v === 'string' ? v : String(num(v));
    if (m[3] !== undefined) body = body.slice(0, Number(m[3]));
  } else {
    const n = Math.trunc(num(v));
    const abs = Math.abs(n);
    let digits = conv === 'o' ? abs.toString(8) : conv === 'x' ? abs.toString(16) : conv === 'X' ? abs.toString(16).toUpperCase() : String(abs);
    if (m[3] !== undefined) digits = digits.padStart(Number(m[3]), '0');
    if (flags.includes('#') && n !== 0) digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
    const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    body = sign + digits;
  }
  return flags.includes('-') ? body.padEnd(width) : body.padStart(width);
}

/** Skips to the %e or %; that ends the current branch at this nesting level. */
function skip(s: string, i: number, stopAtElse: boolean): number {
  let depth = 0;
  while (i < s.length) {
    if (s[i] === '%' && i + 1 < s.length) {
      const c = s[i + 1];
      i += 2;
      if (c === '?') depth++;
      else if (c === ';') {
        if (depth === 0) return i;
        depth--;
      } else if (c === 'e' && depth === 0 && stopAtElse) return i;
      continue;
    }
    i++;
  }
  return i;
}

export function tparm(s: string, params: readonly Value[]): string {
  const p: Value[] = [...params];
  while (p.length < 9) p.push(0);
  const stack: Value[] = [];
  const dynamic = new Map<string, Value>();
  const pop = (): Value => stack.pop() ?? 0;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    i++;
    const fm = /^:?([-+# ]*\d*(?:\.\d+)?)([doxXs])/.exec(s.slice(i));
    if (fm && (fm[1] !== '' || s[i] === ':')) {
      out += format(fm[1]!, fm[2]!, fm[2] === 's' ? pop() : num(pop()));
      i += fm[0].length;
      continue;
    }
    const c = s[i++];
    switch (c) {
      case '%': out += '%'; break;
      case 'd': case 'o': case 'x': case 'X': out += format('', c, num(pop())); break;
      case 's': out += format('', 's', pop()); break;
      case 'c': out += String.fromCharCode(num(pop()) & 0xff); break;
      case 'p': stack.push(p[Number(s[i++]) - 1] ?? 0); break;
      case 'P': dynamic.set(s[i++]!, pop()); break;
      case 'g': stack.push(dynamic.get(s[i++]!) ?? 0); break;
      case "'": stack.push(s.charCodeAt(i)); i += 2; break;
      case '{': {
        const end = s.indexOf('}', i);
        stack.push(Number.parseInt(s.slice(i, end), 10) || 0);
        i = end + 1;
        break;
      }
      case 'l': stack.push(String(pop()).length); break;
      case 'i': p[0] = num(p[0]) + 1; p[1] = num(p[1]) + 1; break;
      case '+': case '-': case '*': case '/': case 'm': case '&': case '|': case '^': case '=': case '<': case '>': case 'A': case 'O': {
        const b = num(pop());
        const a = num(pop());
        const r = c === '+' ? a + b : c === '-' ? a - b : c === '*' ? a * b : c === '/' ? (b ? Math.trunc(a / b) : 0) : c === 'm' ? (b ? a % b : 0)
          : c === '&' ? a & b : c === '|' ? a | b : c === '^' ? a ^ b : c === '=' ? Number(a === b) : c === '<' ? Number(a < b) : c === '>' ? Number(a > b)
          : c === 'A' ? Number(a !== 0 && b !== 0) : Number(a !== 0 || b !== 0);
        stack.push(r);
        break;
      }
      case '!': stack.push(Number(num(pop()) === 0)); break;
      case '~': stack.push(~num(pop())); break;
      case '?': break;
      case 't': if (num(pop()) === 0) i = skip(s, i, true); break;
      case 'e': i = skip(s, i, false); break;
      case ';': break;
      default: break;
    }
  }
  return out;
}
