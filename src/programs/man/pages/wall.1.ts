export default String.raw`.TH WALL 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
wall \- write a message to all users
.SH SYNOPSIS
.B wall
[options] [\fImessage\fR | \fIfile\fR]
.SH DESCRIPTION
.B wall
writes a message to the terminal of every logged-in user, framed by a banner
naming the sender, the host, the terminal and the time. The message is the
arguments, the contents of the file named, or standard input.
.SH OPTIONS
.TP
.B \-g, \-\-group \fIgroup\fR
Only to the members of the group (name or number).
.TP
.B \-n, \-\-nobanner
Leave out the banner (root only).
.TP
.B \-t, \-\-timeout \fIseconds\fR
Give up writing to a terminal after that long.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR write (1),
.BR shutdown (8)
`;
