export default String.raw`.TH MKE2FS 8 "2023" "e2fsprogs 1.46.5" "System Administration"
.SH NAME
mke2fs, mkfs.ext4 \- make an ext2, ext3 or ext4 filesystem
.SH SYNOPSIS
.B mke2fs
[\fIoptions\fR] \fIdevice\fR [\fIblocks\fR]
.SH DESCRIPTION
.B mke2fs
creates an ext4 filesystem on a device or in an image file, choosing the block size, the number of inodes and the journal size from the size, and prints the layout as it writes it. A mounted device is refused.
.SH OPTIONS
.TP
.B -F
force, even when the target looks unsuitable.
.TP
.B -q
print nothing.
.TP
-L \fIlabel\fR
set the volume label.
.TP
-U \fIuuid\fR
use this UUID.
.TP
-m \fIpercent\fR
blocks reserved for root (5 by default).
.TP
-t \fItype\fR
the filesystem type.
.SH "EXIT STATUS"
0 on success, 1 on errors.
.SH "SEE ALSO"
.BR e2fsck (8)
.BR tune2fs (8)
.BR dumpe2fs (8)
`;
