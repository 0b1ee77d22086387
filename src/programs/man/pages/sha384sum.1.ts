export default String.raw`.TH SHA384SUM 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
sha384sum \- compute and check SHA384 message digests
.SH SYNOPSIS
.B sha384sum
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B sha384sum
prints the SHA384 (384\-bit, FIPS 180\-4) checksum of each
.I FILE
(or of standard input when there is no
.I FILE
or it is
.BR \- ).
Each output line holds the checksum in hexadecimal, a space, a character
telling the mode (a space for text, \fB*\fR for binary; the two read the
same on Linux), and the file name.
.PP
With
.BR \-c ,
the files are instead lists of such lines, as produced earlier: every file
named in them is read again and reported as
.B OK
or
.BR FAILED .
.SH OPTIONS
.TP
.BR \-b ", " \-\-binary
Read in binary mode (marks the lines with \fB*\fR).
.TP
.BR \-c ", " \-\-check
Read checksums from the
.I FILEs
and verify them.
.TP
.B \-\-tag
Print BSD\-style lines:
.BI "SHA384 (" file ") = " checksum \fR.
.TP
.BR \-t ", " \-\-text
Read in text mode (the default).
.TP
.BR \-z ", " \-\-zero
End each output line with a NUL byte instead of a newline, and do not
escape file names.
.SS "Options useful only with \-\-check"
.TP
.B \-\-ignore\-missing
Say nothing about files that do not exist.
.TP
.B \-\-quiet
Do not print
.B OK
for each file that verifies.
.TP
.B \-\-status
Print nothing; the exit status gives the result.
.TP
.B \-\-strict
Fail when a checksum line is not correctly formatted.
.TP
.BR \-w ", " \-\-warn
Warn about each incorrectly formatted checksum line.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success; 1 if a file could not be read or, with
.BR \-c ,
a checksum did not match.
.SH EXAMPLES
.TP
.B "sha384sum /etc/passwd /etc/group > sums.txt"
Record the checksums of two files.
.TP
.B "sha384sum \-c sums.txt"
Check later that they have not changed.
.SH "SEE ALSO"
.BR md5sum (1),
.BR sha256sum (1),
.BR cksum (1),
.BR cmp (1)
`;
