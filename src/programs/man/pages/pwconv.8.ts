export default String.raw`.TH PWCONV 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
pwconv, pwunconv, grpconv, grpunconv \- convert to and from shadow passwords and groups
.SH SYNOPSIS
.B pwconv
[\fIoptions\fR]
.br
.B pwunconv
[\fIoptions\fR]
.br
.B grpconv
[\fIoptions\fR]
.br
.B grpunconv
[\fIoptions\fR]
.SH DESCRIPTION
.B pwconv
moves the passwords of /etc/passwd into /etc/shadow: shadow entries of users
that no longer exist are removed, each user whose password field is not
.B x
gets a shadow entry (new ones take the aging of /etc/login.defs), and the
field becomes
.BR x .
.B pwunconv
does the reverse and removes /etc/shadow.
.B grpconv
and
.B grpunconv
do the same for /etc/group and /etc/gshadow.
.SH OPTIONS
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 2 for a usage error, 5 when a file cannot be locked, other values when a file cannot be read or written.
.SH "SEE ALSO"
.BR pwck (8),
.BR grpck (8)
`;
