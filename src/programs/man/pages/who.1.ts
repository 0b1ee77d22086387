export default String.raw`.TH WHO 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
who \- show who is logged on
.SH SYNOPSIS
.B who
[\fIOPTION\fR]... [ \fIFILE\fR | \fIARG1 ARG2\fR ]
.SH DESCRIPTION
.B who
prints a line for each user logged in: the name, the terminal, the login time
and, for remote sessions, where from.
It reads the login records in
.IR /var/run/utmp ,
or in
.I FILE
(such as
.I /var/log/wtmp
for past logins).
.B "who am i"
(any two operands) is the same as
.BR \-m .
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
The same as
.BR "\-b \-d \-\-login \-p \-r \-t \-T \-u" .
.TP
.BR \-b ", " \-\-boot
Print the time of the last boot.
.TP
.BR \-d ", " \-\-dead
Print dead processes.
.TP
.BR \-H ", " \-\-heading
Print a line of column headings.
.TP
.BR \-l ", " \-\-login
Print the system login processes.
.TP
.B \-\-lookup
Look host names up in DNS.
.TP
.B \-m
Only the terminal on standard input.
.TP
.BR \-p ", " \-\-process
Print active processes started by init.
.TP
.BR \-q ", " \-\-count
Print only the login names and how many users are logged on.
.TP
.BR \-r ", " \-\-runlevel
Print the current runlevel.
.TP
.BR \-s ", " \-\-short
Print only name, line and time (the default).
.TP
.BR \-t ", " \-\-time
Print the last change of the system clock.
.TP
.BR \-T ", " \-w ", " \-\-mesg ", " \-\-message ", " \-\-writable
Add whether the user accepts messages:
.BR + ,
.B \-
or
.BR ? .
.TP
.BR \-u ", " \-\-users
List the users logged in, with idle time and process ID.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "who \-b"
Shows when the machine last booted.
.TP
.B "who am i"
Shows your own session.
.SH "SEE ALSO"
.BR users (1),
.BR w (1),
.BR last (1)
`;
