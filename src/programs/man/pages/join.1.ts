export default String.raw`.TH JOIN 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
join \- join lines of two files on a common field
.SH SYNOPSIS
.B join
[\fIOPTION\fR]... \fIFILE1 FILE2\fR
.SH DESCRIPTION
For each pair of lines of
.I FILE1
and
.I FILE2
whose join fields are equal,
.B join
writes one output line: the join field, then the other fields of the line
from
.IR FILE1 ,
then the other fields of the line from
.IR FILE2 .
The default join field is the first. Either file (not both) may be
.B \-
for standard input.
.PP
By default fields are separated by runs of blanks, leading blanks are
ignored and output fields are separated by a space. Both files must be
sorted on the join field, the way
.B "sort \-k 1b,1"
sorts them; otherwise
.B join
warns, and some lines may not be paired.
.SH OPTIONS
.TP
.BI \-a " FILENUM"
Also print the lines of file
.I FILENUM
(1 or 2) that have no partner.
.TP
.BI \-e " STRING"
Print
.I STRING
in place of missing fields (used with
.BR \-o ).
.TP
.BR \-i ", " \-\-ignore\-case
Compare the join fields without regard to case.
.TP
.BI \-j " FIELD"
Join on field
.I FIELD
of both files; same as
.BR "\-1 \fIFIELD\fB \-2 \fIFIELD" .
.TP
.BI \-o " FORMAT"
Print the fields listed in
.I FORMAT
instead of the default layout. Each element is
.IB FILENUM . FIELD
or
.B 0
(the join field), separated by commas or blanks.
.B "\-o auto"
takes the number of fields from the first line of each file.
.TP
.BI \-t " CHAR"
Use
.I CHAR
as the field separator, on input and output. Every occurrence separates
two fields, so empty fields are possible.
.TP
.BI \-v " FILENUM"
Like
.BR \-a ,
but print only the unpaired lines.
.TP
.BI \-1 " FIELD"
Join on this field of file 1.
.TP
.BI \-2 " FIELD"
Join on this field of file 2.
.TP
.B \-\-check\-order
Fail when an input is not sorted, even if all lines pair.
.TP
.B \-\-nocheck\-order
Do not check the order of the input.
.TP
.B \-\-header
Treat the first line of each file as a header: join and print them without
checking their order.
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
0 on success, 1 on an error or, with
.BR \-\-check\-order ,
unsorted input.
.SH EXAMPLES
.TP
.B "join \-t: <(sort \-t: \-k1,1 /etc/passwd) <(sort \-t: \-k1,1 /etc/shadow)"
Combine each user's passwd and shadow entries (as root).
.TP
.B "join \-t: \-1 4 \-2 3 \-o 1.1,2.1 <(sort \-t: \-k4,4 /etc/passwd) <(sort \-t: \-k3,3 /etc/group)"
Print each user with the name of the primary group.
.SH "SEE ALSO"
.BR comm (1),
.BR paste (1),
.BR sort (1),
.BR uniq (1)
`;
