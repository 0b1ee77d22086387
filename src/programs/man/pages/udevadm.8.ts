export default String.raw`.TH UDEVADM 8 "" "systemd 253" "udevadm"
.SH NAME
udevadm \- query and control the udev device manager
.SH SYNOPSIS
.B udevadm
[\fB\-\-debug\fR] [\fB\-\-version\fR] [\fB\-\-help\fR]
.br
.B udevadm
\fICOMMAND\fR [\fIOPTIONS\fR...]
.SH DESCRIPTION
.B udevadm
is the administration tool of
.BR systemd\-udevd (8).
It shows what udev knows about devices, replays device events, waits for
the event queue to be processed, and tests rules.
.SH COMMANDS
.TP
.BR info " [\fIOPTIONS\fR] [\fIDEVPATH\fR|\fIFILE\fR]"
Print the properties udev stores for a device:
.B \-q
selects what to print,
.B \-a
walks up the parent devices,
.B \-e
dumps the whole database.
.TP
.BR trigger " [\fIOPTIONS\fR]"
Ask the kernel to send events again for existing devices, so that the rules
run for them.
.B \-\-action=
chooses the event
.RB ( change
by default,
.B add
at boot),
.B \-\-type=
picks devices or subsystems,
.B \-\-subsystem\-match=
narrows it down.
.TP
.BR settle " [\fB\-\-timeout=\fISECONDS\fR]"
Wait until all queued events are handled.
.TP
.B control
Change the running daemon:
.B \-\-reload
rereads the rules,
.BI \-\-log\-level= level
and
.B \-\-exit
speak for themselves.
.TP
.BR monitor " [\fB\-\-kernel\fR] [\fB\-\-udev\fR] [\fB\-\-property\fR]"
Print events as they happen.
.TP
.BI test " DEVPATH"
Simulate the rules for one device and print what they would do.
.TP
.B version
Print the version (253).
.SH EXIT STATUS
0 on success; 2 when no command is given; 1 on other errors.
.SH FILES
.TP
.BR /usr/lib/udev/rules.d/ ", " /etc/udev/rules.d/
Rule files.
.SH EXAMPLES
.PP
.RS
.nf
# udevadm info /dev/sda
# udevadm control \-\-reload && udevadm trigger
# udevadm settle
.fi
.RE
.SH SEE ALSO
.BR systemd\-udevd (8)
`;
