export default String.raw`.TH WHATIS 1 "2022-12-21" "2.11.1" "Manual pager utils"
.SH NAME
whatis \- display one-line manual page descriptions
.SH SYNOPSIS
.B whatis
[\fB\-s\fR \fIlist\fR] \fIname\fR...
.SH DESCRIPTION
.B whatis
prints the name, the section and the one-line description of each manual
page called
.IR name ,
in every section.
The description is the line of the page's NAME section.
.B "man \-f"
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
.B "whatis passwd"
Shows that there is a command
.BR passwd (1)
and a file format
.BR passwd (5).
.SH "SEE ALSO"
.BR apropos (1),
.BR man (1)
`;
