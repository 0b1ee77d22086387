export default String.raw`.TH DC 1 "2017-04" "GNU bc 1.07.1" "User Commands"
.SH NAME
dc \- an arbitrary precision calculator
.SH SYNOPSIS
.B dc
[\fB\-e\fR \fIEXPR\fR] [\fB\-f\fR \fIFILE\fR] [\fIFILE\fR]...
.SH DESCRIPTION
.B dc
is a reverse-polish calculator: numbers are pushed on a stack and commands
work on the values at its top. Numbers may have any number of digits; a
leading underscore makes one negative. Text in square brackets is a string.
.SS Printing
.TP
.B p
print the top value and a newline.
.TP
.B n
pop the top value and print it without a newline.
.TP
.B P
pop the top value and print a string as it is, or a number as the bytes of its base-256 digits.
.TP
.B f
print the whole stack, top first.
.SS Arithmetic
.B + \- * / % ~ ^ | v
add, subtract, multiply, divide, remainder, quotient and remainder,
power, modular power and square root. Division and roots keep
.B scale
digits after the point.
.SS Stack
.B c
clears it,
.B d
duplicates the top,
.B r
swaps the top two,
.B z
pushes the depth.
.SS Registers
.BI s r
and
.BI l r
store into and copy from register
.IR r ;
.BI S r
and
.BI L r
push onto and pop from its own stack;
.BI : r
and
.BI ; r
store into and read from its array.
.SS Parameters
.BR i ,
.BR o ,
.B k
set the input base, output base and scale;
.BR I ,
.BR O ,
.B K
push them.
.SS Strings and macros
.B x
runs the top string as commands;
.BI < r ,
.BI > r ,
.BI = r
and their negations with
.B !
run register
.I r
when the comparison of the top two values holds.
.B q
leaves a macro and its caller,
.B Q
pops a count and leaves that many levels.
.B ?
reads a line of input and runs it;
.B !
runs the rest of the line as a shell command;
.B #
starts a comment.
.B Z
pushes the number of digits or characters of the top value,
.B X
its scale, and
.B a
makes a one-character string from it.
.SH OPTIONS
.TP
.BI \-e " EXPR" "\fR, \fP\-\-expression=" EXPR
run the commands in
.IR EXPR .
.TP
.BI \-f " FILE" "\fR, \fP\-\-file=" FILE
run the commands in
.IR FILE .
.TP
.BR \-h ", " \-\-help
print a short usage and exit.
.TP
.BR \-V ", " \-\-version
print the version and exit.
.SH "SEE ALSO"
.BR bc (1)`;
