export default String.raw`.TH ISOSIZE 8 "2022-08" "util-linux 2.38" "System Administration"
.SH NAME
isosize \- show the length of an ISO-9660 filesystem
.SH SYNOPSIS
.B isosize
[\fIoptions\fR] \fIiso9660_image_file\fR...
.SH DESCRIPTION
.B isosize
reads the primary volume descriptor of each file (an image or a device) and
prints how many bytes its ISO-9660 filesystem takes: the number of sectors
times the sector size. A file that does not carry the descriptor's signature
is warned about and measured anyway. With more than one file each line starts
with its name.
.SH OPTIONS
.TP
.BR \-x ", " \-\-sectors
Print the sector count and the sector size instead, and warn when the two byte
orders of a number disagree.
.TP
.BR \-d ", " \-\-divisor " " \fInumber\fR
Divide the byte count by \fInumber\fR (by the sector size: print the sector count).
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every file was measured, 32 when none was, 64 when some were.
.SH "SEE ALSO"
.BR blkid (8)
`;
