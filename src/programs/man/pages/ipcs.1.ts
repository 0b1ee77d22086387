export default String.raw`.TH IPCS 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
ipcs \- show information on IPC facilities
.SH SYNOPSIS
.B ipcs
[resource-option] [output-option]
.br
.B ipcs
\fB\-m\fR|\fB\-q\fR|\fB\-s\fR \fB\-i\fR \fIid\fR
.SH DESCRIPTION
.B ipcs
lists the System V message queues, shared memory segments and semaphore
arrays the caller may read.
.SH OPTIONS
.TP
.B \-q, \-\-queues
Message queues.
.TP
.B \-m, \-\-shmems
Shared memory segments.
.TP
.B \-s, \-\-semaphores
Semaphore arrays.
.TP
.B \-a, \-\-all
All three (the default).
.TP
.B \-i, \-\-id \fIid\fR
Details of one resource.
.TP
.B \-t, \-\-time
Times of the last operations.
.TP
.B \-p, \-\-pid
Creator and last user process ids.
.TP
.B \-c, \-\-creator
Creator and owner.
.TP
.B \-l, \-\-limits
System limits.
.TP
.B \-u, \-\-summary
Current usage.
.TP
.B \-b, \-\-bytes
Sizes in bytes.
.TP
.B \-\-human
Sizes like 2K.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR ipcrm (1)
`;
