export default String.raw`.TH UNEXPAND 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
unexpand \- convert spaces to tabs
.SH SYNOPSIS
.B unexpand
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B unexpand
copies the files (or standard input) to standard output, replacing runs of
blanks that reach a tab stop with tab characters. By default only the
blanks at the start of each line are converted and tab stops are 8 columns
apart.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Convert every run of two or more blanks before a tab stop, not only the
leading ones.
.TP
.B \-\-first\-only
Convert only the leading blanks, even if
.B \-a
was given.
.TP
.BI \-t " N" "\fR, \fB\-\-tabs=" N
Put tab stops every
.I N
columns; implies
.BR \-a .
.TP
.BI \-t " LIST" "\fR, \fB\-\-tabs=" LIST
Put tab stops at the listed columns (separated by commas), with
.BI / N
and
.BI + N
as in
.BR expand (1);
implies
.BR \-a .
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "unexpand \-\-first\-only \-t 4 file.txt"
Turn four\-space indentation into tabs.
.SH "SEE ALSO"
.BR expand (1),
.BR tr (1)
`;
