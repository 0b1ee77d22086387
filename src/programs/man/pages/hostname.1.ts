export default String.raw`.TH HOSTNAME 1 "2009-09-16" "net-tools" "Linux Programmer's Manual"
.SH NAME
hostname \- show or set the system's host name
.SH SYNOPSIS
.B hostname
[\fB\-a\fR|\fB\-d\fR|\fB\-f\fR|\fB\-i\fR|\fB\-s\fR|\fB\-y\fR]
.br
.B hostname
[\fB\-F\fR \fIfile\fR] | [\fIname\fR]
.br
.B hostname
[\fB\-h\fR|\fB\-V\fR]
.SH DESCRIPTION
Without arguments,
.B hostname
prints the name of the machine as the kernel knows it (the node name).
With a
.I name
or with
.BR \-F ,
root can change it until the next boot.
To change the name for good on Photon OS, use
.B "hostnamectl set\-hostname"
or edit
.IR /etc/hostname .
.PP
The same program answers to
.BR dnsdomainname ,
.BR domainname ,
.B nisdomainname
and
.BR ypdomainname ,
which print the domain parts.
.SH OPTIONS
.TP
.BR \-a ", " \-\-alias
Print the aliases of the host name, if any.
.TP
.BR \-d ", " \-\-domain
Print the DNS domain: the part of the full name after the first dot.
.TP
.BR \-f ", " \-\-fqdn ", " \-\-long
Print the fully qualified domain name.
.TP
.BR \-F ", " \-\-file " \fIfile\fR"
Set the host name to the first line of
.I file
that is not a comment.
.TP
.BR \-i ", " \-\-ip\-address
Print the addresses the host name resolves to.
.TP
.BR \-s ", " \-\-short
Print the name up to its first dot.
.TP
.BR \-y ", " \-\-yp ", " \-\-nis
Print the NIS domain name.
.TP
.BR \-v ", " \-\-verbose
Say more about what is done.
.TP
.BR \-h ", " \-\-help
Print a usage message and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "hostname"
Prints
.B photon\-machine
on a fresh install.
.TP
.B "hostname web01"
Renames the running machine (as root); lost at reboot.
.SH FILES
.TP
.I /etc/hostname
The name set at boot.
.SH "SEE ALSO"
.BR uname (1),
.BR hostnamectl (1)
`;
