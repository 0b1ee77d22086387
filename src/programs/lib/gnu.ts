// The parts of a GNU program's --version and --help that are the same for every coreutils
// program (gnulib version_etc and emit_ancillary_info).

/** "Written by ..." as version_etc lays out one to five authors. */
function writtenBy(authors: readonly string[]): string {
  const a = authors;
  switch (a.length) {
    case 0: return '';
    case 1: return `Written by ${a[0]}.`;
    case 2: return `Written by ${a[0]} and ${a[1]}.`;
    case 3: return `Written by ${a[0]}, ${a[1]}, and ${a[2]}.`;
    case 4: return `Written by ${a[0]}, ${a[1]}, ${a[2]},\nand ${a[3]}.`;
    default: return `Written by ${a.slice(0, 3).join(', ')},\n${a.slice(3, -1).join(', ')}, and ${a[a.length - 1]}.`;
  }
}

/**
 * `--version` text of a coreutils 9.1 program (without the final newline). The package is
 * "GNU coreutils" except where a program hands version_etc the bare tarball name (dd does).
 */
export function coreutilsVersion(name: string, authors: readonly string[], pkg = 'GNU coreutils'): string {
  return [
    `${name} (${pkg}) 9.1`,
    'Copyright (C) 2022 Free Software Foundation, Inc.',
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.',
    'This is free software: you are free to change and redistribute it.',
    'There is NO WARRANTY, to the extent permitted by law.',
    '',
    writtenBy(authors),
  ].join('\n');
}

/** The closing lines of a coreutils --help: where the full manual lives. */
export function coreutilsHelpFooter(name: string): string {
  return [
    '',
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>',
    `Full documentation <https://www.gnu.org/software/coreutils/${name}>`,
    `or available locally via: info '(coreutils) ${name} invocation'`,
  ].join('\n');
}

export const HELP_LINES = '      --help        show this help text and exit\n      --version     show the version and exit';
