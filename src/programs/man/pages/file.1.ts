export default String.raw`.TH FILE 1 "2023-01" "file 5.44" "User Commands"
.SH NAME
file \- determine the type of a file
.SH SYNOPSIS
.B file
[\fB\-bEhiLNsvz0\fR] [\fB\-\-mime\-type\fR] [\fB\-\-mime\-encoding\fR] [\fB\-F\fR \fIseparator\fR] [\fB\-f\fR \fInamefile\fR] \fIfile\fR...
.SH DESCRIPTION
.B file
examines each named file and prints a short description of what it holds,
whatever its name says. It first looks at the kind of file (directory,
symbolic link, device, FIFO, empty file), then at "magic" byte sequences
that identify formats such as ELF executables, gzip or tar archives and
images, and finally at text: the character encoding (ASCII, UTF\-8 and so
on), the line terminators and, for scripts, the interpreter named by a
.B #!
line.
.PP
The output has the form
.IB name ": " description \fR,
with the names padded to a common width. A file that cannot be read is
described as such; that is not an error unless
.B \-E
is given.
.SH OPTIONS
.TP
.BR \-b ", " \-\-brief
Do not print the file names before the descriptions.
.TP
.B \-E
Report a file that cannot be read as an error and exit with status 1.
.TP
.BI \-F " separator" "\fR, \fB\-\-separator " separator
Put
.I separator
after the file name instead of a colon.
.TP
.BI \-f " namefile" "\fR, \fB\-\-files\-from " namefile
Read the names of the files to examine from
.IR namefile ,
one per line.
.TP
.BR \-h ", " \-\-no\-dereference
Describe a symbolic link itself (the default).
.TP
.BR \-L ", " \-\-dereference
Follow symbolic links and describe the files they point to.
.TP
.BR \-i ", " \-\-mime
Print a MIME type with its character set, for example
.BR "text/plain; charset=us\-ascii" .
.TP
.B \-\-mime\-type
Print only the MIME type.
.TP
.B \-\-mime\-encoding
Print only the character set.
.TP
.BR \-N ", " \-\-no\-pad
Do not pad the names to a common width.
.TP
.BR \-0 ", " \-\-print0
Follow each file name with a NUL byte.
.TP
.BR \-s ", " \-\-special\-files
Read block and character devices as data (for example to identify the
file system on a disk partition) instead of just reporting them as devices.
.TP
.BR \-z ", " \-\-uncompress
Look inside compressed files and describe their contents too.
.TP
.BR \-v ", " \-\-version
Print the version and exit.
.TP
.B \-\-help
Print a usage summary and exit.
.PP
The options
.BR \-c ", " \-d ", " \-k ", " \-l ", " \-n ", " \-p ", " \-r ", " \-S ,
.BI \-e " test" \fR,
.BI \-m " magicfiles"
and
.BI \-P " name=value"
are accepted; they select magic files, tests and limits.
.SH "EXIT STATUS"
0 normally, even for files that do not exist; 1 on a usage error or, with
.BR \-E ,
when a file could not be examined.
.SH FILES
.TP
.B /usr/share/misc/magic.mgc
The compiled magic database.
.TP
.B /etc/magic
Local additions to it.
.SH EXAMPLES
.TP
.B "file /usr/bin/passwd /etc/passwd /var/log"
Tells an ELF executable, a text file and a directory apart.
.TP
.B "file \-L /usr/bin/awk"
Describes gawk, the program the link points to.
.TP
.B "file \-\-mime\-type *"
Print the MIME type of every file in the directory.
.SH "SEE ALSO"
.BR stat (1),
.BR od (1),
.BR ls (1)
`;
