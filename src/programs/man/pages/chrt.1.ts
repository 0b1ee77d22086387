export default String.raw`.TH CHRT 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
chrt \- show or change the scheduling policy and real-time priority of a process
.SH SYNOPSIS
.B chrt
[\fIoptions\fR] \fIpriority\fR \fIcommand\fR [\fIargument\fR...]
.br
.B chrt
[\fIoptions\fR] \fB\-p\fR [\fIpriority\fR] \fIpid\fR
.SH DESCRIPTION
.B chrt
runs a command with a scheduling policy and priority, or shows or changes
those of a running process. SCHED_FIFO and SCHED_RR take priorities 1 to 99;
SCHED_OTHER, SCHED_BATCH, SCHED_IDLE and SCHED_DEADLINE take 0. Without a
policy option the policy is SCHED_RR.
.SH OPTIONS
.TP
.BR \-o ", " \-\-other ", " \-f ", " \-\-fifo ", " \-r ", " \-\-rr
SCHED_OTHER, SCHED_FIFO or SCHED_RR.
.TP
.BR \-b ", " \-\-batch ", " \-i ", " \-\-idle ", " \-d ", " \-\-deadline
SCHED_BATCH, SCHED_IDLE or SCHED_DEADLINE.
.TP
.BR \-T ", " \-P ", " \-D " \fIns\fR"
The runtime, period and deadline of SCHED_DEADLINE, in nanoseconds.
.TP
.BR \-R ", " \-\-reset\-on\-fork
Children start again with the normal policy.
.TP
.BR \-p ", " \-\-pid
Work on the process whose id is the last argument.
.TP
.BR \-a ", " \-\-all\-tasks
Every thread of that process.
.TP
.BR \-m ", " \-\-max
List the priority range of each policy.
.TP
.BR \-v ", " \-\-verbose
Also show the policy before and after a change.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR taskset (1),
.BR nice (1),
.BR sched (7)
`;
