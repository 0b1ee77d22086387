export default String.raw`.TH ZDUMP 8 "2023" "glibc 2.36" "System Administration"
.SH NAME
zdump \- show the time in time zones
.SH SYNOPSIS
.B zdump
[\fIoptions\fR] \fIzone\fR...
.SH DESCRIPTION
.B zdump
prints the current time in each named time zone, or with -v the moments its offset from UTC changes, each shown as the last second before and the first second after.
.SH OPTIONS
.TP
.B -v
list transitions, with the lowest and highest representable times.
.TP
.B -V
list transitions without those limits.
.TP
-c [\fIlow\fR,]\fIhigh\fR
limit the transitions to these years.
.SH "EXIT STATUS"
0 on success, 1 on a usage error.
.SH "SEE ALSO"
.BR date (1)
.BR tzselect (8)
`;
