export default String.raw`.TH RMDIR 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
rmdir \- remove empty directories
.SH SYNOPSIS
.B rmdir
[\fIOPTION\fR]... \fIDIRECTORY\fR...
.SH DESCRIPTION
.B rmdir
removes each
.IR DIRECTORY ,
which must be empty.
To remove a directory with its contents, use
.BR "rm \-r" .
.SH OPTIONS
.TP
.B \-\-ignore\-fail\-on\-non\-empty
Say nothing about a directory left in place only because it is not empty.
.TP
.BR \-p ", " \-\-parents
Then remove each parent named in
.I DIRECTORY
too:
.B "rmdir \-p a/b/c"
is like
.BR "rmdir a/b/c a/b a" .
.TP
.BR \-v ", " \-\-verbose
Print a message for each directory processed.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a directory could not be removed.
.SH EXAMPLES
.TP
.B "rmdir \-p build/tmp/cache"
Removes a chain of empty directories.
.SH "SEE ALSO"
.BR mkdir (1),
.BR rm (1)
`;
