export default String.raw`.TH CMP 1 "2021-08" "GNU diffutils 3.8" "User Commands"
.SH NAME
cmp \- compare two files byte by byte
.SH SYNOPSIS
.B cmp
[\fIOPTION\fR]... \fIFILE1\fR [\fIFILE2\fR [\fISKIP1\fR [\fISKIP2\fR]]]
.SH DESCRIPTION
.B cmp
reads two files and reports the first byte and line where they differ.
It says nothing when they are identical, which makes it handy in scripts.
A
.I FILE
of
.BR \- ,
or a missing
.IR FILE2 ,
means standard input.
.I SKIP1
and
.I SKIP2
are numbers of bytes to skip at the start of each file.
.SH OPTIONS
.TP
.BR \-b ", " \-\-print\-bytes
Also print the differing bytes.
.TP
.BI \-i " SKIP" "\fR, \fB\-\-ignore\-initial=" SKIP
Skip the first
.I SKIP
bytes of both files;
.IB SKIP1 : SKIP2
skips different amounts in each.
.TP
.BR \-l ", " \-\-verbose
List every difference: the byte number (from 1) and the two byte values
in octal.
.TP
.BI \-n " LIMIT" "\fR, \fB\-\-bytes=" LIMIT
Compare at most
.I LIMIT
bytes.
.TP
.BR \-s ", " \-\-quiet ", " \-\-silent
Print nothing; only the exit status tells the result.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.BR \-v ", " \-\-version
Print the version and exit.
.PP
Byte counts may carry a suffix:
.B kB
(1000),
.B K
(1024),
.BR MB ", " M ,
and so on for
.BR G ", " T ", " P ", " E ", " Z ", " Y .
.SH "EXIT STATUS"
0 if the inputs are the same, 1 if they differ, 2 if there was trouble.
.SH EXAMPLES
.TP
.B "cmp /etc/ssh/sshd_config /etc/ssh/sshd_config.orig"
Tell whether the configuration was changed, and where.
.TP
.B "cmp \-s a.img b.img && echo same"
Compare two images silently.
.SH "SEE ALSO"
.BR diff (1),
.BR md5sum (1),
.BR sha256sum (1)
`;
