export default String.raw`.TH FOLD 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
fold \- wrap each input line to fit a width
.SH SYNOPSIS
.B fold
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B fold
writes the files (or standard input) to standard output, breaking every line
that is longer than the width (80 columns by default) into several lines.
Tabs advance to the next multiple of 8 columns, a backspace moves back one
column and a carriage return goes back to column 0.
.SH OPTIONS
.TP
.BR \-b ", " \-\-bytes
Count bytes rather than columns, so that tabs and backspaces count as one.
.TP
.BR \-s ", " \-\-spaces
Break after the last blank that fits on the line, when there is one, so
that words are not split.
.TP
.BI \-w " WIDTH" "\fR, \fB\-\-width=" WIDTH
Use
.I WIDTH
columns instead of 80.
.B \-\fIWIDTH\fR
is an older form.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "fold \-s \-w 72 notes.txt"
Wrap long lines at word boundaries for e\-mail.
.SH "SEE ALSO"
.BR fmt (1),
.BR cut (1),
.BR expand (1)
`;
