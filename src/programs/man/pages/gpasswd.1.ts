export default String.raw`.TH GPASSWD 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
gpasswd \- administer /etc/group and /etc/gshadow
.SH SYNOPSIS
.B gpasswd
[\fIoption\fR] \fIgroup\fR
.SH DESCRIPTION
.B gpasswd
manages the members, administrators and password of a group. Root may use
every option; a group administrator (listed in
.BR /etc/gshadow )
may change the members and the password of that group.
.PP
Called with only a group name, it asks twice for a new group password.
A group password lets users who are not members switch to the group with
.BR newgrp (1)
after typing it. Group passwords are shared secrets and rarely a good idea;
adding the users as members is the usual alternative. Without a password
(the default), only members can use
.BR newgrp .
.SH OPTIONS
Except for
.B \-A
and
.BR \-M ,
which may be used together, the options cannot be combined.
.TP
.BI \-a " user" "\fR, \fB\-\-add " user
Add
.I user
to the members of
.IR group .
.TP
.BI \-d " user" "\fR, \fB\-\-delete " user
Remove
.I user
from the members of
.IR group .
.TP
.BI \-M " user,..." "\fR, \fB\-\-members " user,...
Replace the member list with these users.
.TP
.BI \-A " user,..." "\fR, \fB\-\-administrators " user,...
Set the administrators of the group.
.TP
.BR \-r ", " \-\-remove\-password
Remove the group password, so that only members can switch to the group.
.TP
.BR \-R ", " \-\-restrict
Lock the group password
.RB ( ! ),
so that only members can switch to the group.
.TP
.BI \-Q " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.IR CHROOT_DIR .
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH NOTES
Group membership is read when a user logs in; a user added to a group must
log in again (or use
.BR newgrp )
for it to take effect in his or her sessions.
.SH "EXIT STATUS"
0 on success, 1 when permission is denied or the password entries do not
match, 2 on invalid syntax, 3 when the group or user does not exist.
.SH FILES
.TP
.B /etc/group
Group names, ids and members.
.TP
.B /etc/gshadow
Group passwords, administrators and members.
.SH EXAMPLES
.TP
.B "gpasswd \-a bob wheel"
Let bob use sudo (members of wheel may, in Photon's /etc/sudoers).
.TP
.B "gpasswd \-d bob docker"
Take bob out of the docker group.
.TP
.B "gpasswd \-M alice,bob devs"
Set the exact member list of the group devs.
.SH "SEE ALSO"
.BR newgrp (1),
.BR groupadd (8),
.BR groupmod (8),
.BR usermod (8),
.BR group (5),
.BR gshadow (5)
`;
