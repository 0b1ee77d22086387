export default String.raw`.TH SYSTEMD\-RUN 1 "" "systemd 253" "systemd-run"
.SH NAME
systemd-run \- run a command as a transient service or scope unit
.SH SYNOPSIS
.B systemd\-run
[\fIOPTIONS\fR...] \fICOMMAND\fR [\fIARGS\fR...]
.br
.B systemd\-run
[\fIOPTIONS\fR...] [\fITIMER OPTIONS\fR...] {\fICOMMAND\fR} [\fIARGS\fR...]
.SH DESCRIPTION
.B systemd\-run
asks the service manager to start
.I COMMAND
in a unit made for it on the spot, which is gone once it has ended. The command
runs as the manager's child, with the unit's resource accounting, logging to the
journal and cleanup, not as a child of the calling shell. With a timer
option the unit is started by a transient timer instead of at once.
.SH OPTIONS
.TP
.BR \-u ", " \-\-unit= \fINAME\fR
Name the unit (by default one is made up, such as
.BR run\-u12.service ).
.TP
.B \-\-scope
Run the command in a transient scope: it stays a child of
.B systemd\-run
and only its resources are accounted.
.TP
.BR \-p ", " \-\-property= \fINAME\fR=\fIVALUE\fR
Set a unit setting, as in a unit file.
.TP
.B \-\-description=\fITEXT\fR
The unit's description.
.TP
.BR \-t ", " \-\-pty
Connect the command to the terminal, for interactive programs.
.TP
.B \-\-wait
Wait until the service has ended and report how it went.
.TP
.BR \-r ", " \-\-remain\-after\-exit
Keep the service listed after its command has ended.
.TP
.B \-\-on\-active=\fISPAN\fR, \-\-on\-calendar=\fISPEC\fR
Start the command later, by a transient timer.
.TP
.B \-\-user
Talk to the calling user's service manager.
.TP
.BR \-q ", " \-\-quiet
Say nothing of the unit made.
.SH "EXIT STATUS"
0 once the unit has been started (with
.BR \-\-wait ,
the command's own status); non\-zero if the arguments are wrong or the manager
could not be reached
.RI ( "Failed to connect to bus" ).
.SH "SEE ALSO"
.BR systemctl (1),
.BR systemd.exec (5),
.BR busctl (1)
`;
