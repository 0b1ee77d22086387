export default String.raw`.TH GZEXE 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
gzexe \- make compressed executables that run as before
.SH SYNOPSIS
.B gzexe
[\fB\-d\fR] \fIFILE\fR...
.SH DESCRIPTION
.B gzexe
replaces each executable
.I FILE
with a small shell script followed by the gzip-compressed program; when run,
the script expands the program into a temporary file and runs it with the
arguments given. The original is kept as
.IR FILE ~.
.TP
.B \-d
undo it: restore the uncompressed program.
.SH "SEE ALSO"
.BR gzip (1),
.BR znew (1)`;
