export default String.raw`.TH SYNC 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
sync \- synchronize cached writes to persistent storage
.SH SYNOPSIS
.B sync
[\fIOPTION\fR] [\fIFILE\fR]...
.SH DESCRIPTION
.B sync
makes the kernel write the data it keeps in memory to the disks: all of it,
or only what belongs to each
.I FILE
or its file system.
.SH OPTIONS
.TP
.BR \-d ", " \-\-data
Write only the file data, and the metadata needed to read it.
.TP
.BR \-f ", " \-\-file\-system
Write everything of the file systems holding each
.IR FILE .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a file could not be opened or synced.
.SH EXAMPLES
.TP
.B "sync; reboot"
Makes sure nothing is lost before a reboot.
.SH "SEE ALSO"
.BR fsync (2),
.BR df (1)
`;
