export default String.raw`.TH STAT 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
stat \- display file or file system status
.SH SYNOPSIS
.B stat
[\fIOPTION\fR]... \fIFILE\fR...
.SH DESCRIPTION
.B stat
shows what the system knows about each
.IR FILE :
its size, blocks, type, device, inode, links, mode, owner, group and its
access, modification, change and birth times.
With
.B \-f
it shows the file system holding the file instead.
.SH OPTIONS
.TP
.BR \-L ", " \-\-dereference
Follow symbolic links.
.TP
.BR \-f ", " \-\-file\-system
Show the status of the file system instead of the file.
.TP
.BR \-\-cached =\fIMODE\fR
Accepted for compatibility:
.BR always ", " never " or " default .
.TP
.BR \-c ", " \-\-format =\fIFORMAT\fR
Print
.I FORMAT
instead of the default, followed by a newline.
.TP
.BR \-\-printf =\fIFORMAT\fR
Like
.BR \-\-format ,
but backslash escapes are replaced and no newline is added.
.TP
.BR \-t ", " \-\-terse
Print everything on one line, in a terse form.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH FORMATS
For files:
.B %a
octal mode,
.B %A
mode as
.B ls
shows it,
.B %b
blocks of
.B %B
bytes,
.B %d
device,
.B %f
raw mode in hex,
.B %F
file type,
.BR %g / %G
group ID and name,
.B %h
links,
.B %i
inode,
.B %m
mount point,
.B %n
name,
.B %N
quoted name with the link target,
.B %o
I/O block size,
.B %s
size in bytes,
.BR %t / %T
device major and minor in hex,
.BR %u / %U
owner ID and name,
.BR %w ", " %x ", " %y ", " %z
birth, access, modification and change times (the capital letters give
seconds since the epoch).
.PP
For file systems:
.B %a
blocks free for users,
.B %b
total blocks,
.B %c
total inodes,
.B %d
free inodes,
.B %f
free blocks,
.B %i
ID,
.B %l
longest name,
.B %n
name,
.BR %s / %S
block sizes,
.BR %t / %T
type in hex and by name.
.SH "EXIT STATUS"
0 on success, 1 when a file could not be examined.
.SH EXAMPLES
.TP
.B "stat \-c '%a %U:%G %n' /etc/shadow"
Prints
.BR "0 root:root /etc/shadow" .
.TP
.B "stat \-f /"
Shows the block and inode counts of the root file system.
.SH "SEE ALSO"
.BR ls (1),
.BR df (1),
.BR stat (2)
`;
