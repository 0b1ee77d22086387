export default String.raw`.TH SYSTEMD\-TIMESYNCD.SERVICE 8 "" "systemd 253" "systemd-timesyncd.service"
.SH NAME
systemd-timesyncd.service, systemd-timesyncd \- simple network time client
.SH SYNOPSIS
.B systemd\-timesyncd.service
.br
.B /usr/lib/systemd/systemd\-timesyncd
.SH DESCRIPTION
.B systemd\-timesyncd
keeps the system clock in step with a remote time server using SNTP. It
queries one server at a time and slews or steps the clock towards its time;
it does not serve time to others.
.PP
Servers come, in order of preference, from the
.B NTP=
settings of
.BR systemd.network (5)
files or DHCP leases, from
.B NTP=
in
.BR timesyncd.conf ,
and finally from its
.B FallbackNTP=
list. On every boot the clock is first advanced to the time saved at the
last synchronization, so it never starts out in the distant past.
.PP
It runs as the
.B systemd\-timesync
user, started by
.BR systemd\-timesyncd.service ,
which Photon OS enables by default.
.BR timedatectl (1)
shows whether it is active and synchronized, and
.B timedatectl set\-ntp
turns it on or off.
.SH FILES
.TP
.BR /etc/systemd/timesyncd.conf ", " /etc/systemd/timesyncd.conf.d/*.conf
Settings:
.BR NTP= ,
.BR FallbackNTP= ,
.BR RootDistanceMaxSec= ,
.BR PollIntervalMinSec= ,
.BR PollIntervalMaxSec= .
.TP
.B /var/lib/systemd/timesync/clock
Its modification time records the last synchronized time.
.TP
.B /run/systemd/timesync/synchronized
Created once the clock has been synchronized.
.SH EXAMPLES
.PP
.RS
.nf
$ timedatectl
$ journalctl \-u systemd\-timesyncd
.fi
.RE
.SH SEE ALSO
.BR timedatectl (1),
.BR systemd.network (5)
`;
