export default String.raw`.TH VDIR 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
vdir \- list directory contents
.SH SYNOPSIS
.B vdir
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B vdir
is
.BR ls (1)
with other defaults: it lists in the long format whether or not the output
is a terminal, and shows unprintable characters of names as C escapes (as
.B "ls \-b"
does). It takes every option of
.BR ls ,
and an option overrides these defaults:
.B "vdir \-1"
lists one name a line.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR ls (1),
.BR dir (1)
`;
