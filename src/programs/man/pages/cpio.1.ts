export default String.raw`.TH CPIO 1 "2023" "GNU cpio 2.13" "User Commands"
.SH NAME
cpio \- copy files into and out of archives
.SH SYNOPSIS
.B cpio
\fB\-o\fR|\fB\-i\fR|\fB\-t\fR [\fIoptions\fR]
.SH DESCRIPTION
.B cpio
with -o reads file names from standard input and writes an archive of them to standard output; with -i reads an archive from standard input and extracts it; with -t lists it. It reports the size of the archive in 512-byte blocks on standard error.
.SH OPTIONS
.TP
.B -o
create an archive.
.TP
.B -i
extract an archive.
.TP
.B -t
list the members.
.TP
-H \fIformat\fR
archive format, such as newc.
.TP
.B -d
create directories as needed.
.TP
.B -v
list the files processed.
.TP
.B -u
replace files even when they are newer.
.TP
-F \fIfile\fR
use this archive file instead of standard input or output.
.SH "EXIT STATUS"
0 on success, 2 on errors.
.SH "SEE ALSO"
.BR tar (1)
`;
