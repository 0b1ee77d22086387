export default String.raw`.TH TAC 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
tac \- print files with the last line first
.SH SYNOPSIS
.B tac
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B tac
writes each
.I FILE
(or standard input, also for
.BR \- )
to standard output in reverse order of its lines \(em the reverse of
.BR cat .
More generally it reverses records, which normally end with a newline.
.SH OPTIONS
.TP
.BR \-b ", " \-\-before
Treat the separator as coming before each record instead of after it.
.TP
.BR \-r ", " \-\-regex
Read the separator as a regular expression.
.TP
.BI \-s " STRING" "\fR, \fB\-\-separator=" STRING
Records are separated by
.I STRING
instead of a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "tac app.log | less"
Read a log starting with the newest lines.
.SH "SEE ALSO"
.BR cat (1),
.BR rev (1),
.BR tail (1)
`;
