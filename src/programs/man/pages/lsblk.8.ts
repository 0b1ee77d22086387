export default String.raw`.TH LSBLK 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
lsblk \- list block devices
.SH SYNOPSIS
.B lsblk
[\fIoptions\fR] [\fIdevice\fR...]
.SH DESCRIPTION
.B lsblk
lists the block devices of the system \(em disks, their partitions, loop and
device\-mapper devices \(em as a tree, using the information in
.B /sys
and the udev database. By default it shows the columns
.BR NAME ", " MAJ:MIN ", " RM " (removable), " SIZE ", " RO " (read\-only), " TYPE " and " MOUNTPOINTS .
RAM disks are left out. With device operands, only those devices are
listed. It can be run by any user.
.PP
On a typical Photon OS virtual machine the system disk is
.B sda
with a BIOS boot partition, an EFI system partition and the root file
system.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Also list empty devices and RAM disks.
.TP
.BR \-b ", " \-\-bytes
Print sizes in bytes instead of a readable form.
.TP
.BR \-d ", " \-\-nodeps
Do not list the partitions or other devices that hang below a disk.
.TP
.BR \-f ", " \-\-fs
Show file system information: the columns
.BR NAME ", " FSTYPE ", " FSVER ", " LABEL ", " UUID ", " FSAVAIL ", " FSUSE% " and " MOUNTPOINTS .
.TP
.BR \-l ", " \-\-list
Print a flat list instead of a tree.
.TP
.BR \-n ", " \-\-noheadings
Do not print the header line.
.TP
.BI \-o " list" "\fR, \fB\-\-output " list
Print the given columns, separated by commas, for example
.BR NAME,SIZE,FSTYPE,MOUNTPOINT .
Other columns include
.BR KNAME ", " PATH ", " FSSIZE ", " MODEL " and " VENDOR .
.TP
.BR \-p ", " \-\-paths
Print full device paths such as
.BR /dev/sda1 .
.TP
.BR \-P ", " \-\-pairs
Print
\fINAME\fB="\fIvalue\fB"\fR
pairs, for use in scripts.
.TP
.BR \-r ", " \-\-raw
Print the raw format, separated by single spaces.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure, 32 when a given device was not found, 64 when
some but not all given devices were found.
.SH EXAMPLES
.TP
.B "lsblk"
Show the disks and partitions as a tree.
.TP
.B "lsblk \-f"
Show which file system is on each partition and where it is mounted.
.TP
.B "lsblk \-dno NAME,SIZE"
List the disks and their sizes only, for a script.
.SH "SEE ALSO"
.BR df (1),
.BR mount (8),
.BR blkid (8),
.BR fdisk (8)
`;
