export default String.raw`.TH TTY 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
tty \- print the file name of the terminal connected to standard input
.SH SYNOPSIS
.B tty
[\fIOPTION\fR]...
.SH DESCRIPTION
.B tty
prints the name of the terminal on standard input, such as
.I /dev/tty1
on the console or
.I /dev/pts/0
over SSH, or
.B "not a tty"
when standard input is not a terminal.
.SH OPTIONS
.TP
.BR \-s ", " \-\-silent ", " \-\-quiet
Print nothing; only set the exit status.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when standard input is a terminal, 1 when it is not, 2 for bad arguments, 3
for a write error.
.SH EXAMPLES
.TP
.B "tty \-s && echo interactive"
Tells a script whether someone is at the keyboard.
.SH "SEE ALSO"
.BR stty (1),
.BR who (1)
`;
