export default String.raw`.TH GROUPS 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
groups \- print the groups a user is in
.SH SYNOPSIS
.B groups
[\fIOPTION\fR]... [\fIUSERNAME\fR]...
.SH DESCRIPTION
.B groups
prints the names of the groups each
.I USERNAME
belongs to, from
.I /etc/passwd
and
.IR /etc/group ,
or the groups of the current process when no name is given.
With several names, each line starts with the user's name and a colon.
.PP
A group added with
.B usermod \-aG
shows up for the user at once, but a running shell gets it only at the next
login (or with
.BR newgrp ).
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a user does not exist.
.SH EXAMPLES
.TP
.B "groups alice"
Prints something like
.BR "alice : alice wheel" .
.SH "SEE ALSO"
.BR id (1),
.BR usermod (8),
.BR newgrp (1)
`;
