// How bash prints variables back: declare -p lines, `set` values, ${x@A} and ${x@K}.
import { ansiQuote, needsAnsi } from './quote';
import type { Var } from './state';

/** Double-quoted value as declare -p prints it ($'...' when it has control characters). */
export function declareQuote(s: string): string {
  if (needsAnsi(s)) return ansiQuote(s);
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `set` output quoting: bare when safe, '...' otherwise, $'...' for control characters. */
export function setQuote(s: string): string {
  if (needsAnsi(s)) return ansiQuote(s);
  if (s === '') return '';
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** An associative array's key: bare unless it holds a character the shell would treat specially. */
export function declareKey(k: string): string {
  if (needsAnsi(k)) return ansiQuote(k);
  // `@` alone would read back as all the elements
  return /[ \t\n'"\\|&;()<>!{}*[?\]^$`]|^[~#]|[=:]~|^@$/.test(k) ? declareQuote(k) : k;
}

/** The attribute letters, in the order bash prints them (a A i n r t x l u c); '' for none. */
export function attrLetters(v: Var): string {
  let f = '';
  if (v.array) f += 'a';
  if (v.assoc) f += 'A';
  if (v.integer) f += 'i';
  if (v.ref) f += 'n';
  if (v.readonly) f += 'r';
  if (v.trace) f += 't';
  if (v.exported) f += 'x';
  if (v.lower) f += 'l';
  if (v.upper) f += 'u';
  if (v.capcase) f += 'c';
  return f;
}

/** `([0]="a" [1]="b")`, or `([k]="v" )` for an associative array (each pair ends in a space). */
export function arrayBody(v: Var): string {
  if (v.assoc) return `(${[...v.assoc].map(([k, x]) => `[${declareKey(k)}]=${declareQuote(x)} `).join('')})`;
  return `(${[...(v.array ?? [])].sort((a, b) => a[0] - b[0]).map(([k, x]) => `[${k}]=${declareQuote(x)}`).join(' ')})`;
}

/** export -p / readonly -p in posix mode: `export NAME="value"`, arrays as `readonly -a NAME=(...)`. */
export function posixListLine(cmd: string, name: string, v: Var): string {
  const kind = v.assoc ? '-A ' : v.array ? '-a ' : '';
  if (v.declaredOnly && (v.array ?? v.assoc)?.size === 0) return `${cmd} ${kind}${name}`;
  if (v.array || v.assoc) return `${cmd} ${kind}${name}=${arrayBody(v)}`;
  if (v.value === undefined) return `${cmd} ${name}`;
  return `${cmd} ${name}=${declareQuote(v.value)}`;
}

export function declareLine(name: string, v: Var): string {
  const flags = attrLetters(v) || '-';
  if (v.declaredOnly && (v.array ?? v.assoc)?.size === 0) return `declare -${flags} ${name}`;
  if (v.array || v.assoc) return `declare -${flags} ${name}=${arrayBody(v)}`;
  if (v.value === undefined) return `declare -${flags} ${name}`;
  return `declare -${flags} ${name}=${declareQuote(v.value)}`;
}
