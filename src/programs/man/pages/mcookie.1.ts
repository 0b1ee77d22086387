export default String.raw`.TH MCOOKIE 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
mcookie \- generate magic cookies for xauth
.SH SYNOPSIS
.B mcookie
[options]
.SH DESCRIPTION
.B mcookie
prints 128 random bits as 32 hexadecimal digits: the MD5 digest of bytes from
the kernel's random source, mixed with the contents of any seed files.
.SH OPTIONS
.TP
.B \-f, \-\-file \fIfile\fR
Mix the contents of \fIfile\fR into the cookie (\fB\-\fR is standard input).
.TP
.B \-m, \-\-max\-size \fInumber\fR
Read at most that many bytes of each seed file; suffixes K, M, G ... are allowed.
.TP
.B \-v, \-\-verbose
Say on standard error how many bytes came from where.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR md5sum (1)
`;
