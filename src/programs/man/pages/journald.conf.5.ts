export default String.raw`.TH JOURNALD.CONF 5 "" "systemd 253" "journald.conf"
.SH NAME
journald.conf \- settings of the journal service
.SH SYNOPSIS
.B /etc/systemd/journald.conf
.br
.B /etc/systemd/journald.conf.d/*.conf
.SH DESCRIPTION
These files configure
.BR systemd\-journald (8).
They hold a
.B [Journal]
section of
.IB Key = value
lines. The installed file lists every setting commented out with its default;
to change one, uncomment it, or better put it in a drop-in under
.BR journald.conf.d/ ,
then run
.BR "systemctl restart systemd\-journald" .
.SH OPTIONS
.TP
.BI Storage= mode
Where to keep the journal:
.B volatile
(in memory under
.BR /run/log/journal ),
.B persistent
(on disk under
.BR /var/log/journal ,
created if needed),
.B auto
(the default: on disk if
.B /var/log/journal
exists, in memory otherwise), or
.B none
(discard everything).
.TP
.BI Compress= bool
Compress large entries (default yes).
.TP
.BR SystemMaxUse= ", " SystemKeepFree= ", " SystemMaxFileSize=
How much disk space the persistent journal may take, how much it must leave
free, and how large one file may grow (sizes with K, M, G suffixes).
.TP
.BR RuntimeMaxUse= ", " RuntimeKeepFree= ", " RuntimeMaxFileSize=
The same for the volatile journal.
.TP
.BI MaxRetentionSec= time
Remove entries older than this.
.TP
.BR RateLimitIntervalSec= ", " RateLimitBurst=
Drop messages of a service that logs more than the burst within the
interval (defaults 30s and 10000).
.TP
.BR ForwardToSyslog= ", " ForwardToKMsg= ", " ForwardToConsole= ", " ForwardToWall=
Also pass messages to a syslog daemon, the kernel log, the console, or the
terminals of logged-in users (only the last is on by default, for emergency
messages).
.TP
.BR MaxLevelStore= ", " MaxLevelSyslog= ", " MaxLevelConsole= ", " MaxLevelWall=
The least important priority kept or forwarded
.RB ( debug " for storage by default)."
.SH EXAMPLES
.PP
Cap the journal at 200 MB, in
.BR /etc/systemd/journald.conf.d/size.conf :
.PP
.RS
.nf
[Journal]
SystemMaxUse=200M
.fi
.RE
.SH SEE ALSO
.BR systemd\-journald (8),
.BR journalctl (1)
`;
