export default String.raw`.TH GROUPMOD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
groupmod \- modify a group definition
.SH SYNOPSIS
.B groupmod
[\fIoptions\fR] \fIgroup\fR
.SH DESCRIPTION
.B groupmod
changes the name, GID, password or members of an existing group in
.B /etc/group
and
.BR /etc/gshadow .
Only root may run it.
.PP
When the GID changes, users whose primary group this is are updated in
.BR /etc/passwd ,
but files keep the old numeric GID: change their group with
.BR chgrp (1)
or
.B find / \-gid
.I OLD
.BR "\-exec chgrp" " \fINEW\fR " "{} +" .
.SH OPTIONS
.TP
.BI \-g " GID" "\fR, \fB\-\-gid " GID
Change the group ID to
.IR GID .
.TP
.BI \-n " NEW_GROUP" "\fR, \fB\-\-new\-name " NEW_GROUP
Rename the group.
.TP
.BR \-o ", " \-\-non\-unique
With
.BR \-g ,
allow a GID that another group already has.
.TP
.BI \-p " PASSWORD" "\fR, \fB\-\-password " PASSWORD
Set the group password to this already hashed value.
.TP
.BI \-U " user,..." "\fR, \fB\-\-users " user,...
Set the member list to these users.
.TP
.BR \-a ", " \-\-append
With
.BR \-U ,
add the users to the existing members instead of replacing them.
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
.B 3
Invalid argument to an option.
.TP
.B 4
The GID is already used.
.TP
.B 6
The group does not exist.
.TP
.B 9
The new group name is already used.
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
.TP
.B /etc/passwd
Primary group IDs of the users.
.SH EXAMPLES
.TP
.B "groupmod \-n developers devs"
Rename a group.
.TP
.B "groupmod \-g 2000 developers"
Give it a new GID.
.TP
.B "groupmod \-a \-U carol developers"
Add carol to its members.
.SH "SEE ALSO"
.BR groupadd (8),
.BR groupdel (8),
.BR gpasswd (1),
.BR usermod (8),
.BR group (5)
`;
