export default String.raw`.TH DIRNAME 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
dirname \- strip the last component from file names
.SH SYNOPSIS
.B dirname
[\fIOPTION\fR] \fINAME\fR...
.SH DESCRIPTION
For each
.IR NAME ,
.B dirname
prints everything before the last slash\-separated component, with trailing
slashes removed. A name without a slash gives
.B .
(the current directory) and
.B /
gives
.BR / .
Only the text is examined; nothing needs to exist.
.SH OPTIONS
.TP
.BR \-z ", " \-\-zero
End each result with a NUL byte instead of a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "dirname /usr/bin/"
Prints
.BR /usr .
.TP
.B "dirname dir1/str dir2/str"
Prints
.B dir1
and then
.BR dir2 .
.PP
In a script, use
\fBcd "$(dirname "$0")"\fR
to move to the directory the script lives in.
.SH "SEE ALSO"
.BR basename (1),
.BR readlink (1),
.BR realpath (1)
`;
