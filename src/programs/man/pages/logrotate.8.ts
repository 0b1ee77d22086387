export default String.raw`.TH LOGROTATE 8 "2024-06-01" "logrotate 3.22.0" "System Administrator's Manual"
.SH NAME
logrotate \- rotates, compresses and removes old log files
.SH SYNOPSIS
.B logrotate
[\fB\-dfv\fR] [\fB\-m\fR \fIcommand\fR] [\fB\-s\fR \fIstatefile\fR] [\fB\-l\fR \fIlogfile\fR] [\fB\-\-version\fR] [\fB\-\-help\fR] \fIconfigfile\fR ...
.SH DESCRIPTION
\fBlogrotate\fR keeps log files from growing without bound. Each log named in the
configuration is rotated when it is due (every hour, day, week, month or year, or once it
passes a size): it is renamed to \fIlog\fR.1 (or \fIlog\fR\-\fIYYYYMMDD\fR with \fBdateext\fR),
older copies move up by one, the oldest beyond the \fBrotate\fR count is removed, a new empty log
may be created and old copies may be compressed. It is normally run once a day, by
\fBlogrotate.timer\fR.
.PP
Each \fIconfigfile\fR is a file or a directory of files read in name order; later files see the
settings of earlier ones. When each log was last rotated is kept in the state file.
.SH OPTIONS
.TP
.BR \-d ", " \-\-debug
Change nothing: print what would be done (implies \fB\-v\fR). The state file is not written.
.TP
.BR \-f ", " \-\-force
Rotate every log, due or not.
.TP
.BR \-m ", " \-\-mail " \fIcommand\fR"
The program that mails logs for the \fBmail\fR directive (default \fI/usr/bin/mail\fR).
.TP
.BR \-s ", " \-\-state " \fIstatefile\fR"
Use \fIstatefile\fR instead of \fI/var/lib/logrotate/logrotate.status\fR.
.TP
.BR \-v ", " \-\-verbose
Print each step on standard error.
.TP
.BR \-l ", " \-\-log " \fIfile\fR"
Also write every message to \fIfile\fR (\fBsyslog\fR: to the system log).
.TP
.B \-\-skip\-state\-lock
Do not lock the state file.
.TP
.B \-\-wait\-for\-state\-lock
Wait for another run to release the state file.
.TP
.B \-\-version
Print the version and the built-in defaults.
.TP
.BR \-? ", " \-\-help ", " \-\-usage
Print the options.
.SH CONFIGURATION
Lines are directives; \fB#\fR starts a comment. Directives outside a block are defaults for the
blocks after them. A block names logs (shell patterns allowed) and holds their own directives:
.PP
.nf
/var/log/app/*.log /var/log/app.err {
    daily
    rotate 7
    missingok
    notifempty
    compress
    delaycompress
    postrotate
        systemctl kill -s HUP app.service
    endscript
}
.fi
.PP
Common directives: \fBhourly\fR, \fBdaily\fR, \fBweekly\fR [\fIweekday\fR], \fBmonthly\fR,
\fByearly\fR, \fBsize\fR \fIn\fR[\fBk\fR|\fBM\fR|\fBG\fR], \fBminsize\fR, \fBmaxsize\fR,
\fBrotate\fR \fIcount\fR, \fBmaxage\fR \fIdays\fR, \fBmissingok\fR, \fBnotifempty\fR,
\fBcompress\fR, \fBdelaycompress\fR, \fBcompresscmd\fR, \fBcompressoptions\fR, \fBcompressext\fR,
\fBcreate\fR [\fImode\fR [\fIowner\fR [\fIgroup\fR]]], \fBnocreate\fR, \fBcopytruncate\fR,
\fBcopy\fR, \fBdateext\fR, \fBdateformat\fR, \fBdateyesterday\fR, \fBextension\fR, \fBolddir\fR,
\fBcreateolddir\fR, \fBstart\fR, \fBsu\fR \fIuser\fR \fIgroup\fR, \fBsharedscripts\fR,
\fBprerotate\fR/\fBpostrotate\fR/\fBfirstaction\fR/\fBlastaction\fR/\fBpreremove\fR ... \fBendscript\fR,
\fBinclude\fR \fIfile\fR|\fIdirectory\fR, \fBtabooext\fR, \fBtaboopat\fR.
.PP
Scripts run with \fI/bin/sh\fR; the log's name (the block's patterns with \fBsharedscripts\fR) is
their first argument.
.SH FILES
.TP
.I /etc/logrotate.conf
The main configuration.
.TP
.I /etc/logrotate.d
The packages' settings.
.TP
.I /var/lib/logrotate/logrotate.status
The state file.
.SH EXIT STATUS
0 on success, 1 when something failed, 2 for a bad option, 3 when the state file cannot be
locked.
.SH SEE ALSO
.BR gzip (1),
.BR crond (8),
.BR systemd.timer (5)
`;
