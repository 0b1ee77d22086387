export default String.raw`.TH RM 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
rm \- remove files or directories
.SH SYNOPSIS
.B rm
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B rm
removes each
.IR FILE .
Directories are kept unless
.B \-r
(everything inside them too) or
.B \-d
(empty ones) is given.
Removing a name does not erase the data at once: a process that has the file
open can still read it.
There is no undo.
.PP
A name starting with
.BR \- ,
such as
.BR \-foo ,
is removed with
.B "rm \-\- \-foo"
or
.BR "rm ./\-foo" .
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Never ask, and say nothing about files that do not exist.
.TP
.B \-i
Ask before each removal.
.TP
.B \-I
Ask once, before removing more than three files or before a recursive removal.
.TP
.BR \-\-interactive [=\fIWHEN\fR]
Ask
.BR never ", " once " (like " \-I ") or " always " (like " \-i );
without
.IR WHEN ,
always.
.TP
.B \-\-one\-file\-system
In a recursive removal, skip directories on other file systems.
.TP
.B \-\-no\-preserve\-root
Allow a recursive removal of
.BR / .
.TP
.BR \-\-preserve\-root [=all]
Refuse to remove
.B /
recursively (the default); with
.BR all ,
also refuse an argument on another device than its parent.
.TP
.BR \-r ", " \-R ", " \-\-recursive
Remove directories and everything in them.
.TP
.BR \-d ", " \-\-dir
Remove empty directories.
.TP
.BR \-v ", " \-\-verbose
Print each removal.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every file was removed (or, with
.BR \-f ,
did not exist), 1 otherwise.
.SH EXAMPLES
.TP
.B "rm \-i *.log"
Removes log files, asking about each one.
.TP
.B "rm \-rf /tmp/build"
Removes a directory tree without questions. Check the name twice.
.SH "SEE ALSO"
.BR rmdir (1),
.BR unlink (1),
.BR find (1)
`;
