export default String.raw`.TH FACTOR 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
factor \- factor numbers
.SH SYNOPSIS
.B factor
[\fINUMBER\fR]...
.br
.B factor
.I OPTION
.SH DESCRIPTION
.B factor
prints each
.I NUMBER
followed by a colon and its prime factors, smallest first.
Without arguments it reads numbers from standard input, separated by white
space.
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when an argument is not a valid positive integer.
.SH EXAMPLES
.TP
.B "factor 42"
Prints
.BR "42: 2 3 7" .
.SH "SEE ALSO"
.BR expr (1),
.BR seq (1)
`;
