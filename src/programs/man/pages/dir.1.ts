export default String.raw`.TH DIR 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
dir \- list directory contents
.SH SYNOPSIS
.B dir
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B dir
is
.BR ls (1)
with other defaults: it lists in columns whether or not the output
is a terminal, and shows unprintable characters of names as C escapes (as
.B "ls \-b"
does). It takes every option of
.BR ls ,
and an option overrides these defaults:
.B "dir \-1"
lists one name a line.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR ls (1),
.BR vdir (1)
`;
