export default String.raw`.TH CROND 8 "2023-01-06" "cronie" "System Administration"
.SH NAME
crond, cron \- the daemon that runs scheduled jobs
.SH SYNOPSIS
.B crond
[\fB\-c\fR | \fB\-h\fR | \fB\-i\fR | \fB\-n\fR | \fB\-p\fR | \fB\-P\fR | \fB\-s\fR | \fB\-m\fR \fImail command\fR]
.br
.B crond
\fB\-x\fR [\fIflags\fR]
.br
.B crond
\fB\-V\fR
.SH DESCRIPTION
.B crond
wakes up every minute and runs the jobs that are due in \fI/etc/crontab\fR,
the files of \fI/etc/cron.d\fR and the users' tables in \fI/var/spool/cron\fR
(see
.BR crontab (5)).
Tables are read again when they change. A table must be a regular file that
only its owner (root, or the user it is named after) may write; other tables
are skipped and the reason is logged.
.PP
Each job runs as its user, in the user's home directory, through the table's
\fBSHELL\fR. Its start (CMD), its output when it is not mailed (CMDOUT) and its
end (CMDEND) are logged to syslog with the cron facility. Without a mail
transport (\fI/usr/sbin/sendmail\fR), output is always logged.
.PP
On Photon the daemon runs as the \fBcrond.service\fR unit (also known as
\fBcron.service\fR), started with \fB\-n\fR and the options in
\fBCRONDARGS\fR of \fI/etc/sysconfig/crond\fR. SIGHUP makes it reopen its log.
.SH OPTIONS
.TP
.BR \-n ", " \-f
Stay in the foreground.
.TP
.B \-s
Log the output of jobs rather than mailing it.
.TP
.BI \-m " command"
Mail output with \fIcommand\fR; \fBoff\fR logs it instead.
.TP
.B \-p
Accept tables whatever their owner and mode.
.TP
.B \-P
Keep the daemon's own PATH rather than setting \fI/usr/bin:/bin\fR.
.TP
.B \-i
Do not watch the tables for changes (they are still checked every minute).
.TP
.B \-c
Cluster mode: run the users' tables only on the host named with \fBcrontab \-n\fR.
.TP
.B \-h
Show the options.
.TP
.B \-V
Show the version.
.SH FILES
.I /run/crond.pid
.br
.I /etc/sysconfig/crond
.SH SEE ALSO
.BR crontab (1),
.BR crontab (5)
`;
