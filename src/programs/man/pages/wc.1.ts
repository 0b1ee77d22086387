export default String.raw`.TH WC 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
wc \- count lines, words and bytes
.SH SYNOPSIS
.B wc
[\fIOPTION\fR]... [\fIFILE\fR]...
.br
.B wc
[\fIOPTION\fR]... \fB\-\-files0\-from=\fIF\fR
.SH DESCRIPTION
.B wc
prints the number of newlines, words and bytes of each
.IR FILE ,
followed by its name, and a
.B total
line when there are several files. A word is a run of printable characters
separated by white space. With no
.IR FILE ,
or for
.BR \- ,
standard input is read and no name is printed.
.PP
The options choose which counts are shown; they always appear in the order
lines, words, characters, bytes, maximum line length.
.SH OPTIONS
.TP
.BR \-c ", " \-\-bytes
Print the byte count.
.TP
.BR \-m ", " \-\-chars
Print the character count (differs from bytes for multibyte text).
.TP
.BR \-l ", " \-\-lines
Print the newline count. A last line without a newline is not counted.
.TP
.BI \-\-files0\-from= F
Read the names of the files to count from
.IR F ,
each ended by a NUL byte
.RB ( \-
for standard input).
.TP
.BR \-L ", " \-\-max\-line\-length
Print the display width of the longest line.
.TP
.BR \-w ", " \-\-words
Print the word count.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read.
.SH EXAMPLES
.TP
.B "wc \-l /etc/passwd"
Count the accounts.
.TP
.B "ps \-e \-\-no\-headers | wc \-l"
Count the running processes.
.TP
.B "find /etc \-name '*.conf' \-print0 | wc \-l \-\-files0\-from=\-"
Count the lines of every configuration file, with a total.
.SH "SEE ALSO"
.BR head (1),
.BR tail (1),
.BR uniq (1)
`;
