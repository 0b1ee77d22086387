export default String.raw`.TH STDBUF 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
stdbuf \- run a command with other buffering for its standard streams
.SH SYNOPSIS
.B stdbuf
\fIOPTION\fR... \fICOMMAND\fR
.SH DESCRIPTION
Run
.I COMMAND
with the buffering of its standard input, output or error changed. At least
one option is needed.
.TP
.BR \-i ", " \-\-input =\fIMODE\fR
Buffering of standard input.
.TP
.BR \-o ", " \-\-output =\fIMODE\fR
Buffering of standard output.
.TP
.BR \-e ", " \-\-error =\fIMODE\fR
Buffering of standard error.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.PP
A
.I MODE
of L means line buffered (not for standard input), 0 unbuffered, and a size
(with an optional suffix K, KB, KiB, M, MB... ) a buffer of that many bytes.
.PP
The modes reach the command through LD_PRELOAD and the variables _STDBUF_I,
_STDBUF_O and _STDBUF_E; a command that sets its own buffering, or that does
not use stdio, is not affected.
.SH "EXIT STATUS"
125 if stdbuf itself fails, 126 if COMMAND cannot be run, 127 if it is not
found, otherwise the status of COMMAND.
.SH EXAMPLES
.B "tail \-f access.log | stdbuf \-oL cut \-d' ' \-f1 | uniq"
.SH "SEE ALSO"
.BR setvbuf (3)
`;
