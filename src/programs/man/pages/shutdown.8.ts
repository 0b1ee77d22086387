export default String.raw`.TH SHUTDOWN 8 "" "systemd 253" "shutdown"
.SH NAME
shutdown \- bring the system down now or at a given time
.SH SYNOPSIS
.B shutdown
[\fIOPTIONS\fR...] [\fITIME\fR] [\fIWALL\fR...]
.SH DESCRIPTION
.B shutdown
powers the machine off, halts it or reboots it, either at once or at a time
chosen in advance. In the meantime users can be warned and new logins are
refused during the last five minutes. The work itself is done by the service
manager, as with
.BR poweroff (8).
.PP
.I TIME
is one of:
.TP
.B now
at once (the same as
.BR +0 );
.TP
.BI + m
in
.I m
minutes;
.TP
.IB hh : mm
at that time of day (today, or tomorrow if that time has passed).
.PP
With no
.IR TIME ,
.B +1
is used: one minute from now. Any further words are a message sent to the
logged-in users before the shutdown.
.PP
A scheduled shutdown is announced with the time it will happen and stays
pending until then;
.B shutdown \-c
cancels it.
.SH OPTIONS
.TP
.BR \-P ", " \-\-poweroff
Switch the machine off (the default).
.TP
.BR \-r ", " \-\-reboot
Reboot.
.TP
.BR \-H ", " \-\-halt
Halt without switching off.
.TP
.B \-h
Power off, unless
.B \-\-halt
is also given (an old spelling).
.TP
.B \-k
Do not shut down; only send the warning messages.
.TP
.B \-\-no\-wall
Do not send warning messages.
.TP
.B \-c
Cancel a pending shutdown.
.TP
.B \-\-show
Print the pending shutdown, or complain that there is none.
.TP
.B \-\-help
Print a summary of the options.
.SH EXIT STATUS
0 when the shutdown is scheduled or cancelled; 1 when the time cannot be
parsed, nothing is scheduled for
.BR \-\-show ,
or the caller is not allowed to shut down.
.SH EXAMPLES
.PP
Reboot in ten minutes, warning users:
.PP
.RS
.nf
# shutdown \-r +10 "kernel update"
.fi
.RE
.PP
Power off at 23:30, then change your mind:
.PP
.RS
.nf
# shutdown 23:30
# shutdown \-c
.fi
.RE
.SH SEE ALSO
.BR reboot (8),
.BR systemctl (1)
`;
