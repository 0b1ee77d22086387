export default String.raw`.TH SYSTEMD-CAT 1 "" "systemd 253" "systemd-cat"
.SH NAME
systemd-cat \- send a pipeline's or a program's output to the journal
.SH SYNOPSIS
.B systemd-cat
[\fIOPTIONS\fR...] [\fICOMMAND\fR [\fIARGUMENTS\fR...]]
.SH DESCRIPTION
Without a command,
.B systemd-cat
writes each line of its standard input to the journal. With a command, it runs it
with standard output and standard error going to the journal, and exits with the
command's status. Without \fB\-t\fR the entries carry no identifier, and
.BR journalctl (1)
names them by the process (\fBcat\fR for a pipe, else the command).
.SH OPTIONS
.TP
.BR \-t ", " \-\-identifier= \fIID
The name the entries are logged under.
.TP
.BR \-p ", " \-\-priority= \fIPRIORITY
The level of the entries: emerg, alert, crit, err, warning, notice, info (the
default), debug, or 0\(en7.
.TP
.BR \-\-stderr\-priority= \fIPRIORITY
The level of what the command writes to standard error.
.TP
.BR \-\-level\-prefix= \fIBOOL
Whether a line starting with \fB<\fIN\fB>\fR is logged at level \fIN\fR (on by default).
.TP
.BR \-h ", " \-\-help
Print a short help text and exit.
.SH EXAMPLES
.nf
echo "backup done" | systemd-cat \-t backup \-p notice
systemd-cat ls /etc
.fi
.SH SEE ALSO
.BR journalctl (1),
.BR logger (1)
`;
