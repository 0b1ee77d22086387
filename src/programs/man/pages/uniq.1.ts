export default String.raw`.TH UNIQ 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
uniq \- report or omit repeated lines
.SH SYNOPSIS
.B uniq
[\fIOPTION\fR]... [\fIINPUT\fR [\fIOUTPUT\fR]]
.SH DESCRIPTION
.B uniq
reads
.I INPUT
(or standard input) and merges every group of
.B adjacent
identical lines into one, writing the result to
.I OUTPUT
(or standard output). Repeated lines that are not next to each other are
not noticed, so the input is normally sorted first:
.BR "sort | uniq" .
.SH OPTIONS
.TP
.BR \-c ", " \-\-count
Put the number of occurrences in front of each line.
.TP
.BR \-d ", " \-\-repeated
Print only lines that occur more than once, one copy each.
.TP
.B \-D
Print every copy of the lines that occur more than once.
.TP
.BR \-\-all\-repeated [=\fIMETHOD\fR]
Like
.BR \-D ,
with groups delimited by an empty line:
.I METHOD
is
.B none
(the default),
.B prepend
or
.BR separate .
.TP
.BI \-f " N" "\fR, \fB\-\-skip\-fields=" N
Ignore the first
.I N
fields when comparing. A field is a run of blanks followed by non\-blank
characters.
.TP
.BR \-\-group [=\fIMETHOD\fR]
Print every line, with an empty line between groups:
.I METHOD
is
.B separate
(the default),
.BR prepend ,
.B append
or
.BR both .
.TP
.BR \-i ", " \-\-ignore\-case
Compare lines without regard to case.
.TP
.BI \-s " N" "\fR, \fB\-\-skip\-chars=" N
Ignore the first
.I N
characters when comparing (after the skipped fields).
.TP
.BR \-u ", " \-\-unique
Print only lines that are not repeated.
.TP
.BI \-w " N" "\fR, \fB\-\-check\-chars=" N
Compare at most
.I N
characters of each line.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "cut \-d: \-f7 /etc/passwd | sort | uniq \-c"
Count how many accounts use each login shell.
.TP
.B "sort names.txt | uniq \-d"
Show the names that appear more than once.
.SH "SEE ALSO"
.BR sort (1),
.BR comm (1),
.BR wc (1)
`;
