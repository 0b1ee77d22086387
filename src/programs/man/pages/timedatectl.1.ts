export default String.raw`.TH TIMEDATECTL 1 "" "systemd 253" "timedatectl"
.SH NAME
timedatectl \- show or change the system clock settings
.SH SYNOPSIS
.B timedatectl
[\fIOPTIONS\fR...] [\fICOMMAND\fR]
.SH DESCRIPTION
.B timedatectl
shows the local and universal time, the time zone, and whether the clock is
kept in step over the network by
.BR systemd\-timesyncd (8),
and changes those settings. Without a command,
.B status
is run. Changes need root.
.SH COMMANDS
.TP
.B status
Print local time, universal time, RTC time, the time zone with its
abbreviation and offset, whether the clock is synchronized, whether the NTP
service is active, and whether the RTC keeps local time.
.TP
.B show
Print the same facts as
.IB NAME = VALUE
lines for scripts
.RB ( Timezone ", " LocalRTC ", " NTP ", " NTPSynchronized ", ...)."
.TP
.B list\-timezones
Print the names of the known time zones, one a line.
.TP
.BI set\-timezone " ZONE"
Point
.B /etc/localtime
at
.BI /usr/share/zoneinfo/ ZONE\fR.
The zone must be one of those
.B list\-timezones
prints.
.TP
.BI set\-ntp " BOOL"
Start and enable
.RB ( yes ", " true ", " on ", " 1 )
or stop and disable
.RB ( no ", " false ", " off ", " 0 )
.BR systemd\-timesyncd.service .
.TP
.BI set\-time " TIME"
Set the clock, as
.B "YYYY\-MM\-DD HH:MM:SS"
(or a part of it). This is refused while network time synchronization is on;
turn it off first with
.BR "set\-ntp false" .
.TP
.BI set\-local\-rtc " BOOL"
Whether the hardware clock keeps local time instead of UTC. Keeping UTC (the
default) is strongly advised.
.SH OPTIONS
.TP
.B \-\-adjust\-system\-clock
With
.BR set\-local\-rtc ,
also set the system clock from the hardware clock.
.TP
.BR \-p ", " \-\-property =\fINAME\fR ", " \-a ", " \-\-all ", " \-\-value
Select what
.B show
prints, as in
.BR systemctl (1).
.TP
.B \-\-no\-ask\-password
Do not ask for a password when permission is missing.
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-h ", " \-\-help
Print a summary of commands.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success; 1 on an unknown zone, an unparsable value, a refused change
or missing permission.
.SH FILES
.TP
.B /etc/localtime
Symbolic link to the compiled zone file in
.BR /usr/share/zoneinfo/ ;
when it is missing, the zone is UTC.
.SH EXAMPLES
.PP
.RS
.nf
# timedatectl set\-timezone Europe/Berlin
# timedatectl
$ timedatectl list\-timezones | grep America
.fi
.RE
.SH SEE ALSO
.BR systemd\-timesyncd (8),
.BR date (1),
.BR hostnamectl (1),
.BR localectl (1)
`;
