export default String.raw`.TH USERS 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
users \- print the user names of users currently logged in to the current host
.SH SYNOPSIS
.B users
[\fIOPTION\fR]... [\fIFILE\fR]
.SH DESCRIPTION
.B users
prints, on one line and sorted, the names of the users logged in now, once
per session, as recorded in
.I /var/run/utmp
or in
.I FILE
(such as
.IR /var/log/wtmp ).
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "users"
Prints
.B "root root"
when root has two sessions open.
.SH "SEE ALSO"
.BR who (1),
.BR w (1)
`;
