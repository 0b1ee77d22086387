export default String.raw`.TH UUIDGEN 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
uuidgen \- create a new UUID value
.SH SYNOPSIS
.B uuidgen
[options]
.SH DESCRIPTION
.B uuidgen
prints a new universally unique identifier. By default it is random
(version 4). A time-based UUID (version 1) is made from the clock and a node
identifier; a name-based one (version 3 with MD5, version 5 with SHA-1) is the
same every time for the same namespace and name.
.SH OPTIONS
.TP
.B \-r, \-\-random
A random UUID.
.TP
.B \-t, \-\-time
A time-based UUID.
.TP
.B \-n, \-\-namespace \fIuuid\fR
The namespace of a name-based UUID: a UUID, or one of @dns, @url, @oid and @x500.
.TP
.B \-N, \-\-name \fIname\fR
The name of a name-based UUID.
.TP
.B \-m, \-\-md5
Make a version 3 (MD5) name-based UUID.
.TP
.B \-s, \-\-sha1
Make a version 5 (SHA-1) name-based UUID.
.TP
.B \-x, \-\-hex
The name is written in hexadecimal digits.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "uuidgen \-\-sha1 \-\-namespace @dns \-\-name example.com"
always prints the same UUID.
.SH "SEE ALSO"
.BR uuid (3)
`;
