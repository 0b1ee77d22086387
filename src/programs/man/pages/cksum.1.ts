export default String.raw`.TH CKSUM 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
cksum \- compute and verify file checksums
.SH SYNOPSIS
.B cksum
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B cksum
prints, for each
.I FILE
(or standard input), its 32\-bit CRC checksum as POSIX defines it, its size
in bytes and its name. With
.BR \-a ,
it computes another checksum or digest instead.
.SH OPTIONS
.TP
.BI \-a " TYPE" "\fR, \fP\-\-algorithm=" TYPE
One of
.B bsd
(as
.BR "sum \-r" ),
.B sysv
(as
.BR "sum \-s" ),
.B crc
(the default),
.BR md5 ,
.BR sha1 ,
.BR sha224 ,
.BR sha256 ,
.B sha384
or
.BR sha512 .
.TP
.B \-\-tag
Print digests as
.BI "TYPE (" FILE ") = " DIGEST
(the default).
.TP
.B \-\-untagged
Print digests as
.IB "DIGEST  FILE" ,
the way
.BR md5sum (1)
does.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read.
.SH "SEE ALSO"
.BR sum (1),
.BR md5sum (1),
.BR sha256sum (1)
`;
