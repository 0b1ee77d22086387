export default String.raw`.TH PRTSTAT 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
prtstat \- show a process's status from /proc in readable form
.SH SYNOPSIS
.B prtstat
[\fB\-r\fR|\fB\-\-raw\fR] \fIpid\fR...
.br
.B prtstat \-V
.SH DESCRIPTION
.B prtstat
reads
.BI /proc/ pid /stat
for each process given and prints its contents grouped under headings:
identity and state, process group and session, page faults, CPU times in
seconds, memory sizes, and scheduling. A process that does not exist is
reported on standard error and skipped.
.SH OPTIONS
.TP
.BR \-r ", " \-\-raw
Print every field under its own name, two fields to a line, without
conversion.
.TP
.BR \-V ", " \-\-version
Print the version on standard error and exit.
.SH FILES
.BI /proc/ pid /stat
.SH "SEE ALSO"
.BR ps (1),
.BR top (1),
.BR proc (5)
`;
