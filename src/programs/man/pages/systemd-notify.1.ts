export default String.raw`.TH SYSTEMD-NOTIFY 1 "" "systemd 253" "systemd-notify"
.SH NAME
systemd-notify \- tell the service manager about start-up and status changes
.SH SYNOPSIS
.B systemd-notify
[\fIOPTIONS\fR...] [\fIVARIABLE=VALUE\fR...]
.SH DESCRIPTION
.B systemd-notify
sends a notification to the service manager through \fB$NOTIFY_SOCKET\fR on behalf
of its parent process (or of \fB\-\-pid\fR): that the service is ready
(\fBREADY=1\fR), a one-line status text (\fBSTATUS=\fR), or other assignments.
A \fBType=notify\fR service's start completes when READY=1 arrives; the unit's
\fBNotifyAccess=\fR setting decides which processes may send.
.SH OPTIONS
.TP
.B \-\-ready
Send READY=1.
.TP
.BI \-\-status= TEXT
Send STATUS=\fITEXT\fR, shown by \fBsystemctl status\fR.
.TP
.BI \-\-pid= PID
Send on behalf of this process instead of the parent.
.TP
.B \-\-booted
Tell, by the exit status, whether the system was booted with systemd.
.TP
.BR \-h ", " \-\-help
Print a short help text and exit.
.SH SEE ALSO
.BR systemd.service (5),
.BR systemctl (1)
`;
