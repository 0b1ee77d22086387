export default String.raw`.TH FALLOCATE 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
fallocate \- preallocate or deallocate space to a file
.SH SYNOPSIS
.B fallocate
[options] \fB\-l\fR \fIlength\fR \fIfilename\fR
.SH DESCRIPTION
.B fallocate
gives a file space without writing to it: the file grows to cover the range
from the offset over the length, and the new part reads as zeros. The other
modes punch holes, zero a range, or remove or insert whole blocks.
.SH OPTIONS
.TP
.B \-l, \-\-length \fIsize\fR
The length of the range; suffixes K, M, G (1024) and KB, MB (1000) are allowed.
.TP
.B \-o, \-\-offset \fIsize\fR
The start of the range (default 0).
.TP
.B \-n, \-\-keep\-size
Do not change the file's size.
.TP
.B \-p, \-\-punch\-hole
Make the range a hole (reads as zeros); implies \fB\-n\fR.
.TP
.B \-z, \-\-zero\-range
Zero the range.
.TP
.B \-c, \-\-collapse\-range
Remove the range, moving the rest of the file up; offset and length must be multiples of the block size.
.TP
.B \-i, \-\-insert\-range
Insert a hole at the offset, moving the rest down.
.TP
.B \-d, \-\-dig\-holes
Turn runs of zeros into holes.
.TP
.B \-x, \-\-posix
Use posix_fallocate(3).
.TP
.B \-v, \-\-verbose
Say what was done.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR truncate (1)
`;
