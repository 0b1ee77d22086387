export default String.raw`.TH CUT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
cut \- print selected parts of each line
.SH SYNOPSIS
.B cut
\fIOPTION\fR... [\fIFILE\fR]...
.SH DESCRIPTION
.B cut
writes a chosen part of every line of the files (or of standard input when
there is no
.I FILE
or it is
.BR \- ):
some bytes, some characters, or some fields separated by a delimiter.
Exactly one of
.BR \-b ", " \-c " and " \-f
must be given.
.PP
.I LIST
is one range or several separated by commas. Each range is
.I N
(the Nth item, counting from 1),
.IB N \-
(from the Nth to the end of the line),
.IB N \- M
(from N to M) or
.BI \- M
(from the first to M). Items are always printed in input order, once
each, whatever order the list names them in.
.SH OPTIONS
.TP
.BI \-b " LIST" "\fR, \fB\-\-bytes=" LIST
Print only the bytes in
.IR LIST .
.TP
.BI \-c " LIST" "\fR, \fB\-\-characters=" LIST
Print only the characters in
.IR LIST .
.TP
.BI \-d " DELIM" "\fR, \fB\-\-delimiter=" DELIM
Use the single character
.I DELIM
as the field separator instead of a tab.
.TP
.BI \-f " LIST" "\fR, \fB\-\-fields=" LIST
Print only the fields in
.IR LIST .
A line that contains no delimiter is printed whole, unless
.B \-s
is given.
.TP
.B \-n
Accepted and ignored.
.TP
.B \-\-complement
Print everything except what
.I LIST
selects.
.TP
.BR \-s ", " \-\-only\-delimited
With
.BR \-f ,
leave out lines that contain no delimiter.
.TP
.BI \-\-output\-delimiter= STRING
Join the selected pieces with
.I STRING
instead of the input delimiter.
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
0 on success, 1 on an error.
.SH EXAMPLES
.TP
.B "cut \-d: \-f1,7 /etc/passwd"
Print each user name with its login shell.
.TP
.B "cut \-d: \-f1 \-\-complement /etc/group"
Print /etc/group without the group names.
.TP
.B "cut \-c1\-15 app.log"
Print the first fifteen characters (the time stamp) of every line.
.SH "SEE ALSO"
.BR gawk (1),
.BR paste (1),
.BR join (1),
.BR tr (1)
`;
