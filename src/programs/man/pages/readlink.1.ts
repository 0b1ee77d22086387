export default String.raw`.TH READLINK 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
readlink \- print resolved symbolic links or canonical file names
.SH SYNOPSIS
.B readlink
[\fIOPTION\fR]... \fIFILE\fR...
.SH DESCRIPTION
.B readlink
prints the text stored in each symbolic link
.IR FILE .
A
.I FILE
that is not a symbolic link prints nothing and makes the status 1.
With
.BR \-f ,
.B \-e
or
.BR \-m ,
it prints the canonical name instead: absolute, with every symbolic link,
.B .
and
.B ..
resolved.
.SH OPTIONS
.TP
.BR \-f ", " \-\-canonicalize
Follow every symbolic link; all components but the last must exist.
.TP
.BR \-e ", " \-\-canonicalize\-existing
Like
.BR \-f ,
but every component must exist.
.TP
.BR \-m ", " \-\-canonicalize\-missing
Like
.BR \-f ,
but no component needs to exist.
.TP
.BR \-n ", " \-\-no\-newline
Print no newline after the name.
.TP
.BR \-q ", " \-\-quiet ", " \-s ", " \-\-silent
Do not report errors (the default).
.TP
.BR \-v ", " \-\-verbose
Report errors.
.TP
.BR \-z ", " \-\-zero
End each name with a NUL byte instead of a newline.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a name could not be printed.
.SH EXAMPLES
.TP
.B "readlink /usr/bin/awk"
Prints
.BR gawk ,
the text of the link.
.TP
.B "readlink \-f /usr/bin/awk"
Prints
.BR /usr/bin/gawk .
.SH "SEE ALSO"
.BR realpath (1),
.BR ln (1),
.BR stat (1)
`;
