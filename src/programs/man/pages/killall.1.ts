export default String.raw`.TH KILLALL 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
killall \- send a signal to processes by name
.SH SYNOPSIS
.B killall
[\fB\-eIgiqrvw\fR] [\fB\-s\fR \fIsignal\fR|\fB\-\fIsignal\fR] [\fB\-u\fR \fIuser\fR] [\fB\-o\fR \fItime\fR] [\fB\-y\fR \fItime\fR] [\fB\-n\fR \fIpid\fR] [\fB\-\-\fR] \fIname\fR...
.br
.B killall \-l
.br
.B killall \-V
.SH DESCRIPTION
.B killall
sends a signal (by default
.BR TERM )
to every process running one of the named commands. A name containing a
slash selects the processes executing that file. Names are compared with
the command name the kernel records, which is at most 15 characters long.
.PP
It reports names that match no process, and an ordinary user can only
signal his or her own processes. Note that on some other Unix systems a
command of the same name kills every process; on Linux it is this one.
.SH OPTIONS
.TP
.BR \-e ", " \-\-exact
For names longer than 15 characters, require the full name to match
instead of accepting the 15\-character prefix.
.TP
.BR \-I ", " \-\-ignore\-case
Compare names without regard to case.
.TP
.BR \-g ", " \-\-process\-group
Signal the process group each matching process belongs to, once per group.
.TP
.BR \-i ", " \-\-interactive
Ask before signaling each process.
.TP
.BR \-l ", " \-\-list
List the signal names.
.TP
.BR \-q ", " \-\-quiet
Do not complain when no process matches.
.TP
.BR \-r ", " \-\-regexp
Read each name as an extended regular expression.
.TP
.BI \-s " signal" "\fR, \fB\-\-signal " signal "\fR, \fB\-" signal
Send this signal, given by name or number, instead of
.BR TERM .
.TP
.BI \-u " user" "\fR, \fB\-\-user " user
Signal only processes belonging to
.IR user ;
without a name, all of that user's processes.
.TP
.BR \-v ", " \-\-verbose
Report each signal that was sent.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-w ", " \-\-wait
Wait until all the signaled processes have ended. It may wait forever if a
process ignores the signal.
.TP
.BI \-o " time" "\fR, \fB\-\-older\-than " time
Match only processes that have run longer than
.IR time ,
a number followed by
.BR s ", " m ", " h ", " d ", " w ", " M " or " y .
.TP
.BI \-y " time" "\fR, \fB\-\-younger\-than " time
Match only processes that have run less than
.IR time .
.TP
.BI \-n " pid" "\fR, \fB\-\-ns " pid
Match only processes in the same namespaces as
.IR pid .
.TP
.BI \-Z " pattern" "\fR, \fB\-\-context " pattern
Match the SELinux security context (accepted; Photon OS runs without
SELinux).
.SH "EXIT STATUS"
0 if at least one process was signaled for each name, 1 otherwise.
.SH EXAMPLES
.TP
.B "killall \-HUP nginx"
Make every nginx process reread its configuration.
.TP
.B "killall \-u bob"
Terminate all of bob's processes (as root).
.TP
.B "killall \-w dockerd"
Stop dockerd and wait until it is gone.
.SH "SEE ALSO"
.BR kill (1),
.BR pkill (1),
.BR pidof (1),
.BR ps (1),
.BR signal (7)
`;
