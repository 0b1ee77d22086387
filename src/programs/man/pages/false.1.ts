export default String.raw`.TH FALSE 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
false \- do nothing, unsuccessfully
.SH SYNOPSIS
.B false
[\fIignored command line arguments\fR]
.br
.B false
.I OPTION
.SH DESCRIPTION
.B false
does nothing and exits with status 1, a failure.
Arguments are ignored, except that a lone
.B \-\-help
or
.B \-\-version
is answered; even then the status is 1.
.PP
Most shells have a builtin
.B false
that runs instead of this program.
.SH OPTIONS
.TP
.B \-\-help
Print a short help text and exit (with status 1).
.TP
.B \-\-version
Print the version and exit (with status 1).
.SH "EXIT STATUS"
Always 1.
.SH EXAMPLES
.TP
.B "false || echo failed"
Prints
.BR failed .
.TP
.B "usermod \-s /bin/false guest"
Gives an account a shell that ends every login at once.
.SH "SEE ALSO"
.BR true (1),
.BR test (1)
`;
