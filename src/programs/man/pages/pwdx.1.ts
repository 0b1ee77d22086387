export default String.raw`.TH PWDX 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
pwdx \- report the current working directory of processes
.SH SYNOPSIS
.B pwdx
[\fIoptions\fR] \fIpid\fR...
.SH DESCRIPTION
.B pwdx
prints, for each process ID (or \fB/proc/\fIpid\fR), the process's current
working directory, as \fIpid\fB: \fIdirectory\fR.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXIT STATUS
0 when every directory was printed, 1 otherwise.
.SH SEE ALSO
.BR ps (1),
.BR pgrep (1)
`;
