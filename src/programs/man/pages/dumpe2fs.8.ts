export default String.raw`.TH DUMPE2FS 8 "2023" "e2fsprogs 1.46.5" "System Administration"
.SH NAME
dumpe2fs \- show ext2, ext3 and ext4 superblock information
.SH SYNOPSIS
.B dumpe2fs
[\fIoptions\fR] \fIdevice\fR
.SH DESCRIPTION
.B dumpe2fs
prints the superblock of a filesystem and a summary of its journal.
.SH OPTIONS
.TP
.B -h
only the superblock and journal summary.
.SH "EXIT STATUS"
0 on success, 1 on errors.
.SH "SEE ALSO"
.BR tune2fs (8)
.BR e2fsck (8)
`;
