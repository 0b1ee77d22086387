export default String.raw`.TH ENV 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
env \- run a program in a modified environment
.SH SYNOPSIS
.B env
[\fIOPTION\fR]... [\fB\-\fR] [\fINAME=VALUE\fR]... [\fICOMMAND\fR [\fIARG\fR]...]
.SH DESCRIPTION
.B env
sets each
.I NAME
to
.I VALUE
in a copy of its environment and runs
.I COMMAND
with it.
Without a
.IR COMMAND ,
it prints the resulting environment, one
.I NAME=VALUE
per line.
A lone
.B \-
is the same as
.BR \-i .
.PP
Scripts often start with
.B "#!/usr/bin/env bash"
so that the interpreter is found through
.BR PATH .
.SH OPTIONS
.TP
.BR \-i ", " \-\-ignore\-environment
Start from an empty environment.
.TP
.BR \-0 ", " \-\-null
End each printed variable with a NUL byte instead of a newline; not allowed
with a
.IR COMMAND .
.TP
.BR \-u ", " \-\-unset =\fINAME\fR
Remove
.I NAME
from the environment.
.TP
.BR \-C ", " \-\-chdir =\fIDIR\fR
Change to directory
.I DIR
before running
.IR COMMAND .
.TP
.BR \-S ", " \-\-split\-string =\fIS\fR
Split the string
.I S
into several arguments; useful on a
.B #!
line, which passes everything after the interpreter as one argument.
.TP
.BR \-v ", " \-\-debug
Describe each step on standard error.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
The status of
.I COMMAND
if it ran; 125 when
.B env
itself failed, 126 when
.I COMMAND
was found but could not be run, 127 when it was not found.
.SH EXAMPLES
.TP
.B "env | sort"
Lists the environment in order.
.TP
.B "env \-i PATH=/usr/bin bash \-c 'env'"
Runs a shell with an almost empty environment.
.TP
.B "env LANG=C date"
Runs one command with another locale.
.SH "SEE ALSO"
.BR printenv (1),
.BR bash (1)
`;
