export default String.raw`.TH CRONTAB 1 "2023-01-06" "cronie" "User Commands"
.SH NAME
crontab \- install, list, edit or remove a user's table of scheduled jobs
.SH SYNOPSIS
.B crontab
[\fB\-u\fR \fIuser\fR] \fIfile\fR
.br
.B crontab
[\fB\-T\fR] \fIfile\fR
.br
.B crontab
[\fB\-u\fR \fIuser\fR] [\fB\-l\fR | \fB\-r\fR | \fB\-e\fR] [\fB\-i\fR] [\fB\-s\fR]
.br
.B crontab
\fB\-n\fR [\fIhost\fR]
.br
.B crontab
\fB\-c\fR | \fB\-V\fR
.SH DESCRIPTION
Each user may have one table of jobs for
.BR crond (8),
kept in \fI/var/spool/cron\fR under the user's name. The table's format is
described in
.BR crontab (5).
.PP
Given a file, or \fB\-\fR for standard input,
.B crontab
replaces the user's table with it, after checking it: a table with an error is
refused, and the line and the kind of error are shown.
.PP
Who may use the command is decided by \fI/etc/cron.allow\fR and
\fI/etc/cron.deny\fR: when the first exists, only the users it lists may; when
only the second exists, every user it does not list may. Without either, only
root may. Root may always.
.SH OPTIONS
.TP
.BI \-u " user"
Work on \fIuser\fR's table rather than one's own (root only).
.TP
.B \-l
Show the table.
.TP
.B \-r
Remove the table.
.TP
.B \-i
With \fB\-r\fR, ask before removing.
.TP
.B \-e
Edit a copy of the table with the editor named by \fBVISUAL\fR or
\fBEDITOR\fR (\fI/usr/bin/vi\fR by default); the copy is checked and installed
when the editor exits, and nothing changes when it was not saved.
.TP
.BI \-T " file"
Only check \fIfile\fR and say whether it has errors.
.TP
.B \-s
Add the SELinux context of the process to the table.
.TP
.BR \-n " [\fIhost\fR]"
Name the host of a cluster that runs the users' tables (this host by default).
.TP
.B \-c
Show that host.
.TP
.B \-V
Show the version.
.SH FILES
.I /var/spool/cron/
.br
.I /etc/cron.allow
.br
.I /etc/cron.deny
.SH SEE ALSO
.BR crontab (5),
.BR crond (8)
`;
