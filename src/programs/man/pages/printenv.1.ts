export default String.raw`.TH PRINTENV 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
printenv \- print all or part of environment
.SH SYNOPSIS
.B printenv
[\fIOPTION\fR]... [\fIVARIABLE\fR]...
.SH DESCRIPTION
.B printenv
prints the value of each environment
.IR VARIABLE ,
one per line, or every
.I NAME=VALUE
pair when none is named.
Shell variables that are not exported are not in the environment and so are
not printed.
.SH OPTIONS
.TP
.BR \-0 ", " \-\-null
End each line with a NUL byte instead of a newline.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every
.I VARIABLE
is set, 1 when one is not, 2 for another error.
.SH EXAMPLES
.TP
.B "printenv PATH"
Prints the command search path.
.SH "SEE ALSO"
.BR env (1),
.BR bash (1)
`;
