export default String.raw`.TH PRLIMIT 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
prlimit \- get and set process resource limits
.SH SYNOPSIS
.B prlimit
[options] [\fB\-\-\fR\fIresource\fR[\fB=\fR\fIlimits\fR]] [\fB\-\-pid\fR \fIpid\fR]
.br
.B prlimit
[options] [\fB\-\-\fR\fIresource\fR[\fB=\fR\fIlimits\fR]] \fIcommand\fR [\fIargument\fR...]
.SH DESCRIPTION
.B prlimit
shows the resource limits of a process as a table, changes them, or runs a
command with new limits. A limit is written \fIsoft\fB:\fIhard\fR,
\fIsoft\fB:\fR, \fB:\fIhard\fR or a single value for both; \fBunlimited\fR
means no limit. Without resource options every limit is shown.
.SH OPTIONS
.TP
.B \-p, \-\-pid \fIpid\fR
The process (default: prlimit itself).
.TP
.B \-o, \-\-output \fIlist\fR
The columns: RESOURCE, DESCRIPTION, SOFT, HARD, UNITS.
.TP
.B \-\-noheadings
Leave out the header line.
.TP
.B \-\-raw
Print without alignment.
.TP
.B \-\-verbose
Report each change.
.TP
.B \-c, \-d, \-e, \-f, \-i, \-l, \-m, \-n, \-q, \-r, \-s, \-t, \-u, \-v, \-x, \-y
CORE, DATA, NICE, FSIZE, SIGPENDING, MEMLOCK, RSS, NOFILE, MSGQUEUE, RTPRIO, STACK, CPU, NPROC, AS, LOCKS and RTTIME; the long options are the names in lower case.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR ulimit (1p),
.BR prlimit (2)
`;
