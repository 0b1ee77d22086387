export default String.raw`.TH NUMFMT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
numfmt \- convert numbers to and from human-readable strings
.SH SYNOPSIS
.B numfmt
[\fIOPTION\fR]... [\fINUMBER\fR]...
.SH DESCRIPTION
.B numfmt
reformats each
.IR NUMBER ,
or, with no
.IR NUMBER ,
the numbers in the lines of standard input: it can read values written with
unit suffixes such as
.B 1K
or
.BR 2Mi ,
and print values scaled to such units.
Other text on a line is copied unchanged.
.SH OPTIONS
.TP
.BI \-d " X" "\fR, \fP\-\-delimiter=" X
Split fields at the character
.I X
instead of at blanks.
.TP
.BI \-\-field= FIELDS
Convert the numbers in these fields (default 1). \fIFIELDS\fR is a list as in
.BR cut (1):
.IR N ,
.IR N\- ,
.IR N\-M ,
.I \-M
or
.BR \- .
.TP
.BI \-\-format= FORMAT
Print with a printf floating-point format such as
.BR %10.1f ;
text around the directive is kept.
.TP
.BI \-\-from= UNIT
Read numbers scaled by
.I UNIT
(default
.BR none ).
.TP
.BI \-\-from\-unit= N
The size of one input unit.
.TP
.B \-\-grouping
Group digits as the locale says; nothing changes in the C locale.
.TP
.BR \-\-header [=\fIN\fR]
Copy the first
.I N
lines (default 1) unchanged.
.TP
.BI \-\-invalid= MODE
What a number that cannot be converted does:
.B abort
(the default: stop with status 2),
.B fail
(warn, go on, status 2),
.B warn
(warn, status 0) or
.B ignore
(say nothing).
.TP
.BI \-\-padding= N
Pad the output to
.I N
characters, on the left, or on the right when
.I N
is negative. Without it, a field that starts with blanks keeps its width.
.TP
.BI \-\-round= METHOD
Round
.BR up ,
.BR down ,
.B from\-zero
(the default),
.B towards\-zero
or to the
.B nearest
value when scaling.
.TP
.BI \-\-suffix= SUFFIX
Append
.I SUFFIX
to the output, and accept it at the end of the input numbers.
.TP
.BI \-\-to= UNIT
Scale the output to
.IR UNIT .
.TP
.BI \-\-to\-unit= N
The size of one output unit.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-debug
Warn about input that could not be converted.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH UNITS
.TP
.B none
No scaling; a suffix on the input is an error.
.TP
.B auto
On input only: K, M, G... are powers of 1000 and Ki, Mi, Gi... powers of 1024.
.TP
.B si
K, M, G... are powers of 1000.
.TP
.B iec
K, M, G... are powers of 1024.
.TP
.B iec\-i
Ki, Mi, Gi... are powers of 1024.
.SH "EXIT STATUS"
0 when every number converted; 2 after a conversion error (unless
.B \-\-invalid
is
.B warn
or
.BR ignore );
1 on a usage error.
.SH EXAMPLES
.TP
.B "numfmt \-\-to=iec 2048"
Prints
.BR 2.0K .
.TP
.B "echo 1K | numfmt \-\-from=si"
Prints
.BR 1000 .
.TP
.B "ls \-l | numfmt \-\-header \-\-field 5 \-\-to=iec"
Sizes in a listing made human-readable.
.SH "SEE ALSO"
.BR du (1),
.BR ls (1),
.BR printf (1)
`;
