export default String.raw`.TH TASKSET 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
taskset \- show or set the CPU affinity of a process
.SH SYNOPSIS
.B taskset
[\fIoptions\fR] \fImask\fR \fIcommand\fR [\fIargument\fR...]
.br
.B taskset
[\fIoptions\fR] \fB\-p\fR [\fImask\fR] \fIpid\fR
.SH DESCRIPTION
.B taskset
runs a command on a set of CPUs, or shows or changes the CPUs a running
process may use. The set is a hexadecimal mask, bit 0 for CPU 0 (3 is CPUs 0
and 1), or with
.B \-c
a list such as 0,2-3 where a range may take a stride (0-7:2).
A set with none of the machine's CPUs is refused.
.SH OPTIONS
.TP
.BR \-p ", " \-\-pid
Work on the process whose id is the last argument.
.TP
.BR \-c ", " \-\-cpu\-list
Read and print CPU lists instead of masks.
.TP
.BR \-a ", " \-\-all\-tasks
Every thread of that process.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR chrt (1),
.BR nproc (1),
.BR sched_setaffinity (2)
`;
