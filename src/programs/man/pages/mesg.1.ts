export default String.raw`.TH MESG 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
mesg \- display (or do not display) messages from other users
.SH SYNOPSIS
.B mesg
[\fIoption\fR] [\fBn\fR|\fBy\fR]
.SH DESCRIPTION
.B mesg
controls whether other users may write to your terminal (with
.B write
or
.BR wall ).
Without an argument it reports the current setting.
.SH OPTIONS
.TP
.BR \-v ", " \-\-verbose
Say what was done.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 when messages are allowed, 1 when they are not, 2 on an error (for example no terminal).
.SH "SEE ALSO"
.BR wall (1)
`;
