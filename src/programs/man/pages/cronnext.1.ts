export default String.raw`.TH CRONNEXT 1 "2023-01-06" "cronie" "User Commands"
.SH NAME
cronnext \- when crond will next run a job
.SH SYNOPSIS
.B cronnext
[\fB\-i\fR \fIusers\fR] [\fB\-e\fR \fIusers\fR] [\fB\-s\fR] [\fB\-a\fR] [\fB\-t\fR \fItime\fR] [\fB\-q\fR \fItime\fR] [\fB\-j\fR \fIcommand\fR] [\fB\-l\fR] [\fB\-c\fR] [\fB\-f\fR] [\fIfile\fR]...
.SH DESCRIPTION
.B cronnext
reads the tables crond runs (or the crontab files named, in a user's format)
and prints the time of the next job, in seconds since the epoch, as
\fBnext:\fR \fItime\fR. It exits with status 1 when no job runs in the time
looked at (eight years by default).
.SH OPTIONS
.TP
.BI \-i " users"
Only the tables of these users (comma-separated).
.TP
.BI \-e " users"
Not the tables of these users.
.TP
.B \-s
Leave out /etc/crontab and /etc/cron.d.
.TP
.B \-a
Read the installed tables too when files are named.
.TP
.BI \-t " time"
Start at \fItime\fR instead of now.
.TP
.BI \-q " time"
Stop at \fItime\fR.
.TP
.BI \-j " command"
Only the jobs whose command contains \fIcommand\fR.
.TP
.B \-l
Then list the jobs that run at that time.
.TP
.B \-c
List each job's next run, table by table.
.TP
.B \-f
List every run up to the time given with \fB\-q\fR.
.SH SEE ALSO
.BR crontab (5),
.BR crond (8)
`;
