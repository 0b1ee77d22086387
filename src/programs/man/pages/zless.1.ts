export default String.raw`.TH ZLESS 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
zless \- page through files that may be compressed
.SH SYNOPSIS
.B zless
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B zless
shows the uncompressed text of each
.I FILE
with
.BR less (1).
Files that are not compressed are shown as they are. Options are those of less.
.SH "SEE ALSO"
.BR less (1),
.BR zmore (1),
.BR gzip (1)`;
