export default String.raw`.TH REBOOT 8 "" "systemd 253" "reboot"
.SH NAME
halt, poweroff, reboot \- stop, switch off or restart the machine
.SH SYNOPSIS
.B halt
[\fIOPTIONS\fR...]
.br
.B poweroff
[\fIOPTIONS\fR...]
.br
.B reboot
[\fIOPTIONS\fR...]
.SH DESCRIPTION
These three commands ask the service manager to bring the system down in an
orderly way: every unit is stopped (services get SIGTERM, then SIGKILL if
they do not exit), file systems are unmounted, and then the machine is
halted
.RB ( halt ),
switched off
.RB ( poweroff )
or restarted
.RB ( reboot ).
They do what
.BR "systemctl halt" ", " "systemctl poweroff" " and " "systemctl reboot"
do, and are links to
.BR systemctl (1)
on a stock systemd system.
.PP
Only root may run them; for other users the request is refused with
.B "Interactive authentication required"
and the status is 1. On success the command does not return: the system
goes down around it.
.PP
.B halt
stops the processor but leaves the power on; on a virtual machine
.B poweroff
is usually what is wanted.
.SH OPTIONS
Each option applies to all three commands.
.TP
.B \-\-halt
Halt, whatever the command's name.
.TP
.BR \-p ", " \-\-poweroff
Switch off, whatever the command's name.
.TP
.B \-\-reboot
Restart, whatever the command's name.
.TP
.BR \-f ", " \-\-force
Do not stop the units first. Given twice, do not even ask the manager: the
kernel acts at once. Data not yet written may be lost.
.TP
.BR \-w ", " \-\-wtmp\-only
Only write the shutdown record to
.BR /var/log/wtmp ;
do not shut down.
.TP
.BR \-d ", " \-\-no\-wtmp
Do not write the wtmp record.
.TP
.BR \-n ", " \-\-no\-sync
Do not flush the disks before going down with
.BR \-\-force .
.TP
.B \-\-no\-wall
Do not send a message to the logged-in users.
.TP
.B \-\-help
Print a summary of the options.
.SH EXIT STATUS
Nothing is returned when the shutdown starts; 1 when it is refused.
.SH EXAMPLES
.PP
.RS
.nf
# reboot
# poweroff
.fi
.RE
.SH SEE ALSO
.BR shutdown (8),
.BR systemctl (1),
.BR systemd.unit (5)
`;
