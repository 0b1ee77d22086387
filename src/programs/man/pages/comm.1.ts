export default String.raw`.TH COMM 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
comm \- compare two sorted files line by line
.SH SYNOPSIS
.B comm
[\fIOPTION\fR]... \fIFILE1 FILE2\fR
.SH DESCRIPTION
.B comm
reads two files that are already sorted and prints three columns: lines
found only in
.IR FILE1 ,
lines found only in
.IR FILE2 ,
and lines found in both. Each column is indented by one more tab than the
previous one. Either file (not both) may be
.B \-
for standard input.
.PP
Both inputs must be sorted in the same collating order
.B comm
uses (the current locale); sort them with
.BR sort (1)
first. When some lines cannot be paired and an input is out of order,
.B comm
warns about it.
.SH OPTIONS
.TP
.B \-1
Do not print column 1 (lines only in FILE1).
.TP
.B \-2
Do not print column 2 (lines only in FILE2).
.TP
.B \-3
Do not print column 3 (lines in both files).
.TP
.B \-\-check\-order
Fail as soon as an input is found to be unsorted, even if every line
pairs.
.TP
.B \-\-nocheck\-order
Never check the order.
.TP
.BI \-\-output\-delimiter= STR
Separate the columns with
.I STR
instead of a tab.
.TP
.B \-\-total
Finish with a line giving the number of lines in each column.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be read or, with
.BR \-\-check\-order ,
an input was not sorted.
.SH EXAMPLES
.TP
.B "comm \-12 <(sort a.txt) <(sort b.txt)"
Print only the lines the two files have in common.
.TP
.B "comm \-23 <(cut \-d: \-f1 /etc/passwd | sort) <(cut \-d: \-f1 /etc/shadow | sort)"
List accounts that have no entry in /etc/shadow.
.SH "SEE ALSO"
.BR diff (1),
.BR join (1),
.BR sort (1),
.BR uniq (1)
`;
