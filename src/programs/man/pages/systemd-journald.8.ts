export default String.raw`.TH SYSTEMD\-JOURNALD.SERVICE 8 "" "systemd 253" "systemd-journald.service"
.SH NAME
systemd-journald.service, systemd-journald \- the journal logging service
.SH SYNOPSIS
.B systemd\-journald.service
.br
.B /usr/lib/systemd/systemd\-journald
.SH DESCRIPTION
.B systemd\-journald
collects log messages from every source on the system and stores them in
indexed, structured journal files. It receives:
.IP \(bu 3
kernel messages, read from
.BR /dev/kmsg ;
.IP \(bu 3
messages written to the syslog socket
.BR /dev/log ,
for example by
.BR logger (1);
.IP \(bu 3
messages sent through the native journal API;
.IP \(bu 3
everything services write to standard output and standard error, through
.BR /run/systemd/journal/stdout ;
.IP \(bu 3
audit records.
.PP
Each entry is stored with trusted fields added by journald itself (the
process ID, user, executable, unit, boot ID and time), which
.BR journalctl (1)
can filter on.
.PP
By default the journal is kept on disk in
.B /var/log/journal
when that directory exists, and in memory under
.B /run/log/journal
otherwise. Old files are removed to stay within the size limits set in
.BR journald.conf (5).
The journal is readable by root and by members of the
.BR adm ,
.B systemd\-journal
and
.B wheel
groups; other users see only their own messages.
.PP
journald is started very early in boot by
.B systemd\-journald.service
(from its sockets) and is not meant to be stopped.
.SH SIGNALS
.TP
.B SIGUSR1
Move the journal from
.B /run
to
.BR /var
(what
.B journalctl \-\-flush
asks for).
.TP
.B SIGUSR2
Start new journal files
.RB ( "journalctl \-\-rotate" ).
.SH FILES
.TP
.BR /etc/systemd/journald.conf ", " /etc/systemd/journald.conf.d/*.conf
Settings.
.TP
.BR /var/log/journal/ \fImachine\-id\fB/*.journal
Persistent journal files.
.TP
.BR /run/log/journal/ \fImachine\-id\fB/*.journal
Volatile journal files.
.TP
.BR /dev/log ", " /run/systemd/journal/socket ", " /run/systemd/journal/stdout
Sockets journald reads from.
.SH EXAMPLES
.PP
.RS
.nf
# journalctl \-\-disk\-usage
# journalctl \-\-vacuum\-size=100M
.fi
.RE
.SH SEE ALSO
.BR journalctl (1),
.BR journald.conf (5),
.BR logger (1)
`;
