export default String.raw`.TH FMT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
fmt \- refill paragraphs of text to an even width
.SH SYNOPSIS
.B fmt
[\fI\-WIDTH\fR] [\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B fmt
reads the files (or standard input) and writes them back with each paragraph
refilled: short lines are joined and long ones broken so that the lines come
out close to a goal width. Blank lines separate paragraphs, and so does a
change of indentation. Line breaks are chosen for the whole paragraph at once,
preferring breaks after the end of a sentence and avoiding a lone word on the
last line.
.PP
A sentence ends with a word ending in \fB.\fR, \fB?\fR or \fB!\fR (perhaps
followed by closing quotes or brackets) that is followed by the end of the line
or by two spaces.
.SH OPTIONS
.TP
.BR \-c ", " \-\-crown\-margin
Keep the indentation of the first two lines of each paragraph; the following
lines line up with the second.
.TP
.BI \-p " STRING" "\fR, \fB\-\-prefix=" STRING
Refill only the lines that begin with
.IR STRING ,
such as a comment marker, and put it back in front of each refilled line.
Other lines are copied unchanged.
.TP
.BR \-s ", " \-\-split\-only
Break lines that are too long, but never join short ones. Useful for code.
.TP
.BR \-t ", " \-\-tagged\-paragraph
The first line of a paragraph is indented differently from the second, as in
a list item.
.TP
.BR \-u ", " \-\-uniform\-spacing
Put one space between words and two after the end of a sentence.
.TP
.BI \-w " WIDTH" "\fR, \fB\-\-width=" WIDTH
Make lines at most
.I WIDTH
columns wide (75 by default).
.B \-\fIWIDTH\fR
is accepted only as the first option.
.TP
.BI \-g " WIDTH" "\fR, \fB\-\-goal=" WIDTH
Aim for lines of
.I WIDTH
columns (93% of the maximum by default). Without
.BR \-w ,
the maximum becomes the goal plus 10.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "fmt \-w 60 README"
Refill a text file to 60 columns.
.TP
.B "fmt \-p '# ' \-w 72 script.sh"
Rewrap the comments of a shell script.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read or an option is wrong.
.SH "SEE ALSO"
.BR fold (1),
.BR pr (1),
.BR par (1)
`;
