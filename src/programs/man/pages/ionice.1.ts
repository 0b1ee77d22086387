export default String.raw`.TH IONICE 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
ionice \- set or get process I/O scheduling class and priority
.SH SYNOPSIS
.B ionice
[\fB\-c\fR \fIclass\fR] [\fB\-n\fR \fIlevel\fR] [\fB\-t\fR] \fB\-p\fR \fIpid\fR...
.br
.B ionice
[\fB\-c\fR \fIclass\fR] [\fB\-n\fR \fIlevel\fR] [\fB\-t\fR] \fIcommand\fR [\fIargument\fR...]
.SH DESCRIPTION
.B ionice
shows or sets the I/O scheduling class and priority of processes, or runs a
command with them. The classes are 0 none, 1 realtime, 2 best-effort and
3 idle; realtime and best-effort have levels 0 (highest) to 7.
.SH OPTIONS
.TP
.B \-c, \-\-class \fIclass\fR
The class, by name or number.
.TP
.B \-n, \-\-classdata \fIlevel\fR
The level within the class.
.TP
.B \-p, \-\-pid \fIpid\fR...
The processes to show or change.
.TP
.B \-P, \-\-pgid \fIpgrp\fR...
The processes of these process groups.
.TP
.B \-u, \-\-uid \fIuid\fR...
The processes of these users.
.TP
.B \-t, \-\-ignore
Go on when the priority cannot be set.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR nice (1),
.BR ioprio_set (2)
`;
