export default String.raw`.TH FDISK 8 "2023" "util-linux 2.38" "System Administration"
.SH NAME
fdisk \- show or change a disk partition table
.SH SYNOPSIS
.B fdisk
[\fIoptions\fR] \fIdisk\fR | \fB\-l\fR [\fIdisk\fR...]
.SH DESCRIPTION
.B fdisk
with -l lists the size and geometry of each disk or image and its partition table: start and end sectors, the number of sectors, the size and the partition type. Without -l it edits a table interactively, which this machine does not offer.
.SH OPTIONS
.TP
.B -l
list the tables of the named disks, or of every disk.
.TP
.B -x
list with more detail.
.SH "EXIT STATUS"
0 on success, 1 when a device could not be opened.
.SH "SEE ALSO"
.BR lsblk (8)
.BR blkid (8)
`;
