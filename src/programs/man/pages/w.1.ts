export default String.raw`.TH W 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
w \- show who is logged on and what they are doing
.SH SYNOPSIS
.B w
[\fIoptions\fR] [\fIuser\fR]
.SH DESCRIPTION
.B w
starts with the same line as
.BR uptime (1)
and then prints one line per login session:
.TP
.B USER
The login name.
.TP
.B TTY
The terminal (\fBtty1\fR for the console, \fBpts/\fIN\fR for SSH sessions).
.TP
.B FROM
The remote host, for network logins.
.TP
.B LOGIN@
When the user logged in.
.TP
.B IDLE
How long since the terminal was last used.
.TP
.B JCPU
The CPU time of all processes attached to the terminal.
.TP
.B PCPU
The CPU time of the current process, the one named in
.BR WHAT .
.TP
.B WHAT
The command line of the user's current process.
.PP
With a
.I user
operand, only that user's sessions are shown.
.SH OPTIONS
.TP
.BR \-h ", " \-\-no\-header
Do not print the header (the uptime line and the column titles).
.TP
.BR \-u ", " \-\-no\-current
Ignore the user name when working out the current process and CPU times.
.TP
.BR \-s ", " \-\-short
Short format: leave out the login time and the CPU times.
.TP
.BR \-f ", " \-\-from
Toggle the
.B FROM
column; it is shown by default, so this hides it.
.TP
.BR \-o ", " \-\-old\-style
Old style output: idle times below a minute are shown as blanks.
.TP
.BR \-i ", " \-\-ip\-addr
Show IP addresses instead of host names in
.BR FROM .
.TP
.BR \-p ", " \-\-pids
Show the process ID of the current process in
.BR WHAT .
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH FILES
.TP
.B /run/utmp
The logged\-in sessions.
.TP
.B /proc
The processes.
.SH EXAMPLES
.TP
.B "w"
Who is logged in and what they are running.
.TP
.B "w \-h root"
Root's sessions, without the header.
.SH "SEE ALSO"
.BR who (1),
.BR uptime (1),
.BR ps (1),
.BR last (1)
`;
