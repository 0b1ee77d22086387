export default String.raw`.TH TRUNCATE 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
truncate \- shrink or extend the size of a file to the specified size
.SH SYNOPSIS
.B truncate
\fIOPTION\fR... \fIFILE\fR...
.SH DESCRIPTION
.B truncate
sets the size of each
.IR FILE ,
creating it when it does not exist.
Bytes beyond the new size are lost; a file made larger reads as zero bytes
where it grew, without taking disk space for them.
.PP
.I SIZE
is a number with an optional unit
.RB ( K ", " M ", " G ", " T
for powers of 1024,
.BR KB ", " MB ", ..."
for powers of 1000) and may start with
.B +
(extend by),
.B \-
(reduce by),
.B <
(at most),
.B >
(at least),
.B /
(round down to a multiple of) or
.B %
(round up to a multiple of).
.SH OPTIONS
.TP
.BR \-c ", " \-\-no\-create
Do not create files.
.TP
.BR \-o ", " \-\-io\-blocks
Count
.I SIZE
in I/O blocks instead of bytes.
.TP
.BR \-r ", " \-\-reference =\fIRFILE\fR
Use the size of
.IR RFILE .
.TP
.BR \-s ", " \-\-size =\fISIZE\fR
Set or adjust the size by
.IR SIZE .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH EXAMPLES
.TP
.B "truncate \-s 0 /var/log/app.log"
Empties a log file that a service keeps open.
.TP
.B "truncate \-s 1G disk.img"
Makes a sparse one-gigabyte image file.
.SH "SEE ALSO"
.BR dd (1),
.BR fallocate (1)
`;
