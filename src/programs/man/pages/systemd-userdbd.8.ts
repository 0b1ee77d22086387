export default String.raw`.TH SYSTEMD-USERDBD.SERVICE 8 "" "systemd 253" "systemd-userdbd.service"
.SH NAME
systemd-userdbd.service, systemd-userdbd \- the service answering user and group record lookups
.SH SYNOPSIS
.B systemd-userdbd.service
.br
.B /usr/lib/systemd/systemd-userdbd
.SH DESCRIPTION
.B systemd-userdbd
is the service answering user and group record lookups. It is not started at boot; the service manager starts it when it is first
asked for and it keeps running.
.SH SEE ALSO
.BR systemd (1),
.BR systemctl (1)
`;
