export default String.raw`.TH bc 1 "2017-06-11" "GNU Project" "User Commands"
.SH NAME
bc \- an arbitrary precision calculator language
.SH SYNOPSIS
.B bc
[\fB\-hilqswv\fR] [long options] [\fIfile\fR ...]
.SH DESCRIPTION
.B bc
reads programs in a small C-like language from the files named, then from
standard input, and runs each line as soon as it is complete. Numbers have as
many digits as they need; the variable
.B scale
sets how many digits after the point division, square roots and the math
functions keep (0 at start: integer arithmetic). Results are truncated, never
rounded. An expression on its own is printed; an assignment is not.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Print the usage and exit.
.TP
.BR \-i ", " \-\-interactive
Behave as on a terminal.
.TP
.BR \-l ", " \-\-mathlib
Set
.B scale
to 20 and add the math functions below.
.TP
.BR \-q ", " \-\-quiet
No welcome banner.
.TP
.BR \-s ", " \-\-standard
Keep to POSIX bc.
.TP
.BR \-w ", " \-\-warn
Warn about extensions to POSIX bc.
.TP
.BR \-v ", " \-\-version
Print the version and exit.
.SH THE LANGUAGE
Numbers, variables (lower-case names), arrays
.IR name [ index ],
the special variables
.BR scale ", " ibase ", " obase " and " last ;
operators
.B "+ \- * / % ^"
(power, integer exponents only), unary minus,
.BR "++ \-\-" ,
assignments
.BR "= += \-= *= /= %= ^=" ,
comparisons
.B "< <= > >= == !="
and
.BR "&& || !" .
Statements:
.BR if / else ,
.BR while ,
.BR for ,
.BR break ,
.BR continue ,
.BR print ,
strings in double quotes,
.B quit
(ends bc as soon as it is read) and
.B halt
(ends bc when it runs).
Functions are defined with
.B define
.IR name ( parameters )
.B {
.B auto
.IR locals ;
\&...
.B }
and return a value with
.BR return ( expr ).
Built in:
.BR length ( x ),
.BR scale ( x ),
.BR sqrt ( x ),
.BR read ().
.SH MATH LIBRARY
With
.BR \-l :
.BR s ( x )
sine,
.BR c ( x )
cosine,
.BR a ( x )
arctangent,
.BR l ( x )
natural logarithm,
.BR e ( x )
exponential,
.BR j ( n , x )
Bessel function of integer order
.IR n .
Angles are in radians.
.SH ENVIRONMENT
.TP
.B BC_LINE_LENGTH
Output lines are broken with a backslash at this length (70 by default; 0 turns
breaking off).
.SH EXAMPLES
.nf
echo "scale=2; 10/3" | bc
echo "4*a(1)" | bc \-l
echo "obase=2; 42" | bc
.fi
.SH DIAGNOSTICS
A syntax error names the input and the line; a run-time error (division by zero,
an undefined function) ends the line being run. bc exits with status 0, or 1
when a file named cannot be read.
`;
