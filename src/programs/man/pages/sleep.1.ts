export default String.raw`.TH SLEEP 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
sleep \- delay for a specified amount of time
.SH SYNOPSIS
.B sleep
\fINUMBER\fR[\fISUFFIX\fR]...
.br
.B sleep
.I OPTION
.SH DESCRIPTION
.B sleep
waits for
.I NUMBER
seconds and exits.
.I SUFFIX
may be
.B s
for seconds (the default),
.B m
for minutes,
.B h
for hours or
.B d
for days.
.I NUMBER
may have a fraction, and with several arguments
.B sleep
waits for their sum.
Ctrl-C ends the wait early.
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 after the wait, 1 for an invalid time.
.SH EXAMPLES
.TP
.B "sleep 1.5"
Waits a second and a half.
.TP
.B "sleep 1m 30s"
Waits ninety seconds.
.TP
.B "systemctl restart nginx; sleep 2; systemctl status nginx"
Gives a service time to start before looking at it.
.SH "SEE ALSO"
.BR timeout (1),
.BR date (1)
`;
