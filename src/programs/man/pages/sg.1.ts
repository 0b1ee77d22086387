export default String.raw`.TH SG 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
sg \- execute command as different group ID
.SH SYNOPSIS
.B sg
[\fB\-\fR] [\fIgroup\fR [\fB\-c\fR] \fIcommand\fR]
.SH DESCRIPTION
.B sg
works like
.BR newgrp ,
but runs one command with
.I group
as the primary group instead of starting a shell. The command is handed to
.B /bin/sh \-c
as one argument, so a command with arguments must be quoted; without
.B \-c
only the first word after the group is used. Without a command the user's
shell is started. The group must be given by name. Members of the group
switch freely; others are asked for the group's password.
.SH "EXIT STATUS"
The command's status; 1 when the group does not exist, the password is wrong
or the usage is wrong.
.SH "SEE ALSO"
.BR newgrp (1),
.BR gpasswd (1)
`;
