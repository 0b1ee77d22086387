export default String.raw`.TH CAT 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
cat \- concatenate files and print on the standard output
.SH SYNOPSIS
.B cat
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B cat
writes each
.I FILE
to standard output, one after the other.
With no
.IR FILE ,
or when a
.I FILE
is
.BR \- ,
it copies standard input.
It is the quickest way to look at a short file; for a long one use
.BR less (1).
.SH OPTIONS
.TP
.BR \-A ", " \-\-show\-all
The same as
.BR \-vET .
.TP
.BR \-b ", " \-\-number\-nonblank
Number the lines that are not empty; this wins over
.BR \-n .
.TP
.B \-e
The same as
.BR \-vE .
.TP
.BR \-E ", " \-\-show\-ends
Print
.B $
at the end of each line, which shows trailing spaces.
.TP
.BR \-n ", " \-\-number
Number every output line.
.TP
.BR \-s ", " \-\-squeeze\-blank
Print a run of empty lines as one empty line.
.TP
.B \-t
The same as
.BR \-vT .
.TP
.BR \-T ", " \-\-show\-tabs
Show each TAB as
.BR ^I .
.TP
.B \-u
Ignored; accepted for POSIX.
.TP
.BR \-v ", " \-\-show\-nonprinting
Show control characters with
.B ^
and bytes above 127 with
.BR M\- ,
except newline and TAB.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every file was read, 1 when one could not be.
.SH EXAMPLES
.TP
.B "cat /etc/photon\-release"
Shows which Photon OS release is installed.
.TP
.B "cat \-A /etc/hosts"
Shows tabs, line ends and control characters in a file.
.TP
.B "cat part1 part2 > whole"
Joins two files into a third.
.SH "SEE ALSO"
.BR less (1),
.BR more (1),
.BR tac (1),
.BR head (1),
.BR tail (1)
`;
