export default String.raw`.TH SYSTEMD\-UDEVD.SERVICE 8 "" "systemd 253" "systemd-udevd.service"
.SH NAME
systemd-udevd.service, systemd-udevd \- device event manager
.SH SYNOPSIS
.B systemd\-udevd.service
.br
.B /usr/lib/systemd/systemd\-udevd
[\fB\-\-daemon\fR] [\fB\-\-debug\fR] [\fB\-\-children\-max=\fIN\fR] [\fB\-\-resolve\-names=\fIwhen\fR]
.SH DESCRIPTION
.B systemd\-udevd
receives the kernel's events about devices being added, changed or removed.
For each event it applies the udev rules: they name and set permissions on
device nodes in
.BR /dev ,
create the symbolic links under
.B /dev/disk/by\-uuid
and similar directories, load kernel modules, and tag devices so that
systemd creates
.B .device
units for them.
.PP
At boot,
.B systemd\-udev\-trigger.service
replays the events of the devices that already exist
.RB ( "udevadm trigger" ),
and
.BR udevadm (8)
is the tool to query the device database, test rules and wait for the event
queue to empty.
.PP
The daemon is started by
.BR systemd\-udevd.service ,
from the package
.BR systemd\-udev .
.SH OPTIONS
.TP
.BR \-d ", " \-\-daemon
Detach and run in the background.
.TP
.BR \-D ", " \-\-debug
Log debug messages.
.TP
.BI \-\-children\-max= N
Handle at most
.I N
events at the same time.
.TP
.BI \-\-resolve\-names= early\fR|\fBlate\fR|\fBnever
When user and group names in rules are turned into IDs.
.TP
.BR \-h ", " \-\-help ", " \-\-version
Print help or the version.
.SH FILES
.TP
.BR /usr/lib/udev/rules.d/ ", " /etc/udev/rules.d/ ", " /run/udev/rules.d/
Rule files
.RB ( *.rules );
a file in
.B /etc
overrides one of the same name in
.BR /usr/lib .
.TP
.B /etc/udev/udev.conf
Daemon settings.
.SH SEE ALSO
.BR udevadm (8),
.BR systemctl (1)
`;
