export default String.raw`.TH TIMEOUT 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
timeout \- run a command with a time limit
.SH SYNOPSIS
.B timeout
[\fIOPTION\fR] \fIDURATION COMMAND\fR [\fIARG\fR]...
.br
.B timeout
[\fIOPTION\fR]
.SH DESCRIPTION
.B timeout
runs
.I COMMAND
and sends it a signal (TERM by default) if it is still running after
.IR DURATION .
.I DURATION
is a number, possibly with a fraction, and a suffix:
.B s
for seconds (the default),
.BR m ,
.B h
or
.BR d ;
0 turns the limit off.
.SH OPTIONS
.TP
.B \-\-preserve\-status
Exit with the status of
.I COMMAND
even when it timed out.
.TP
.B \-\-foreground
Let
.I COMMAND
read from the terminal, and do not signal its children.
.TP
.BR \-k ", " \-\-kill\-after =\fIDURATION\fR
Send KILL if
.I COMMAND
is still running
.I DURATION
after the first signal.
.TP
.BR \-s ", " \-\-signal =\fISIGNAL\fR
Send
.I SIGNAL
(a name such as
.B INT
or a number) on timeout.
.TP
.BR \-v ", " \-\-verbose
Report each signal sent, on standard error.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
124 when
.I COMMAND
timed out (without
.BR \-\-preserve\-status ),
125 when
.B timeout
itself failed, 126 when
.I COMMAND
could not be run, 127 when it was not found, 137 when it (or
.BR timeout )
got KILL, and the status of
.I COMMAND
otherwise.
.SH EXAMPLES
.TP
.B "timeout 5 ping 10.0.0.1"
Stops the ping after five seconds.
.TP
.B "timeout \-k 10 1m ./migrate.sh || echo 'took too long'"
Gives a script a minute, then ten more seconds before killing it.
.SH "SEE ALSO"
.BR kill (1),
.BR sleep (1)
`;
