export default String.raw`.TH NAMEI 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
namei \- follow a pathname until a terminal point is found
.SH SYNOPSIS
.B namei
[options] \fIpathname\fR...
.SH DESCRIPTION
.B namei
lists every component of each pathname with its file type, following symbolic
links (each link's target is listed below it, indented) until the end of the
path, or the first component that cannot be reached.
.SH OPTIONS
.TP
.B \-l, \-\-long
The same as \fB\-m \-o \-v\fR.
.TP
.B \-m, \-\-modes
Show the mode bits as \fBls \-l\fR does.
.TP
.B \-o, \-\-owners
Show the owner and the group.
.TP
.B \-n, \-\-nosymlinks
Do not follow symbolic links.
.TP
.B \-v, \-\-vertical
Line up the modes and owners in columns.
.TP
.B \-x, \-\-mountpoints
Show mount point directories with \fBD\fR.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR ls (1),
.BR readlink (1),
.BR stat (1)
`;
