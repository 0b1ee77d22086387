export default String.raw`.TH NEWGRP 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
newgrp \- log in to a new group
.SH SYNOPSIS
.B newgrp
[\fB\-\fR] [\fIgroup\fR]
.SH DESCRIPTION
.B newgrp
starts a new shell whose primary group ID is that of
.IR group ,
so that files created from it belong to that group. The current shell keeps
running underneath; leave the new one with
.BR exit .
Without a group, the primary group from
.B /etc/passwd
is used.
.PP
A member of the group (or root) switches without being asked anything.
Other users must type the group's password from
.BR /etc/gshadow ;
if the group has no password, they are refused.
.PP
A common use is to take a new group membership into account without logging
out: after
.BR "usermod \-aG docker bob" ,
bob can run
.B "newgrp docker"
in his current session.
.SH OPTIONS
.TP
.BR \- ", " \-l
Start a login shell, with the environment reset as after logging in.
.SH "EXIT STATUS"
The exit status of the shell, or 1 when the group does not exist or the
password is wrong.
.SH FILES
.TP
.B /etc/group
Members of each group.
.TP
.B /etc/gshadow
Group passwords.
.SH "SEE ALSO"
.BR id (1),
.BR gpasswd (1),
.BR groups (1),
.BR sg (1),
.BR group (5)
`;
