export default String.raw`.TH DD 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
dd \- convert and copy a file
.SH SYNOPSIS
.B dd
[\fIOPERAND\fR]...
.br
.B dd
.I OPTION
.SH DESCRIPTION
.B dd
copies its input to its output in blocks, converting the data on the way if
asked.
Operands have the form
.IR NAME = VALUE .
At the end it reports on standard error how many whole and partial blocks it
read and wrote, and how fast.
Sending it
.B SIGUSR1
prints the same report without stopping.
.SH OPERANDS
.TP
.BI bs= BYTES
Read and write
.I BYTES
at a time (sets both
.B ibs
and
.BR obs ).
.TP
.BI cbs= BYTES
Convert
.I BYTES
at a time.
.TP
.BI conv= CONVS
Convert as the comma-separated list says:
.BR ascii ", " ebcdic ", " ibm ", " block ", " unblock ", " lcase ", " ucase ,
.BR sparse ", " swab ", " sync ", " excl ", " nocreat ", " notrunc ", " noerror ,
.BR fdatasync ", " fsync .
.TP
.BI count= N
Copy only
.I N
input blocks.
.TP
.BI ibs= BYTES
Read
.I BYTES
at a time (default 512).
.TP
.BI if= FILE
Read from
.I FILE
instead of standard input.
.TP
.BI iflag= FLAGS
Read as the comma-separated list says (see below).
.TP
.BI obs= BYTES
Write
.I BYTES
at a time (default 512).
.TP
.BI of= FILE
Write to
.I FILE
instead of standard output.
.TP
.BI oflag= FLAGS
Write as the comma-separated list says.
.TP
.BI seek= N
Skip
.I N
output blocks before writing.
.TP
.BI skip= N
Skip
.I N
input blocks before reading.
.TP
.BI status= LEVEL
.B none
prints only errors,
.B noxfer
leaves out the final speed line,
.B progress
prints statistics as it goes.
.PP
.I N
and
.I BYTES
may end in
.B c
(1),
.B w
(2),
.B b
(512),
.B kB
(1000),
.B K
(1024),
.BR MB ", " M ", " GB ", " G
and so on, or be products such as
.BR 2x512 .
.PP
.I FLAGS
are
.BR append ", " direct ", " directory ", " dsync ", " sync ", " fullblock ,
.BR nonblock ", " noatime ", " nocache ", " noctty ", " nofollow ,
.BR count_bytes ", " skip_bytes " and " seek_bytes .
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on error.
.SH EXAMPLES
.TP
.B "dd if=/dev/zero of=/swapfile bs=1M count=512"
Makes a 512 MiB file of zeros.
.TP
.B "dd if=/dev/urandom bs=16 count=1 status=none | od \-An \-tx1"
Prints sixteen random bytes.
.SH "SEE ALSO"
.BR cp (1),
.BR truncate (1),
.BR od (1)
`;
