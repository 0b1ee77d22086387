export default String.raw`.TH LOGNAME 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
logname \- print the name the user logged in with
.SH SYNOPSIS
.B logname
[\fIOPTION\fR]
.SH DESCRIPTION
Print the login name recorded for the terminal session, which stays the same
after
.BR su (1)
changes the effective user. Without a login record (a script with no
terminal) it fails with "no login name".
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH SEE ALSO
.BR whoami (1),
.BR id (1)
`;
