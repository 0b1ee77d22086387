export default String.raw`.TH UTMPDUMP 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
utmpdump \- dump UTMP and WTMP files in raw format
.SH SYNOPSIS
.B utmpdump
[\fIoptions\fR] [\fIfilename\fR]
.SH DESCRIPTION
.B utmpdump
prints the records of a utmp, wtmp or btmp file as text, one bracketed line
per record, and with
.B \-r
turns such text back into records, so that a damaged file can be repaired
with an editor.
.SH OPTIONS
.TP
.BR \-r ", " \-\-reverse
Write records from text.
.TP
.BI \-o " FILE" "\fR, \fB\-\-output " FILE
Write to FILE.
.TP
.BR \-f ", " \-\-follow
Keep printing new records.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH FILES
.TP
.B /var/log/wtmp
Logins and logouts.
.TP
.B /var/log/btmp
Failed logins.
.SH "SEE ALSO"
.BR last (1)
`;
