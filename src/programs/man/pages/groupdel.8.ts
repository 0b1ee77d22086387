export default String.raw`.TH GROUPDEL 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
groupdel \- delete a group
.SH SYNOPSIS
.B groupdel
[\fIoptions\fR] \fIgroup\fR
.SH DESCRIPTION
.B groupdel
removes
.I group
from
.B /etc/group
and
.BR /etc/gshadow .
Files owned by the group are not touched; they keep the numeric GID, which
.B ls
then shows instead of a name. Find them first with
.BR "find / \-gid" " \fIGID\fR."
.PP
A group that is the primary group of an existing user cannot be removed;
delete or change that user first. Only root may run it.
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Remove the group even if it is the primary group of a user.
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
.B 2
Invalid command syntax.
.TP
.B 6
The group does not exist.
.TP
.B 8
The group is the primary group of a user.
.TP
.B 10
The group file could not be updated.
.SH FILES
.TP
.B /etc/group
Group account information.
.TP
.B /etc/gshadow
Secure group account information.
.SH EXAMPLES
.TP
.B "groupdel devs"
Remove the group devs.
.SH "SEE ALSO"
.BR groupadd (8),
.BR groupmod (8),
.BR userdel (8),
.BR group (5)
`;
