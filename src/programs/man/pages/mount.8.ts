export default String.raw`.TH MOUNT 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
mount \- mount a file system
.SH SYNOPSIS
.B mount
[\fB\-l\fR] [\fB\-t\fR \fItype\fR]
.br
.B mount \-a
[\fB\-fFnrsvw\fR] [\fB\-t\fR \fItype\fR] [\fB\-O\fR \fIoptlist\fR]
.br
.B mount
[\fIoptions\fR] \fIdevice\fR|\fImountpoint\fR
.br
.B mount
[\fIoptions\fR] \fIdevice mountpoint\fR
.SH DESCRIPTION
Every file on a Linux system lives in one tree rooted at
.BR / .
.B mount
attaches the file system found on a device (a disk partition, an ISO image,
a network share, or a virtual file system such as
.BR tmpfs )
to a directory of that tree, the
.IR "mount point" ;
what was in the directory stays hidden until the file system is detached
again with
.BR umount (8).
.PP
Without arguments,
.B mount
lists the mounted file systems, one per line in the form
.IB "device " on " dir " type " type " ( options )\fR.
With only a device or only a mount point, the missing half is looked up in
.BR /etc/fstab .
Only root may mount file systems, except those marked
.B user
in
.BR /etc/fstab .
On Photon OS, file systems are also mounted at boot by systemd from
.B /etc/fstab
and from
.B .mount
units.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Mount every file system listed in
.B /etc/fstab
that is not already mounted and not marked
.BR noauto .
.TP
.BR \-l ", " \-\-show\-labels
When listing, also show the file system labels.
.TP
.BI \-t " types" "\fR, \fB\-\-types " types
The type of the file system to mount, for example
.BR ext4 ", " xfs ", " vfat ", " iso9660 ", " nfs ", " tmpfs .
When listing, or with
.BR \-a ,
restrict the action to these types (separated by commas).
.TP
.BI \-o " options" "\fR, \fB\-\-options " options
Mount options separated by commas, such as
.BR ro ", " rw ", " noexec ", " nosuid ", " nodev ", " loop ", " remount ", " bind .
.TP
.BR \-r ", " \-\-read\-only
Mount read\-only (the same as
.BR "\-o ro" ).
.TP
.BR \-w ", " \-\-rw
Mount read\-write (the default).
.TP
.B \-\-bind
Make a directory tree visible at a second place as well
.RB ( "mount \-\-bind" " " \fIolddir\fR " " \fInewdir\fR ).
.TP
.BR \-v ", " \-\-verbose
Describe what is being done.
.TP
.BR \-n ", " \-\-no\-mtab
Do not record the mount in /etc/mtab (which on Photon OS is a link to
/proc/self/mounts anyway).
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 for incorrect invocation or permissions, 32 when the mount
failed, 64 when only some of several mounts succeeded.
.SH FILES
.TP
.B /etc/fstab
The file systems to mount at boot, and the defaults for incomplete
commands.
.TP
.B /proc/self/mounts
The file systems currently mounted.
.SH EXAMPLES
.TP
.B "mount \-t ext4"
List the mounted ext4 file systems.
.TP
.B "mount /dev/cdrom /mnt/cdrom"
Mount the Photon OS installation ISO attached to the VM.
.TP
.B "mount \-o remount,ro /data"
Make a mounted file system read\-only.
.TP
.B "findmnt"
A tree view of the same information.
.SH "SEE ALSO"
.BR umount (8),
.BR fstab (5),
.BR lsblk (8),
.BR df (1),
.BR findmnt (8)
`;
