export default String.raw`.TH CSPLIT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
csplit \- cut a file into pieces at given lines or patterns
.SH SYNOPSIS
.B csplit
[\fIOPTION\fR]... \fIFILE PATTERN\fR...
.SH DESCRIPTION
.B csplit
writes the pieces of FILE (standard input for \-) that the PATTERNs mark off to
files named xx00, xx01, and so on, and prints the size in bytes of each.
Each PATTERN ends the current piece:
.TP
.I N
before line number N (the line numbers only grow);
.TP
.BI / REGEXP / [OFFSET]
before the next line matching the basic regular expression, moved by OFFSET
lines (+ or \-);
.TP
.BI % REGEXP % [OFFSET]
the same, but the lines up to there are skipped, not written;
.TP
.BI { N }
repeat the pattern before it N more times (for a line number: every N lines);
.TP
.B {*}
repeat it as long as input remains.
.PP
What is left after the last pattern forms the last piece. On an error the
pieces written so far are removed, unless \fB\-k\fR is given.
.SH OPTIONS
.TP
.BI \-b ", " \-\-suffix\-format= FORMAT
A printf format with one integer conversion for the number in the names
(default %02d).
.TP
.BI \-f ", " \-\-prefix= PREFIX
Start the names with PREFIX instead of xx.
.TP
.BR \-k ", " \-\-keep\-files
Keep the pieces after an error.
.TP
.B \-\-suppress\-matched
Leave out the lines that the patterns match.
.TP
.BI \-n ", " \-\-digits= DIGITS
Number the pieces with DIGITS digits.
.TP
.BR \-s ", " \-\-quiet ", " \-\-silent
Do not print the sizes.
.TP
.BR \-z ", " \-\-elide\-empty\-files
Do not keep empty pieces.
.SH EXAMPLES
.TP
.B "csplit \-z book.txt '/^Chapter/' '{*}'"
One file per chapter.
.SH "SEE ALSO"
.BR split (1),
.BR head (1)
`;
