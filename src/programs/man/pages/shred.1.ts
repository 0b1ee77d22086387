export default String.raw`.TH SHRED 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
shred \- overwrite a file to hide its contents, and optionally delete it
.SH SYNOPSIS
.B shred
[\fIOPTION\fR]... \fIFILE\fR...
.SH DESCRIPTION
Overwrite each
.I FILE
several times, with random bytes and fixed bit patterns, so that its old
contents are hard to recover. A regular file is overwritten up to the end of
its last block, so it may grow to a whole number of blocks. When FILE is \-,
the file open on standard output is shredded.
.TP
.BR \-f ", " \-\-force
Add write permission when it is missing.
.TP
.BR \-n ", " \-\-iterations =\fIN\fR
Overwrite N times instead of 3.
.TP
.BI \-\-random\-source= FILE
Take the random bytes from FILE.
.TP
.BR \-s ", " \-\-size =\fIN\fR
Shred only the first N bytes (suffixes K, M, G... allowed).
.TP
.B \-u
Remove the file afterwards, as \-\-remove=wipesync does.
.TP
.BR \-\-remove [=\fIHOW\fR]
Remove the file afterwards. HOW is
.B unlink
(just unlink it),
.B wipe
(first rename it to shorter and shorter names made of '0', to hide the
name) or
.B wipesync
(the same, syncing each rename; the default).
.TP
.BR \-v ", " \-\-verbose
Report each pass, and each rename with \-u.
.TP
.BR \-x ", " \-\-exact
Do not round the size up to a whole block.
.TP
.BR \-z ", " \-\-zero
Add a last pass of zeros, so that the shredding does not show.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH CAUTION
Overwriting helps only where the file system and the disk write data in
place. Journaling and copy-on-write file systems, flash memory, backups and
snapshots may still hold the old contents.
.SH "SEE ALSO"
.BR rm (1),
.BR truncate (1)
`;
