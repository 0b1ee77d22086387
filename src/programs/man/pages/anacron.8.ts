export default String.raw`.TH ANACRON 8 "2023-01-06" "cronie" "System Administration"
.SH NAME
anacron \- run periodic jobs that are due, however long the machine was off
.SH SYNOPSIS
.B anacron
[\fB\-s\fR] [\fB\-f\fR] [\fB\-n\fR] [\fB\-d\fR] [\fB\-q\fR] [\fB\-t\fR \fIanacrontab\fR] [\fB\-S\fR \fIspooldir\fR] [\fIjob\fR] ...
.br
.B anacron
[\fB\-S\fR \fIspooldir\fR] \fB\-u\fR [\fB\-t\fR \fIanacrontab\fR] [\fIjob\fR] ...
.br
.B anacron
[\fB\-V\fR | \fB\-h\fR]
.br
.B anacron
\fB\-T\fR [\fB\-t\fR \fIanacrontab\fR]
.SH DESCRIPTION
.B anacron
runs the jobs of \fI/etc/anacrontab\fR (see
.BR anacrontab (5))
whose period, in days, has passed since they last ran. The day each job last
ran is kept in a file named after it in \fI/var/spool/anacron\fR. A due job
waits its delay, in minutes, from the start of anacron, then runs through
\fI/bin/sh\fR from \fI/\fR with the settings of the table; its date is written
when it ends. Jobs are only started within \fBSTART_HOURS_RANGE\fR.
.PP
Job names on the command line (shell patterns) choose which jobs to consider.
On Photon, \fI/etc/cron.hourly/0anacron\fR starts \fBanacron \-s\fR once a day
from cron. Messages go to syslog and, with \fB\-d\fR, to standard error.
.SH OPTIONS
.TP
.B \-f
Run the jobs even if they are not due.
.TP
.B \-u
Only write today's date as the jobs' last run.
.TP
.B \-s
Run the jobs one after another.
.TP
.B \-n
Run the jobs now, without their delays (implies \fB\-s\fR).
.TP
.B \-d
Stay in the foreground and report on standard error.
.TP
.B \-q
With \fB\-d\fR, report nothing on standard error.
.TP
.BI \-t " file"
Read \fIfile\fR instead of \fI/etc/anacrontab\fR.
.TP
.B \-T
Only check the table, with status 1 if it has errors.
.TP
.BI \-S " dir"
Keep the jobs' dates in \fIdir\fR.
.TP
.B \-V
Show the version.
.TP
.B \-h
Show the options.
.SH FILES
.I /etc/anacrontab
.br
.I /var/spool/anacron
.SH SEE ALSO
.BR anacrontab (5),
.BR crond (8)
`;
