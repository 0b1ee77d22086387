export default String.raw`.TH TUNE2FS 8 "2023" "e2fsprogs 1.46.5" "System Administration"
.SH NAME
tune2fs \- adjust ext2, ext3 and ext4 parameters
.SH SYNOPSIS
.B tune2fs
[\fIoptions\fR] \fIdevice\fR
.SH DESCRIPTION
.B tune2fs
shows or changes settings kept in a filesystem's superblock.
.SH OPTIONS
.TP
.B -l
list the superblock.
.TP
-L \fIlabel\fR
set the volume label.
.TP
-U \fIuuid\fR
set the UUID.
.SH "EXIT STATUS"
0 on success, 1 on errors.
.SH "SEE ALSO"
.BR dumpe2fs (8)
.BR mke2fs (8)
`;
