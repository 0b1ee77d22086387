export default String.raw`.TH OPENSSL 1SSL "2025-02-11" "3.0.16" "OpenSSL"
.SH NAME
openssl \- OpenSSL command line program
.SH SYNOPSIS
.B openssl
\fIcommand\fR [\fIoptions\fR] [\fIarguments\fR]
.SH DESCRIPTION
.B openssl
gives access to the cryptography of the OpenSSL library from the shell. This
machine offers the commands that need no keys or certificates; the others are
listed by \fBhelp\fR but are not available here.
.SH COMMANDS
.TP
.B version
Print the OpenSSL version.
.TP
.B help
List the commands (on standard error).
.TP
.BR dgst " [\fB\-md5\fR|\fB\-sha1\fR|\fB\-sha256\fR|...] [\fB\-r\fR] [\fB\-c\fR] [\fB\-binary\fR] [\fB\-out\fR \fIfile\fR] [\fIfile\fR...]"
Print message digests of files or standard input, as \fBSHA2-256(\fIfile\fB)= \fIhex\fR,
or with \fB\-r\fR as \fIhex\fR \fB*\fIfile\fR. \fBmd5\fR, \fBsha1\fR, \fBsha224\fR,
\fBsha256\fR, \fBsha384\fR and \fBsha512\fR are short for \fBdgst \-\fIname\fR.
.TP
.BR rand " [\fB\-hex\fR|\fB\-base64\fR] [\fB\-out\fR \fIfile\fR] \fInum\fR"
Print \fInum\fR random bytes.
.TP
.BR base64 ", " "enc \-base64" " [\fB\-d\fR] [\fB\-A\fR] [\fB\-in\fR \fIfile\fR] [\fB\-out\fR \fIfile\fR]"
Encode to base 64 in lines of 64 characters, or decode with \fB\-d\fR;
\fB\-A\fR works on one line.
.TP
.BR passwd " [\fB\-1\fR|\fB\-5\fR|\fB\-6\fR|\fB\-apr1\fR] [\fB\-salt\fR \fIsalt\fR] [\fB\-stdin\fR] [\fIpassword\fR...]"
Print crypt(3) hashes of passwords, as /etc/shadow holds them: MD5 (the default),
SHA-256 or SHA-512 crypt.
.SH EXIT STATUS
0 on success, 1 on any error.
.SH SEE ALSO
.BR sha256sum (1),
.BR base64 (1),
.BR crypt (5)
`;
