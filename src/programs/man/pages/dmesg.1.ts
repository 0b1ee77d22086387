export default String.raw`.TH DMESG 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
dmesg \- print or control the kernel ring buffer
.SH SYNOPSIS
.B dmesg
[\fIoptions\fR]
.br
.B dmesg \-\-clear
.br
.B dmesg \-\-read\-clear
[\fIoptions\fR]
.SH DESCRIPTION
The kernel keeps its recent messages \(em hardware detection, driver
messages, file system mounts, warnings \(em in a memory buffer called the
ring buffer.
.B dmesg
prints it. Each line starts with the time in seconds since boot, in
brackets.
.PP
Photon OS sets
.B kernel.dmesg_restrict = 1
in
.BR /etc/sysctl.d/50\-security\-hardening.conf ,
so only root (or
.BR sudo )
may read the buffer; other users get
.BR "read kernel buffer failed: Operation not permitted" .
Clearing it always needs root. The same messages, with those of the
services, are also in the journal:
.BR "journalctl \-k" .
.SH OPTIONS
.TP
.BR \-C ", " \-\-clear
Empty the ring buffer.
.TP
.BR \-c ", " \-\-read\-clear
Print the buffer, then empty it.
.TP
.BR \-H ", " \-\-human
Human\-friendly output: relative times, colors and a pager.
.TP
.BR \-k ", " \-\-kernel
Print only kernel messages.
.TP
.BI \-l " list" "\fR, \fB\-\-level " list
Print only messages of the given priority levels, separated by commas:
.BR emerg ", " alert ", " crit ", " err ", " warn ", " notice ", " info ", " debug .
.TP
.BR \-r ", " \-\-raw
Print the raw records, with the
.BI < level >
prefix and no decoding.
.TP
.BR \-T ", " \-\-ctime
Print wall\-clock dates instead of seconds since boot. The dates can be off
after a suspend and resume.
.TP
.BR \-t ", " \-\-notime
Do not print times.
.TP
.BR \-x ", " \-\-decode
Print the facility and level of each message as text.
.TP
.BR \-w ", " \-\-follow
Keep running and print new messages as they arrive.
.TP
.BR \-L ", " \-\-color [=\fIwhen\fR]
Colorize the output
.RB ( auto ", " never " or " always ).
.TP
.BR \-S ", " \-\-syslog
Read the buffer through the syslog(2) interface instead of /dev/kmsg.
.TP
.BR \-P ", " \-\-nopager
Do not send the output to a pager.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure (for example when the buffer may not be read).
.SH EXAMPLES
.TP
.B "sudo dmesg | grep \-i eth0"
Look for messages about the first network interface.
.TP
.B "dmesg \-T \-l err,warn"
Show errors and warnings with readable dates (as root).
.TP
.B "dmesg \-w"
Watch new kernel messages, for instance while attaching a disk.
.SH "SEE ALSO"
.BR journalctl (1),
.BR sysctl (8),
.BR syslog (2)
`;
