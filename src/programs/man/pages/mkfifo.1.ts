export default String.raw`.TH MKFIFO 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
mkfifo \- make FIFOs (named pipes)
.SH SYNOPSIS
.B mkfifo
[\fIOPTION\fR]... \fINAME\fR...
.SH DESCRIPTION
.B mkfifo
creates a named pipe for each
.IR NAME .
A process that opens it for reading waits for one that opens it for writing;
the data written flows to the reader without being stored on disk.
.SH OPTIONS
.TP
.BR \-m ", " \-\-mode =\fIMODE\fR
Set the permission bits, written as for
.BR chmod (1),
instead of
.B a=rw
less the umask.
.TP
.B \-Z
Set the default SELinux context (nothing to do here).
.TP
.BR \-\-context [=\fICTX\fR]
Like
.BR \-Z ,
or set the context to
.IR CTX .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every FIFO was made, 1 otherwise.
.SH EXAMPLES
.TP
.B "mkfifo /tmp/pipe; cat /tmp/pipe & echo hello > /tmp/pipe"
The background
.B cat
prints what the
.B echo
writes into the pipe.
.SH "SEE ALSO"
.BR mkdir (1),
.BR cat (1)
`;
