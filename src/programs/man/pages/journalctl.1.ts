export default String.raw`.TH JOURNALCTL 1 "" "systemd 253" "journalctl"
.SH NAME
journalctl \- print log entries from the systemd journal
.SH SYNOPSIS
.B journalctl
[\fIOPTIONS\fR...] [\fIMATCHES\fR...]
.SH DESCRIPTION
.B journalctl
reads the structured log kept by
.BR systemd\-journald (8)
and prints it, oldest entry first. Everything the system logs ends up there:
the kernel ring buffer, messages sent with
.BR syslog (3)
or
.BR logger (1),
and the standard output and error of every service.
.PP
Without options the whole journal is shown through a pager. Options narrow
it down by boot, unit, syslog identifier, priority, time and text; several
different filters must all hold.
.PP
A
.I MATCH
of the form
.IB FIELD = VALUE
keeps only the entries whose field has that value, for example
.B _PID=1
or
.BR SYSLOG_IDENTIFIER=sshd .
An absolute path to a program is short for
.BI _EXE= PATH\fR.
.PP
Users who are not root and not in the groups
.BR adm ,
.B systemd\-journal
or
.B wheel
see only their own entries; a hint saying so is printed unless
.B \-q
is given.
.SH OPTIONS
.TP
.BR \-b ", " \-\-boot [=\fIID\fR]
Show only entries of one boot: the current one by default,
.B \-1
for the one before, a positive number counting from the first recorded
boot, or a 32-digit boot ID.
.B all
lifts the restriction.
.TP
.BR \-u ", " \-\-unit =\fIUNIT\fR
Show the entries of a unit;
.B .service
is added to a name without a suffix. May be repeated.
.TP
.BR \-t ", " \-\-identifier =\fIID\fR
Show entries with this syslog identifier (the tag
.B logger \-t
sets). May be repeated.
.TP
.BR \-p ", " \-\-priority =\fIPRIO\fR
Show entries of this priority or more important. A priority is a number
from 0 to 7 or one of
.BR emerg ", " alert ", " crit ", " err ", " warning ", " notice ", " info ", " debug .
A range
.IB FROM .. TO
selects the priorities between the two.
.TP
.BR \-g ", " \-\-grep =\fIPATTERN\fR
Show entries whose message matches the regular expression. A pattern in
lower case only is matched without regard to case.
.TP
.BR \-S ", " \-\-since =\fIDATE\fR ", " \-U ", " \-\-until =\fIDATE\fR
Show entries no older (no newer) than
.IR DATE ,
written as
.B "YYYY\-MM\-DD HH:MM:SS"
(the time or the seconds may be left out), as
.BR today ", " yesterday ", " now ,
or relative to now, such as
.B \-1h
or
.BR "\-30min" .
.TP
.BR \-k ", " \-\-dmesg
Show only kernel messages of the current boot.
.TP
.BR \-n ", " \-\-lines [=\fIN\fR]
Show only the last
.I N
entries (10 when no number is given,
.B all
for every entry).
.TP
.BR \-r ", " \-\-reverse
Show the newest entries first.
.TP
.BR \-f ", " \-\-follow
Show the last 10 entries, then keep printing new ones as they arrive until
interrupted with Ctrl-C.
.TP
.BR \-e ", " \-\-pager\-end
Open the pager at the end of the output (and read at most the last 1000
entries).
.TP
.BR \-x ", " \-\-catalog
Add the explanatory text of the message catalog to the entries that have
one.
.TP
.BR \-o ", " \-\-output =\fIMODE\fR
How entries are printed:
.RS
.TP
.B short
The default: time, host name, identifier and PID, message, like a classic
syslog file.
.TP
.BR short\-iso ", " short\-iso\-precise ", " short\-precise ", " short\-full ", " short\-monotonic ", " short\-unix
The same with other time formats.
.TP
.B with\-unit
Like
.BR short\-full ,
naming the unit instead of the identifier.
.TP
.B verbose
Every field of every entry.
.TP
.B cat
The message alone.
.TP
.BR json ", " json\-pretty ", " json\-sse ", " json\-seq
Entries as JSON objects.
.TP
.B export
The binary-safe serialization used for journal export.
.RE
.TP
.BR \-a ", " \-\-all
Print every field in full, even long or unprintable ones.
.TP
.BR \-q ", " \-\-quiet
Leave out informational lines such as
.BR "\-\- No entries \-\-" .
.TP
.B \-\-no\-pager
Write to standard output instead of a pager.
.TP
.B \-\-no\-hostname
Do not print the host name column.
.TP
.B \-\-utc
Print times in UTC.
.TP
.B \-\-list\-boots
List the boots the journal holds: a relative index, the boot ID and the
times of the first and last entries.
.TP
.B \-\-disk\-usage
Print how much disk space the journal files take.
.TP
\fB\-\-vacuum\-size=\fIBYTES\fR, \fB\-\-vacuum\-time=\fITIME\fR
Remove archived journal files until they take less space, or hold nothing
older, than given (root only).
.TP
.BR \-\-rotate ", " \-\-flush ", " \-\-sync
Ask journald to start new files, to move the journal from
.B /run
to
.BR /var ,
or to write everything out (root only).
.TP
.BR \-h ", " \-\-help
Print a summary of the options.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success (also when no entry matched); 1 when an option or a match is
invalid, a boot does not exist, or an operation is not permitted.
.SH ENVIRONMENT
.TP
.BR SYSTEMD_PAGER ", " PAGER
The pager; by default
.B less
with the options
.BR FRSXMK .
.TP
.B TZ
The time zone used for printed times (unless
.BR \-\-utc ).
.SH FILES
.TP
.B /var/log/journal/
Persistent journal files, one directory per machine ID.
.TP
.B /run/log/journal/
Volatile journal, used until
.B /var
is available.
.SH EXAMPLES
.PP
Everything sshd said since the machine started:
.PP
.RS
.nf
journalctl \-b \-u sshd
.fi
.RE
.PP
Errors and worse from the current boot, without the pager:
.PP
.RS
.nf
journalctl \-b \-p err \-\-no\-pager
.fi
.RE
.PP
Follow the network daemon while restarting it from another terminal:
.PP
.RS
.nf
journalctl \-f \-u systemd\-networkd
.fi
.RE
.PP
Why did a unit fail to start:
.PP
.RS
.nf
journalctl \-xeu docker.service
.fi
.RE
.SH SEE ALSO
.BR systemd\-journald (8),
.BR journald.conf (5),
.BR systemctl (1),
.BR logger (1)
`;
