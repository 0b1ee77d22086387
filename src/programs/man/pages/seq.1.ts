export default String.raw`.TH SEQ 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
seq \- print a sequence of numbers
.SH SYNOPSIS
.B seq
[\fIOPTION\fR]... \fILAST\fR
.br
.B seq
[\fIOPTION\fR]... \fIFIRST LAST\fR
.br
.B seq
[\fIOPTION\fR]... \fIFIRST INCREMENT LAST\fR
.SH DESCRIPTION
.B seq
prints the numbers from
.I FIRST
to
.IR LAST ,
one per line, going up by
.IR INCREMENT .
.I FIRST
and
.I INCREMENT
default to 1. A negative
.I INCREMENT
counts down; nothing is printed when
.I LAST
is already past
.IR FIRST .
The numbers may be integers or decimal fractions; the output uses as many
decimal places as the arguments do.
.SH OPTIONS
.TP
.BI \-f " FORMAT" "\fR, \fB\-\-format=" FORMAT
Print each number with the printf\-style floating point
.IR FORMAT ,
which must contain exactly one of
.BR %a ", " %e ", " %f ", " %g
(or their upper case forms).
.TP
.BI \-s " STRING" "\fR, \fB\-\-separator=" STRING
Put
.I STRING
between the numbers instead of a newline (a newline still ends the
output).
.TP
.BR \-w ", " \-\-equal\-width
Pad the numbers with leading zeros so that all have the same width.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "seq 5"
Prints 1 to 5.
.TP
.B "seq 10 \-2 0"
Counts down by two.
.TP
.B "for i in $(seq \-w 1 10); do useradd \-m user$i; done"
Create accounts user01 to user10.
.TP
.B "seq \-s, 1 4"
Prints
.BR 1,2,3,4 .
.SH "SEE ALSO"
.BR printf (1),
.BR shuf (1)
`;
