export default String.raw`.TH NICE 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
nice \- run a program with modified scheduling priority
.SH SYNOPSIS
.B nice
[\fIOPTION\fR] [\fICOMMAND\fR [\fIARG\fR]...]
.SH DESCRIPTION
.B nice
runs
.I COMMAND
with its niceness raised by 10, or by the adjustment given.
Niceness goes from \-20 (served first) to 19 (served last); only root may
lower it.
Without a
.IR COMMAND ,
.B nice
prints the current niceness.
.SH OPTIONS
.TP
.BR \-n ", " \-\-adjustment =\fIN\fR
Add
.I N
instead of 10;
.BI \- N
is an old way to write the same.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
125 when
.B nice
itself failed, 126 when
.I COMMAND
could not be run, 127 when it was not found, and the status of
.I COMMAND
otherwise.
.SH EXAMPLES
.TP
.B "nice \-n 19 tar czf /backup/etc.tgz /etc"
Runs a backup without slowing other work.
.TP
.B "nice"
Prints 0 in an ordinary shell.
.SH "SEE ALSO"
.BR renice (1),
.BR ps (1),
.BR top (1)
`;
