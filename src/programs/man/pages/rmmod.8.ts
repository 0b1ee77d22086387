export default String.raw`.TH RMMOD 8 "2022-07-04" "kmod 30" "rmmod"
.SH NAME
rmmod \- take a module out of the running kernel
.SH SYNOPSIS
.B rmmod
[\fB\-f\fR] [\fB\-s\fR] [\fB\-v\fR]
.IR modulename ...
.SH DESCRIPTION
.B rmmod
unloads each named module (a path to its
.B .ko
file names it too). A module that other modules still use stays, and rmmod
names its users; unload those first, or let
.B modprobe \-r
take out a module together with the dependencies nothing else needs.
A module built into the kernel cannot be removed. Removing needs root.
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Accepted; this kernel refuses forced removal of a module in use all the same.
.TP
.BR \-s ", " \-\-syslog
Accepted (errors still go to standard error here).
.TP
.BR \-v ", " \-\-verbose
Accepted.
.TP
.BR \-V ", " \-\-version
Print kmod's version.
.SH "EXIT STATUS"
0 when every module was removed, 1 otherwise.
.SH "SEE ALSO"
.BR modprobe (8),
.BR lsmod (8),
.BR insmod (8)
`;
