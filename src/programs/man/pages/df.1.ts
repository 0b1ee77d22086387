export default String.raw`.TH DF 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
df \- report file system space usage
.SH SYNOPSIS
.B df
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B df
shows the size, the space used and the space available of the file system
holding each
.IR FILE ,
or of every mounted file system, in blocks of 1024 bytes.
.B Use%
is the used part of what ordinary users may fill; the root file system keeps
some blocks for root.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Include pseudo, duplicate and inaccessible file systems.
.TP
.BR \-B ", " \-\-block\-size =\fISIZE\fR
Print sizes in units of
.IR SIZE ,
such as
.BR \-BM .
.TP
.BR \-h ", " \-\-human\-readable
Print sizes in powers of 1024, like
.BR 1023M .
.TP
.BR \-H ", " \-\-si
Print sizes in powers of 1000, like
.BR 1.1G .
.TP
.BR \-i ", " \-\-inodes
Show inodes instead of blocks.
.TP
.B \-k
The same as
.BR \-\-block\-size=1K .
.TP
.BR \-l ", " \-\-local
Show only local file systems.
.TP
.B \-\-no\-sync
Do not sync before reading the usage (the default).
.TP
.BR \-\-output [=\fIFIELD_LIST\fR]
Show the listed fields, or all of them:
.BR source ", " fstype ", " itotal ", " iused ", " iavail ", " ipcent ,
.BR size ", " used ", " avail ", " pcent ", " file ", " target .
.TP
.BR \-P ", " \-\-portability
Use the POSIX output format.
.TP
.B \-\-sync
Sync before reading the usage.
.TP
.B \-\-total
Add a line of totals.
.TP
.BR \-t ", " \-\-type =\fITYPE\fR
Show only file systems of type
.IR TYPE .
.TP
.BR \-T ", " \-\-print\-type
Show each file system's type.
.TP
.BR \-x ", " \-\-exclude\-type =\fITYPE\fR
Leave out file systems of type
.IR TYPE .
.TP
.B \-v
Ignored.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a file system could not be read.
.SH EXAMPLES
.TP
.B "df \-h /"
Shows how full the root file system is.
.TP
.B "df \-hT \-x tmpfs \-x devtmpfs"
Shows the disks only, with their types.
.SH "SEE ALSO"
.BR du (1),
.BR mount (8),
.BR lsblk (8)
`;
