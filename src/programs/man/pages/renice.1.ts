export default String.raw`.TH RENICE 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
renice \- change the scheduling priority of running processes
.SH SYNOPSIS
.B renice
[\fB\-n\fR] \fIpriority\fR [\fB\-p\fR|\fB\-\-pid\fR] \fIpid\fR...
.br
.B renice
[\fB\-n\fR] \fIpriority\fR \fB\-g\fR|\fB\-\-pgrp\fR \fIpgid\fR...
.br
.B renice
[\fB\-n\fR] \fIpriority\fR \fB\-u\fR|\fB\-\-user\fR \fIuser\fR...
.SH DESCRIPTION
.B renice
sets the nice value of processes that are already running, to
.IR priority ,
an absolute value from \-20 (most favourable scheduling) to 19 (least).
The targets are process IDs by default; after
.B \-g
they are process groups, and after
.B \-u
users (by name or ID), meaning all their processes. The switches may be
mixed: each applies to the arguments after it.
.PP
For each target
.B renice
prints
.IB "id " "(process ID) old priority " "old" ", new priority " new\fR.
.PP
Any user may make their own processes nicer (a higher value); only root may
lower a value or change other users' processes.
.SH OPTIONS
.TP
.BR \-n ", " \-\-priority " \fIpriority\fR"
The nice value (may also be given as the first argument alone).
.TP
.BR \-p ", " \-\-pid
The following arguments are process IDs.
.TP
.BR \-g ", " \-\-pgrp
The following arguments are process group IDs.
.TP
.BR \-u ", " \-\-user
The following arguments are user names or IDs.
.TP
.BR \-h ", " \-\-help
Print a summary of the usage.
.TP
.BR \-V ", " \-\-version
Print the version.
.SH EXIT STATUS
0 when every target was changed; 1 when an argument is invalid or any change
failed (for example
.BR "Permission denied" ).
.SH EXAMPLES
.PP
.RS
.nf
$ renice 10 \-p 1234
# renice \-5 \-u alice
.fi
.RE
.SH SEE ALSO
.BR nice (1),
.BR ps (1),
.BR top (1)
`;
