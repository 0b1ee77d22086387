export default String.raw`.TH WATCH 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
watch \- run a program again and again, showing its output full screen
.SH SYNOPSIS
.B watch
[\fIoptions\fR] \fIcommand\fR
.SH DESCRIPTION
.B watch
runs
.I command
every two seconds (or every \fB\-n\fR seconds) and shows its output and errors on
the whole screen, under a title line with the interval, the command, the host name
and the time. It keeps going until you press Ctrl-C. The command is run by
.B sh \-c
unless \fB\-x\fR is given, so quote it when it holds pipes or redirections.
.SH OPTIONS
.TP
.BR \-n ", " \-\-interval " \fIseconds"
Time between runs; not less than 0.1 s.
.TP
.BR \-d ", " \-\-differences [=permanent]
Show in reverse video what changed since the previous run (or ever, with permanent).
.TP
.BR \-t ", " \-\-no\-title
Leave out the title line.
.TP
.BR \-g ", " \-\-chgexit
Exit as soon as the output changes.
.TP
.BR \-q ", " \-\-equexit " \fIcycles"
Exit when the output has stayed the same for this many runs.
.TP
.BR \-e ", " \-\-errexit
When the command fails, stop and wait for a key.
.TP
.BR \-b ", " \-\-beep
Beep when the command fails.
.TP
.BR \-c ", " \-\-color
Keep the command's colour sequences.
.TP
.BR \-w ", " \-\-no\-wrap
Cut long lines instead of wrapping them.
.TP
.BR \-x ", " \-\-exec
Run the command directly instead of through \fBsh \-c\fR.
.TP
.BR \-p ", " \-\-precise
Try to start each run exactly one interval after the previous one started.
.SH EXIT STATUS
0 when stopped by Ctrl-C or by \fB\-g\fR/\fB\-q\fR; 1 for a usage error or when no
terminal can be used; 8 after \fB\-e\fR stopped on a failing command.
.SH SEE ALSO
.BR top (1)
`;
