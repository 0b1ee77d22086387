// tar's --version text (tar 1.34) and our own words for --help and --usage.
export const VERSION = `tar (GNU tar) 1.34
Copyright (C) 2021 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by John Gilmore and Jay Fenlason.
`;

export const HELP = `Usage: tar [OPTION...] [FILE]...
Store many files in one archive file, list what an archive holds, or get the files back.

Examples:
  tar -cf archive.tar foo bar  # Create archive.tar from files foo and bar.
  tar -tvf archive.tar         # List all files in archive.tar verbosely.
  tar -xf archive.tar          # Extract all files from archive.tar.

 Operations (exactly one):
  -c, --create               write a new archive
  -r, --append               add files at the end of an archive
  -t, --list                 show what an archive holds
  -x, --extract, --get       get files out of an archive

 Archive:
  -f, --file=ARCHIVE         the archive file, or - for standard input/output
  -z, --gzip                 pipe the archive through gzip
  -j, --bzip2                pipe the archive through bzip2
  -J, --xz                   pipe the archive through xz
  -I, --use-compress-program=PROG   pipe the archive through PROG
  -a, --auto-compress        pick the compressor from the archive's suffix
  -b, --blocking-factor=BLOCKS   BLOCKS x 512 bytes per record (default 20)
  -H, --format=FORMAT        gnu (default), oldgnu, ustar or v7
  -i, --ignore-zeros         read past blocks of zeros

 Choosing files:
  -C, --directory=DIR        change to DIR before the names that follow
  -T, --files-from=FILE      read the names to store from FILE
  -X, --exclude-from=FILE    read --exclude patterns from FILE
      --exclude=PATTERN      leave out files matching PATTERN
      --exclude-vcs          leave out version control directories
      --no-recursion         store directories without their contents
  -h, --dereference          store what symbolic links point to
  -P, --absolute-names       keep leading '/' and '..' in member names
      --wildcards            let the names given to -t and -x be patterns

 Extracting:
  -k, --keep-old-files       never replace existing files (an error)
      --skip-old-files       never replace existing files (silently)
  -O, --to-stdout            write file contents to standard output
  -p, --preserve-permissions keep the archived modes exactly (root's default)
      --same-owner           give files their archived owners (root's default)
      --no-same-owner        leave files owned by the one extracting
      --numeric-owner        use numbers, not names, for owners
      --strip-components=N   drop the first N parts of each member name
  -m, --touch                give files the time of extraction

 Output:
  -v, --verbose              name each file (twice: long listing)
      --full-time            show seconds in long listings
      --utc                  show times in UTC

  -?, --help                 show this help and exit
      --usage                show a short usage message
      --version              show the version and exit

Options of the traditional form need no dash: 'tar czf x.tgz dir' is 'tar -c -z -f x.tgz dir'.
`;

export const USAGE = `Usage: tar [-AcdrtuxGnSkUWOmpsMBiajJzZhPlRvwo?] [-g FILE] [-C DIR] [-T FILE]
            [-X FILE] [-f ARCHIVE] [-F NAME] [-L NUMBER] [-b BLOCKS]
            [-H FORMAT] [-V TEXT] [-I PROG] [-K MEMBER-NAME] [-N DATE-OR-FILE]
            [--create] [--append] [--list] [--extract] [--get] [--file=ARCHIVE]
            [--directory=DIR] [--exclude=PATTERN] [--gzip] [--verbose]
            [--help] [--usage] [--version] [FILE]...
`;
