export default String.raw`.TH PEEKFD 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
peekfd \- watch the data a process reads and writes
.SH SYNOPSIS
.B peekfd
[\fB\-8\fR] [\fB\-n\fR] [\fB\-c\fR] [\fB\-t\fR] [\fB\-d\fR] [\fB\-V\fR] [\fB\-h\fR] \fIpid\fR [\fIfd\fR...]
.SH DESCRIPTION
.B peekfd
attaches to the running process
.I pid
as a debugger would and shows the data passing through its read and write
calls, for every descriptor or only the descriptors listed. It runs until
interrupted with Ctrl\-C.
.SH OPTIONS
.TP
.BR \-8 ", " \-\-eight\-bit\-clean
Show bytes as they are instead of escaping unprintable ones.
.TP
.BR \-n ", " \-\-no\-headers
Leave out the line naming the descriptor before each transfer.
.TP
.BR \-c ", " \-\-follow
Also watch the children the process starts.
.TP
.BR \-t ", " \-\-tgid
Watch every thread of the process.
.TP
.BR \-d ", " \-\-duplicates\-removed
Show a transfer repeated on several descriptors once.
.TP
.BR \-V ", " \-\-version
Print the version.
.TP
.BR \-h ", " \-\-help
Print a summary of the options.
.SH BUGS
In this machine the kernel offers no tracing, so peekfd attaches and then
shows nothing until the process ends.
.SH "SEE ALSO"
.BR strace (1)
`;
