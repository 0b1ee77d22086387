export default String.raw`.TH WHOAMI 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
whoami \- print effective user name
.SH SYNOPSIS
.B whoami
[\fIOPTION\fR]...
.SH DESCRIPTION
.B whoami
prints the name of the effective user, as
.B "id \-un"
does.
After
.B sudo
or
.B su
it prints the user you became, not the one who logged in (see
.BR who (1)).
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when the user ID has no name.
.SH EXAMPLES
.TP
.B "sudo whoami"
Prints
.BR root .
.SH "SEE ALSO"
.BR id (1),
.BR who (1),
.BR logname (1)
`;
