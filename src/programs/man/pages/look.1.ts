export default String.raw`.TH LOOK 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
look \- display lines beginning with a given string
.SH SYNOPSIS
.B look
[options] \fIstring\fR [\fIfile\fR]
.SH DESCRIPTION
.B look
prints the lines of a sorted file that begin with \fIstring\fR, found by
binary search, so the file must be sorted the way the comparison reads it.
Without a file it searches \fB/usr/share/dict/words\fR (or the file named by
\fBWORDLIST\fR) and turns on \fB\-d\fR and \fB\-f\fR.
.SH OPTIONS
.TP
.B \-a, \-\-alternative
Search \fB/usr/share/dict/web2\fR instead.
.TP
.B \-d, \-\-alphanum
Compare only letters, digits, spaces and tabs.
.TP
.B \-f, \-\-ignore\-case
Treat upper and lower case as equal.
.TP
.B \-t, \-\-terminate \fIcharacter\fR
Compare only up to and including the first \fIcharacter\fR of the string.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when a line was found, 1 when none was, or on error.
.SH "SEE ALSO"
.BR grep (1),
.BR sort (1)
`;
