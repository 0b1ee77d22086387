export default String.raw`.TH LAST 1 "2023" "util-linux 2.38" "User Commands"
.SH NAME
last, lastb \- list recent and failed logins
.SH SYNOPSIS
.B last
[\fIoptions\fR] [\fIuser\fR...]
.SH DESCRIPTION
.B last
reads the login records of /var/log/wtmp (\fBlastb\fR: the failed attempts of /var/log/btmp) and lists them newest first, ending with the time the file begins.
.SH OPTIONS
.TP
-f \fIfile\fR
read this file instead.
.TP
-n \fInum\fR
show at most this many records.
.TP
.B -x
also show shutdowns and run level changes.
.TP
.B -F
full login and logout times.
.SH "EXIT STATUS"
0 on success, 1 when the file cannot be read.
.SH "SEE ALSO"
.BR who (1)
`;
