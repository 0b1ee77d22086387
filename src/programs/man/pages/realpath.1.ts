export default String.raw`.TH REALPATH 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
realpath \- print the resolved path
.SH SYNOPSIS
.B realpath
[\fIOPTION\fR]... \fIFILE\fR...
.SH DESCRIPTION
.B realpath
prints the absolute name of each
.IR FILE ,
with symbolic links,
.B .
and
.B ..
resolved.
By default every component but the last must exist.
.SH OPTIONS
.TP
.BR \-e ", " \-\-canonicalize\-existing
Every component must exist.
.TP
.BR \-m ", " \-\-canonicalize\-missing
No component needs to exist or be a directory.
.TP
.BR \-L ", " \-\-logical
Apply
.B ..
before following symbolic links.
.TP
.BR \-P ", " \-\-physical
Follow symbolic links as they come (the default).
.TP
.BR \-q ", " \-\-quiet
Leave out most error messages.
.TP
.BR \-\-relative\-to =\fIDIR\fR
Print the name relative to
.IR DIR .
.TP
.BR \-\-relative\-base =\fIDIR\fR
Print names under
.I DIR
relative to it, and others absolute.
.TP
.BR \-s ", " \-\-strip ", " \-\-no\-symlinks
Do not follow symbolic links.
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
0 on success, 1 when a name could not be resolved.
.SH EXAMPLES
.TP
.B "realpath ../lib"
Prints the absolute name of a relative one.
.TP
.B "realpath \-\-relative\-to=/etc /etc/systemd/network"
Prints
.BR systemd/network .
.SH "SEE ALSO"
.BR readlink (1),
.BR pwd (1)
`;
