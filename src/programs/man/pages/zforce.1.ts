export default String.raw`.TH ZFORCE 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
zforce \- add the .gz suffix to gzip files that lack it
.SH SYNOPSIS
.B zforce
[\fIFILE\fR]...
.SH DESCRIPTION
.B zforce
renames each
.I FILE
that holds gzip data to
.IR FILE .gz,
so that gzip will not compress it a second time. Names that already end in a
compression suffix are left alone; a name that is not a regular file is reported.
.SH "SEE ALSO"
.BR gzip (1)`;
