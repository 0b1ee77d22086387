// How iptables reports failures. xtables_error() prints "PROG v1.8.9 (nf_tables): MSG" and,
// for a parameter problem, the "Try ... --help" line (with "Error occurred at line: N" first
// inside iptables-restore); exit_tryhelp() prints only those lines; failures from the ruleset
// are plain "iptables: MSG." lines. Exit statuses are xtables' (1 other, 2 parameter,
// 3 version, 4 resource).

export const OTHER_PROBLEM = 1;
export const PARAMETER_PROBLEM = 2;
export const VERSION_PROBLEM = 3;
export const RESOURCE_PROBLEM = 4;

export const XT_VERSION = '1.8.9 (nf_tables)';

export type XtStyle = 'xt' | 'tryhelp' | 'plain';

export class XtError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** xt: xtables_error; tryhelp: message (may be empty) then the try line; plain: as is */
    readonly style: XtStyle = 'xt',
  ) {
    super(message);
  }
}

/** xtables_error(status, fmt, ...) */
export function xtError(status: number, message: string): XtError {
  return new XtError(status, message, 'xt');
}

export function paramError(message: string): XtError {
  return new XtError(PARAMETER_PROBLEM, message, 'xt');
}

/** The text iptables writes to stderr for the error; `line` is the restore input line or -1. */
export function formatError(e: XtError, prog: string, line: number): string {
  const tryLine = `${line !== -1 ? `Error occurred at line: ${line}\n` : ''}Try \`${prog} -h' or '${prog} --help' for more information.\n`;
  if (e.style === 'plain') return e.message;
  if (e.style === 'tryhelp') return `${e.message}${tryLine}`;
  let out = `${prog} v${XT_VERSION}: ${e.message}\n`;
  if (e.status === PARAMETER_PROBLEM) out += tryLine;
  else if (e.status === VERSION_PROBLEM) out += `Perhaps ${prog} or your kernel needs to be upgraded.\n`;
  return out;
}
