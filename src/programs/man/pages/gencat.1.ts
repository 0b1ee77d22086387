export default String.raw`.TH GENCAT 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
gencat \- build message catalogs
.SH SYNOPSIS
.B gencat
[\fIoption\fR]... [\fIoutput\fR [\fIinput\fR]...]
.br
.B gencat
[\fIoption\fR]... \fB\-o\fR \fIoutput\fR [\fIinput\fR]...
.SH DESCRIPTION
.B gencat
turns message source files (lines of a message number and its text, grouped by
.B $set
directives) into a binary catalog that programs open with
.BR catopen (3).
Without input files, or with \-, the source is read from standard input; an
output of \- writes the catalog to standard output.
.SH OPTIONS
.TP
.BR \-H ", " \-\-header =\fIname\fR
Also write a C header defining the symbolic names.
.TP
.B \-\-new
Do not merge into an existing catalog.
.TP
.BR \-o ", " \-\-output =\fIname\fR
Write the catalog to \fIname\fR.
.SH SEE ALSO
.BR catopen (3),
.BR catgets (3)
`;
