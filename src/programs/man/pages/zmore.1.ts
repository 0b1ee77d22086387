export default String.raw`.TH ZMORE 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
zmore \- page through files that may be compressed, one screen at a time
.SH SYNOPSIS
.B zmore
[\fIFILE\fR]...
.SH DESCRIPTION
.B zmore
sends the uncompressed text of each
.I FILE
to the pager named by
.B PAGER
(by default
.BR more ).
When several files are given, each starts with a banner of colons around its name.
Without a
.IR FILE ,
standard input is read, unless it is a terminal.
.SH "SEE ALSO"
.BR more (1),
.BR zless (1),
.BR gzip (1)`;
