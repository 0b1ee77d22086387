export default String.raw`.TH SYSTEMD-HOSTNAMED.SERVICE 8 "" "systemd 253" "systemd-hostnamed.service"
.SH NAME
systemd-hostnamed.service, systemd-hostnamed \- the service behind hostnamectl: the system's host name and machine information
.SH SYNOPSIS
.B systemd-hostnamed.service
.br
.B /usr/lib/systemd/systemd-hostnamed
.SH DESCRIPTION
.B systemd-hostnamed
is the service behind hostnamectl: the system's host name and machine information. It is not started at boot; the service manager starts it when it is first
asked for, and it exits by itself after 30 seconds without requests.
.SH SEE ALSO
.BR systemd (1),
.BR systemctl (1)
`;
