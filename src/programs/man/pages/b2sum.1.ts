export default String.raw`.TH B2SUM 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
b2sum \- compute and check BLAKE2 message digests
.SH SYNOPSIS
.B b2sum
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
Print or check BLAKE2b checksums (RFC 7693), 512 bits long unless
.B \-l
asks for fewer. With no FILE, or when FILE is \-, standard input is read.
.TP
.BR \-b ", " \-\-binary
Read in binary mode (the line is marked with '*'); the same as text mode here.
.TP
.BR \-c ", " \-\-check
Read checksum lines from the FILEs and check each file they name. The number of
hex digits of a line, or the BITS of a "BLAKE2b-BITS" tag, gives its length.
.TP
.BR \-l ", " \-\-length =\fIBITS\fR
Length of the digest in bits: a multiple of 8 up to 512; 0 means 512.
.TP
.B \-\-tag
Print BSD-style lines: "BLAKE2b-BITS (FILE) = HASH".
.TP
.BR \-t ", " \-\-text
Read in text mode (the default).
.TP
.BR \-z ", " \-\-zero
End each output line with NUL instead of newline, and do not escape file names.
.SS "Options of --check"
.TP
.B \-\-ignore\-missing
Skip files that do not exist.
.TP
.B \-\-quiet
Do not print OK for the files that check out.
.TP
.B \-\-status
Print nothing; the exit status tells the result.
.TP
.B \-\-strict
Fail when a line is not a checksum line.
.TP
.BR \-w ", " \-\-warn
Warn about each line that is not a checksum line.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR md5sum (1),
.BR sha256sum (1),
.BR cksum (1)
`;
