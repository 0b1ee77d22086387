export default String.raw`.TH TRUE 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
true \- do nothing, successfully
.SH SYNOPSIS
.B true
[\fIignored command line arguments\fR]
.br
.B true
.I OPTION
.SH DESCRIPTION
.B true
does nothing and exits with status 0.
Scripts use it as an always-true condition, for example in
.BR "while true" .
Arguments are ignored, except that a lone
.B \-\-help
or
.B \-\-version
is answered.
.PP
Most shells have a builtin
.B true
that runs instead of this program.
.SH OPTIONS
.TP
.B \-\-help
Print a short help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
Always 0.
.SH EXAMPLES
.TP
.B "while true; do date; sleep 60; done"
Prints the time every minute until interrupted with Ctrl-C.
.SH "SEE ALSO"
.BR false (1),
.BR test (1)
`;
