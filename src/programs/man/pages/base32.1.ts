export default String.raw`.TH BASE32 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
base32 \- encode or decode data in base32
.SH SYNOPSIS
.B base32
[\fIOPTION\fR]... [\fIFILE\fR]
.SH DESCRIPTION
.B base32
writes FILE (or standard input) encoded with the base32 alphabet of RFC 4648
(A\-Z and 2\-7, padded with =), or with \fB\-d\fR decodes such text back.
Encoded output is broken into lines of 76 characters.
.SH OPTIONS
.TP
.BR \-d ", " \-\-decode
Decode. Newlines are ignored; anything else outside the alphabet is an error,
reported after the bytes decoded so far.
.TP
.BR \-i ", " \-\-ignore\-garbage
When decoding, skip characters outside the alphabet.
.TP
.BI \-w ", " \-\-wrap= COLS
Break encoded lines after COLS characters; 0 means one long line.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR base64 (1),
.BR basenc (1)
`;
