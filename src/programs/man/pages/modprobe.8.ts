export default String.raw`.TH MODPROBE 8 "2022-07-04" "kmod 30" "modprobe"
.SH NAME
modprobe \- load or unload Linux kernel modules
.SH SYNOPSIS
.B modprobe
[\fB\-r\fR] [\fB\-a\fR] [\fB\-n\fR] [\fB\-q\fR] [\fB\-v\fR]
.I modulename
[\fIparameters\fR...]
.SH DESCRIPTION
.B modprobe
adds a module to the running kernel, or with
.B \-r
takes one out, finding it by name in
.BI /lib/modules/ release
and loading the modules it depends on first.
Modules the kernel has built in need no loading;
.BR lsmod (8)
lists what is loaded.
Loading and unloading need root.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Every name on the command line is a module (without it, the words after
the first name are its parameters).
.TP
.BR \-r ", " \-\-remove
Unload the modules.
.TP
.BR \-n ", " \-\-dry\-run
Do everything but change the kernel.
.TP
.BR \-q ", " \-\-quiet
Say nothing when a module cannot be found (the status still says so).
.TP
.BR \-v ", " \-\-verbose
Describe what is done.
.TP
.BR \-V ", " \-\-version
Print the version and the features built in.
.SH "EXIT STATUS"
0 on success, 1 when a module cannot be found, loaded or removed.
.SH "SEE ALSO"
.BR lsmod (8)
`;
