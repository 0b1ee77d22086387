// What the util-linux 2.38 programs share: the --version line and the help layout
// ("\nUsage:\n name ...\n\nSummary.\n\nOptions:\n ..." with the -h/-V lines last).

export const UTIL_LINUX_VERSION = '2.38';

export function utilLinuxVersion(name: string): string {
  return `${name} from util-linux ${UTIL_LINUX_VERSION}`;
}

/**
 * A util-linux --help text: usage lines, a one-line summary, option lines (already laid
 * out), then the -h/-V lines at the column `width` and the pointer to the manual page.
 */
export function utilLinuxHelp(name: string, usage: string[], summary: string, options: string[], width = 24): string {
  const pad = (s: string): string => s.padEnd(width);
  return [
    '',
    'Usage:',
    ...usage.map((u) => ` ${u}`),
    '',
    summary,
    '',
    'Options:',
    ...options,
    '',
    ` ${pad('-h, --help')}display this help`,
    ` ${pad('-V, --version')}display version`,
    '',
    `For more details see ${name}(1).`,
    '',
  ].join('\n');
}
