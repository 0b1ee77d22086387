export default String.raw`.TH SYSTEMD\-ANALYZE 1 "" "systemd 253" "systemd-analyze"
.SH NAME
systemd-analyze \- examine boot performance, units and time syntax
.SH SYNOPSIS
.B systemd\-analyze
[\fIOPTIONS\fR...] [\fBtime\fR]
.br
.B systemd\-analyze
[\fIOPTIONS\fR...] \fBblame\fR
.br
.B systemd\-analyze
[\fIOPTIONS\fR...] \fBcritical\-chain\fR [\fIUNIT\fR...]
.br
.B systemd\-analyze
[\fIOPTIONS\fR...] \fBcalendar\fR|\fBtimestamp\fR|\fBtimespan\fR \fISPEC\fR...
.SH DESCRIPTION
.B systemd\-analyze
answers questions about the service manager: how long the last boot took and
which units slowed it down, and how systemd reads the time expressions used in
unit files (the
.B OnCalendar=
settings of timers, time spans such as
.BR TimeoutStartSec= ).
Without a command it runs
.BR time .
.SH COMMANDS
.TP
.B time
Print how long the boot took, split into the kernel phase and the userspace
phase, and when the default target was reached.
.TP
.B blame
List the units that were started, slowest first, with the time each took to
start. A slow unit is not necessarily what delayed the boot: other units may
have been starting at the same time.
.TP
.BR critical\-chain " [\fIUNIT\fR...]"
Print the chain of units, each waiting on the previous one, that led up to
the unit (default: the default target). For each unit the time it became
active is shown after
.BR @ ,
and the time it took to start after
.BR + .
.TP
.BR dump " [\fIPATTERN\fR...]"
Print the manager's internal state, for debugging.
.TP
.B unit\-paths
List the directories unit files are loaded from.
.TP
.BI cat\-config " NAME" \fR|\fIPATH\fR...
Print a configuration file with its drop-ins, for example
.BR "systemd/journald.conf" .
.TP
.BI verify " FILE" \fR...
Load unit files and report mistakes in them.
.TP
.BI calendar " EXPRESSION" \fR...
Parse calendar expressions, print their normalized form and when they
next elapse (see
.BR \-\-iterations " and " \-\-base\-time ).
.TP
.BI timestamp " TIMESTAMP" \fR...
Parse timestamps and print them normalized, in UTC, and as UNIX seconds.
.TP
.BI timespan " SPAN" \fR...
Parse time spans such as
.B "1h 30min"
and print them normalized and in microseconds.
.TP
.BR security " [\fIUNIT\fR...]"
Rate how well services are sandboxed.
.SH OPTIONS
.TP
.BR \-\-system ", " \-\-user
Look at the system manager (the default) or the calling user's manager.
.TP
.BI \-\-iterations= N
With
.BR calendar ,
print the next
.I N
elapse times instead of one.
.TP
.BI \-\-base\-time= TIMESTAMP
With
.BR calendar ,
count from this time instead of now.
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-q ", " \-\-quiet
Print less.
.TP
.BR \-h ", " \-\-help
Print a summary of commands and options.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success; 1 when the command is unknown, has too few or too many
arguments, or an expression cannot be parsed.
.SH EXAMPLES
.PP
Find out what held up the boot:
.PP
.RS
.nf
systemd\-analyze
systemd\-analyze critical\-chain
systemd\-analyze blame
.fi
.RE
.PP
Check a timer expression before putting it in a
.B .timer
unit:
.PP
.RS
.nf
systemd\-analyze calendar \-\-iterations=3 'Mon..Fri 06:00'
.fi
.RE
.SH SEE ALSO
.BR systemctl (1),
.BR systemd.unit (5),
.BR journalctl (1)
`;
