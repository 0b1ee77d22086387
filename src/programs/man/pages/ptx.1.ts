export default String.raw`.TH PTX 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
ptx \- produce a permuted index of file contents
.SH SYNOPSIS
.B ptx
[\fIOPTION\fR]... [\fIINPUT\fR]...
.br
.B ptx \-G
[\fIOPTION\fR]... [\fIINPUT\fR [\fIOUTPUT\fR]]
.SH DESCRIPTION
Print every word of the input as a keyword, sorted, each on a line with the
text around it: the text before the keyword ends at the middle of the line,
the keyword and what follows it start there. Context that does not fit is cut
at whole words and marked with '/', and the ends of a context may wrap around
to the other side. Without \-G, a context is a sentence and words are runs of
letters; with \-G, a context is a line and words are runs of non-blanks.
With no INPUT, or when INPUT is \-, standard input is read.
.TP
.BR \-A ", " \-\-auto\-reference
Start each line with FILE:LINE of the keyword.
.TP
.BR \-G ", " \-\-traditional
Work like System V ptx: roff output, at most one input file (and an output file).
.TP
.BR \-F ", " \-\-flag\-truncation =\fISTRING\fR
Mark cut-off context with STRING instead of '/'.
.TP
.BR \-M ", " \-\-macro\-name =\fISTRING\fR
Name of the roff or TeX macro (xx by default).
.TP
.BR \-O ", " \-\-format=roff
Write .xx roff lines.
.TP
.BR \-R ", " \-\-right\-side\-refs
Put references at the right end of the line.
.TP
.BR \-S ", " \-\-sentence\-regexp =\fIREGEXP\fR
What ends a context; an empty REGEXP makes each file one context.
.TP
.BR \-T ", " \-\-format=tex
Write TeX macro calls.
.TP
.BR \-W ", " \-\-word\-regexp =\fIREGEXP\fR
What a keyword looks like.
.TP
.BR \-b ", " \-\-break\-file =\fIFILE\fR
The characters of FILE are the ones that separate words.
.TP
.BR \-f ", " \-\-ignore\-case
Sort without regard to case.
.TP
.BR \-g ", " \-\-gap\-size =\fINUMBER\fR
Columns between the fields (3).
.TP
.BR \-i ", " \-\-ignore\-file =\fIFILE\fR
Skip the keywords listed in FILE, one a line.
.TP
.BR \-o ", " \-\-only\-file =\fIFILE\fR
Use only the keywords listed in FILE.
.TP
.BR \-r ", " \-\-references
The first word of each input line is its reference, shown instead of being indexed.
.TP
.BR \-t ", " \-\-typeset\-mode
Accepted and ignored.
.TP
.BR \-w ", " \-\-width =\fINUMBER\fR
Width of the output lines without the references (72).
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR sort (1)
`;
