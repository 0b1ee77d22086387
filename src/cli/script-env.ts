// The environment of a script the headless CLI runs (sim.ts; the conformance tests use it too).

/**
 * The environment a script starts with: what `env -i PATH=... HOME=/root LANG=C TZ=UTC bash FILE`
 * gives it, as the conformance recordings were made (../shared/conformance/README.md). A login
 * session's variables (TERM, SHELL, USER, ...) are the console's, not a script's.
 */
export const SCRIPT_ENV: [string, string][] = [
  ['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'],
  ['HOME', '/root'],
  ['LANG', 'C'],
  ['TZ', 'UTC'],
];
