export default String.raw`.TH ZGREP 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
zgrep, zegrep, zfgrep \- search files that may be compressed
.SH SYNOPSIS
.B zgrep
[\fIOPTION\fR]... [\fB\-e\fR] \fIPATTERN\fR [\fIFILE\fR]...
.SH DESCRIPTION
.B zgrep
runs
.B grep
on the uncompressed text of each
.IR FILE :
a file in gzip format is expanded on the fly, any other file is searched as it is.
Without a
.IR FILE ,
or for
.BR \- ,
standard input is read. Lines found are labeled with the name of the file
they came from when more than one file is searched (or with
.BR \-H ).
.PP
The options are those of
.BR grep (1).
Options that would make grep read directories or treat input as
NUL-separated records are refused:
.BR \-r ,
.BR \-R ,
.BR \-d ,
.BR \-z ,
.BR \-Z ,
.BR \-\-include
and
.BR \-\-exclude .
.PP
.B zegrep
is
.B "zgrep \-E"
and
.B zfgrep
is
.BR "zgrep \-F" .
The environment variable
.B GREP
names another grep program to run.
.SH "EXIT STATUS"
0 if a line was selected, 1 if none was, 2 on an error.
.SH "SEE ALSO"
.BR grep (1),
.BR gzip (1),
.BR zdiff (1)`;
