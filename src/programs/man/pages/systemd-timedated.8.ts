export default String.raw`.TH SYSTEMD-TIMEDATED.SERVICE 8 "" "systemd 253" "systemd-timedated.service"
.SH NAME
systemd-timedated.service, systemd-timedated \- the service behind timedatectl: the system clock, time zone and NTP setting
.SH SYNOPSIS
.B systemd-timedated.service
.br
.B /usr/lib/systemd/systemd-timedated
.SH DESCRIPTION
.B systemd-timedated
is the service behind timedatectl: the system clock, time zone and NTP setting. It is not started at boot; the service manager starts it when it is first
asked for, and it exits by itself after 30 seconds without requests.
.SH SEE ALSO
.BR systemd (1),
.BR systemctl (1)
`;
