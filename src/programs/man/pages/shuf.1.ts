export default String.raw`.TH SHUF 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
shuf \- write lines in a random order
.SH SYNOPSIS
.B shuf
[\fIOPTION\fR]... [\fIFILE\fR]
.br
.B shuf \-e
[\fIOPTION\fR]... [\fIARG\fR]...
.br
.B shuf \-i
\fILO\-HI\fR [\fIOPTION\fR]...
.SH DESCRIPTION
.B shuf
writes the lines of FILE (or standard input), the ARGs given with \fB\-e\fR, or
the numbers LO to HI given with \fB\-i\fR, each once, in a random order.
.SH OPTIONS
.TP
.BR \-e ", " \-\-echo
Shuffle the operands.
.TP
.BI \-i ", " \-\-input\-range= LO\-HI
Shuffle the numbers from LO to HI.
.TP
.BI \-n ", " \-\-head\-count= COUNT
Write at most COUNT lines.
.TP
.BI \-o ", " \-\-output= FILE
Write to FILE, which may be the input file.
.TP
.BI \-\-random\-source= FILE
Take the random bytes from FILE.
.TP
.BR \-r ", " \-\-repeat
Draw with replacement: lines may come more than once, and without \fB\-n\fR
the output never ends.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte.
.SH EXAMPLES
.TP
.B "shuf \-n 1 names.txt"
Pick one line at random.
.TP
.B "shuf \-i 1\-6 \-n 1"
Roll a die.
.SH "SEE ALSO"
.BR sort (1)
`;
