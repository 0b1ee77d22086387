export default String.raw`.TH DU 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
du \- estimate file space usage
.SH SYNOPSIS
.B du
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B du
adds up the disk space used by each
.I FILE
and, for directories, by everything below them, and prints a line for every
directory in 1024-byte blocks.
A file with several hard links is counted once.
.SH OPTIONS
.TP
.BR \-0 ", " \-\-null
End each line with a NUL byte instead of a newline.
.TP
.BR \-a ", " \-\-all
Print a line for files too, not only directories.
.TP
.B \-\-apparent\-size
Count the sizes of the files instead of the disk space they take.
.TP
.BR \-B ", " \-\-block\-size =\fISIZE\fR
Print sizes in units of
.IR SIZE .
.TP
.BR \-b ", " \-\-bytes
The same as
.BR "\-\-apparent\-size \-\-block\-size=1" .
.TP
.BR \-c ", " \-\-total
Print a grand total at the end.
.TP
.BR \-D ", " \-\-dereference\-args ", " \-H
Follow symbolic links named on the command line.
.TP
.BR \-d ", " \-\-max\-depth =\fIN\fR
Print a line for a directory only when it is at most
.I N
levels below an argument.
.TP
.BR \-h ", " \-\-human\-readable
Print sizes like 1K, 234M, 2G.
.TP
.B \-\-inodes
Count inodes instead of blocks.
.TP
.B \-k
The same as
.BR \-\-block\-size=1K .
.TP
.BR \-L ", " \-\-dereference
Follow every symbolic link.
.TP
.BR \-l ", " \-\-count\-links
Count a file again for each of its hard links.
.TP
.B \-m
The same as
.BR \-\-block\-size=1M .
.TP
.BR \-P ", " \-\-no\-dereference
Do not follow symbolic links (the default).
.TP
.BR \-S ", " \-\-separate\-dirs
Do not add subdirectories into a directory's size.
.TP
.B \-\-si
Like
.BR \-h ,
with powers of 1000.
.TP
.BR \-s ", " \-\-summarize
Print only the total of each argument.
.TP
.BR \-t ", " \-\-threshold =\fISIZE\fR
Leave out entries smaller than
.IR SIZE ,
or larger when it is negative.
.TP
.BR \-\-time [=\fIWORD\fR]
Also print the newest modification time found in each directory;
.B atime
or
.B ctime
chooses another time.
.TP
.BR \-\-time\-style =\fISTYLE\fR
Print times as
.BR full\-iso ", " long\-iso ", " iso
or
.BI + FORMAT .
.TP
.BR \-x ", " \-\-one\-file\-system
Skip directories on other file systems.
.TP
.BR \-X ", " \-\-exclude\-from =\fIFILE\fR
Leave out files matching any pattern in
.IR FILE .
.TP
.BR \-\-exclude =\fIPATTERN\fR
Leave out files matching the shell pattern.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when something could not be read.
.SH EXAMPLES
.TP
.B "du \-sh /var/log"
Shows how much the logs take.
.TP
.B "du \-h \-d 1 /var | sort \-h"
Lists the biggest directories under
.I /var
last.
.SH "SEE ALSO"
.BR df (1),
.BR ls (1),
.BR find (1)
`;
