export default String.raw`.TH GZIP 1 "2022-04" "gzip 1.12" "User Commands"
.SH NAME
gzip, gunzip, zcat \- compress or expand files
.SH SYNOPSIS
.B gzip
[\fB\-cdfhklLnNqrtvV19\fR] [\fB\-S\fR \fIsuffix\fR] [\fIfile\fR...]
.br
.B gunzip
[\fB\-cfhklLnNqrtvV\fR] [\fB\-S\fR \fIsuffix\fR] [\fIfile\fR...]
.br
.B zcat
[\fB\-fhLV\fR] [\fIfile\fR...]
.SH DESCRIPTION
.B gzip
compresses each
.I file
with the Lempel\-Ziv (deflate) method and replaces it by a file of the same
name with
.B .gz
added, keeping its owner, mode and times. With no file, or with
.BR \- ,
it compresses standard input to standard output.
.PP
.B gunzip
does the reverse: it replaces
.IB name .gz
(or
.BR .tgz ,
which becomes
.BR .tar )
by the expanded
.IR name .
It is the same as
.BR "gzip \-d" .
.B zcat
expands the files to standard output and leaves them in place, like
.BR "gzip \-dc" .
On Photon OS both are small scripts that run
.BR gzip ,
so their messages carry gzip's name.
.PP
gzip refuses to overwrite an existing output file, to compress a file that
already has the suffix, or to write compressed data to a terminal, unless
.B \-f
is given.
.SH OPTIONS
.TP
.BR \-c ", " \-\-stdout
Write the result to standard output and keep the input files.
.TP
.BR \-d ", " \-\-decompress
Decompress.
.TP
.BR \-f ", " \-\-force
Overwrite existing output files, compress files with several links or
that already carry the suffix, and write to a terminal. With
.B \-dc
(and
.BR zcat )
data that is not compressed is copied through unchanged.
.TP
.BR \-k ", " \-\-keep
Keep the input files instead of deleting them.
.TP
.BR \-l ", " \-\-list
For each compressed file, list the compressed size, the uncompressed
size, the ratio and the original name.
.TP
.BR \-n ", " \-\-no\-name
When compressing, do not store the original name and time stamp; when
decompressing, do not restore them. This is the default for
decompression.
.TP
.BR \-N ", " \-\-name
Store the name and time stamp when compressing (the default) and restore
them when decompressing.
.TP
.BR \-q ", " \-\-quiet
Suppress all warnings.
.TP
.BR \-r ", " \-\-recursive
Descend into directories and process every file in them.
.TP
.BI \-S " suf" "\fR, \fB\-\-suffix=" suf
Use
.I suf
instead of
.BR .gz .
.TP
.BR \-t ", " \-\-test
Check that the compressed files are intact.
.TP
.BR \-v ", " \-\-verbose
Report the name and compression ratio of each file.
.TP
.BR \-1 ", " \-\-fast " ... " \-9 ", " \-\-best
Choose the compression level: 1 is the fastest, 9 compresses most; 6 is
the default.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-L ", " \-\-license
Print the version and license and exit.
.SH "EXIT STATUS"
0 on success, 1 on an error, 2 when only a warning was issued.
.SH EXAMPLES
.TP
.B "gzip \-9 app.log.1"
Compress an old log as tightly as possible.
.TP
.B "zcat app.log.2.gz | grep ERROR"
Search a compressed log without expanding it on disk.
.TP
.B "tar cf \- /etc | gzip > etc\-backup.tar.gz"
Make a compressed archive of /etc.
.TP
.B "gunzip \-t *.gz"
Verify a set of compressed files.
.SH "SEE ALSO"
.BR tar (1),
.BR xz (1),
.BR bzip2 (1)
`;
