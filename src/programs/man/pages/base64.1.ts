export default String.raw`.TH BASE64 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
base64 \- encode or decode data in base64
.SH SYNOPSIS
.B base64
[\fIOPTION\fR]... [\fIFILE\fR]
.SH DESCRIPTION
.B base64
turns the bytes of
.I FILE
(or standard input, also when
.I FILE
is
.BR \- )
into the base64 alphabet of RFC 4648 \(em letters, digits,
.B +
and
.BR / ,
with
.B =
as padding \(em and writes the result to standard output.
Base64 text is about a third larger than the data and safe to paste into
e\-mail, YAML, kickstart files or HTTP headers.
With
.B \-d
the text is decoded back into the original bytes.
.SH OPTIONS
.TP
.BR \-d ", " \-\-decode
Decode instead of encoding. Newlines in the input are ignored.
.TP
.BR \-i ", " \-\-ignore\-garbage
When decoding, skip every character that is not part of the alphabet
instead of failing.
.TP
.BI \-w " COLS" "\fR, \fB\-\-wrap=" COLS
Break encoded lines after
.I COLS
characters (76 by default);
.B 0
puts everything on one line.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read or the input was not valid
base64.
.SH EXAMPLES
.TP
.B "echo \-n 'admin:secret' | base64"
Encode credentials for an HTTP Basic authorization header.
.TP
.B "base64 \-d cert.b64 > cert.pem"
Decode a file.
.TP
.B "base64 \-w0 /etc/hostname"
Encode a file on a single line.
.SH "SEE ALSO"
.BR od (1),
.BR md5sum (1),
.BR openssl (1)
`;
