export default String.raw`.TH SETARCH 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
setarch, linux32, linux64, i386, x86_64, uname26 \- run a program under another architecture name or personality flags
.SH SYNOPSIS
.B setarch
[\fIarch\fR] [\fIoptions\fR] [\fIprogram\fR [\fIargument\fR...]]
.br
.B setarch
.B \-\-list
.br
\fBlinux32\fR|\fBlinux64\fR|\fBi386\fR|\fBx86_64\fR|\fBuname26\fR [\fIoptions\fR] [\fIprogram\fR [\fIargument\fR...]]
.SH DESCRIPTION
.B setarch
sets the execution domain of its process with
.BR personality (2)
and then runs the program. The domain decides, among other things, the machine
name that
.B uname \-m
reports to the program and its children: under
.BR linux32 ,
.B i386
and the other 32\-bit names it is i686.
The option flags switch on further personality bits. At least an architecture
or one flag must be given. Without a program, a login shell
.RB ( /bin/sh )
is started.
.PP
The architecture is the first argument when it does not begin with a dash.
The program is also installed under the names
.BR linux32 ,
.BR linux64 ,
.BR i386 ,
.B x86_64
and
.BR uname26 ;
called by one of them it takes that name as the architecture, and has no
\fB\-\-list\fR option.
.PP
The architectures known on x86_64 are uname26, linux32, linux64, i386, i486,
i586, i686, athlon and x86_64.
.SH OPTIONS
Options end at the first argument that is not one, so the program's own
options need no \fB\-\-\fR.
.TP
.B \-\-list
Print the architectures that can be set, one per line, and exit.
.TP
.BR \-B ", " \-\-32bit
Switch on ADDR_LIMIT_32BIT.
.TP
.BR \-F ", " \-\-fdpic\-funcptrs
Switch on FDPIC_FUNCPTRS (function pointers refer to descriptors).
.TP
.BR \-I ", " \-\-short\-inode
Switch on SHORT_INODE.
.TP
.BR \-L ", " \-\-addr\-compat\-layout
Switch on ADDR_COMPAT_LAYOUT (the older virtual memory layout).
.TP
.BR \-R ", " \-\-addr\-no\-randomize
Switch on ADDR_NO_RANDOMIZE (no address space randomization).
.TP
.BR \-S ", " \-\-whole\-seconds
Switch on WHOLE_SECONDS.
.TP
.BR \-T ", " \-\-sticky\-timeouts
Switch on STICKY_TIMEOUTS.
.TP
.BR \-X ", " \-\-read\-implies\-exec
Switch on READ_IMPLIES_EXEC.
.TP
.BR \-Z ", " \-\-mmap\-page\-zero
Switch on MMAP_PAGE_ZERO.
.TP
.BR \-3 ", " \-\-3gb
Switch on ADDR_LIMIT_3GB (at most 3 GB of address space).
.TP
.B \-\-4gb
Accepted and ignored, for old scripts.
.TP
.B \-\-uname\-2.6
Switch on UNAME26, so that the kernel reports a 2.6 release number.
.TP
.BR \-v ", " \-\-verbose
Say which flags are switched on and which program is run.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
The status of the program run. 1 for a bad option, an unknown architecture,
or neither an architecture nor a flag; 127 when the program is not found and
126 when it cannot be run.
.SH EXAMPLES
.TP
.B linux32 uname \-m
Prints i686.
.TP
.B setarch x86_64 \-R ./prog
Runs ./prog without address space randomization.
.SH "SEE ALSO"
.BR uname (1),
.BR arch (1),
.BR personality (2)
`;
