export default String.raw`.TH USERDEL 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
userdel \- delete a user account
.SH SYNOPSIS
.B userdel
[\fIoptions\fR] \fILOGIN\fR
.SH DESCRIPTION
.B userdel
removes an account from
.B /etc/passwd
and
.BR /etc/shadow ,
and the user from the member and administrator lists of
.B /etc/group
and
.BR /etc/gshadow .
Only root may run it. It refuses while the user is running processes
(stop them first, for example with
.BR "pkill \-KILL \-u" " \fILOGIN\fR)."
.PP
Without
.BR \-r ,
the home directory, the mail spool and every file the user owned stay on
disk with the now unknown UID; list them with
.BR "find / \-nouser" .
With
.B USERGROUPS_ENAB no
(as on Photon OS) the primary group, usually
.BR users ,
is of course kept.
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Remove the account even if the user is still logged in, and with
.B \-r
remove the home directory even if another user owns it. Dangerous.
.TP
.BR \-r ", " \-\-remove
Also remove the home directory with its contents, and the mail spool
.RB ( /var/mail/ \fILOGIN\fR).
Files elsewhere must be found and removed by hand.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.IR CHROOT_DIR .
.TP
.BI \-P " PREFIX_DIR" "\fR, \fB\-\-prefix " PREFIX_DIR
Use the account files found below
.IR PREFIX_DIR .
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
The password file could not be updated.
.TP
.B 2
Invalid command syntax.
.TP
.B 6
The user does not exist.
.TP
.B 8
The user is logged in.
.TP
.B 10
The group file could not be updated.
.TP
.B 12
The home directory could not be removed.
.SH FILES
.TP
.B /etc/passwd\fR, \fB/etc/shadow
Account information.
.TP
.B /etc/group\fR, \fB/etc/gshadow
Group information.
.TP
.B /etc/login.defs
.BR MAIL_DIR " and " USERGROUPS_ENAB .
.SH EXAMPLES
.TP
.B "userdel \-r bob"
Remove bob with his home directory and mail.
.TP
.B "userdel olduser; find / \-xdev \-nouser"
Remove an account and list the files it left behind.
.SH "SEE ALSO"
.BR useradd (8),
.BR usermod (8),
.BR groupdel (8),
.BR pkill (1),
.BR passwd (5)
`;
