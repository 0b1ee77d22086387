export default String.raw`.TH MKNOD 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
mknod \- make block or character special files, or FIFOs
.SH SYNOPSIS
.B mknod
[\fIOPTION\fR]... \fINAME TYPE\fR [\fIMAJOR MINOR\fR]
.SH DESCRIPTION
Create the special file
.I NAME
of the given
.IR TYPE :
.B b
a block device,
.BR c " or " u
a character device (both need
.I MAJOR
and
.I MINOR
device numbers),
.B p
a FIFO (named pipe, no device numbers).
.TP
.BR \-m ", " \-\-mode =\fIMODE\fR
Permissions of the new file, as for
.BR chmod (1),
not reduced by the umask.
.TP
.BR \-Z ", " \-\-context [=\fICTX\fR]
Set the SELinux context (no effect here).
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH SEE ALSO
.BR mkfifo (1),
.BR mknod (2)
`;
