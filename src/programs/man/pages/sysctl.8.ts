export default String.raw`.TH SYSCTL 8 "2023-08" "procps-ng 4.0.4" "System Administration"
.SH NAME
sysctl \- read and change kernel parameters at run time
.SH SYNOPSIS
.B sysctl
[\fIoptions\fR] [\fIvariable\fR[\fB=\fIvalue\fR]] [...]
.br
.B sysctl \-p
[\fIfile\fR or \fIpattern\fR] [...]
.br
.B sysctl \-\-system
.SH DESCRIPTION
The kernel exposes many tunable parameters as files under
.BR /proc/sys .
.B sysctl
reads and writes them by a dotted name, where the dots stand for the
slashes below /proc/sys:
.B net.ipv4.ip_forward
is
.BR /proc/sys/net/ipv4/ip_forward .
A name written with slashes is accepted too.
.PP
A
.I variable
alone prints
.IB "name " = " value" \fR;
.IB variable = value
sets it (as root) and prints the new setting. Values set this way are lost
at the next boot: to make a setting permanent, put it in a file under
.B /etc/sysctl.d/
(or in
.BR /etc/sysctl.conf ),
which
.B systemd\-sysctl.service
applies at every boot.
.PP
Photon OS ships
.B /etc/sysctl.d/50\-security\-hardening.conf
with
.BR "kernel.dmesg_restrict = 1" ,
.BR "kernel.kptr_restrict = 2" ,
.BR "kernel.randomize_va_space = 2" ,
.BR "kernel.sysrq = 0" ,
.BR "fs.suid_dumpable = 0" ,
.B "net.ipv4.ip_forward = 0"
and
.BR "net.ipv6.conf.all.forwarding = 0" .
Override them with a file that sorts later, such as
.BR 90\-local.conf .
.SH OPTIONS
.TP
.BR \-a ", " \-A ", " \-X ", " \-\-all
Print every parameter currently available.
.TP
.B \-\-deprecated
Also list deprecated parameters.
.TP
.BR \-b ", " \-\-binary
Print the value without a newline.
.TP
.BR \-e ", " \-\-ignore
Do not report unknown parameter names.
.TP
.BR \-N ", " \-\-names
Print only the names.
.TP
.BR \-n ", " \-\-values
Print only the values.
.TP
.BR \-p "[\fIfile\fR], " \-\-load [=\fIfile\fR]
Apply the settings in
.I file
(by default
.BR /etc/sysctl.conf ).
Each line is
.IB name " = " value \fR;
empty lines and lines starting with
.B #
or
.B ;
are ignored, and a line starting with
.B \-
does not fail when the parameter does not exist.
.B \-f
is the same option.
.TP
.B \-\-system
Apply the files of all the system configuration directories, in the order
systemd uses:
.BR /etc/sysctl.d ", " /run/sysctl.d ", " /usr/local/lib/sysctl.d ", " /usr/lib/sysctl.d ,
then
.BR /etc/sysctl.conf .
Each file is announced before it is applied.
.TP
.BI \-r " pattern" "\fR, \fB\-\-pattern " pattern
Only show parameters whose name matches the extended regular expression
.IR pattern .
.TP
.BR \-q ", " \-\-quiet
Do not print the values that are set.
.TP
.BR \-w ", " \-\-write
Require every argument to be an assignment.
.TP
.BR \-o ", " \-x
Accepted for compatibility; they do nothing.
.TP
.BR \-h ", " \-d ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a parameter is unknown or may not be written, 255
when a configuration file could not be opened.
.SH FILES
.TP
.B /proc/sys/
The parameters themselves.
.TP
.B /etc/sysctl.d/*.conf
Settings applied at boot (also
.B /run/sysctl.d
and
.BR /usr/lib/sysctl.d ).
.TP
.B /etc/sysctl.conf
The traditional single configuration file.
.SH EXAMPLES
.TP
.B "sysctl net.ipv4.ip_forward"
Show whether IPv4 forwarding is on.
.TP
.B "sysctl \-w net.ipv4.ip_forward=1"
Turn it on until the next boot (docker does this when it starts).
.TP
.B "echo 'vm.swappiness = 10' > /etc/sysctl.d/90\-local.conf; sysctl \-\-system"
Make a setting permanent and apply it now.
.TP
.B "sysctl \-a \-r '^kernel\e.'"
List all kernel.* parameters.
.SH "SEE ALSO"
.BR sysctl.d (5),
.BR systemd\-sysctl (8),
.BR proc (5)
`;
