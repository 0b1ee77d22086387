export default String.raw`.TH TSORT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
tsort \- order items so that each comes after those it depends on
.SH SYNOPSIS
.B tsort
[\fIOPTION\fR] [\fIFILE\fR]
.SH DESCRIPTION
.B tsort
reads pairs of words separated by blanks or newlines. A pair "A B" means that A
must come before B. It writes every word once, one per line, in an order that
keeps all of these rules. A pair of the same word only adds that word.
.PP
When the pairs contain a cycle,
.B tsort
says so on standard error, names the words of the cycle, drops one of its rules
and goes on; the exit status is then 1. An odd number of words is an error.
.PP
With no FILE, or when FILE is \-, standard input is read.
.SH OPTIONS
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "printf 'libc app\en libm app\en libc libm\en' | tsort"
prints libc, libm, app.
.SH "SEE ALSO"
.BR sort (1)
`;
