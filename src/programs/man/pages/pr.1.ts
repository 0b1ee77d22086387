export default String.raw`.TH PR 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
pr \- lay out text files in pages for printing
.SH SYNOPSIS
.B pr
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B pr
cuts each file (or standard input) into pages of 66 lines. Every page starts
with a five-line header holding the date, the file name and the page number,
and ends with five empty lines. The date is the file's modification time, or
the current time for standard input and for
.BR \-m .
A form feed in the input ends a page early.
.SH OPTIONS
.TP
.BI + FIRST\fR[:\fILAST\fR] "\fR, \fB\-\-pages=" FIRST\fR[:\fILAST\fR]
Print only the pages from
.I FIRST
to
.IR LAST .
.TP
.BI \- COLUMN "\fR, \fB\-\-columns=" COLUMN
Print in
.I COLUMN
columns, filled down each page (balanced on the last page). Lines that do not
fit their column are cut.
.TP
.BR \-a ", " \-\-across
With columns, fill them across the page instead of down.
.TP
.BR \-c ", " \-\-show\-control\-chars
Show control characters as \fB^X\fR and other non-printing bytes in octal.
.TP
.BR \-d ", " \-\-double\-space
Follow each line with an empty one.
.TP
.BI \-D " FORMAT" "\fR, \fB\-\-date\-format=" FORMAT
Write the header date with a
.BR date (1)
format (by default \fB%Y\-%m\-%d %H:%M\fR).
.TP
.BR \-e "[\fICHAR\fR[\fIWIDTH\fR]], " \-\-expand\-tabs "[=\fICHAR\fR[\fIWIDTH\fR]]"
Expand input tabs (or \fICHAR\fR) to stops every \fIWIDTH\fR columns (8).
.TP
.BR \-f ", " \-F ", " \-\-form\-feed
End each page with a form feed rather than empty lines.
.TP
.BI \-h " HEADER" "\fR, \fB\-\-header=" HEADER
Show
.I HEADER
in the header instead of the file name.
.TP
.BR \-i "[\fICHAR\fR[\fIWIDTH\fR]], " \-\-output\-tabs "[=\fICHAR\fR[\fIWIDTH\fR]]"
Replace runs of spaces by tabs (or \fICHAR\fR) at stops every \fIWIDTH\fR columns.
.TP
.BR \-J ", " \-\-join\-lines
With columns, never cut lines; join them with the separator instead.
.TP
.BI \-l " LENGTH" "\fR, \fB\-\-length=" LENGTH
Make pages
.I LENGTH
lines long. With 10 lines or fewer, no header or trailer is printed.
.TP
.BR \-m ", " \-\-merge
Print the files side by side, one column each.
.TP
.BR \-n "[\fISEP\fR[\fIDIGITS\fR]], " \-\-number\-lines "[=\fISEP\fR[\fIDIGITS\fR]]"
Number the lines, in \fIDIGITS\fR columns (5), followed by \fISEP\fR (a tab).
.TP
.BI \-N " NUMBER" "\fR, \fB\-\-first\-line\-number=" NUMBER
Begin numbering at
.I NUMBER
on the first page printed.
.TP
.BI \-o " MARGIN" "\fR, \fB\-\-indent=" MARGIN
Indent every line by
.I MARGIN
spaces.
.TP
.BR \-r ", " \-\-no\-file\-warnings
Say nothing about files that cannot be opened (the exit status is still 1).
.TP
.BR \-s "[\fICHAR\fR], " \-\-separator "[=\fICHAR\fR]"
Separate columns by one \fICHAR\fR (a tab by default).
.TP
.BR \-S "[\fISTRING\fR], " \-\-sep\-string "[=\fISTRING\fR]"
Separate columns by \fISTRING\fR.
.TP
.BR \-t ", " \-\-omit\-header
Print neither the header nor the trailer, nor pad the last page.
.TP
.BR \-T ", " \-\-omit\-pagination
Like \fB\-t\fR, and also drop the form feeds found in the input.
.TP
.BR \-v ", " \-\-show\-nonprinting
Show non-printing bytes as a backslash and three octal digits.
.TP
.BI \-w " WIDTH" "\fR, \fB\-\-width=" WIDTH
Page width for multi-column output (72).
.TP
.BI \-W " WIDTH" "\fR, \fB\-\-page\-width=" WIDTH
Page width, always cutting longer lines unless \fB\-J\fR is given.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "pr \-3 \-t list.txt"
A list in three columns, with no header.
.TP
.B "pr \-m \-t old.conf new.conf"
Two files side by side.
.TP
.B "pr \-n \-h 'Report' data.txt | less"
Numbered pages with a title.
.SH "SEE ALSO"
.BR fmt (1),
.BR column (1),
.BR paste (1)
`;
