export default String.raw`.TH APROPOS 1 "2022-12-21" "2.11.1" "Manual pager utils"
.SH NAME
apropos \- search the manual page names and descriptions
.SH SYNOPSIS
.B apropos
[\fB\-s\fR \fIlist\fR] \fIkeyword\fR...
.SH DESCRIPTION
.B apropos
searches the names and one-line descriptions of all installed manual pages
for each
.IR keyword ,
read as an extended regular expression without regard to case, and prints
each page that matches, like
.BR whatis (1).
.B "man \-k"
does the same.
.SH OPTIONS
.TP
.BI \-s " list\fR, \fB\-\-sections=" list
Look only in the sections in
.IR list ,
separated by colons.
.TP
.BR \-l ", " \-\-long
Do not trim lines to the terminal width.
.TP
.BR \-? ", " \-\-help
Print a help text and exit.
.TP
.B \-\-usage
Print a short usage message and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when something was found, 1 for a usage error, 16 when nothing was found.
.SH EXAMPLES
.TP
.B "apropos \-s 8 user"
Lists the administration commands about users.
.TP
.B "apropos '^ls'"
Lists pages whose name or description starts with
.BR ls .
.SH "SEE ALSO"
.BR whatis (1),
.BR man (1)
`;
