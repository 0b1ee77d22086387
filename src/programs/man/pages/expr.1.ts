export default String.raw`.TH EXPR 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
expr \- evaluate expressions
.SH SYNOPSIS
.B expr
.I EXPRESSION
.br
.B expr
.I OPTION
.SH DESCRIPTION
.B expr
evaluates
.I EXPRESSION
and prints its value.
Every operator and operand is a separate argument, so spaces are needed around
them, and characters the shell treats specially, such as
.BR * ", " ( ", " ) ", " < ", " > ", " & " and " | ,
must be quoted.
In new scripts the shell's
.B $(( ))
arithmetic is simpler.
.PP
The operators, from the loosest to the tightest binding:
.TP 20
.IB ARG1 " | " ARG2
.I ARG1
if it is neither null nor 0, else
.IR ARG2 .
.TP
.IB ARG1 " & " ARG2
.I ARG1
if neither argument is null or 0, else 0.
.TP
.IB ARG1 " < " ARG2
Compare, also with
.BR "<=" ", " = ", " == ", " != ", " >= " and " > :
1 if true, 0 if not; as numbers when both are integers, as strings otherwise.
.TP
.IB ARG1 " + " ARG2
Sum; also
.B \-
for the difference.
.TP
.IB ARG1 " * " ARG2
Product; also
.B /
and
.B %
for the quotient and the remainder.
.TP
.IB STRING " : " REGEXP
Match a basic regular expression at the start of
.IR STRING :
the text of the first
.B \e(
.B \e)
group, or the number of characters matched.
.TP
.BI "match " "STRING REGEXP"
The same as
.IB STRING " : " REGEXP\fR.
.TP
.BI "substr " "STRING POS LENGTH"
Part of
.I STRING
from position
.I POS
(counting from 1).
.TP
.BI "index " "STRING CHARS"
Position of the first of
.I CHARS
in
.IR STRING ,
or 0.
.TP
.BI "length " STRING
Length of
.IR STRING .
.TP
.BI "+ " TOKEN
.I TOKEN
as a string, even if it is a keyword.
.TP
.BI "( " EXPRESSION " )"
Grouping.
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when
.I EXPRESSION
is neither null nor 0, 1 when it is, 2 when it is invalid, 3 for another error.
.SH EXAMPLES
.TP
.B "expr 6 \e* 7"
Prints 42.
.TP
.B "expr length photon"
Prints 6.
.TP
.B "expr 5.0\-GA : '\e([0\-9]*\e)'"
Prints 5.
.SH "SEE ALSO"
.BR test (1),
.BR bash (1)
`;
