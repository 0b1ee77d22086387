export default String.raw`.TH KILL 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
kill \- send a signal to a process
.SH SYNOPSIS
.B kill
[\fB\-\fIsignal\fR|\fB\-s\fR \fIsignal\fR|\fB\-p\fR] [\fB\-q\fR \fIvalue\fR] [\fB\-a\fR] [\fB\-\-\fR] \fIpid\fR|\fIname\fR...
.br
.B kill \-l
[\fInumber\fR] | \fB\-L\fR
.SH DESCRIPTION
.B kill
sends a signal to each process listed, by default
.B TERM
(15), which asks a program to exit cleanly. Programs that do not react can
be stopped with
.B KILL
(9), which cannot be caught, at the cost of giving them no chance to clean
up. An ordinary user may signal only his or her own processes; root may
signal any.
.PP
Each operand is a process ID, a negative number (the process group of that
number), or a command name, which selects the processes with that name
belonging to the same user.
.B "kill \-9 \-1"
signals every process the user may signal.
.PP
Bash has a built\-in
.B kill
which runs instead of this program when you type
.BR kill ;
it accepts the same common forms and can also take job numbers such as
.BR %1 .
.SH OPTIONS
.TP
.BI \- signal "\fR, \fB\-s " signal "\fR, \fB\-\-signal " signal
Send this signal. It may be a name with or without the
.B SIG
prefix
.RB ( HUP ", " SIGHUP ),
a number
.RB ( 1 ),
or a real\-time signal such as
.BR RTMIN+2 .
.TP
.BR \-l ", " \-\-list [=\fInumber\fR]
List the signal names. With a number (or a name), print the
corresponding name.
.TP
.BR \-L ", " \-\-table
List the signal names with their numbers.
.TP
.BR \-a ", " \-\-all
When a command name is given, match the processes of all users, not only
the caller's.
.TP
.BR \-p ", " \-\-pid
Print the process IDs of the named processes instead of signaling them.
.TP
.BI \-q " value" "\fR, \fB\-\-queue " value
Send the signal with
.BR sigqueue (3),
attaching the integer
.IR value .
.TP
.B \-\-verbose
Print the PID of each process before signaling it.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "COMMON SIGNALS"
.B 1 HUP
(reload configuration, for many daemons),
.B 2 INT
(what Ctrl\-C sends),
.B 9 KILL
(stop at once),
.B 15 TERM
(ask to exit, the default),
.B 18 CONT
(resume),
.B 19 STOP
(pause).
.SH "EXIT STATUS"
0 if every process was signaled, 1 if none could be, 64 if only some could.
.SH EXAMPLES
.TP
.B "kill 1234"
Ask process 1234 to terminate.
.TP
.B "kill \-HUP $(pidof sshd)"
Make the SSH daemon reread its configuration (as root); on Photon OS
.B "systemctl reload sshd"
is the usual way.
.TP
.B "kill \-l 9"
Prints
.BR KILL .
.SH "SEE ALSO"
.BR killall (1),
.BR pkill (1),
.BR pgrep (1),
.BR ps (1),
.BR signal (7),
.BR systemctl (1)
`;
