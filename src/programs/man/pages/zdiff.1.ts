export default String.raw`.TH ZDIFF 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
zcmp, zdiff \- compare files that may be compressed
.SH SYNOPSIS
.B zdiff
[\fIOPTION\fR]... \fIFILE1\fR [\fIFILE2\fR]
.br
.B zcmp
[\fIOPTION\fR]... \fIFILE1\fR [\fIFILE2\fR]
.SH DESCRIPTION
.B zdiff
runs
.BR diff ,
and
.B zcmp
runs
.BR cmp ,
on the uncompressed contents of two files; plain files are compared as they are.
Options are handed to diff or cmp.
.PP
With only
.IR FILE1 ,
which must end in a compression suffix such as
.BR .gz ,
its uncompressed contents are compared with the file of the same name without the suffix.
.SH "EXIT STATUS"
That of diff or cmp; 2 when a file cannot be read or uncompressed.
.SH "SEE ALSO"
.BR cmp (1),
.BR diff (1),
.BR gzip (1)`;
