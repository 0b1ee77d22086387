export default String.raw`.TH SETSID 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
setsid \- run a program in a new session
.SH SYNOPSIS
.B setsid
[options] \fIprogram\fR [\fIarguments\fR]
.SH DESCRIPTION
.B setsid
runs a program in a new session, away from the terminal's job control. When
setsid leads its process group it forks first, and then returns at once
unless \fB\-w\fR is given. In this simulator the program gets a process group of
its own; its session id stays that of the caller.
.SH OPTIONS
.TP
.B \-c, \-\-ctty
Make the current terminal the controlling terminal.
.TP
.B \-f, \-\-fork
Always fork.
.TP
.B \-w, \-\-wait
Wait for the program and exit with its status.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR setsid (2)
`;
