export default String.raw`.TH NCAT 1 "" "Ncat 7.93" "Ncat Reference Guide"
.SH NAME
ncat \- Concatenate and redirect sockets
.SH SYNOPSIS
.B ncat
[\fIOPTIONS\fR...] [\fIhostname\fR] [\fIport\fR]
.br
.B ncat \-l
[\fIOPTIONS\fR...] [\fIport\fR]
.SH DESCRIPTION
.B ncat
(also installed as
.BR nc )
reads and writes data across network connections.
As a client it connects to
.I hostname
and
.I port
and sends what it reads on standard input; with
.B \-l
it listens on
.I port
and prints what connecting clients send.
.SH OPTIONS
.TP
.BR \-l ", " \-\-listen
Listen for connections instead of connecting.
.TP
.BR \-k ", " \-\-keep\-open
With
.BR \-l ,
accept further connections after the first one ends.
.TP
.BI \-p " port"
The port to listen on.
.TP
.BR \-u ", " \-\-udp
Use UDP instead of TCP.
.TP
.B \-z
Only check that a connection can be made.
.TP
.BI \-w " time"
Give up connecting after
.IR time .
.TP
.BR \-v ", " \-\-verbose
Report what happens on standard error.
.SH EXAMPLES
.TP
.B nc \-l 8080
Listen on port 8080 and print what a client sends.
.TP
.B nc \-zv 192.168.1.30 80
Check whether port 80 of a host accepts connections.
.SH "SEE ALSO"
.BR curl (1),
.BR ss (8)
`;
