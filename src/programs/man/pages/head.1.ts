export default String.raw`.TH HEAD 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
head \- output the first part of files
.SH SYNOPSIS
.B head
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B head
prints the first 10 lines of each
.I FILE
to standard output. When there are several files, each is introduced by a
header line of the form
.BI "==> " name " <==" \fR.
With no
.IR FILE ,
or when it is
.BR \- ,
standard input is read.
.SH OPTIONS
.TP
.BI \-c " \fR[\fB\-\fR]\fINUM" "\fR, \fB\-\-bytes=" \fR[\fB\-\fR]\fINUM
Print the first
.I NUM
bytes. With a leading
.BR \- ,
print everything except the last
.I NUM
bytes.
.TP
.BI \-n " \fR[\fB\-\fR]\fINUM" "\fR, \fB\-\-lines=" \fR[\fB\-\fR]\fINUM
Print the first
.I NUM
lines instead of 10. With a leading
.BR \- ,
print everything except the last
.I NUM
lines.
.TP
.BR \-q ", " \-\-quiet ", " \-\-silent
Never print the file name headers.
.TP
.BR \-v ", " \-\-verbose
Always print the file name headers.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
.I NUM
may end with a multiplier:
.B b
512,
.B kB
1000,
.B K
1024,
.B MB
1000*1000,
.B M
1024*1024, and so on for
.BR G ", " T ", " P ", " E ", " Z ", " Y
(binary forms such as
.B KiB
are accepted too).
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read.
.SH EXAMPLES
.TP
.B "head \-n 3 /etc/passwd"
Show the first three accounts.
.TP
.B "head \-c 16 /dev/urandom | od \-An \-tx1"
Print 16 random bytes in hexadecimal.
.TP
.B "ps aux \-\-sort=\-%mem | head"
Show the header and the nine processes that use the most memory.
.SH "SEE ALSO"
.BR tail (1),
.BR less (1),
.BR sed (1)
`;
