export default String.raw`.TH NOLOGIN 8 "2022-02" "util-linux 2.38" "System Administration"
.SH NAME
nologin \- politely refuse a login
.SH SYNOPSIS
.B nologin
[\fB\-V\fR] [\fB\-h\fR]
.SH DESCRIPTION
.B nologin
is meant to be the login shell of accounts that must not be used to log in,
such as the accounts of system services. It prints a message saying the
account is not available and exits with a non\-zero status.
.PP
When
.I /etc/nologin.txt
exists and is a regular file, its contents are printed instead of the
default message.
.PP
The options a shell is usually started with
.RB ( \-c ,
.BR \-i ,
.BR \-l ,
.BR \-r ,
.BR \-\-posix ,
.BR \-\-norc ,
.BR \-\-noprofile ,
.BR \-\-rcfile ,
.BR \-\-init\-file )
are accepted and ignored, so that
.B su \-c
and similar uses fail in the same polite way.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Show a short help text.
.TP
.BR \-V ", " \-\-version
Show the version.
.SH EXIT STATUS
Always 1, even for
.B \-\-help
and
.BR \-\-version .
.SH FILES
.I /etc/nologin.txt
.SH SEE ALSO
.BR login (1),
.BR passwd (5),
.BR usermod (8).
`;
