export default String.raw`.TH ZNEW 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
znew \- recompress .Z files as .gz files
.SH SYNOPSIS
.B znew
[\fB\-ftv9PK\fR] [\fIFILE\fR.Z]...
.SH DESCRIPTION
.B znew
turns each file made by
.B compress
into a gzip file: it uncompresses
.IR FILE .Z
and compresses the result with gzip, leaving
.IR FILE .gz.
.TP
.B \-f
recompress even when the .gz file already exists.
.TP
.B \-t
check each new file with
.B "gzip \-t"
before the old one is removed.
.TP
.B \-v
report each file as it is done.
.TP
.B \-9
use the best (slowest) compression.
.TP
.B \-P
work through pipes instead of files on disk.
.TP
.B \-K
keep the .Z file when it is smaller than the .gz one (implies
.BR \-t ).
.SH "SEE ALSO"
.BR gzip (1)`;
