export default String.raw`.TH LS 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
ls \- list directory contents
.SH SYNOPSIS
.B ls
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B ls
lists each
.I FILE
that is not a directory, then the contents of each directory named
(the current directory when nothing is named).
Entries are sorted by name unless an option such as
.BR \-t ", " \-S ", " \-U " or " \-\-sort
asks otherwise.
Names starting with a dot are hidden unless
.B \-a
or
.B \-A
is given.
On a terminal names are laid out in columns as wide as the screen; otherwise
one per line.
.PP
The long format
.RB ( \-l )
shows, per file: the type and permission bits, the number of links, the owner,
the group, the size in bytes, the modification time and the name.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Include entries whose names start with a dot.
.TP
.BR \-A ", " \-\-almost\-all
Like
.BR \-a ,
but without
.B .
and
.BR .. .
.TP
.B \-\-author
With
.BR \-l ,
also show each file's author.
.TP
.BR \-b ", " \-\-escape
Print unprintable characters as C-style escapes.
.TP
.BR \-\-block\-size =\fISIZE\fR
Scale sizes by
.IR SIZE ,
such as
.BR K ", " M " or " G .
.TP
.BR \-B ", " \-\-ignore\-backups
Leave out names ending in
.BR ~ .
.TP
.B \-c
Use the inode change time (ctime): for sorting with
.BR \-t ,
for display with
.BR \-l .
.TP
.B \-C
List entries in columns, top to bottom.
.TP
.BR \-\-color [=\fIWHEN\fR]
Colour names by type:
.BR always ", " auto " (only on a terminal) or " never .
Photon's shell alias
.B ls
adds
.BR \-\-color=auto .
.TP
.BR \-d ", " \-\-directory
List directories themselves, not their contents.
.TP
.BR \-D ", " \-\-dired
Produce output for Emacs' dired mode.
.TP
.B \-f
List all entries in directory order, without sorting or colour.
.TP
.BR \-F ", " \-\-classify [=\fIWHEN\fR]
Append a type character to names:
.B /
for directories,
.B *
for executables,
.B @
for symbolic links,
.B |
for FIFOs,
.B =
for sockets.
.TP
.B \-\-file\-type
Like
.BR \-F ,
but without
.BR * .
.TP
.BR \-\-format =\fIWORD\fR
Choose the layout:
.BR across ", " commas ", " horizontal ", " long ", " single\-column ", " verbose " or " vertical .
.TP
.B \-\-full\-time
Like
.B \-l
with full dates and times to the nanosecond.
.TP
.B \-g
Like
.BR \-l ,
without the owner.
.TP
.B \-\-group\-directories\-first
List directories before files.
.TP
.BR \-G ", " \-\-no\-group
Leave the group out of the long listing.
.TP
.BR \-h ", " \-\-human\-readable
With
.B \-l
or
.BR \-s ,
print sizes like 1K, 234M, 2G.
.TP
.B \-\-si
Like
.BR \-h ,
with powers of 1000.
.TP
.BR \-H ", " \-\-dereference\-command\-line
Follow symbolic links named on the command line.
.TP
.B \-\-dereference\-command\-line\-symlink\-to\-dir
Follow a command-line symbolic link only when it points to a directory.
.TP
.BR \-\-hide =\fIPATTERN\fR
Leave out names matching the shell pattern, unless
.B \-a
or
.B \-A
is given.
.TP
.BR \-\-hyperlink [=\fIWHEN\fR]
Accepted; names are never turned into links here.
.TP
.BR \-\-indicator\-style =\fIWORD\fR
Append type indicators:
.BR none ", " slash ", " file\-type " or " classify .
.TP
.BR \-i ", " \-\-inode
Print each file's inode number.
.TP
.BR \-I ", " \-\-ignore =\fIPATTERN\fR
Leave out names matching the shell pattern.
.TP
.BR \-k ", " \-\-kibibytes
Count blocks of 1024 bytes.
.TP
.B \-l
Use the long listing format.
.TP
.BR \-L ", " \-\-dereference
Show what symbolic links point to instead of the links.
.TP
.B \-m
List names across the screen, separated by commas.
.TP
.BR \-n ", " \-\-numeric\-uid\-gid
Like
.BR \-l ,
with numeric user and group IDs.
.TP
.BR \-N ", " \-\-literal
Print names without quoting.
.TP
.B \-o
Like
.BR \-l ,
without the group.
.TP
.BR \-p ", " \-\-indicator\-style=slash
Append
.B /
to directories.
.TP
.BR \-q ", " \-\-hide\-control\-chars
Print
.B ?
for unprintable characters.
.TP
.B \-\-show\-control\-chars
Print unprintable characters as they are.
.TP
.BR \-Q ", " \-\-quote\-name
Put names in double quotes.
.TP
.BR \-\-quoting\-style =\fIWORD\fR
Quote names in style
.BR literal ", " locale ", " shell ", " shell\-always ", " shell\-escape ", " shell\-escape\-always ", " c " or " escape .
.TP
.BR \-r ", " \-\-reverse
Reverse the sort order.
.TP
.BR \-R ", " \-\-recursive
List subdirectories too, all the way down.
.TP
.BR \-s ", " \-\-size
Print the allocated size of each file, in blocks.
.TP
.B \-S
Sort by size, largest first.
.TP
.BR \-\-sort =\fIWORD\fR
Sort by
.BR none ", " size ", " time ", " version ", " extension " or " width .
.TP
.BR \-\-time =\fIWORD\fR
Show (with
.BR \-l )
or sort by (with
.BR \-t )
another time:
.BR atime ", " access ", " use ", " ctime ", " status ", " birth " or " creation .
.TP
.BR \-\-time\-style =\fISTYLE\fR
Show times in
.BR full\-iso ", " long\-iso ", " iso ", " locale
or
.BI + FORMAT
as for
.BR date (1).
.TP
.B \-t
Sort by modification time, newest first.
.TP
.BR \-T ", " \-\-tabsize =\fICOLS\fR
Assume tab stops every
.I COLS
columns.
.TP
.B \-u
Use the access time: for sorting with
.BR \-t ,
for display with
.BR \-l .
.TP
.B \-U
Do not sort.
.TP
.B \-v
Sort by version numbers within names.
.TP
.BR \-w ", " \-\-width =\fICOLS\fR
Assume the screen is
.I COLS
wide (0 for no limit).
.TP
.B \-x
List entries in rows instead of columns.
.TP
.B \-X
Sort by extension.
.TP
.BR \-Z ", " \-\-context
Print security contexts (none here).
.TP
.B \-\-zero
End each line with a NUL byte.
.TP
.B \-1
List one name per line.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when all went well, 1 for a minor problem (a subdirectory could not be read),
2 for a serious one (a command-line argument could not be read).
.SH EXAMPLES
.TP
.B "ls \-la /etc/systemd/network"
Lists the network configuration files with hidden ones, in long format.
.TP
.B "ls \-lhS /var/log"
Lists logs by size, largest first, with readable sizes.
.TP
.B "ls \-ltr"
Lists the most recently changed files last.
.SH "SEE ALSO"
.BR stat (1),
.BR find (1),
.BR dircolors (1)
`;
