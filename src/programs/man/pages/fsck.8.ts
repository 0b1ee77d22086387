export default String.raw`.TH FSCK 8 "2023" "util-linux 2.38" "System Administration"
.SH NAME
fsck \- check a filesystem
.SH SYNOPSIS
.B fsck
[\fIoptions\fR] [\fIdevice\fR...] [\fB\-\-\fR \fIchecker-options\fR]
.SH DESCRIPTION
.B fsck
finds the type of each named filesystem and runs the matching checker, fsck.\fItype\fR, passing its own unknown options on.
.SH OPTIONS
.TP
.B -N
only show what would be run.
.TP
-t \fItype\fR
the filesystem type, instead of probing it.
.TP
.B -T
do not print the title line.
.SH "EXIT STATUS"
the checker's status.
.SH "SEE ALSO"
.BR e2fsck (8)
`;
