export default String.raw`.TH E2FSCK 8 "2023" "e2fsprogs 1.46.5" "System Administration"
.SH NAME
e2fsck, fsck.ext4 \- check an ext2, ext3 or ext4 filesystem
.SH SYNOPSIS
.B e2fsck
[\fIoptions\fR] \fIdevice\fR
.SH DESCRIPTION
.B e2fsck
checks a filesystem. A clean one is reported in one line unless -f forces the five passes. A mounted filesystem is only checked read-only (-n), with a warning.
.SH OPTIONS
.TP
.B -n
open read-only and answer no to every question.
.TP
.B -y
answer yes to every question.
.TP
.B -p
repair what is safe without asking.
.TP
.B -f
check even a clean filesystem.
.SH "EXIT STATUS"
0 no errors, 1 errors corrected, 4 errors left, 8 operational error, 16 usage error.
.SH "SEE ALSO"
.BR fsck (8)
.BR mke2fs (8)
`;
