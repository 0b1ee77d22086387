export default String.raw`.TH WHEREIS 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
whereis \- find the binary, source and manual page files of a command
.SH SYNOPSIS
.B whereis
[\fIoptions\fR] [\fB\-BMS\fR \fIdirectory\fR... \fB\-f\fR] \fIname\fR...
.SH DESCRIPTION
.B whereis
looks for the program, the manual pages and the source files belonging to
each
.IR name .
A leading path and a trailing extension such as
.B .c
or
.B .1.gz
are removed from the name first.
It searches a fixed list of standard places (such as
.BR /usr/bin ", " /usr/sbin ", " /usr/lib ", " /etc ", " /usr/share/man/* " and " /usr/src/* )
followed by the directories of
.B PATH
and
.BR MANPATH ,
and prints one line per name in the form
.IB name ": " "path path ..." \fR.
.SH OPTIONS
.TP
.B \-b
Search only for binaries.
.TP
.B \-m
Search only for manual pages and info files.
.TP
.B \-s
Search only for sources.
.TP
.BI \-B " list"
Search for binaries only in the given directories (instead of the
standard ones).
.TP
.BI \-M " list"
Search for manual pages only in the given directories.
.TP
.BI \-S " list"
Search for sources only in the given directories.
.TP
.B \-f
End the directory list of the last
.BR \-B ", " \-M " or " \-S ;
required before the names when one of those options is used.
.TP
.B \-u
Report only names that have an unusual number of entries (not exactly one
of each kind searched).
.TP
.B \-l
Print the directories that would be searched, then exit if no name is
given.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 normally, 1 on a usage error. A name that is not found is not an error;
its line simply lists no path.
.SH EXAMPLES
.TP
.B "whereis sshd"
Shows the daemon and its manual page.
.TP
.B "whereis \-b \-B /usr/sbin \-f useradd"
Search only /usr/sbin for the useradd program.
.SH "SEE ALSO"
.BR which (1),
.BR find (1),
.BR man (1)
`;
