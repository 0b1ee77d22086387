export default String.raw`.TH REV 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
rev \- write lines back to front
.SH SYNOPSIS
.B rev
[\fIoption\fR] [\fIfile\fR...]
.SH DESCRIPTION
.B rev
copies the named files, or standard input, to standard output with the
characters of every line in reverse order. The newline that ends a line stays
at its end.
.PP
Characters are read as the locale defines them: in the C locale a byte that is
not ASCII is an error, which
.B rev
reports with the file name and the number of lines already written, before
going on with the next file.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every file was read, 1 otherwise.
.SH EXAMPLES
.TP
.B "echo hello | rev"
prints \fBolleh\fR.
.SH "SEE ALSO"
.BR tac (1)
`;
