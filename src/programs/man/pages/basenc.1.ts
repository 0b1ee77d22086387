export default String.raw`.TH BASENC 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
basenc \- encode or decode data in one of several encodings
.SH SYNOPSIS
.B basenc
\fIENCODING\fR [\fIOPTION\fR]... [\fIFILE\fR]
.SH DESCRIPTION
.B basenc
encodes FILE (or standard input), or decodes it with \fB\-d\fR, in the
encoding chosen by one of the options below; when several are given, the last
one counts.
.SH ENCODINGS
.TP
.B \-\-base64
RFC 4648 base64 (as \fBbase64\fR(1)).
.TP
.B \-\-base64url
base64 with \- and _ in place of + and /, safe in URLs and file names.
.TP
.B \-\-base32
RFC 4648 base32 (as \fBbase32\fR(1)).
.TP
.B \-\-base32hex
base32 with the digits 0\-9 and letters A\-V.
.TP
.B \-\-base16
Two upper-case hexadecimal digits per byte.
.TP
.BR \-\-base2msbf ", " \-\-base2lsbf
Eight characters 0 or 1 per byte, the most or the least significant bit first.
.TP
.B \-\-z85
ZeroMQ's Z85: five characters for every four bytes; the input must be a
multiple of four bytes to encode, or of five characters to decode.
.SH OPTIONS
.TP
.BR \-d ", " \-\-decode
Decode instead of encode.
.TP
.BR \-i ", " \-\-ignore\-garbage
When decoding, skip characters outside the alphabet.
.TP
.BI \-w ", " \-\-wrap= COLS
Break encoded lines after COLS characters (76 by default); 0 means never.
.SH EXAMPLES
.TP
.B "printf hi | basenc \-\-base16"
prints 6869.
.SH "SEE ALSO"
.BR base64 (1),
.BR base32 (1),
.BR od (1)
`;
