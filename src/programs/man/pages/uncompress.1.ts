export default String.raw`.TH UNCOMPRESS 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
uncompress \- expand compressed files
.SH SYNOPSIS
.B uncompress
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
On this system
.B uncompress
is another name for
.BR gunzip :
it expands each gzip
.I FILE
in place, taking the suffix away, and takes the same options.
.SH "SEE ALSO"
.BR gzip (1)`;
