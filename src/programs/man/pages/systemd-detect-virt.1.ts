export default String.raw`.TH SYSTEMD-DETECT-VIRT 1 "" "systemd 253" "systemd-detect-virt"
.SH NAME
systemd-detect-virt \- detect execution in a virtualized environment
.SH SYNOPSIS
.B systemd-detect-virt
[\fIOPTIONS\fR...]
.SH DESCRIPTION
.B systemd-detect-virt
tells whether the system runs in a virtual machine or a container, and prints which
kind (\fBvmware\fR, \fBkvm\fR, \fBdocker\fR, ...) or \fBnone\fR. The exit status is 0
when something was detected and 1 otherwise.
.SH OPTIONS
.TP
.BR \-c ", " \-\-container
Only look for a container.
.TP
.BR \-v ", " \-\-vm
Only look for a virtual machine.
.TP
.BR \-r ", " \-\-chroot
Only tell, by the exit status, whether this runs in a chroot.
.TP
.B \-\-private\-users
Only tell whether this runs in a user namespace.
.TP
.BR \-q ", " \-\-quiet
Print nothing.
.TP
.B \-\-list
List the kinds of virtualization it knows.
.TP
.BR \-h ", " \-\-help
Print a short help text and exit.
.SH SEE ALSO
.BR systemd (1),
.BR hostnamectl (1)
`;
