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

