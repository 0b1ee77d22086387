export default String.raw`.TH MOUNTPOINT 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
mountpoint \- see if a directory or file is a mountpoint
.SH SYNOPSIS
.B mountpoint
[\fB\-qd\fR] \fIdirectory\fR|\fIfile\fR
.br
.B mountpoint \-x
\fIdevice\fR
.SH DESCRIPTION
.B mountpoint
says whether a filesystem is mounted on the directory or file, looking it up in
the mount table by its canonical path.
.SH OPTIONS
.TP
.B \-q, \-\-quiet
Print nothing; only the exit status answers.
.TP
.B \-d, \-\-fs\-devno
Print the filesystem's device number as major:minor.
.TP
.B \-x, \-\-devno
Print the device number of a block device.
.TP
.B \-\-nofollow
Do not follow a symbolic link given as the argument.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 for a mount point, 32 when it is not one, 1 on error.
.SH "SEE ALSO"
.BR findmnt (8),
.BR mount (8)
`;
