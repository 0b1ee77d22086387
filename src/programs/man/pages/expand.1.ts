export default String.raw`.TH EXPAND 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
expand \- convert tabs to spaces
.SH SYNOPSIS
.B expand
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B expand
copies the files (or standard input) to standard output, replacing each tab
with the number of spaces that reaches the next tab stop. Backspaces move
the column back by one. By default tab stops are 8 columns apart.
.SH OPTIONS
.TP
.BR \-i ", " \-\-initial
Convert only the tabs that come before the first non\-blank character of a
line.
.TP
.BI \-t " N" "\fR, \fB\-\-tabs=" N
Put tab stops every
.I N
columns instead of 8.
.TP
.BI \-t " LIST" "\fR, \fB\-\-tabs=" LIST
Put tab stops at the columns listed, separated by commas (or blanks).
A last entry written
.BI / N
adds a stop at every multiple of
.I N
beyond the listed ones, while
.BI + N
adds one every
.I N
columns counted from the last listed stop.
.TP
.BI \- N
An old form of
.BR "\-t \fIN\fR" .
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "expand \-t 4 script.sh > script.spaces.sh"
Replace tabs with four\-column indentation.
.SH "SEE ALSO"
.BR unexpand (1),
.BR fold (1),
.BR tr (1)
`;
