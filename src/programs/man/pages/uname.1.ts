export default String.raw`.TH UNAME 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
uname \- print system information
.SH SYNOPSIS
.B uname
[\fIOPTION\fR]...
.SH DESCRIPTION
.B uname
prints facts about the machine and its kernel.
Without options it prints the kernel name, as
.B \-s
does.
On Photon OS 5.0 the kernel release ends in
.B .ph5
and, on the VMware flavour, in
.BR \-esx .
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Print everything below in this order, leaving out
.B \-p
and
.B \-i
when they are unknown.
.TP
.BR \-s ", " \-\-kernel\-name
The kernel's name,
.BR Linux .
.TP
.BR \-n ", " \-\-nodename
The host name on the network.
.TP
.BR \-r ", " \-\-kernel\-release
The kernel release, such as
.BR 6.1.138\-1.ph5\-esx .
.TP
.BR \-v ", " \-\-kernel\-version
The kernel's build version and date.
.TP
.BR \-m ", " \-\-machine
The hardware name, such as
.BR x86_64 .
.TP
.BR \-p ", " \-\-processor
The processor type (prints
.B unknown
here).
.TP
.BR \-i ", " \-\-hardware\-platform
The hardware platform (prints
.B unknown
here).
.TP
.BR \-o ", " \-\-operating\-system
The operating system,
.BR GNU/Linux .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "uname \-r"
Shows the running kernel, to compare with the installed
.B linux
packages.
.TP
.B "uname \-a"
Shows everything at once.
.SH "SEE ALSO"
.BR hostname (1),
.BR arch (1)
`;
