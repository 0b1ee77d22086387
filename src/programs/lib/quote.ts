// coreutils' quoting of file names in messages (quotearg with the shell-escape style that
// LANG=C selects): plain names stay bare in quotef(), quote() always wraps in single quotes.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

function shellEscape(s: string): string {
  if (!s.includes("'")) return `'${s}'`;
  if (!/["\\$`]/.test(s)) return `"${s}"`;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

/** For names in the middle of a message: always quoted (ls: cannot access 'x'). */
export function quote(s: string): string {
  return shellEscape(s);
}

/** For a name that starts a message (cat: x: ...): quoted only if it needs to be. */
export function quotef(s: string): string {
  return SAFE.test(s) ? s : shellEscape(s);
}
