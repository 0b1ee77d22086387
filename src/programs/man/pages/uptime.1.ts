export default String.raw`.TH UPTIME 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
uptime \- tell how long the system has been running
.SH SYNOPSIS
.B uptime
[\fIoptions\fR]
.SH DESCRIPTION
.B uptime
prints one line: the current time, how long the system has been up, how
many users are logged in, and the
.I load averages
for the past 1, 5 and 15 minutes.
.PP
The load average is the average number of processes that are running,
waiting for a CPU, or waiting in uninterruptible sleep (usually for disk
I/O). Compare it with the number of CPUs
.RB ( nproc ):
a load that stays above it means that work is waiting.
.SH OPTIONS
.TP
.BR \-p ", " \-\-pretty
Print only the time up, in words, such as
.BR "up 2 hours, 5 minutes" .
.TP
.BR \-s ", " \-\-since
Print the date and time the system booted, as
.BR "yyyy\-mm\-dd HH:MM:SS" .
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH FILES
.TP
.B /proc/uptime
Seconds since boot.
.TP
.B /proc/loadavg
The load averages.
.TP
.B /run/utmp
The logged\-in users.
.SH EXAMPLES
.TP
.B "uptime \-p"
How long since the last boot, in words.
.TP
.B "uptime \-s"
When the last boot happened.
.SH "SEE ALSO"
.BR w (1),
.BR top (1),
.BR who (1),
.BR nproc (1)
`;
