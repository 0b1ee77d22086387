export default String.raw`.TH SYSTEMD\-SYSCTL.SERVICE 8 "" "systemd 253" "systemd-sysctl.service"
.SH NAME
systemd-sysctl.service, systemd-sysctl \- apply kernel parameters at boot
.SH SYNOPSIS
.B systemd\-sysctl.service
.br
.B /usr/lib/systemd/systemd\-sysctl
[\fIOPTIONS\fR...] [\fICONFIGFILE\fR...]
.SH DESCRIPTION
.B systemd\-sysctl
sets the kernel parameters listed in
.B sysctl.d
files, early at every boot. Each line of a file reads
.IB name " = " value\fR,
with the name written with dots or slashes, as for
.BR sysctl (8);
lines starting with
.B #
or
.B ;
are comments.
.PP
Without arguments it reads every
.B *.conf
file of the configuration directories, in name order, a file in an earlier
directory hiding one of the same name in a later directory; later files win
when they set the same parameter.
.PP
Photon OS ships
.B 50\-security\-hardening.conf
(address space randomization, restricted
.B dmesg
and kernel pointers, no forwarding, and more).
.PP
It runs from
.BR systemd\-sysctl.service .
To apply an edited file at once, restart that service or run
.BR "sysctl \-\-system" .
.SH OPTIONS
.TP
.BI \-\-prefix= path
Only apply parameters whose names start with this prefix.
.TP
.BR \-h ", " \-\-help ", " \-\-version
Print help or the version.
.SH EXIT STATUS
0 on success; non-zero when a file could not be read.
.SH FILES
.TP
.BR /etc/sysctl.d/*.conf ", " /run/sysctl.d/*.conf ", " /usr/lib/sysctl.d/*.conf
The settings, local ones first.
.TP
.B /etc/sysctl.conf
Read by
.B sysctl \-p
and
.BR "sysctl \-\-system" .
.SH EXAMPLES
.PP
.RS
.nf
# echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/60\-forward.conf
# systemctl restart systemd\-sysctl
.fi
.RE
.SH SEE ALSO
.BR sysctl (8),
.BR systemd\-tmpfiles (8)
`;
