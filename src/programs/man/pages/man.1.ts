export default String.raw`.TH MAN 1 "2022-12-21" "2.11.1" "Manual pager utils"
.SH NAME
man \- an interface to the system reference manuals
.SH SYNOPSIS
.B man
[\fIoptions\fR] [\fIsection\fR] \fIpage\fR...
.br
.B man
.B \-k
[\fIoptions\fR] \fIregexp\fR...
.br
.B man
.B \-f
\fIpage\fR...
.br
.B man
.B \-l
\fIfile\fR...
.SH DESCRIPTION
.B man
shows the manual page of each
.IR page ,
formatted for the width of the terminal and shown through a pager.
When standard output is not a terminal, the page is written as plain text,
so that
.B "man ls | grep \-\- \-\-sort"
works.
A page is shown only while the program it describes is installed.
.PP
The manual is divided into sections; the ones found on Photon OS are:
.TP 4
.B 1
Commands any user can run
.PD 0
.TP
.B 5
File formats, such as
.BR passwd (5)
.TP
.B 7
Overviews and conventions
.TP
.B 8
Commands for the administrator
.PD
.PP
Without a
.IR section ,
.B man
searches the sections in the order 1, 8, 3, 2, 5, 4, 9, 6, 7 and shows the
first page found.
A page is named
.IR name ( section )
in the text, as in
.BR ls (1).
.SS "Reading a page"
The default pager is
.BR less (1):
SPACE moves a screen forward, b back,
.BI / word
searches, h shows help and q leaves.
A page has sections such as NAME, SYNOPSIS (how to call the program:
.B bold
text is typed as shown,
.I underlined
text is replaced, and
.B [ ]
marks what is optional), DESCRIPTION, OPTIONS, EXIT STATUS, EXAMPLES and
SEE ALSO.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Show every matching page, not only the first.
.TP
.BR \-f ", " \-\-whatis
Print the one-line description of each
.IR page ,
like
.BR whatis (1).
.TP
.BR \-k ", " \-\-apropos
Search the names and descriptions of all pages for each regular expression,
like
.BR apropos (1).
.TP
.BR \-w ", " \-\-where ", " \-\-path ", " \-\-location
Print where each page is installed instead of showing it.
.TP
.BR \-l ", " \-\-local\-file
Format each argument as a file of roff source, such as a page you are
writing.
.TP
.BI \-s " list\fR, \fB\-S" " list\fR, \fB\-\-sections=" list
Search only the sections in
.IR list ,
separated by colons.
.TP
.BI \-P " pager\fR, \fB\-\-pager=" pager
Show pages with
.I pager
instead of
.BR MANPAGER ,
.B PAGER
or
.BR less .
.TP
.BI \-r " prompt\fR, \fB\-\-prompt=" prompt
Give
.B less
this prompt;
.B $MAN_PN
in it stands for the page name.
.TP
.BR \-\-nj ", " \-\-no\-justification
Fill lines without stretching them to the right margin.
.TP
.BR \-\-nh ", " \-\-no\-hyphenation
Accepted; pages are not hyphenated here anyway.
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
.TP
.B 0
Success.
.TP
.B 1
A usage error.
.TP
.B 3
The pager could not be run.
.TP
.B 16
At least one page, or one keyword, was not found.
.SH ENVIRONMENT
.TP
.B MANPAGER\fR, \fPPAGER
The pager to use, in this order.
.TP
.B MANWIDTH
The width to format for, instead of the terminal's.
.TP
.B MAN_KEEP_FORMATTING
When set, bold and underline are kept even when the output is not a terminal.
.SH EXAMPLES
.TP
.B "man 5 passwd"
Shows the page about the file
.IR /etc/passwd ,
not the command.
.TP
.B "man \-k user"
Lists the pages about users.
.TP
.B "man \-P cat ls"
Prints a page without a pager.
.SH "SEE ALSO"
.BR apropos (1),
.BR whatis (1),
.BR less (1)
`;
