export default String.raw`.TH SUM 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
sum \- checksum and count the blocks in a file
.SH SYNOPSIS
.B sum
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B sum
prints a 16\-bit checksum and the number of blocks of each
.I FILE
(or of standard input). The file names are printed when they were given.
.SH OPTIONS
.TP
.B \-r
Use the BSD algorithm with 1024\-byte blocks (the default).
.TP
.BR \-s ", " \-\-sysv
Use the System V algorithm with 512\-byte blocks.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read.
.SH "SEE ALSO"
.BR cksum (1),
.BR md5sum (1)
`;
