export default String.raw`.TH NL 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
nl \- number the lines of files
.SH SYNOPSIS
.B nl
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B nl
copies the files (or standard input) to standard output with line numbers
added. By default only non\-empty lines are numbered, with the number right
aligned in six columns and followed by a tab.
.PP
The input may be divided into logical pages, each with a header, a body and
a footer section. A line holding only the delimiter
.B \e:\e:\e:
starts a header,
.B \e:\e:
a body and
.B \e:
a footer; numbering starts again at each logical page. Text without such
lines is all body.
.SH OPTIONS
.TP
.BI \-b " STYLE" "\fR, \fB\-\-body\-numbering=" STYLE
Which body lines to number (default
.BR t ).
.TP
.BI \-d " CC" "\fR, \fB\-\-section\-delimiter=" CC
Use the two characters
.I CC
in the section delimiter lines instead of
.BR \e: .
A single character is followed by
.BR : .
.TP
.BI \-f " STYLE" "\fR, \fB\-\-footer\-numbering=" STYLE
Which footer lines to number (default
.BR n ).
.TP
.BI \-h " STYLE" "\fR, \fB\-\-header\-numbering=" STYLE
Which header lines to number (default
.BR n ).
.TP
.BI \-i " NUMBER" "\fR, \fB\-\-line\-increment=" NUMBER
Add
.I NUMBER
to the line number for each numbered line (default 1).
.TP
.BI \-l " NUMBER" "\fR, \fB\-\-join\-blank\-lines=" NUMBER
With style
.BR a ,
number only every
.IR NUMBER th
empty line of a run of empty lines.
.TP
.BI \-n " FORMAT" "\fR, \fB\-\-number\-format=" FORMAT
Lay the numbers out as
.B ln
(left aligned),
.B rn
(right aligned, the default) or
.B rz
(right aligned with leading zeros).
.TP
.BR \-p ", " \-\-no\-renumber
Do not reset the line number at the start of each logical page.
.TP
.BI \-s " STRING" "\fR, \fB\-\-number\-separator=" STRING
Put
.I STRING
between the number and the text instead of a tab.
.TP
.BI \-v " NUMBER" "\fR, \fB\-\-starting\-line\-number=" NUMBER
Start numbering each logical page at
.I NUMBER
(default 1).
.TP
.BI \-w " NUMBER" "\fR, \fB\-\-number\-width=" NUMBER
Use
.I NUMBER
columns for the numbers (default 6).
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
.I STYLE
is
.B a
(number every line),
.B t
(number only non\-empty lines),
.B n
(number no line) or
.BI p BRE
(number only the lines matching the basic regular expression
.IR BRE ).
.SH EXAMPLES
.TP
.B "nl \-ba /etc/fstab"
Number every line, including empty ones.
.TP
.B "nl \-w3 \-s': ' /etc/hosts"
Use narrow numbers followed by a colon.
.SH "SEE ALSO"
.BR cat (1),
.BR pr (1),
.BR grep (1)
`;
