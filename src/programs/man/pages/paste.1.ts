export default String.raw`.TH PASTE 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
paste \- merge lines of files side by side
.SH SYNOPSIS
.B paste
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B paste
writes line N of every
.I FILE
side by side, separated by tabs, as line N of the output. A file that runs
out of lines contributes empty strings. With no
.IR FILE ,
or for
.BR \- ,
standard input is read (several
.B \-
operands share it line by line).
.SH OPTIONS
.TP
.BI \-d " LIST" "\fR, \fB\-\-delimiters=" LIST
Separate with the characters of
.IR LIST ,
used in turn and reused from the start when exhausted, instead of a tab.
.I LIST
may contain
.B \en
(newline),
.B \et
(tab),
.B \e\e
(backslash) and
.B \e0
(no delimiter).
.TP
.BR \-s ", " \-\-serial
Paste the lines of one file at a time, turning each file into a single
output line.
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
.B "paste \-d: names.txt uids.txt"
Join two lists column by column with a colon.
.TP
.B "cut \-d: \-f1 /etc/passwd | paste \-sd,"
Print all user names on one comma\-separated line.
.TP
.B "ls | paste \- \- \-"
Print a listing in three columns.
.SH "SEE ALSO"
.BR cut (1),
.BR join (1),
.BR column (1)
`;
