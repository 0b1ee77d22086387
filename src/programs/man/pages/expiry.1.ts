export default String.raw`.TH EXPIRY 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
expiry \- check and enforce password expiration policy
.SH SYNOPSIS
.B expiry
\fB\-c\fR | \fB\-f\fR
.SH DESCRIPTION
.B expiry
looks at the aging of the caller's password. With
.B \-c
it warns when the password expires soon and exits with 0 (fine), 1 (expired),
2 (inactive) or 3 (account expired). With
.B \-f
an expired password must be changed at once (through
.BR passwd );
an inactive or expired account is told to contact the administrator.
.SH OPTIONS
.TP
.BR \-c ", " \-\-check
Check and report.
.TP
.BR \-f ", " \-\-force
Force the change of an expired password.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
With \fB\-c\fR, the state described above; otherwise 0, or 1 on failure; 2 for a usage error.
.SH "SEE ALSO"
.BR chage (1),
.BR passwd (1)
`;
