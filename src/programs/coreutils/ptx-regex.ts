// The regular expressions of ptx -S and -W: GNU regex in its Emacs syntax (\( \) \| group
// and alternate, ( ) | { } are plain characters, ^ and $ anchor only at the ends of the pattern
// or of a group, and match at newlines too), translated to a JavaScript RegExp. Also the C
// escapes ptx expands in -F, -S and -W arguments.

const SPECIAL_JS = /[\\^$.*+?()[\]{}|/]/;

function literal(c: string): string {
  return SPECIAL_JS.test(c) ? `\\${c}` : c;
}

/** Translates an Emacs-syntax pattern; `flags` are added to 'm'. */
export function emacsRegex(src: string, flags: string): RegExp {
  let out = '';
  // true where an operator or ^ would be at the start of an expression
  let atStart = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[++i];
      if (n === undefined) {
        out += '\\\\';
        break;
      }
      if (n === '(') {
        out += '(?:';
        atStart = true;
        continue;
      }
      if (n === '|') {
        out += '|';
        atStart = true;
        continue;
      }
      if (n === ')') out += ')';
      else if ('wWbB'.includes(n) || /[1-9]/.test(n)) out += `\\${n}`;
      else if (n === '<') out += '\\b(?=\\w)';
      else if (n === '>') out += '\\b(?<=\\w)';
      else if (n === '`') out += '(?<![\\s\\S])';
      else if (n === "'") out += '(?![\\s\\S])';
      else out += literal(n);
      atStart = false;
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (src[j] === '^') {
        body += '^';
        j++;
      }
      if (src[j] === ']') {
        body += '\\]';
        j++;
      }
      while (j < src.length && src[j] !== ']') {
        const d = src[j]!;
        body += d === '\\' || d === '[' ? `\\${d}` : d;
        j++;
      }
      if (j >= src.length) {
        // no closing bracket: a plain '['
        out += '\\[';
        atStart = false;
        continue;
      }
      out += `[${body}]`;
      i = j;
      atStart = false;
      continue;
    }
    if (c === '^') {
      out += atStart ? '^' : '\\^';
      continue;
    }
    if (c === '$') {
      const rest = src.slice(i + 1);
      out += rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|') ? '$' : '\\$';
      atStart = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      out += atStart ? `\\${c}` : c;
      atStart = false;
      continue;
    }
    if (c === '.') out += '[^\\n]';
    else out += literal(c);
    atStart = false;
  }
  return new RegExp(out, `m${flags}`);
}

/** ptx's copy_unescaped_string: \xHHH, \0OOO, \a \b \f \n \r \t \v, \c ends the string; other escapes are kept. */
export function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i];
      continue;
    }
    const c = s[++i];
    if (c === undefined) break;
    if (c === 'x') {
      const m = /^[0-9a-fA-F]{1,3}/.exec(s.slice(i + 1));
      if (!m) out += '\\x';
      else {
        out += String.fromCharCode(parseInt(m[0], 16) & 0xff);
        i += m[0].length;
      }
    } else if (c === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))!;
      out += String.fromCharCode(parseInt(m[0] || '0', 8) & 0xff);
      i += m[0].length;
    } else if (c === 'c') break;
    else {
      const map: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
      out += map[c] ?? `\\${c}`;
    }
  }
  return out;
}
