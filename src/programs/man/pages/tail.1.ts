export default String.raw`.TH TAIL 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
tail \- output the last part of files
.SH SYNOPSIS
.B tail
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B tail
prints the last 10 lines of each
.I FILE
to standard output, with a
.BI "==> " name " <=="
header before each one when there are several. With no
.IR FILE ,
or when it is
.BR \- ,
standard input is read.
.PP
With
.BR \-f ,
.B tail
keeps running after the end and prints data as it is appended, which makes
it the classic way to watch a log file grow. Stop it with Ctrl\-C.
.SH OPTIONS
.TP
.BI \-c " \fR[\fB+\fR]\fINUM" "\fR, \fB\-\-bytes=" \fR[\fB+\fR]\fINUM
Print the last
.I NUM
bytes; with a leading
.BR + ,
print everything from byte
.I NUM
on (counting from 1).
.TP
.BI \-n " \fR[\fB+\fR]\fINUM" "\fR, \fB\-\-lines=" \fR[\fB+\fR]\fINUM
Print the last
.I NUM
lines instead of 10; with
.BR + ,
everything from line
.I NUM
on.
.B "\-n +2"
skips a header line.
.TP
.BR \-f ", " \-\-follow [=\fBname\fR|\fBdescriptor\fR]
Keep printing data appended to the files.
.B \-f
alone (or
.BR descriptor )
follows the file that was opened, even if it is renamed;
.B name
follows the name, reopening it when a log is rotated.
.TP
.B \-F
Same as
.BR "\-\-follow=name \-\-retry" .
.TP
.BI \-\-max\-unchanged\-stats= N
With
.BR \-\-follow=name ,
reopen a file whose size has not changed after
.I N
checks (default 5), in case it was replaced.
.TP
.BI \-\-pid= PID
With
.BR \-f ,
stop after process
.I PID
ends.
.TP
.BR \-q ", " \-\-quiet ", " \-\-silent
Never print the file name headers.
.TP
.B \-\-retry
Keep trying to open a file that does not exist yet or is not readable.
.TP
.BI \-s " N" "\fR, \fB\-\-sleep\-interval=" N
With
.BR \-f ,
wait
.I N
seconds (1.0 by default) between checks.
.TP
.BR \-v ", " \-\-verbose
Always print the file name headers.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
.I NUM
accepts the same multipliers as in
.BR head (1)
.RB ( b ", " kB ", " K ", " MB ", " M ", ...)."
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read.
.SH EXAMPLES
.TP
.B "tail \-n 50 /var/log/nginx/error.log"
Show the most recent messages of a service that writes its own log.
.TP
.B "tail \-F /var/log/nginx/access.log"
Watch a log, even across rotation.
.TP
.B "tail \-n +2 report.csv"
Print a file without its first line.
.PP
On Photon OS most services log to the journal; use
.B "journalctl \-f"
to follow it.
.SH "SEE ALSO"
.BR head (1),
.BR less (1),
.BR journalctl (1)
`;
