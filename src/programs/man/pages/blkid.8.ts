export default String.raw`.TH BLKID 8 "2023" "util-linux 2.38" "System Administration"
.SH NAME
blkid \- show block device attributes
.SH SYNOPSIS
.B blkid
[\fIoptions\fR] [\fIdevice\fR...]
.SH DESCRIPTION
.B blkid
prints what is known about block devices and filesystem images: the filesystem type, its UUID and label, the block size and the partition UUID, as NAME="value" tags after the device name.
.SH OPTIONS
.TP
-o \fIformat\fR
\fBfull\fR (the default), \fBvalue\fR (values only), \fBexport\fR (NAME=value lines), \fBdevice\fR (names only).
.TP
-s \fItag\fR
show only this tag; may be repeated.
.TP
-t \fINAME=value\fR
only devices with this tag.
.TP
-U \fIuuid\fR
print the device with this UUID.
.TP
.B -p
probe the device directly.
.SH "EXIT STATUS"
0 when something was printed, 2 when no device matched or had any tag, 4 on usage errors.
.SH "SEE ALSO"
.BR lsblk (8)
.BR findmnt (8)
`;
