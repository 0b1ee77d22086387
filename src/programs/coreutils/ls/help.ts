// ls --help, in our own words (option names are the real ones).
import { coreutilsHelpFooter, HELP_LINES } from '../../lib/gnu';

export const LS_HELP = `List information about each FILE (the current directory by default).
Entries are sorted by name unless one of -cftuvSUX or --sort is given.

Long options take the same arguments as their short forms.
  -a, --all                  include entries whose names start with .
  -A, --almost-all           like -a, but leave out . and ..
      --author               with -l, show each file's author too
  -b, --escape               print unprintable characters as C-style escapes
      --block-size=SIZE      scale sizes by SIZE before printing (e.g. '--block-size=M');
                               see SIZE below
  -B, --ignore-backups       leave out entries whose names end with ~
  -c                         with -lt: sort by, and show, ctime (the time the
                               inode last changed); with -l: show ctime, sort
                               by name; otherwise: sort by ctime, newest first
  -C                         list entries in columns, filled top to bottom
      --color[=WHEN]         colour the output; WHEN is always, auto or never
  -d, --directory            list directories themselves, not their contents
  -D, --dired                produce output for Emacs' dired mode
  -f                         list every entry in directory order (like -aU, and
                               turns off -ls and --color)
  -F, --classify[=WHEN]      add a type character (one of */=>@|) to names;
                               WHEN is always (the default), auto or never
      --file-type            like -F, but without '*'
      --format=WORD          across -x, commas -m, horizontal -x, long -l,
                               single-column -1, verbose -l, vertical -C
      --full-time            like -l --time-style=full-iso
  -g                         like -l, without the owner column
      --group-directories-first
                             put directories before files (still sorted as
                               asked within each group)
  -G, --no-group             in a long listing, leave out the group column
  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G
      --si                   likewise, in powers of 1000 instead of 1024
  -H, --dereference-command-line
                             follow symbolic links named on the command line
      --dereference-command-line-symlink-to-dir
                             follow a command-line symbolic link only when it
                               points to a directory
      --hide=PATTERN         leave out entries matching the shell PATTERN
                               (overridden by -a or -A)
      --hyperlink[=WHEN]     link each name to its file:// URL WHEN
      --indicator-style=WORD  add a type character to names: none (default),
                               slash (-p), file-type (--file-type), classify (-F)
  -i, --inode                show each file's inode number
  -I, --ignore=PATTERN       leave out entries matching the shell PATTERN
  -k, --kibibytes            count file system blocks in units of 1024 bytes
  -l                         use the long listing format
  -L, --dereference          show the file a symbolic link points to, not the
                               link itself
  -m                         list entries across the width, separated by commas
  -n, --numeric-uid-gid      like -l, with numeric user and group IDs
  -N, --literal              print names as they are, without quoting
  -o                         like -l, without the group column
  -p, --indicator-style=slash
                             add / to directory names
  -q, --hide-control-chars   print ? for unprintable characters
      --show-control-chars   print unprintable characters as they are (the
                               default unless the output is a terminal)
  -Q, --quote-name           put names in double quotes
      --quoting-style=WORD   quote names in style WORD: literal, locale, shell,
                               shell-always, shell-escape, shell-escape-always,
                               c, escape (overrides QUOTING_STYLE)
  -r, --reverse              reverse the sort order
  -R, --recursive            list subdirectories recursively
  -s, --size                 show each file's allocated size, in blocks
  -S                         sort by size, largest first
      --sort=WORD            sort by WORD instead of name: none (-U), size (-S),
                               time (-t), version (-v), extension (-X), width
      --time=WORD            with -l, show time WORD instead of the modification
                               time: atime, access, use (-u); ctime, status (-c);
                               birth, creation; with --sort=time, sort by it
      --time-style=TIME_STYLE  how -l shows times (see TIME_STYLE below)
  -t                         sort by time, newest first (see --time)
  -T, --tabsize=COLS         assume tab stops every COLS columns (default 8)
  -u                         with -lt: sort by, and show, the access time;
                               with -l: show the access time, sort by name;
                               otherwise: sort by access time, newest first
  -U                         do not sort; list entries in directory order
  -v                         sort by the version numbers inside names
  -w, --width=COLS           assume the screen is COLS columns wide (0: no limit)
  -x                         list entries in rows instead of columns
  -X                         sort alphabetically by extension
  -Z, --context              show security contexts (none on this system)
      --zero                 end each output line with NUL, not newline
  -1                         list one file per line
${HELP_LINES}

SIZE is an integer with an optional unit (e.g. 10K is 10*1024): K, M, G, T,
P, E, Z, Y for powers of 1024, or KB, MB, ... for powers of 1000.

TIME_STYLE is full-iso, long-iso, iso, locale, or +FORMAT, where FORMAT is read
as by date(1). A FORMAT1<newline>FORMAT2 pair uses FORMAT1 for older files and
FORMAT2 for recent ones. A 'posix-' prefix applies the style only outside the
POSIX locale. The TIME_STYLE environment variable sets the default style.

Without --color, or with --color=never, ls does not colour its output; with
--color=auto, only when standard output is a terminal. LS_COLORS (see
dircolors(1)) chooses the colours.

Exit status:
 0  if all went well,
 1  if there was a minor problem (e.g. a subdirectory could not be read),
 2  if there was a serious one (e.g. a command-line argument could not be read).
${coreutilsHelpFooter('ls')}`;
