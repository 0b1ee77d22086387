export default String.raw`.TH PINKY 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
pinky \- lightweight finger
.SH SYNOPSIS
.B pinky
[\fIOPTION\fR]... [\fIUSER\fR]...
.SH DESCRIPTION
Without
.BR \-l ,
list the users logged in (only the USERs named, if any): login name, full
name, terminal (marked * when it does not accept messages), idle time, login
time and remote host. With
.BR \-l ,
describe each USER from the password database: full name, home directory,
shell, and the contents of ~/.project and ~/.plan.
.TP
.B \-s
Short format (the default).
.TP
.B \-f
Leave out the heading line.
.TP
.B \-w
Leave out the full name.
.TP
.B \-i
Leave out the full name and remote host.
.TP
.B \-q
Leave out the full name, remote host and idle time.
.TP
.B \-l
Long format; at least one USER is needed.
.TP
.B \-b
Long format without home directory and shell.
.TP
.B \-h
Long format without ~/.project.
.TP
.B \-p
Long format without ~/.plan.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR who (1),
.BR users (1)
`;
