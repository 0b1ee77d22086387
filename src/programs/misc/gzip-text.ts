// gzip's --version text and our own --help words.
export const VERSION = `gzip 1.12
Copyright (C) 2018 Free Software Foundation, Inc.
Copyright (C) 1993 Jean-loup Gailly.
This is free software.  You may redistribute copies of it under the terms of
the GNU General Public License <https://www.gnu.org/licenses/gpl.html>.
There is NO WARRANTY, to the extent permitted by law.

Written by Jean-loup Gailly.
`;

export const HELP = `Usage: gzip [OPTION]... [FILE]...
Compress or uncompress FILEs (by default, compress FILES in-place).

  -c, --stdout      write to standard output, keep the input files
  -d, --decompress  decompress
  -f, --force       overwrite existing files, compress links and terminals
  -h, --help        show this help and exit
  -k, --keep        keep (do not delete) the input files
  -l, --list        list sizes and names of compressed files
  -n, --no-name     do not save or restore the original name and time stamp
  -N, --name        save or restore the original name and time stamp
  -q, --quiet       suppress all warnings
  -r, --recursive   work on directories recursively
  -S, --suffix=SUF  use suffix SUF instead of .gz
  -t, --test        test compressed file integrity
  -v, --verbose     report each file's ratio
  -V, --version     show the version and exit
  -1, --fast        compress faster
  -9, --best        compress better

With no FILE, or when FILE is -, read standard input.
`;


/** --version of the gunzip and zcat scripts (their own copyright line and author). */
export function wrapperVersion(mode: 'gunzip' | 'zcat'): string {
  return `${mode} (gzip) 1.12
Copyright (C) 2007, 2011-2018 Free Software Foundation, Inc.
This is free software.  You may redistribute copies of it under the terms of
the GNU General Public License <https://www.gnu.org/licenses/gpl.html>.
There is NO WARRANTY, to the extent permitted by law.

Written by Paul Eggert.
`;
}

/** --help of the gunzip and zcat scripts, in our words; `self` is the script as run. */
export function wrapperHelp(mode: 'gunzip' | 'zcat', self: string): string {
  const zcat = mode === 'zcat';
  return `Usage: ${self} [OPTION]... [FILE]...
${zcat ? 'Uncompress FILEs to standard output.' : 'Uncompress FILEs (by default, in-place).'}
${zcat ? '' : `
Mandatory arguments to long options are mandatory for short options too.
`}
${zcat ? '' : `  -c, --stdout      write to standard output, keep the input files
`}  -f, --force       ${zcat ? 'read compressed data even from a terminal' : 'overwrite existing files, uncompress links'}
${zcat ? '' : `  -k, --keep        keep (do not delete) the input files
`}  -l, --list        list sizes and names of compressed files
${zcat ? '' : `  -n, --no-name     do not restore the original name and time stamp
  -N, --name        restore the original name and time stamp
`}  -q, --quiet       suppress all warnings
  -r, --recursive   work on directories recursively
  -S, --suffix=SUF  compressed files end in SUF instead of .gz
      --synchronous sync the output to disk before removing the input
  -t, --test        test compressed file integrity
  -v, --verbose     report each file's ratio
      --help        show this help and exit
      --version     show the version and exit

With no FILE, or when FILE is -, read standard input.

Report bugs to <bug-gzip@gnu.org>.
`;
}
