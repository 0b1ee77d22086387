export default String.raw`.TH FINDMNT 8 "2023" "util-linux 2.38" "System Administration"
.SH NAME
findmnt \- list mounted filesystems
.SH SYNOPSIS
.B findmnt
[\fIoptions\fR] [\fIdevice\fR|\fImountpoint\fR]
.SH DESCRIPTION
.B findmnt
shows the mount table as a tree of mount points, or only the entries that match a device, a mount point, a type or the filesystem that holds a path.
.SH OPTIONS
.TP
.B -l
a flat list instead of a tree.
.TP
.B -n
no header line.
.TP
-o \fIlist\fR
the columns to show, such as TARGET, SOURCE, FSTYPE, OPTIONS, SIZE, USED, AVAIL, USE%, UUID.
.TP
-t \fIlist\fR
only these filesystem types.
.TP
-T \fIpath\fR
the filesystem that contains the path.
.TP
.B --real, --pseudo
only real, or only pseudo, filesystems.
.TP
.B -J, -P, -r
JSON, key="value" pairs, or raw output.
.TP
.B -D
df-like columns.
.SH "EXIT STATUS"
0 when something was found, 1 otherwise.
.SH "SEE ALSO"
.BR mount (8)
.BR umount (8)
.BR lsblk (8)
`;
