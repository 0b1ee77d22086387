export default String.raw`.TH LOSETUP 8 "" "util-linux 2.38" "System Administration"
.SH NAME
losetup \- attach files to loop devices, and list or detach them
.SH SYNOPSIS
.B losetup
[\fB\-a\fR|\fB\-l\fR] [\fB\-J\fR] [\fB\-O\fR \fICOLUMNS\fR] [\fILOOPDEV\fR]
.br
.B losetup
[\fB\-o\fR \fIOFFSET\fR] [\fB\-\-sizelimit\fR \fISIZE\fR] [\fB\-P\fR] [\fB\-r\fR] {\fB\-f\fR|\fILOOPDEV\fR} \fIFILE\fR
.br
.B losetup \-d
\fILOOPDEV\fR...
.br
.B losetup \-D
.SH DESCRIPTION
A loop device makes a regular file look like a block device, so that a disk
image can be partitioned, formatted and mounted.
.B losetup
attaches a file to a loop device, shows which files are attached, and detaches
them again. Without arguments it lists the devices in use, as
.B \-\-list
does.
.SH OPTIONS
.TP
.BR \-f ", " \-\-find
Name the first free loop device; with a
.IR FILE ,
attach it there.
.TP
.B \-\-show
Print the device a file was attached to.
.TP
.BR \-a ", " \-\-all
List every device in use.
.TP
.BR \-l ", " \-\-list
List in columns (NAME, SIZELIMIT, OFFSET, AUTOCLEAR, RO, BACK\-FILE, DIO,
LOG\-SEC); with
.B \-J
as JSON.
.TP
.BR \-j ", " \-\-associated " \fIFILE\fR"
List the devices a file is attached to.
.TP
.BR \-d ", " \-\-detach " \fILOOPDEV\fR..."
Detach the devices.
.TP
.BR \-D ", " \-\-detach\-all
Detach every device.
.TP
.BR \-o ", " \-\-offset " \fIOFFSET\fR, " \-\-sizelimit " \fISIZE"
Show only part of the file through the device.
.TP
.BR \-r ", " \-\-read\-only
Attach read\-only.
.TP
.BR \-P ", " \-\-partscan
Look for partitions on the attached file.
.SH "EXIT STATUS"
0 on success, 1 on failure. Attaching fails when the kernel has no loop driver
.RI ( "failed to set up loop device: No such device" ).
.SH "SEE ALSO"
.BR mount (8),
.BR lsblk (8)
`;
