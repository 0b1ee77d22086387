export default String.raw`.TH CHSH 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
chsh \- change the login shell
.SH SYNOPSIS
.B chsh
[\fIoptions\fR] [\fILOGIN\fR]
.SH DESCRIPTION
.B chsh
sets the login shell of a user account, the last field of its line in
.IR /etc/passwd .
Without a
.I LOGIN
it changes the caller's own account.
.PP
Without
.B \-s
it shows the current shell and reads a new one from standard input; an
empty answer keeps the current shell.
.PP
An ordinary user may change only their own shell, only when the current
one is listed in
.IR /etc/shells ,
and only to another listed shell that can be executed. Root may set any
shell; a shell that does not exist or is not executable draws a warning
but is set all the same.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Show a short help text and exit.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Make the change inside
.I CHROOT_DIR
and use the configuration files found there.
.TP
.BI \-s " SHELL" "\fR, \fB\-\-shell " SHELL
The new login shell.
.SH FILES
.TP
.I /etc/passwd
User account information.
.TP
.I /etc/shells
The shells ordinary users may choose.
.SH EXIT VALUES
0 on success, 1 when the change is not allowed or fails, 2 for a usage
error, 3 for a bad
.B \-\-root
argument.
.SH SEE ALSO
.BR chfn (1),
.BR login.defs (5),
.BR passwd (5),
.BR usermod (8).
`;
