export default String.raw`.TH LOGGER 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
logger \- add a message to the system log
.SH SYNOPSIS
.B logger
[\fIoptions\fR] [\fImessage\fR...]
.SH DESCRIPTION
.B logger
sends a message to the system log as a syslog client would. On Photon OS the
message goes to
.BR systemd\-journald (8),
where
.BR journalctl (1)
shows it.
.PP
The words of
.I message
are joined with spaces into one entry. With no message,
.B logger
reads standard input (or the file named with
.BR \-f )
and logs each line as a separate entry.
.PP
Each entry is tagged with the user's login name unless
.B \-t
gives another tag, and sent with the priority
.B user.notice
unless
.B \-p
gives another.
.SH OPTIONS
.TP
.BR \-p ", " \-\-priority " \fIpriority\fR"
The facility and level, as
.IB facility . level
or a level alone (the facility stays
.BR user ).
Facilities:
.BR kern ", " user ", " mail ", " daemon ", " auth ", " syslog ", " lpr ", " news ", " uucp ", " cron ", " authpriv ", " ftp ,
.BR local0 " to " local7 .
Levels:
.BR emerg ", " alert ", " crit ", " err ", " warning ", " notice ", " info ", " debug ,
or a number from 0 to 7.
.TP
.BR \-t ", " \-\-tag " \fItag\fR"
Mark every entry with
.I tag
(the syslog identifier
.B journalctl \-t
selects).
.TP
.BR \-f ", " \-\-file " \fIfile\fR"
Log the lines of
.IR file .
.TP
.BR \-e ", " \-\-skip\-empty
When reading lines, leave out empty ones.
.TP
.BR \-s ", " \-\-stderr
Also print each message on standard error.
.TP
.BR \-i ", " \-\-id [=\fIid\fR]
Add a process ID to each entry: the given one, or that of logger.
.TP
.BR \-h ", " \-\-help
Print a summary of the options.
.TP
.BR \-V ", " \-\-version
Print the version.
.SH EXIT STATUS
0 on success; 1 when the priority cannot be parsed or the file cannot be
read.
.SH EXAMPLES
.PP
.RS
.nf
$ logger \-t backup \-p user.err "disk full, backup stopped"
$ journalctl \-t backup
.fi
.RE
.SH SEE ALSO
.BR journalctl (1),
.BR systemd\-journald (8),
.BR syslog (3)
`;
