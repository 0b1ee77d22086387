export default String.raw`.TH HOSTID 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
hostid \- print the numeric identifier of the current host
.SH SYNOPSIS
.B hostid
[\fIOPTION\fR]
.SH DESCRIPTION
Print the host identifier that
.BR gethostid (3)
returns, as eight hexadecimal digits. It comes from
.I /etc/hostid
when that file exists, otherwise from the IPv4 address of the host name.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR gethostid (3),
.BR hostname (1)
`;
