export default String.raw`.TH SYSTEMD\-UPDATE\-UTMP.SERVICE 8 "" "systemd 253" "systemd-update-utmp.service"
.SH NAME
systemd-update-utmp.service, systemd-update-utmp \- record boots and shutdowns in utmp and wtmp
.SH SYNOPSIS
.B systemd\-update\-utmp.service
.br
.B /usr/lib/systemd/systemd\-update\-utmp
.BR reboot | shutdown
.SH DESCRIPTION
.B systemd\-update\-utmp reboot
writes a boot record, and
.B systemd\-update\-utmp shutdown
a shutdown record, to
.B /run/utmp
and
.BR /var/log/wtmp ,
the files where
.BR who (1),
.B last
and
.BR uptime (1)
look up when the system came up and went down. The service
.B systemd\-update\-utmp.service
runs the first at boot and the second when it is stopped at shutdown.
.SH EXIT STATUS
0 on success.
.SH FILES
.TP
.BR /run/utmp ", " /var/log/wtmp
Current logins, and the history of logins, boots and shutdowns.
.SH SEE ALSO
.BR who (1),
.BR systemd\-logind (8)
`;
