export default String.raw`.TH PIDOF 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
pidof \- find the process ID of a running program
.SH SYNOPSIS
.B pidof
[\fB\-s\fR] [\fB\-c\fR] [\fB\-q\fR] [\fB\-w\fR] [\fB\-x\fR] [\fB\-o\fR \fIomitpid\fR[\fB,\fIomitpid\fR...]...] \fIprogram\fR...
.SH DESCRIPTION
.B pidof
prints, on one line separated by spaces, the process IDs of the processes
running each named
.IR program .
A program is matched by its process name, by the full path it was started
with, or by the last component of that path. Unlike
.BR pgrep ,
no patterns are involved: the name must match exactly.
.SH OPTIONS
.TP
.B \-s
Print only one PID (single shot).
.TP
.B \-c
Leave out processes whose root directory differs from that of pidof
(useful inside chroots; needs root).
.TP
.B \-q
Print nothing; only set the exit status.
.TP
.B \-w
Also report kernel worker threads.
.TP
.B \-x
Also report shells running scripts with the given names.
.TP
.BI \-o " omitpid,..."
Leave out these PIDs;
.B %PPID
stands for the parent of pidof, usually the calling shell.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 if at least one program was found, 1 if none was.
.SH EXAMPLES
.TP
.B "pidof sshd"
Print the PIDs of all sshd processes.
.TP
.B "pidof \-s systemd\-journald"
Print the PID of the journal daemon.
.TP
.B "kill $(pidof \-s dockerd)"
Ask dockerd to exit (as root).
.SH "SEE ALSO"
.BR pgrep (1),
.BR ps (1),
.BR kill (1),
.BR killall (1)
`;
