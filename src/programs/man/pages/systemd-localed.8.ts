export default String.raw`.TH SYSTEMD-LOCALED.SERVICE 8 "" "systemd 253" "systemd-localed.service"
.SH NAME
systemd-localed.service, systemd-localed \- the service behind localectl: the system locale and keyboard layout
.SH SYNOPSIS
.B systemd-localed.service
.br
.B /usr/lib/systemd/systemd-localed
.SH DESCRIPTION
.B systemd-localed
is the service behind localectl: the system locale and keyboard layout. It is not started at boot; the service manager starts it when it is first
asked for, and it exits by itself after 30 seconds without requests.
.SH SEE ALSO
.BR systemd (1),
.BR systemctl (1)
`;
