export default String.raw`.TH PSLOG 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
pslog \- list the log files a process has open
.SH SYNOPSIS
.B pslog
\fIpid\fR
.br
.B pslog \-V
.SH DESCRIPTION
.B pslog
looks at the open file descriptors of the process
.I pid
(given as a number or as
.BI /proc/ pid )
and prints, after a
.B Pid no
header, the path of every one whose name ends in
.BR log .
Only the first argument is used.
.SH OPTIONS
.TP
.BR \-V ", " \-\-version
Print the version on standard error and exit.
.SH "EXIT STATUS"
0 on success, 1 when the process's descriptors cannot be read, 255 for a
missing or malformed argument.
.SH "SEE ALSO"
.BR lsof (8),
.BR pgrep (1),
.BR ps (1)
`;
