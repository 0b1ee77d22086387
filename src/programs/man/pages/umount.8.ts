export default String.raw`.TH UMOUNT 8 "2023" "util-linux 2.38" "System Administration"
.SH NAME
umount \- detach a mounted filesystem
.SH SYNOPSIS
.B umount
[\fIoptions\fR] \fIdirectory\fR|\fIdevice\fR...
.SH DESCRIPTION
.B umount
detaches the filesystem mounted on each named directory or device from the file tree. A filesystem that is in use cannot be detached; on this machine every mounted filesystem is in use, so umount reports it as busy.
.SH OPTIONS
.TP
.B -a
detach every mounted filesystem except the kernel pseudo filesystems.
.TP
-t \fIlist\fR
with -a, only filesystems of these types (a \fBno\fR prefix negates).
.TP
.B -l
lazy: detach now, clean up when no longer busy.
.TP
.B -f
force, for unreachable network filesystems.
.TP
.B -R
also detach everything mounted below the target.
.TP
.B -q
stay silent about targets that are not mounted.
.SH "EXIT STATUS"
0 on success, 1 for a bad usage or a missing target of a non-root user, 32 when unmounting failed.
.SH "SEE ALSO"
.BR mount (8)
.BR findmnt (8)
`;
